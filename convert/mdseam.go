package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// Emphasis next to emphasis. Before it renders, the library merges an
// emphasis element with the bold or italic elements right after it
// (looking into <span>s): "<b>a</b><b>b</b>" is written "**ab**", as
// "**a****b**" would not be bold. Two things follow.
//
//   - It merges bold with italic alike: "<b>a</b><i>b</i>" would be
//     "**ab**", b no longer in italics. mdSeparateEmphasis puts a
//     mdSeamTag element, which renders as nothing, between the two, so
//     each keeps its own. Where the two sets of delimiters would touch
//     they would run together ("***a*****b**" is not bold b), so the
//     second is written as HTML tags: "**a**<em>b</em>".
//   - It only looks into <span>s: with "<b>a</b><font><b>b</b></font>"
//     the two stay apart and run together as "**a****b**", which shows the
//     asterisks; the page rendered from that has lost the <font>, so a
//     second conversion would merge them. mdUnwrapEmphasisEdge drops a
//     wrapper the Markdown shows nothing of when emphasis starts or ends
//     it, so the emphasis meets its neighbours as siblings, as in a second
//     conversion.

// mdSeamTag stands between two emphasis elements of different kinds.
const mdSeamTag = "wpexit-seam"

// mdUnwrapEmphasisEdge replaces n, an element the Markdown shows nothing
// of (a plain wrapper, a link with neither href nor id) whose first or
// last child is emphasis, by its children, and returns the last of them
// (nil when n stays).
func mdUnwrapEmphasisEdge(n *html.Node) *html.Node {
	if n.Type != html.ElementNode || n.Parent == nil || !mdShowsNothing(n) ||
		(mdEmphasisKind(n.FirstChild) == "" && mdEmphasisKind(n.LastChild) == "") {
		return nil
	}
	last := n.LastChild
	mdUnwrap(n)
	return last
}

// mdShowsNothing reports whether element n shows only its content in the
// Markdown: a plain wrapper, a link with no href and no id or name, or an
// element neither HTML's nor ours (a custom or misspelt tag, "<center>"),
// which the library writes as its content. The common tags are answered by
// a switch (mdShowsNothingByName is the rule; the tests hold the two
// together).
func mdShowsNothing(n *html.Node) bool {
	switch n.Data {
	case "a":
		return mdBareAnchor(n)
	case "span", "font", "big", "cite", "label":
		return true
	case "p", "div", "li", "ul", "ol", "strong", "em", "b", "i", "img", "br", "figure", "figcaption",
		"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "table", "tr", "td", "th",
		"tbody", "thead", "iframe", "hr", "sup", "sub", "u", "del", "s", "strike", "small",
		"section", "article", "header", "footer", "nav", "dl", "dt", "dd":
		return false
	}
	return mdShowsNothingByName(n.Data)
}

// mdShowsNothingByName is mdShowsNothing for an element other than <a>,
// which depends on its name only.
func mdShowsNothingByName(name string) bool {
	if mdPlainWrappers[name] {
		return true
	}
	_, ours := mdRenderers[name]
	return !ours && !mdKnownTags[name] && !mdPluginTagTypes[name] &&
		!dom.NameIsBlockNode(name) && !dom.NameIsInlineNode(name)
}

// mdUnwrapBareAnchors replaces each <a> child of n that has no href, id or
// name by its children (an empty one goes): it shows nothing of its own,
// and the page rendered from the Markdown no longer has it, so a second
// conversion sees its content in its place. Left in, it would keep apart
// what the library joins when they meet (emphasis, code) and what it adds
// a space between.
func mdUnwrapBareAnchors(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		if c.Type != html.ElementNode || c.Data != "a" || !mdBareAnchor(c) {
			c = c.NextSibling
			continue
		}
		next := c.NextSibling
		if c = mdUnwrap(c); c == nil {
			c = next
		}
	}
}

// mdDropEmptyInline removes each child of n that is emphasis or inline
// code holding no text at all (not even a space) and nothing that shows
// without text (mdRendersEmpty). It writes nothing, and the page rendered
// from the Markdown has no such element; left in, it keeps apart what the
// library joins when they meet: two code spans either side of
// "<em><code></code></em>" ran together, one span holding the backticks.
// It is not dropped inside <pre>, whose markup stays as written.
func mdDropEmptyInline(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (mdEmphasisTag(c.Data) != "" || mdIsCodeEdge(c)) &&
			!mdHasText(c) && mdRendersEmpty(c) && !mdInPre(c) {
			n.RemoveChild(c)
		}
		c = next
	}
}

// mdBareAnchor reports whether <a> n has no href, id or name: it writes
// only its content.
func mdBareAnchor(n *html.Node) bool {
	for _, k := range []string{"href", "id", "name"} {
		if strings.TrimSpace(dom.GetAttributeOr(n, k, "")) != "" {
			return false
		}
	}
	return true
}

// mdKnownTags are elements the library (or the table plugin) writes in
// their own way though the dom package does not list them.
var mdKnownTags = map[string]bool{
	"html": true, "head": true, "body": true, "title": true, "tr": true, "td": true, "th": true,
	"thead": true, "tbody": true, "tfoot": true, "caption": true, "colgroup": true, "col": true,
}

// mdEmphasisKind is mdEmphasisTag for an element node, "" for any other.
func mdEmphasisKind(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return ""
	}
	return mdEmphasisTag(n.Data)
}

// mdMergeKind is the kind of emphasis the library merges n with: "strong"
// or "em" (strikethrough is merged only with strikethrough), "" for other
// nodes.
func mdMergeKind(n *html.Node) string {
	if k := mdEmphasisKind(n); k == "strong" || k == "em" {
		return k
	}
	return ""
}

// mdSeparateEmphasis walks doc as the library does when it merges
// emphasis and puts a mdSeamTag before each element it would merge into
// emphasis of the other kind. Bold inside bold and italics inside italics
// are unwrapped first, as the library does before it merges (the inner
// one shows nothing more), so the walk sees the tree the library will.
func mdSeparateEmphasis(doc *html.Node) {
	mdUnwrapNestedEmphasis(doc)
	var merged map[*html.Node]bool // taken by an earlier element
	for n := doc; n != nil; n = dom.GetNextNeighborElement(n) {
		kind := mdMergeKind(n)
		if kind == "" || merged[n] {
			continue
		}
		chain := []*html.Node{n} // n and what the library merges into it
		for next := n.NextSibling; next != nil; {
			if next.Type == html.ElementNode && next.Data == "span" {
				next = dom.GetNextNeighborNode(next)
				continue
			}
			k := mdMergeKind(next)
			if k == "" {
				break
			}
			if k != kind && len(chain) == 1 && kind == "strong" && mdTouch(chain, next) && mdFlipBoldItalic(n) {
				// n is now inside its italics: go on from them
				n, kind = n.Parent, "em"
				chain[0] = n
			}
			if k == "strong" && kind == "em" && mdTouch(chain, next) && mdFlipBoldItalic(next) {
				// next is now inside its italics, which merge with ours
				next, k = next.Parent, "em"
			}
			if k != kind {
				seam := &html.Node{Type: html.ElementNode, Data: mdSeamTag}
				if mdTouch(chain, next) {
					seam.Attr = []html.Attribute{{Key: "touch"}}
				}
				next.Parent.InsertBefore(seam, next)
				break
			}
			if merged == nil {
				merged = map[*html.Node]bool{}
			}
			merged[next] = true
			chain = append(chain, next)
			next = dom.GetNextNeighborNodeExcludingOwnChild(next)
		}
	}
}

// mdFlipBoldItalic turns bold n whose one child is italics inside out,
// "<strong><em>x</em></strong>" into "<em><strong>x</strong></em>", and
// reports whether it did. Both are written "***x***", which Markdown reads
// as the second; where italics follow or precede with no space between,
// the library merges them with the second only, so the first conversion
// must see that one, as the second will.
func mdFlipBoldItalic(n *html.Node) bool {
	e := mdEdgeNode(n, true)
	if e == nil || e != mdEdgeNode(n, false) || mdMergeKind(e) != "em" || n.Parent == nil {
		return false
	}
	// blank text beside the italics is written outside the bold anyway
	for k := n.FirstChild; k != e; k = n.FirstChild {
		n.RemoveChild(k)
		n.Parent.InsertBefore(k, n)
	}
	for k := n.LastChild; k != e; k = n.LastChild {
		n.RemoveChild(k)
		n.Parent.InsertBefore(k, n.NextSibling)
	}
	n.RemoveChild(e)
	for k := e.FirstChild; k != nil; k = e.FirstChild {
		e.RemoveChild(k)
		n.AppendChild(k)
	}
	n.Parent.InsertBefore(e, n)
	n.Parent.RemoveChild(n)
	e.AppendChild(n)
	return true
}

// mdUnwrapNestedEmphasis replaces each bold element inside bold, and each
// italic one inside italics, by its children.
func mdUnwrapNestedEmphasis(doc *html.Node) {
	var nested []*html.Node
	var walk func(n *html.Node, strong, em bool)
	walk = func(n *html.Node, strong, em bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s, e := strong, em
			switch mdMergeKind(c) {
			case "strong":
				if strong {
					nested = append(nested, c)
				}
				s = true
			case "em":
				if em {
					nested = append(nested, c)
				}
				e = true
			}
			walk(c, s, e)
		}
	}
	walk(doc, false, false)
	for _, n := range nested {
		mdUnwrap(n)
	}
}

// mdTouch reports whether the Markdown delimiters of the emphasis the
// library makes of chain (merged into its first element) and of emphasis
// b after it would touch: both show something and neither has whitespace
// at the edge facing the other.
func mdTouch(chain []*html.Node, b *html.Node) bool {
	shows := false
	var ta strings.Builder
	for _, a := range chain {
		shows = shows || !mdRendersEmpty(a)
		ta.WriteString(dom.CollectText(a))
	}
	if !shows || mdRendersEmpty(b) || (len(chain) == 1 && mdLinkOnly(chain[0])) || mdLinkOnly(b) {
		return false
	}
	return mdTouchText(ta.String(), dom.CollectText(b))
}

// mdLinkOnly reports whether emphasis n holds one link and nothing else
// that shows (blank text, empty elements aside), maybe inside more
// emphasis: the emphasis is written
// inside the link, so the link's brackets stand at its edges.
func mdLinkOnly(n *html.Node) bool {
	for {
		var c *html.Node // the one child that shows something
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if !mdRendersEmpty(k) {
				if c != nil {
					return false
				}
				c = k
			}
		}
		if c == nil || c.Type != html.ElementNode {
			return false
		}
		if c.Data == "a" {
			return true
		}
		if mdEmphasisTag(c.Data) == "" {
			return false
		}
		n = c
	}
}

// mdTouchText reports whether text ta, then tb, meet without whitespace.
func mdTouchText(ta, tb string) bool {
	last, _ := utf8.DecodeLastRuneInString(ta)
	first, _ := utf8.DecodeRuneInString(tb)
	return (ta == "" || !unicode.IsSpace(last)) && (tb == "" || !unicode.IsSpace(first))
}

// mdAfterTouchingSeam reports whether n follows a mdSeamTag whose
// emphasis before it would end right where n's delimiters start.
func mdAfterTouchingSeam(n *html.Node) bool {
	p := n.PrevSibling
	return p != nil && p.Type == html.ElementNode && p.Data == mdSeamTag && len(p.Attr) > 0
}

// mdDropSeams removes the mdSeamTag elements inside n (n kept as raw HTML).
func mdDropSeams(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.Data == mdSeamTag {
				n.RemoveChild(c)
			} else {
				mdDropSeams(c)
			}
		}
		c = next
	}
}

// mdRenderSeam writes a mdSeamTag: nothing.
func mdRenderSeam(converter.Context, converter.Writer, *html.Node) converter.RenderStatus {
	return converter.RenderSuccess
}

// mdUnwrap replaces the element n by its children, in place, and returns
// the first of them (nil when it had none).
func mdUnwrap(n *html.Node) *html.Node {
	first := n.FirstChild
	for k := first; k != nil; k = n.FirstChild {
		n.RemoveChild(k)
		n.Parent.InsertBefore(k, n)
	}
	n.Parent.RemoveChild(n)
	return first
}
