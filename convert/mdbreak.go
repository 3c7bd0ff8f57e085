package convert

import "golang.org/x/net/html"

// Line breaks at the edge of inline elements. A <br> that starts or ends
// an inline element ("<strong><br />b</strong>", "<a>x<br /></a>") shows
// the same as one just outside it, but the library trims it away with the
// element's edge whitespace: the break is lost, and two <br> making a blank
// line (a paragraph break, as WordPress shows it) become one. mdHoistBreaks
// moves such breaks out of the element first, so the library sees them
// side by side.

// mdBreakHoisted are the inline elements whose edge breaks are moved out.
var mdBreakHoisted = map[string]bool{
	"a": true, "strong": true, "b": true, "em": true, "i": true, "u": true,
	"del": true, "s": true, "strike": true, "ins": true, "mark": true,
	"span": true, "font": true, "small": true, "big": true, "abbr": true,
	"cite": true, "q": true, "sub": true, "sup": true,
	"code": true, "kbd": true, "samp": true, "tt": true, "var": true,
}

// mdHoistBreaks moves the <br> children at the start and end of inline
// element n (whitespace aside) out of it, before and after it. n's own
// children have been hoisted already, so breaks leave nested elements
// all the way. Nothing inside <pre> moves: a break there is a newline of
// the code.
func mdHoistBreaks(n *html.Node) {
	if n.Type != html.ElementNode || !mdBreakHoisted[n.Data] || n.Parent == nil || mdInPre(n) {
		return
	}
	for br := mdEdgeChild(n, true); br != nil; br = mdEdgeChild(n, true) {
		n.RemoveChild(br)
		n.Parent.InsertBefore(br, n)
	}
	for br := mdEdgeChild(n, false); br != nil; br = mdEdgeChild(n, false) {
		n.RemoveChild(br)
		n.Parent.InsertBefore(br, n.NextSibling)
	}
}

// mdEdgeChild returns n's first (or last) child other than blank text when
// it is a <br>, else nil.
func mdEdgeChild(n *html.Node, first bool) *html.Node {
	if c := mdEdgeNode(n, first); c != nil && c.Type == html.ElementNode && c.Data == "br" {
		return c
	}
	return nil
}

// mdInPre reports whether n is inside a <pre>.
func mdInPre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "pre" {
			return true
		}
	}
	return false
}
