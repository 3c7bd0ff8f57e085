package verify

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Side is what a reader gets from one rendering of a page.
type Side struct {
	// Text is the visible text, one block (paragraph, heading, list item,
	// table cell, caption) per line; code keeps its own lines. Entities are
	// decoded and whitespace inside a block collapsed; typography is not
	// normalised here (Compare does that).
	Text string
	// Links are the href of every <a> with something to see (text or an
	// image), in document order.
	Links []string
	// Autolinks[i] tells that Links[i] was made by linkify from a URL
	// standing in the text (FromMarkdown only). WordPress shows such a URL
	// as text, so Compare does not count it as an extra link.
	Autolinks []bool
	// Media are the sources of img, iframe, video, audio, source, embed
	// and object elements, in document order.
	Media []string
	// Counts are the structure counts.
	Counts Counts
	// CodeLines is the line count of each code block, in order.
	CodeLines []int
	// Shortcodes are the Hugo shortcodes FromMarkdown could not render
	// (neither figure, youtube, vimeo nor relref), by name, in order. They
	// rendered to nothing.
	Shortcodes []string
}

// Counts are a page's structure. Only elements a reader can see count: a
// paragraph, list item or table cell with no text and no media is not
// counted.
type Counts struct {
	// Paragraphs are the text blocks that are not a heading, list item,
	// table cell or code: <p>, captions, and text standing in <div>,
	// <blockquote> or the body. "<p>a</p>" and "<div>a</div>" both count
	// one, and so do "a<br><br>b" and "<p>a</p><p>b</p>" two.
	Paragraphs int `json:"paragraphs"`
	Headings   int `json:"headings"`    // h1 to h6
	ListItems  int `json:"list_items"`  // li, dt and dd
	TableCells int `json:"table_cells"` // td and th
	CodeBlocks int `json:"code_blocks"` // pre
}

// FromHTML reads a Side from an HTML fragment or document. Its URLs are as
// written; map them with WithURLs.
func FromHTML(src string) (Side, error) {
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return Side{}, fmt.Errorf("parse html: %w", err)
	}
	var x extractor
	for _, n := range nodes {
		x.walk(n)
	}
	x.flush()
	return x.side(), nil
}

// WithURLs returns s with every link and media source mapped by key (see
// LinkKey). A nil key returns s unchanged.
func (s Side) WithURLs(key func(raw string) string) Side {
	if key == nil {
		return s
	}
	s.Links = mapAll(s.Links, key)
	s.Media = mapAll(s.Media, key)
	return s
}

// mapAll returns a new slice of f applied to each element.
func mapAll(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
