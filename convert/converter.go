package convert

import (
	"errors"
	"fmt"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"

	"github.com/wpexit/wpexit/wxr"
)

// Converter turns items into pages. It is not safe for concurrent use: give
// each worker its own (they share the read-only Site).
type Converter struct {
	opts Options
	site *Site
	md   *converter.Converter

	noHold bool // render galleries as HTML, never held (heldfig.go): for tests
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

// Convert turns one planned item into a page: WordPress's rendering of the
// stored content, converted to Markdown, under front matter built from the
// item and the plan. It returns an error only when the item cannot be
// converted at all (including a panic in any stage, which is recovered); the
// caller reports it and goes on. Page.Notes hold what conversion found;
// the plan's own notes ("renamed", "front-page") stay in plan.Notes, which
// the caller reports for written and skipped items alike.
func (c *Converter) Convert(it *wxr.Item, plan Plan) (page *Page, err error) {
	if it == nil {
		return nil, fmt.Errorf("convert: nil item")
	}
	if plan.Skip != "" {
		return nil, fmt.Errorf("convert item %d: planned as skipped (%s)", it.ID, plan.Skip)
	}
	defer func() {
		if r := recover(); r != nil {
			page = nil
			err = fmt.Errorf("convert item %d: internal error: %v", it.ID, r)
		}
	}()
	body, notes, err := c.body(it)
	if err != nil {
		return nil, fmt.Errorf("convert item %d: %w", it.ID, err)
	}
	fm, fmNotes := c.frontMatter(it, plan)
	notes = append(notes, fmNotes...)
	return &Page{Path: plan.Path, FrontMatter: fm, Body: tidyBody(body), Notes: notes}, nil
}

// body converts the item's content to Markdown, with the notes of the
// render and Markdown stages. Plain prose takes the fast path; galleries
// are held (heldfig.go) unless the page turns out to need their HTML.
func (c *Converter) body(it *wxr.Item) (string, []Note, error) {
	if plain, ok := plainProse(it.Content); ok { // comment_plain.go
		return plain + "\n", nil, nil
	}
	html, r := c.render(it, !c.noHold)
	if len(r.galleries) > 0 && !heldGalleriesIntact(html, r.galleries) {
		html, r = c.render(it, false)
	}
	body, mdNotes, err := c.markdownNL(html, html != "", it.Link, r.galleries) // wordpressHTML's text
	if errors.Is(err, errHeldOutOfPlace) {
		html, r = c.render(it, false)
		body, mdNotes, err = c.markdownNL(html, html != "", it.Link, nil)
	}
	if err != nil {
		return "", nil, err
	}
	return body, append(r.notes, mdNotes...), nil
}

// tidyBody ends a non-empty body in exactly one newline and drops leading
// blank lines.
func tidyBody(s string) string {
	if n := len(s); n >= 2 && s[0] != '\n' && s[n-1] == '\n' && s[n-2] != '\n' && s[n-2] != ' ' && s[n-2] != '\t' {
		return s // already so: no copy
	}
	s = strings.TrimLeft(s, "\n")
	s = strings.TrimRight(s, "\n \t")
	if s == "" {
		return ""
	}
	return s + "\n"
}
