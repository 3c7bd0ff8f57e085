package convert

import "fmt"

// Page is one Hugo content file.
type Page struct {
	Path        string // relative to content/, slash-separated, e.g. "posts/2012-02-14-x.md"
	FrontMatter FrontMatter
	Body        string // Markdown, ending in one newline (empty for an empty post)
	Notes       []Note
}

// Bytes returns the whole file: the front matter between "---" lines, a
// blank line, and the body, written into one buffer sized for all of it.
func (p *Page) Bytes() ([]byte, error) {
	b := make([]byte, 0, len(p.Body)+9+p.FrontMatter.sizeHint())
	b = append(b, "---\n"...)
	b, err := p.FrontMatter.appendYAML(b)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", p.Path, err)
	}
	b = append(b, "---\n"...)
	if p.Body != "" {
		b = append(b, '\n')
		b = append(b, p.Body...)
	}
	return b, nil
}
