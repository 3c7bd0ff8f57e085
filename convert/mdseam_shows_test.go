package convert

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// mdShowsNothingRef is mdShowsNothing without the switch of common tags.
func mdShowsNothingRef(n *html.Node) bool {
	if n.Data == "a" && !mdPlainWrappers["a"] {
		return mdBareAnchor(n)
	}
	return mdShowsNothingByName(n.Data)
}

// mdShowsCases holds every tag mdShowsNothing's switch names, and others.
var mdShowsCases = strings.Fields(`a p div li ul ol strong em b i span img br figure figcaption h1 h2 h3 h4 h5 h6
	blockquote pre code table tr td th tbody thead tfoot iframe hr sup sub u del s strike cite abbr small big
	section article header footer nav aside main dl dt dd label button video audio source font center mark
	ins q kbd tt var samp caption col colgroup html body head noscript wpexit-more wpexit-seam x-custom`)

func TestMdShowsNothingMatchesRef(t *testing.T) {
	for _, name := range mdShowsCases {
		for _, attr := range [][]html.Attribute{nil, {{Key: "href", Val: "x"}}} {
			n := &html.Node{Type: html.ElementNode, Data: name, Attr: attr}
			if got, want := mdShowsNothing(n), mdShowsNothingRef(n); got != want {
				t.Errorf("mdShowsNothing(<%s %v>) = %v, want %v", name, attr, got, want)
			}
		}
	}
}

// FuzzMdShowsNothingMatchesRef: the switch agrees with the rule.
func FuzzMdShowsNothingMatchesRef(f *testing.F) {
	for _, name := range mdShowsCases {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		n := &html.Node{Type: html.ElementNode, Data: name}
		if got, want := mdShowsNothing(n), mdShowsNothingRef(n); got != want {
			t.Errorf("mdShowsNothing(<%s>) = %v, want %v", name, got, want)
		}
	})
}
