package convert

import "github.com/wpexit/wpexit/wxr"

// Page is one Hugo content file.
type Page struct {
	Path        string // relative to content/, slash-separated, e.g. "posts/2012-02-14-x.md"
	FrontMatter FrontMatter
	Body        string // Markdown, ending in one newline
	Notes       []Note
}

// FrontMatter is the page's YAML front matter. STUB: owned by the page work.
type FrontMatter struct {
	Title string
}

// Bytes returns the whole file. STUB.
func (p *Page) Bytes() ([]byte, error) {
	return []byte("---\ntitle: " + p.FrontMatter.Title + "\n---\n\n" + p.Body), nil
}

func (c *Converter) frontMatter(it *wxr.Item, plan Plan) FrontMatter {
	return FrontMatter{Title: it.Title}
}
