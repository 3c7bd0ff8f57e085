package convert

import (
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
)

// newMarkdown builds this worker's HTML → Markdown converter. STUB: owned by
// the markdown work.
func (c *Converter) newMarkdown() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(base.NewBasePlugin(), commonmark.NewCommonmarkPlugin()))
}

// markdown converts rendered HTML to the page body. STUB.
func (c *Converter) markdown(html string) (string, []Note, error) {
	s, err := c.md.ConvertString(html)
	return s, nil, err
}
