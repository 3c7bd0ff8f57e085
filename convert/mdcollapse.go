package convert

import (
	"strings"

	"golang.org/x/net/html"
)

// mdCollapse collapses white space below root as the library's
// collapse.Collapse does with mdBaseCollapse's block test (the tests
// compare the two on the same trees), without its costs: collapse.Collapse
// asks for every node, by name, whether it is preformatted (twice), void
// and a block, each a call through a function value and a search of a
// list.
//
// The rules, as white space shows in HTML: each run of white space in a
// text becomes one space; a text's leading space goes when the text before
// it ends in a space or there is none since the last block, break, void
// element, "pre" or "code"; a block or a break trims the trailing space of
// the text before it; a text left empty is removed, and so is the last
// text if the trim empties it. Nothing inside "pre" and "code" changes,
// and nodes that are neither elements, texts nor comments are removed.
func mdCollapse(root *html.Node, k *mdTagKinds) {
	if root.FirstChild == nil || mdPreformatted(root) {
		return
	}
	c := mdCollapser{k: k}
	c.children(root)
	if t := c.prevText; t != nil {
		t.Data = strings.TrimSuffix(t.Data, " ")
		if t.Data == "" {
			t.Parent.RemoveChild(t)
		}
	}
}

// mdCollapser is the state of one mdCollapse walk.
type mdCollapser struct {
	k        *mdTagKinds
	prevText *html.Node // the last text kept since the last block or break
	keepLead bool       // the next text keeps its leading space
}

// children walks the children of n in document order.
func (c *mdCollapser) children(n *html.Node) {
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		c.node(ch)
		ch = next
	}
}

// node collapses n and what is below it. An element with children is
// looked at when the walk enters it and again when it leaves it, as
// collapse.Collapse does.
func (c *mdCollapser) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		c.text(n)
	case html.ElementNode:
		kind := c.kindOf(n)
		c.element(kind)
		if n.FirstChild != nil && !mdPreformatted(n) {
			c.children(n)
			c.element(kind)
		}
	case html.CommentNode:
	default:
		n.Parent.RemoveChild(n)
	}
}

// text collapses the white space of text node n.
func (c *mdCollapser) text(n *html.Node) {
	s := mdOneSpace(n.Data)
	if s != "" && s[0] == ' ' && !c.keepLead && (c.prevText == nil || strings.HasSuffix(c.prevText.Data, " ")) {
		s = s[1:]
	}
	if s == "" {
		n.Parent.RemoveChild(n)
		return
	}
	n.Data = s
	c.prevText = n
}

// What collapse.Collapse does at an element, by kind.
const (
	mdCollapseInline = iota // drops the leading space guard once a text was seen
	mdCollapseBreak         // a block or "br": trims the text before it
	mdCollapseKeep          // void, "pre" or "code": the next text keeps its leading space
)

// kindOf returns what the walk does at element n.
func (c *mdCollapser) kindOf(n *html.Node) int {
	switch {
	case c.k.ofNode(n)&mdKindBlock != 0 || n.Data == "br":
		return mdCollapseBreak
	case mdVoidForCollapse(n.Data) || n.Data == "pre" || n.Data == "code":
		return mdCollapseKeep
	}
	return mdCollapseInline
}

// element updates the walk's state at an element of kind kind.
func (c *mdCollapser) element(kind int) {
	switch {
	case kind == mdCollapseBreak:
		if c.prevText != nil {
			c.prevText.Data = strings.TrimSuffix(c.prevText.Data, " ")
		}
		c.prevText, c.keepLead = nil, false
	case kind == mdCollapseKeep:
		c.prevText, c.keepLead = nil, true
	case c.prevText != nil:
		c.keepLead = false
	}
}

// mdPreformatted reports whether collapse.Collapse leaves what is below n
// as it is: an element "pre" or "code". (It goes by dom.NodeName, which
// names a doctype by its Data too, but a doctype has no children.)
func mdPreformatted(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.Data == "pre" || n.Data == "code")
}

// mdVoidForCollapse reports whether collapse.Collapse takes the element
// named name for a void one (its list has no "source").
func mdVoidForCollapse(name string) bool {
	switch name {
	case "area", "base", "br", "col", "command", "embed", "hr", "img", "input",
		"keygen", "link", "meta", "param", "track", "wbr":
		return true
	}
	return false
}

// mdOneSpace returns s with each run of spaces, tabs, carriage returns and
// newlines made one space; s itself when there is nothing to change.
func mdOneSpace(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if mdCollapseSpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && mdCollapseSpace(s[i+1])) {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !mdCollapseSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && mdCollapseSpace(s[i]) {
			i++
		}
	}
	return b.String()
}

// mdCollapseSpace reports whether b is white space to collapse.Collapse.
func mdCollapseSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r'
}
