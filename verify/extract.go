package verify

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractor walks a parsed page and collects a Side.
type extractor struct {
	blocks []string
	cur    strings.Builder // text of the block being read
	seen   int             // visible things read so far: text runs and media
	nested [nestKinds]int  // open elements of each kind around the walk
	hidden int             // open elements whose text is not shown (video fallback)
	links  []string
	auto   []bool
	media  []string
	counts Counts
	code   []int
}

// Kinds of elements whose text is not a paragraph. A caption's text is:
// Markdown has no caption, so the converter writes a table's caption as a
// paragraph, and Hugo's figure wraps its caption in <p>.
const (
	nestItem = iota
	nestCell
	nestHeading
	nestPre
	nestKinds
)

// skipped elements show nothing.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Textarea: true, atom.Select: true,
}

// blockish elements end the text block before them and start a new one.
var blockish = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Body: true, atom.Html: true, atom.Iframe: true,
	atom.Video: true, atom.Audio: true, atom.Object: true,
}

// nestOf tells which kind an element opens, or -1.
func nestOf(a atom.Atom) int {
	switch a {
	case atom.Li, atom.Dt, atom.Dd:
		return nestItem
	case atom.Td, atom.Th:
		return nestCell
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return nestHeading
	case atom.Pre:
		return nestPre
	}
	return -1
}

// walk reads n and its subtree.
func (x *extractor) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		x.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		x.children(n)
		return
	default:
		return
	}
	if skipped[n.DataAtom] {
		return
	}
	link := len(x.links)
	x.source(n)
	switch n.DataAtom {
	case atom.Br:
		if x.nested[nestPre] > 0 {
			x.cur.WriteByte('\n') // a verse block breaks its lines with <br>
			return
		}
		x.cur.WriteByte(' ')
		if afterBreak(n) {
			x.flush() // "a<br><br>b" shows as two paragraphs
		}
		return
	case atom.Pre:
		x.pre(n)
		return
	case atom.Iframe, atom.Embed, atom.Img:
		return // their content is not shown
	}
	block := blockish[n.DataAtom]
	if block {
		x.flush()
	}
	kind := nestOf(n.DataAtom)
	if kind >= 0 {
		x.nested[kind]++
	}
	fallback := n.DataAtom == atom.Video || n.DataAtom == atom.Audio || n.DataAtom == atom.Object
	if fallback {
		x.hidden++
	}
	before := x.seen
	x.children(n)
	if n.DataAtom == atom.A && link < len(x.links) && x.seen == before {
		// A link with nothing to see (no text, no image) cannot be
		// followed; Markdown cannot even write it.
		x.links, x.auto = x.links[:link], x.auto[:link]
	}
	if fallback {
		x.hidden--
	}
	if block {
		x.flush()
	}
	if kind >= 0 {
		x.nested[kind]--
		if x.seen > before {
			x.count(kind)
		}
	}
}

// children walks n's children.
func (x *extractor) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c)
	}
}

// count records a finished element of a kind that held something visible.
func (x *extractor) count(kind int) {
	switch kind {
	case nestItem:
		x.counts.ListItems++
	case nestCell:
		x.counts.TableCells++
	case nestHeading:
		x.counts.Headings++
	}
}

// source records the link or media source of an element.
func (x *extractor) source(n *html.Node) {
	var attr string
	switch n.DataAtom {
	case atom.A:
		attr = "href"
	case atom.Img, atom.Iframe, atom.Video, atom.Audio, atom.Source, atom.Embed:
		attr = "src"
	case atom.Object:
		attr = "data"
	default:
		return
	}
	v, ok := attrOf(n, attr)
	v = strings.TrimSpace(v)
	if !ok || v == "" {
		return
	}
	if n.DataAtom == atom.A {
		_, auto := attrOf(n, autolinkAttr)
		x.links = append(x.links, v)
		x.auto = append(x.auto, auto)
		return
	}
	x.media = append(x.media, v)
	x.seen++
}

// afterBreak reports whether the <br> n follows another <br> with nothing
// visible between: a blank line. The other <br> may close an earlier
// inline sibling ("<span>a<br></span><br>") or be separated by an empty one
// ("a<br><em></em><br>b"), or open a later one ("a<br><code><br>x</code>").
func afterBreak(n *html.Node) bool {
	for {
		if n.PrevSibling == nil {
			n = n.Parent
			if n == nil || n.Type != html.ElementNode || blockish[n.DataAtom] {
				return false
			}
			continue
		}
		n = n.PrevSibling
		for n.Type == html.ElementNode && n.LastChild != nil && !blockish[n.DataAtom] && !skipped[n.DataAtom] {
			n = n.LastChild
		}
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			return true
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "", n.Type == html.CommentNode:
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
		case n.Type == html.ElementNode && n.FirstChild == nil && !blockish[n.DataAtom] && !isMedia(n.DataAtom):
		default:
			return false
		}
	}
}

// isMedia reports whether elements of the kind show something without
// text.
func isMedia(a atom.Atom) bool {
	switch a {
	case atom.Img, atom.Iframe, atom.Video, atom.Audio, atom.Embed, atom.Object, atom.Svg, atom.Canvas, atom.Input, atom.Hr:
		return true
	}
	return false
}

// attrOf returns the value of n's attribute key.
func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// text adds a text node's content to the current block.
func (x *extractor) text(s string) {
	if x.hidden > 0 {
		return
	}
	if x.nested[nestPre] > 0 {
		x.cur.WriteString(s)
		return
	}
	if strings.TrimSpace(s) != "" {
		x.seen++
	}
	x.cur.WriteString(s)
}

// pre reads a code block: its text keeps its lines.
func (x *extractor) pre(n *html.Node) {
	x.flush()
	x.nested[nestPre]++
	x.children(n)
	x.nested[nestPre]--
	lines := codeLines(x.cur.String())
	x.cur.Reset()
	if len(lines) == 0 {
		return
	}
	x.seen++
	x.counts.CodeBlocks++
	x.code = append(x.code, len(lines))
	x.blocks = append(x.blocks, strings.Join(lines, "\n"))
}

// codeLines splits code into lines, without trailing spaces and without
// blank lines before the first and after the last line.
func codeLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r\u00a0")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// flush ends the current text block.
func (x *extractor) flush() {
	if x.cur.Len() == 0 || x.nested[nestPre] > 0 {
		return
	}
	t := strings.Join(strings.Fields(x.cur.String()), " ")
	x.cur.Reset()
	if t == "" {
		return
	}
	x.blocks = append(x.blocks, t)
	if x.nested == [nestKinds]int{} {
		x.counts.Paragraphs++
	}
}

// side returns what was collected.
func (x *extractor) side() Side {
	return Side{
		Text:      strings.Join(x.blocks, "\n"),
		Links:     x.links,
		Autolinks: x.auto,
		Media:     x.media,
		Counts:    x.counts,
		CodeLines: x.code,
	}
}
