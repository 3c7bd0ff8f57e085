package convert

import (
	"strings"
	"testing"

	"github.com/JohannesKaufmann/dom"
	"golang.org/x/net/html"
)

// mdRendersEmptyRef is mdRendersEmpty as it was, collecting the text: the
// reference for the walk that decides without it.
func mdRendersEmptyRef(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.TextNode:
		return strings.TrimSpace(n.Data) == ""
	case html.ElementNode:
		if strings.TrimSpace(dom.CollectText(n)) != "" || n.Data == "br" || n.Data == "hr" {
			return false
		}
		return !mdMedia[n.Data] && dom.FindFirstNode(n, func(c *html.Node) bool { return mdMedia[c.Data] }) == nil
	}
	return false
}

var mdEmptyCases = []string{
	"<div></div>", "<div> \n</div>", "<div>x</div>", "<div><span> </span><img></div>", "<p><br></p>",
	"<ul><li></li></ul>", "<ul><li>\u00a0</li></ul>", "<div>\u2003<b>\u00a0</b></div>", "<div>é</div>",
	"<div><!--pre--></div>", "<div><!-- x --></div>", "<div>table</div>", "<span><svg></svg></span>",
	"<div><em></em><code> </code></div>", "<hr>", "<br>", "<table></table>", "<p>\xc2</p>",
}

// mdCheckEmpty compares mdRendersEmpty and mdHasText with their references
// on every node of the document parsed from src.
func mdCheckEmpty(t *testing.T, src string) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if got, want := mdRendersEmpty(n), mdRendersEmptyRef(n); got != want {
			t.Errorf("mdRendersEmpty(%s in %q) = %v, want %v", n.Data, src, got, want)
		}
		if got, want := mdHasText(n), dom.CollectText(n) != ""; got != want {
			t.Errorf("mdHasText(%s in %q) = %v, want %v", n.Data, src, got, want)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestMdRendersEmptyMatchesRef(t *testing.T) {
	for _, src := range mdEmptyCases {
		mdCheckEmpty(t, src)
	}
	// Two text nodes that only make a non-breaking space together.
	div := &html.Node{Type: html.ElementNode, Data: "div"}
	div.AppendChild(&html.Node{Type: html.TextNode, Data: "\xc2"})
	div.AppendChild(&html.Node{Type: html.TextNode, Data: "\xa0"})
	if got, want := mdRendersEmpty(div), mdRendersEmptyRef(div); got != want || !got {
		t.Errorf("mdRendersEmpty(split nbsp) = %v, want %v", got, want)
	}
}

// FuzzMdRendersEmptyMatchesRef: the walk agrees with collecting the text.
func FuzzMdRendersEmptyMatchesRef(f *testing.F) {
	for _, src := range mdEmptyCases {
		f.Add(src)
	}
	f.Fuzz(mdCheckEmpty)
}
