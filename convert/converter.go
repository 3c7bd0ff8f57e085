package convert

import (
	"fmt"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"

	"github.com/wpexit/wpexit/wxr"
)

// Converter turns items into pages. It is not safe for concurrent use: give
// each worker its own (they share the read-only Site).
type Converter struct {
	opts Options
	site *Site
	md   *converter.Converter
}

// New returns a Converter that resolves galleries, reusable blocks and
// featured images through site, which must no longer change.
func New(site *Site, opts Options) *Converter {
	if site == nil {
		site = NewSite()
	}
	c := &Converter{opts: opts, site: site}
	c.md = c.newMarkdown()
	return c
}

// Convert turns one planned item into a page. It returns an error only when
// the item cannot be converted at all; the caller reports it and goes on.
func (c *Converter) Convert(it *wxr.Item, plan Plan) (*Page, error) {
	if plan.Skip != "" {
		return nil, fmt.Errorf("convert item %d: planned as skipped (%s)", it.ID, plan.Skip)
	}
	html, notes := c.wordpressHTML(it)
	body, mdNotes, err := c.markdown(html)
	if err != nil {
		return nil, fmt.Errorf("convert item %d: %w", it.ID, err)
	}
	p := &Page{Path: plan.Path, Body: body, Notes: append(notes, mdNotes...)}
	p.FrontMatter = c.frontMatter(it, plan)
	return p, nil
}
