package convert

import (
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// The library's CommonMark plugin puts a space between text and bold or
// italics that start or end with inline code, so that the asterisks flank:
// "0<em><code>1</code></em>" became "0 *`1`*", and the page showed "0 1"
// where the post has "01". This stage's emphasis renderer already writes
// emphasis whose asterisks would not flank as HTML tags (mdemph.go), so the
// space only changes the text. The text nodes are noted before the plugin's
// pass, and those that gained a space at an edge get their text back after
// it; the plugin changes no other text.

// mdText is a text node and the text it had.
type mdText struct {
	n    *html.Node
	data string
}

// mdNoteTexts notes the text of every text node of doc when it has inline
// code inside bold or italics, where the plugin adds spaces.
func mdNoteTexts(ctx converter.Context, doc *html.Node) {
	st := mdStateOf(ctx)
	st.texts = st.texts[:0]
	if mdNoteTextsIn(doc, false, &st.texts) {
		return
	}
	st.texts = st.texts[:0]
}

// mdNoteTextsIn appends the text nodes below n to texts, and reports
// whether it met inline code inside emphasis (inEmph: n is inside).
func mdNoteTextsIn(n *html.Node, inEmph bool, texts *[]mdText) bool {
	found := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			*texts = append(*texts, mdText{c, c.Data})
		case html.ElementNode:
			found = found || inEmph && mdSpacedCode[c.Data]
			found = mdNoteTextsIn(c, inEmph || mdSpacedEmphasis[c.Data], texts) || found
		}
	}
	return found
}

// mdSpacedEmphasis and mdSpacedCode are the elements the plugin puts a
// space between.
var (
	mdSpacedEmphasis = map[string]bool{"strong": true, "b": true, "em": true, "i": true}
	mdSpacedCode     = map[string]bool{"code": true, "var": true, "samp": true, "kbd": true, "tt": true}
)

// mdRestoreTexts gives the noted text nodes that gained a space at an edge
// their text back.
func mdRestoreTexts(ctx converter.Context, _ *html.Node) {
	st := mdStateOf(ctx)
	for _, t := range st.texts {
		if mdGainedSpace(t.n.Data, t.data) {
			t.n.Data = t.data
		}
	}
	st.texts = st.texts[:0]
}

// mdGainedSpace reports whether now is was with a space added before, after
// or on both sides.
func mdGainedSpace(now, was string) bool {
	switch len(now) - len(was) {
	case 1:
		return now[0] == ' ' && now[1:] == was || now[len(now)-1] == ' ' && now[:len(was)] == was
	case 2:
		return now[0] == ' ' && now[len(now)-1] == ' ' && now[1:len(now)-1] == was
	}
	return false
}
