package convert

import (
	"bytes"
	"fmt"
)

// Page is one Hugo content file.
type Page struct {
	Path        string // relative to content/, slash-separated, e.g. "posts/2012-02-14-x.md"
	FrontMatter FrontMatter
	Body        string // Markdown, ending in one newline (empty for an empty post)
	Notes       []Note
}

// Bytes returns the whole file: the front matter between "---" lines, a
// blank line, and the body.
func (p *Page) Bytes() ([]byte, error) {
	fm, err := p.FrontMatter.Marshal()
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", p.Path, err)
	}
	var b bytes.Buffer
	b.Grow(len(fm) + len(p.Body) + 16)
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	if p.Body != "" {
		b.WriteByte('\n')
		b.WriteString(p.Body)
	}
	return b.Bytes(), nil
}
