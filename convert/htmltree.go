package convert

import (
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The Markdown stage parses HTML our render stage wrote: tags closed in
// order, a short list of elements. For such input html.Parse's tree
// construction (insertion modes, the stack of active formatting elements,
// implied and moved nodes) changes nothing, yet it and Token's copies cost
// about half of the parse. htmlTree builds the same tree with a plain
// stack, from the tokens of htmlTokens (which reads the string itself and
// is unsure of uncommon syntax), and gives up (ok false) at the first token
// htmlTokens is unsure of or where the parser might do more than append it
// to the current element: parseHTML then runs html.Parse. The tests compare
// the two trees node by node.
//
// What htmlTree takes, in terms of what html.Parse does with it (a
// document without a doctype, so in quirks mode):
//
//   - before the first element or non-blank text, blank text is dropped and
//     comments go to the document; then html, head and body are made, and
//     the first text loses its leading white space;
//   - every end tag closes the current element (the parser's "top"), and
//     every element is closed by the end of input;
//   - only the tags treeKind names; a self-closing tag only for void ones;
//   - no element that would close a p in button scope while one is open,
//     no heading right inside a heading, no li (dd, dt) that would close
//     another, no a inside an a, no fourth open element of one formatting
//     tag (the Noah's Ark clause);
//   - tables only as table > thead|tbody|tfoot > tr > td|th, with nothing
//     but blank text and comments between them;
//   - no NUL, no doctype, fewer than htmlTreeDepth open elements.
//
// Formatting elements get their attributes sorted, as the parser's
// addFormattingElement sorts them; a newline right after <pre> is dropped.

// htmlTreeDepth bounds the open elements (html and body included): past
// 512 html.Parse fails, and that error is its to give.
const htmlTreeDepth = 500

// parseHTML returns the tree html.Parse builds for src, followed by a
// newline when nl is set.
func parseHTML(src string, nl bool) (*html.Node, error) {
	if doc, ok := htmlTree(src, nl); ok {
		return doc, nil
	}
	return html.Parse(htmlReader(src, nl))
}

// htmlReader reads src, then a newline when nl is set, without copying src.
func htmlReader(src string, nl bool) io.Reader {
	var in io.Reader = strings.NewReader(src)
	if nl {
		in = io.MultiReader(in, strings.NewReader("\n"))
	}
	return in
}

// htmlTree returns the tree html.Parse would build for src (followed by a
// newline when nl is set), or ok false when it is not of the simple kind
// described above or htmlTokens is unsure of it.
func htmlTree(src string, nl bool) (doc *html.Node, ok bool) {
	// htmlTokens takes no NUL; and the newline would join a last CR
	// (CRLF is one LF), which htmlTree, adding it as a token of its own,
	// would not.
	if strings.IndexByte(src, 0) >= 0 || nl && strings.HasSuffix(src, "\r") {
		return nil, false
	}
	b := treeBuilder{t: htmlTokens{src: src}}
	b.doc = b.node(html.DocumentNode, 0, "", nil)
	for ok = true; ok; {
		switch k := b.t.next(); k {
		case tokEOF:
			if nl {
				b.t.text = "\n"
				if !b.text() {
					return nil, false
				}
			}
			return b.doc, b.finish()
		case tokText:
			ok = b.text()
		case tokComment:
			b.comment()
		case tokStart, tokSelfClosing:
			ok = b.start(k == tokSelfClosing)
		case tokEnd:
			ok = b.end()
		default:
			ok = false
		}
	}
	return nil, false
}

// treeBuilder is htmlTree's state.
type treeBuilder struct {
	t        htmlTokens
	doc      *html.Node
	body     *html.Node       // nil until the first element or non-blank text
	open     []*html.Node     // the open elements inside body, innermost last
	slab     []html.Node      // nodes are cut from it
	attrSlab []html.Attribute // and attributes from this
}

// node returns a new node, cut from the slab: one allocation for many
// nodes (the slab lives as long as any of them, as long as the tree).
func (b *treeBuilder) node(t html.NodeType, a atom.Atom, data string, attr []html.Attribute) *html.Node {
	if len(b.slab) == cap(b.slab) {
		b.slab = make([]html.Node, 0, min(2*cap(b.slab)+8, 256))
	}
	b.slab = b.slab[:len(b.slab)+1]
	n := &b.slab[len(b.slab)-1]
	n.Type, n.DataAtom, n.Data, n.Attr = t, a, data, attr
	return n
}

// begin makes html, head and body, as the parser does at the first element
// or non-blank text.
func (b *treeBuilder) begin() {
	root := b.node(html.ElementNode, atom.Html, "html", nil)
	b.doc.AppendChild(root)
	root.AppendChild(b.node(html.ElementNode, atom.Head, "head", nil))
	b.body = b.node(html.ElementNode, atom.Body, "body", nil)
	root.AppendChild(b.body)
}

// top returns the current element.
func (b *treeBuilder) top() *html.Node {
	if len(b.open) == 0 {
		return b.body
	}
	return b.open[len(b.open)-1]
}

// finish ends the tree at the end of input: ok when every element was
// closed.
func (b *treeBuilder) finish() bool {
	if b.body == nil {
		b.begin()
	}
	return len(b.open) == 0
}

// comment adds a comment token.
func (b *treeBuilder) comment() {
	parent := b.doc
	if b.body != nil {
		parent = b.top()
	}
	parent.AppendChild(b.node(html.CommentNode, 0, b.t.text, nil))
}

// text adds a text token, merged into a text node just before it.
func (b *treeBuilder) text() bool {
	d := b.t.text
	if b.body == nil {
		if d = strings.TrimLeft(d, htmlSpace); d == "" {
			return true
		}
		b.begin()
	}
	top := b.top()
	switch top.DataAtom {
	case atom.Iframe: // raw text, kept as read
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr:
		if strings.Trim(d, htmlSpace) != "" {
			return false // foster parenting
		}
	case atom.Pre:
		if top.FirstChild == nil {
			d = strings.TrimPrefix(d, "\n") // CR is LF by now
		}
	}
	if d == "" {
		return true
	}
	if last := top.LastChild; last != nil && last.Type == html.TextNode {
		last.Data += d
		return true
	}
	top.AppendChild(b.node(html.TextNode, 0, d, nil))
	return true
}

// htmlSpace is the white space of HTML's tree construction (isSpace's
// bytes, as a cut set).
const htmlSpace = " \t\r\n\f"

// start adds a start tag, or reports false when the parser could do more.
func (b *treeBuilder) start(selfClosing bool) bool {
	name := b.t.name
	a := atom.Lookup(name)
	k := treeKind(a)
	if k == treeOther || len(name) == 0 || (selfClosing && k != treeVoid) {
		return false
	}
	if b.body == nil {
		b.begin()
	}
	top := b.top()
	if !b.allowed(k, a, top) {
		return false
	}
	data := a.String()
	if a == 0 {
		data = string(name)
	}
	n := b.node(html.ElementNode, a, data, b.attrs())
	if k == treeFormat {
		slices.SortFunc(n.Attr, attrOrder)
	}
	top.AppendChild(n)
	if k != treeVoid {
		b.open = append(b.open, n)
	}
	return len(b.open)+2 < htmlTreeDepth
}

// attrs returns the current tag's attributes, nil for none, cut from a
// slab as nodes are; the slice's capacity is its length, so an append to it
// copies it.
func (b *treeBuilder) attrs() []html.Attribute {
	n := len(b.t.attr)
	if n == 0 {
		return nil
	}
	if cap(b.attrSlab)-len(b.attrSlab) < n {
		b.attrSlab = make([]html.Attribute, 0, max(n, min(2*cap(b.attrSlab)+8, 128)))
	}
	i := len(b.attrSlab)
	b.attrSlab = append(b.attrSlab, b.t.attr...)
	return b.attrSlab[i : i+n : i+n]
}

// attrOrder is the order the parser sorts a formatting element's
// attributes in: namespace, key, value.
func attrOrder(x, y html.Attribute) int {
	if c := strings.Compare(x.Namespace, y.Namespace); c != 0 {
		return c
	}
	if c := strings.Compare(x.Key, y.Key); c != 0 {
		return c
	}
	return strings.Compare(x.Val, y.Val)
}

// end closes the current element, which must be the one the tag names.
func (b *treeBuilder) end() bool {
	if len(b.open) == 0 || string(b.t.name) != b.open[len(b.open)-1].Data {
		return false
	}
	b.open = b.open[:len(b.open)-1]
	return true
}
