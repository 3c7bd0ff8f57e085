package convert

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// List items out of place. Browsers show an <li> as a list item wherever
// it stands: "<p>Next:</p><li>one</li>" has a bullet, and so do the items
// of "<ul><blockquote><li>…</li></blockquote></ul>". The library makes
// paragraphs of the first and one item holding a quote of the second.
// mdWrapItems puts each run of stray items in a list of its own (of the
// kind of the list around it, else bulleted); mdUnwrapLists then drops a
// list that holds no item of its own but only such wrapped lists, so the
// quote holds the list rather than one item holding the quote.

// mdWrapItems wraps each run of <li> children of n (blank text and
// comments between them kept in the run) in a list, when n is a block
// other than a list. Items inside bold and the like are first moved out of
// it (mdItemsOutOf).
func mdWrapItems(n *html.Node) {
	if mdListTag(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if first := mdItemsOutOf(c); first != nil {
			c = first
		}
	}
	if n.Type != html.ElementNode || !mdIsBlock(n) {
		return // items inside other inline elements are the library's
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !mdIsItem(c) {
			continue
		}
		list := &html.Node{Type: html.ElementNode, Data: mdImpliedList(n)}
		n.InsertBefore(list, c)
		for c != nil && (mdIsItem(c) || mdRendersEmpty(c) && c.Type != html.ElementNode) {
			next := c.NextSibling
			n.RemoveChild(c)
			list.AppendChild(c)
			c = next
		}
		c = list
	}
}

// mdItemWrappers are the inline elements the library flattens a list
// inside of (it turns the items into spans).
var mdItemWrappers = map[string]bool{"strong": true, "b": true, "em": true, "i": true, "span": true, "font": true, "u": true}

// mdItemsOutOf turns an inline element n that holds only list items (and
// blank text), as "<strong><li>one</li></strong>" from broken markup, into
// the items, each holding a copy of n around its content: bold items, as a
// browser shows them. It returns the first item, or nil when n stays.
func mdItemsOutOf(n *html.Node) *html.Node {
	if n.Type != html.ElementNode || !mdItemWrappers[n.Data] || n.Parent == nil || n.FirstChild == nil {
		return nil
	}
	items := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case mdIsItem(c):
			items = true
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		default:
			return nil
		}
	}
	if !items {
		return nil
	}
	first := n.FirstChild
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
		if !mdIsItem(c) {
			continue
		}
		wrap := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom, Attr: append([]html.Attribute(nil), n.Attr...)}
		for k := c.FirstChild; k != nil; k = c.FirstChild {
			c.RemoveChild(k)
			wrap.AppendChild(k)
		}
		c.AppendChild(wrap)
	}
	n.Parent.RemoveChild(n)
	return first
}

// mdUnwrapLists replaces each list child of n that holds no <li> of its
// own, but some list, by its children. The lists among n's children are
// then separated anew (mdSeparateLists): the ones that were apart may now
// be neighbours, and the other way round.
func mdUnwrapLists(n *html.Node) {
	unwrapped := false
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if mdListTag(c) && !mdHasItem(c) && mdHoldsList(c) {
			mdUnwrap(c)
			unwrapped = true
		}
		c = next
	}
	if !unwrapped {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == mdListEndTag {
			n.RemoveChild(c)
		}
		c = next
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		mdSeparateLists(c)
	}
}

// mdGatherStray puts what stands in a list outside its items into items,
// in n and below, as the library does before it renders (into the item
// before it, else into a new one), but keeps the whitespace between two
// pieces of such content: the library skips every blank text child of a
// list as formatting, so "<ul>a<code>b</code> <code>c</code></ul>" lost
// its space and the two code spans ran together. Blank text next to an
// item or at either end is formatting and left where it is. It runs
// after mdUnwrapLists, which looks for lists holding only wrapped ones.
func mdGatherStray(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		mdGatherStray(c)
	}
	if !mdListTag(n) {
		return
	}
	stray := func(c *html.Node) bool {
		return c != nil && !mdIsItem(c) && (c.Type != html.TextNode || strings.TrimSpace(c.Data) != "")
	}
	var item *html.Node
	afterStray := false
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case mdIsItem(c):
			item, afterStray = c, false
		case !stray(c) && !(afterStray && stray(next)):
			afterStray = false // formatting between items
		default:
			if item == nil {
				item = &html.Node{Type: html.ElementNode, Data: "li", DataAtom: atom.Li}
				n.InsertBefore(item, c)
			}
			n.RemoveChild(c)
			item.AppendChild(c)
			afterStray = true
		}
		c = next
	}
}

// mdListTag reports whether n is a <ul> or <ol>.
func mdListTag(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.Data == "ul" || n.Data == "ol")
}

// mdIsItem reports whether n is an <li>.
func mdIsItem(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "li" }

// mdHasItem reports whether n has an <li> child.
func mdHasItem(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if mdIsItem(c) {
			return true
		}
	}
	return false
}

// mdHoldsList reports whether n has a list descendant.
func mdHoldsList(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if mdListTag(c) || mdHoldsList(c) {
			return true
		}
	}
	return false
}

// mdImpliedList is the list stray items inside n are shown as: the kind of
// the nearest list around them, else bulleted.
func mdImpliedList(n *html.Node) string {
	for p := n; p != nil; p = p.Parent {
		if mdListTag(p) {
			return p.Data
		}
		if mdIsItem(p) {
			break // items of an item's own content: a new list
		}
	}
	return "ul"
}
