package convert

import (
	"strings"

	"github.com/JohannesKaufmann/dom"
	"golang.org/x/net/html"
)

// mdRendersEmpty reports whether n shows nothing: a comment, blank text,
// an element with neither text nor media.
//
// An element's subtree is walked once, without collecting its text: any
// node named like media (mdMedia) or text with an ASCII byte other than
// white space decides at once. Only text with other bytes, whose blankness
// could depend on its neighbours (a rune split between two text nodes), has
// the text collected and trimmed as a whole.
func mdRendersEmpty(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.TextNode:
		return strings.TrimSpace(n.Data) == ""
	case html.ElementNode:
		if n.Data == "br" || n.Data == "hr" || mdMedia[n.Data] {
			return false
		}
		shows, unsure := mdSubtreeShows(n)
		if shows {
			return false
		}
		return !unsure || strings.TrimSpace(dom.CollectText(n)) == ""
	}
	return false
}

// mdSubtreeShows reports whether a node below n is named like media or is
// text with an ASCII byte that is not white space (shows); unsure is set
// when some text has non-ASCII bytes and no such byte.
func mdSubtreeShows(n *html.Node) (shows, unsure bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if mdMedia[c.Data] {
			return true, false
		}
		if c.Type == html.TextNode {
			switch mdASCIIBlank(c.Data) {
			case blankNo:
				return true, false
			case blankUnsure:
				unsure = true
			}
		}
		s, u := mdSubtreeShows(c)
		if s {
			return true, false
		}
		unsure = unsure || u
	}
	return false, unsure
}

// blankness is what mdASCIIBlank can tell about a text.
type blankness int

const (
	blankYes    blankness = iota // only ASCII white space
	blankNo                      // an ASCII byte other than white space
	blankUnsure                  // no such byte, but bytes beyond ASCII
)

// mdASCIIBlank looks at the ASCII bytes of s.
func mdASCIIBlank(s string) blankness {
	b := blankYes
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
		case c < 0x80:
			return blankNo
		default:
			b = blankUnsure
		}
	}
	return b
}

// mdHasText reports whether n is or holds a text node that is not empty,
// as dom.CollectText(n) != "" does, without collecting it.
func mdHasText(n *html.Node) bool {
	if n.Type == html.TextNode && n.Data != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if mdHasText(c) {
			return true
		}
	}
	return false
}
