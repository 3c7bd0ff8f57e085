package convert

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// A gallery is the one construct whose Markdown is known before the
// Markdown stage: its figures are built from attachment data, not from the
// post's HTML. When every figure is plain (see plainFigure), Convert's
// render stage holds the attachments and leaves one heldFiguresTag element
// in the gallery's <div>; the Markdown stage writes for it the figure
// shortcodes mdRenderFigure would write for the figures' HTML, without
// parsing and converting that HTML (a big gallery is most of a page's cost).
// WordPressHTML never holds. TestHeldGalleries compares both routes.
const heldFiguresTag = "wpexit-figures"

// heldGallery is a gallery held by the render stage.
type heldGallery struct {
	figures  []Attachment
	linkFile bool
}

// holdGallery holds the figures of a gallery without a caption and returns
// its placeholder HTML, when the renderer holds galleries and every figure
// is plain.
func (r *renderer) holdGallery(figs []Attachment, linkFile bool, caption string) (string, bool) {
	if !r.holdFigures || len(figs) == 0 || strings.TrimSpace(caption) != "" {
		return "", false
	}
	for _, a := range figs {
		if !plainFigure(a) || linkFile && r.c.linkKind(r.base(), a.URL) == LinkPage {
			return "", false
		}
	}
	r.galleries = append(r.galleries, heldGallery{figs, linkFile})
	return "<div class=\"gallery\">\n<" + heldFiguresTag + ` data-n="` + strconv.Itoa(len(r.galleries)-1) +
		`"></` + heldFiguresTag + ">\n</div>", true
}

// base is the old URL links on the page are relative to, as the Markdown
// stage takes it.
func (r *renderer) base() string {
	if r.it == nil {
		return ""
	}
	return strings.TrimSpace(r.it.Link)
}

// plainFigure reports whether attachmentFigure's HTML for a, parsed, gives
// back a's URL, alt text and caption unchanged as the figure's src, alt and
// caption text, and whether the library would write the caption's text as
// it is: a URL without surrounding space, an alt text without control
// characters, a caption of plain prose on one line (plainProse).
func plainFigure(a Attachment) bool {
	if a.URL == "" || strings.TrimSpace(a.URL) != a.URL || !plainAttr(a.URL) || !plainAttr(a.Alt) {
		return false
	}
	c := strings.TrimSpace(a.Caption)
	if c == "" {
		return true
	}
	_, ok := plainProse(c)
	return ok && !strings.ContainsRune(c, '\n')
}

// plainAttr reports whether an attribute value survives escapeAttr, the
// HTML parser and mdSanitize unchanged: valid UTF-8 without control
// characters or the rune mdSanitize replaces.
func plainAttr(v string) bool {
	if !utf8.ValidString(v) {
		return false
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f || r == '\uF002' {
			return false
		}
	}
	return true
}

// errHeldOutOfPlace says the Markdown stage found a held gallery where
// the figures' own HTML could have rendered differently: the page is
// rendered again without holding.
var errHeldOutOfPlace = errors.New("held gallery out of place")

// heldGalleriesIntact reports whether html holds exactly the placeholders
// of the galleries held: a post that names heldFiguresTag itself is
// rendered again without holding.
func heldGalleriesIntact(html string, held []heldGallery) bool {
	return strings.Count(strings.ToLower(html), "<"+heldFiguresTag) == len(held)
}

// mdHeldInPlace reports whether each of the n held galleries (numbered 0
// to n-1, each once) stands alone in a <div> at the top of the document's
// body, where nothing around it looks into the figures: inside a link,
// emphasis, a list or a table, the Markdown stage decides from the
// figures' elements how to write what holds them.
func mdHeldInPlace(doc *html.Node, n int) bool {
	body := mdFindBody(doc)
	if body == nil {
		return false
	}
	seen := make([]bool, n)
	found := 0
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "div" {
			continue
		}
		els := mdElements(c)
		if len(els) != 1 || els[0].Data != heldFiguresTag {
			continue
		}
		k, err := strconv.Atoi(dom.GetAttributeOr(els[0], "data-n", ""))
		if err != nil || k < 0 || k >= n || seen[k] {
			return false
		}
		seen[k] = true
		found++
	}
	return found == n
}

// mdFindBody returns the <body> of a parsed document.
func mdFindBody(doc *html.Node) *html.Node {
	for _, name := range [...]string{"html", "body"} {
		next := doc.FirstChild
		for next != nil && (next.Type != html.ElementNode || next.Data != name) {
			next = next.NextSibling
		}
		if next == nil {
			return nil
		}
		doc = next
	}
	return doc
}

// mdRenderHeldFigures writes a held gallery's figures.
func mdRenderHeldFigures(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	st := mdStateOf(ctx)
	k, err := strconv.Atoi(dom.GetAttributeOr(n, "data-n", ""))
	if err != nil || k < 0 || k >= len(st.held) {
		return converter.RenderTryNext
	}
	g := st.held[k]
	for _, a := range g.figures {
		var link string
		if g.linkFile {
			link, _ = st.mapURL(a.URL)
		}
		src, _ := st.mapURL(a.URL)
		mdWriteFigure(w, src, a.Alt, strings.TrimSpace(a.Caption), link, nil)
	}
	return converter.RenderSuccess
}
