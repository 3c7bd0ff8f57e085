package convert

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// Embeds in the Markdown stage: figures and video iframes become Hugo's
// built-in shortcodes, the "more" comment Hugo's summary divider.

// mdMoreTag stands for WordPress's <!--more--> between mdPrepare and the
// renderer (the base plugin drops every comment before we could see it).
const mdMoreTag = "wpexit-more"

// mdPrepare adjusts the parsed document before conversion: each
// <!--more …--> comment becomes a mdMoreTag element (other comments are
// left for the base plugin to drop), text and attributes lose the
// control characters character references could bring back (mdSanitize),
// links with neither href nor id give way to their content
// (mdUnwrapBareAnchors), line breaks leave the edges of inline elements
// (mdHoistBreaks), list items out of place are put in lists (mdWrapItems,
// mdUnwrapLists), and plain wrappers at the edge of inline code or
// emphasis are dropped
// (mdUnwrapCodeEdge, mdUnwrapEmphasisEdge), and so are the elements a
// browser never shows (mdDropHidden); last, emphasis of one kind next to
// the other is kept apart (mdSeparateEmphasis), after what stands in a
// list outside its items has been put in items (mdGatherStray).
func mdPrepare(n *html.Node) { mdPrepareRefs(n, true) }

// mdPrepareRefs is mdPrepare; refs false says the source held no numeric
// character reference ("&#"), so text and attributes cannot hold what
// mdSanitize drops (the source was sanitized; no named reference decodes
// to a control character other than tab and newline) and are left as they
// are.
func mdPrepareRefs(n *html.Node, refs bool) {
	if n.Type == html.DocumentNode {
		defer func() { // once the rest is done
			mdInlinePre(n, false) // mdcode.go
			mdSeparateAllLists(n)
			mdGatherStray(n)      // mdlist.go
			mdSeparateEmphasis(n) // mdseam.go
		}()
	}
	mdDropHidden(n)
	mdUnwrapBareAnchors(n) // mdseam.go
	mdDropEmptyInline(n)   // mdseam.go, after: an anchor may have held one
	mdWrapItems(n)         // mdlist.go
	defer mdUnwrapLists(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.CommentNode:
			if strings.HasPrefix(strings.TrimSpace(c.Data), "more") {
				c.Type, c.Data, c.Attr = html.ElementNode, mdMoreTag, nil
			}
			continue
		case html.TextNode:
			if refs {
				c.Data = mdSanitize(c.Data)
			}
			continue
		}
		if refs {
			for i := range c.Attr {
				c.Attr[i].Val = mdSanitize(c.Attr[i].Val)
			}
		}
		mdPrepareRefs(c, refs)
		mdFlattenCode(c) // mdcode.go
		mdHoistBreaks(c) // mdbreak.go
		mdSeparateLists(c)
		if sp := mdBlankCodeToSpace(c); sp != nil { // mdcode.go
			c = sp
		} else if last := mdUnwrapCodeEdge(c); last != nil { // mdcode.go
			c = last
		} else if last := mdUnwrapEmphasisEdge(c); last != nil { // mdseam.go
			c = last
		}
	}
}

// mdHidden are the elements a browser does not display, wherever they
// stand (a document pasted into a post brings its head along).
var mdHidden = map[string]bool{"head": true, "title": true, "meta": true, "style": true, "script": true, "template": true}

// mdDropHidden removes n's children that a browser does not display.
func mdDropHidden(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && mdHidden[c.Data] {
			n.RemoveChild(c)
		}
		c = next
	}
}

// mdListEndTag stands between two adjacent lists.
const mdListEndTag = "wpexit-listend"

// mdSeparateLists puts a mdListEndTag after n when n ends with a list and
// the next thing starts with another list of its kind: Markdown would
// merge two lists written one after the other (a list of the other kind
// starts a new one anyway). Either list may stand inside elements that
// write nothing around their content ("<ol>…</ol><s><ol>…</ol></s>",
// mdEdgeList).
func mdSeparateLists(n *html.Node) {
	list := mdEdgeList(n, false)
	if list == nil {
		return
	}
	next := n.NextSibling
	for next != nil && mdRendersEmpty(next) {
		if next.Type == html.ElementNode && next.Data == mdListEndTag {
			return // separated already
		}
		next = next.NextSibling
	}
	if next != nil && n.Parent != nil {
		if first := mdEdgeList(next, true); first != nil && first.Data == list.Data {
			n.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: mdListEndTag}, next)
		}
	}
}

// mdSeparateAllLists separates the lists below n anew once the document
// is prepared: it drops every mdListEndTag and runs mdSeparateLists over
// every node. Lists change as the document is prepared: one may become
// the edge of a container only after its neighbour was looked at
// (mdWrapItems wraps the stray items of "<ul>0</ul><div><li>00</li></div>"
// as it reaches the <div>), or stop being one (mdUnwrapLists drops a
// <ul> around an <ol>, whose separator from a <ul> before it is then
// wrong: Markdown starts a new list there anyway, and the page rendered
// from it converts without one).
func mdSeparateAllLists(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == mdListEndTag {
			n.RemoveChild(c)
		} else {
			mdSeparateAllLists(c)
		}
		c = next
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		mdSeparateLists(c)
	}
}

// mdEdgeList returns the list n is or starts (first) or ends with, looking
// into elements that write nothing around their content, or nil.
func mdEdgeList(n *html.Node, first bool) *html.Node {
	for n != nil {
		if mdIsList(n) {
			return n
		}
		if n.Type != html.ElementNode || !mdListSeeThrough(n) {
			return nil
		}
		c := n.LastChild
		if first {
			c = n.FirstChild
		}
		for c != nil && mdRendersEmpty(c) {
			if first {
				c = c.NextSibling
			} else {
				c = c.PrevSibling
			}
		}
		n = c
	}
	return nil
}

// mdListSeeThrough reports whether element n writes nothing around a list
// at its edge: a container of no Markdown of its own, emphasis (which
// holds a list as plain content), a wrapper the Markdown shows nothing of
// or a raw inline tag around blocks (both write their content only),
// an item outside any list (mdWrapItems left it inside an inline element,
// whose content the library writes plain).
func mdListSeeThrough(n *html.Node) bool {
	switch n.Data {
	case "div", "section", "article", "main", "header", "footer", "nav", "aside", "center", "hgroup":
		return true
	case "li":
		return n.Parent != nil && !mdListTag(n.Parent)
	}
	if slices.Contains(mdRawInlineTags, n.Data) && mdHasBlock(n, true) {
		return true // mdRenderRawInline writes only the content of these
	}
	return mdEmphasisTag(n.Data) != "" || mdShowsNothing(n)
}

// mdMedia are elements that show something without text.
var mdMedia = map[string]bool{"img": true, "iframe": true, "video": true, "audio": true, "object": true,
	"embed": true, "table": true, "pre": true, "svg": true, "canvas": true, mdMoreTag: true, "hr": true}

// mdIsList reports whether n is a list that shows something, text or
// media or a rule (the library makes items of stray content; mdFinish
// drops a separator that ends up between other things).
func mdIsList(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.Data == "ul" || n.Data == "ol") && !mdRendersEmpty(n)
}

// mdRenderListEnd writes mdListEnd on its own line; mdFinish makes it an
// empty HTML comment if it still stands between two lists.
func mdRenderListEnd(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("\n\n" + mdListEnd + "\n\n")
	return converter.RenderSuccess
}

// mdRenderMore writes Hugo's summary divider on its own line.
func mdRenderMore(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("\n\n<!--more-->\n\n")
	return converter.RenderSuccess
}

// mdElements returns n's element children, or nil when n also holds text
// other than whitespace.
func mdElements(n *html.Node) []*html.Node {
	var els []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			els = append(els, c)
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return els
}

// mdFigureParts finds the image of a simple figure: one <img>, maybe in an
// <a>, maybe followed by a <figcaption>. ok is false for anything else.
func mdFigureParts(fig *html.Node) (img, a, caption *html.Node, ok bool) {
	els := mdElements(fig)
	if len(els) == 2 && els[1].Data == "figcaption" {
		caption = els[1]
		els = els[:1]
	}
	if len(els) != 1 {
		return nil, nil, nil, false
	}
	img = els[0]
	for (img.Data == "p" || img.Data == "div" || img.Data == "span") && len(mdElements(img)) == 1 {
		img = mdElements(img)[0] // wpautop's or a theme's wrapper
	}
	if img.Data == "a" {
		a = img
		inner := mdElements(a)
		if len(inner) != 1 {
			return nil, nil, nil, false
		}
		img = inner[0]
	}
	if img.Data != "img" || strings.TrimSpace(dom.GetAttributeOr(img, "src", "")) == "" ||
		(caption != nil && mdHasBlock(caption, false)) {
		return nil, nil, nil, false
	}
	return img, a, caption, true
}

// mdRenderFigure writes <figure><img><figcaption> as Hugo's figure
// shortcode. A figure whose link points at a page cannot: a shortcode
// parameter cannot hold a relref. It is written as a linked image (a
// reference, like every page link) with its caption as a paragraph below.
// Other figures (tables, embeds, galleries) render their content.
func mdRenderFigure(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	img, a, caption, ok := mdFigureParts(n)
	if !ok {
		return converter.RenderTryNext
	}
	st := mdStateOf(ctx)
	var capMD string
	if caption != nil {
		var buf bytes.Buffer
		st.inParam = true
		ctx.RenderChildNodes(ctx, &buf, caption)
		st.inParam = false
		capMD = strings.TrimSpace(string(mdUnEscape(ctx, buf.Bytes())))
	}
	var link string
	var linkKind LinkKind
	if a != nil {
		if href := strings.TrimSpace(dom.GetAttributeOr(a, "href", "")); href != "" {
			link, linkKind = st.mapURL(href)
		}
	}
	if linkKind == LinkPage {
		w.WriteString("\n\n")
		ctx.RenderNodes(ctx, w, a)
		if caption != nil {
			w.WriteString("\n\n")
			ctx.RenderChildNodes(ctx, w, caption)
		}
		w.WriteString("\n\n")
		return converter.RenderSuccess
	}
	src, _ := st.mapURL(strings.TrimSpace(dom.GetAttributeOr(img, "src", "")))
	mdWriteFigure(w, src, dom.GetAttributeOr(img, "alt", ""), capMD, link, img)
	return converter.RenderSuccess
}

// mdWriteFigure writes Hugo's figure shortcode: src and link mapped
// already, the caption in Markdown, and the width and height of img when
// there is one.
func mdWriteFigure(w converter.Writer, src, alt, capMD, link string, img *html.Node) {
	w.WriteString("\n\n" + mdSC + "< figure src=")
	w.WriteString(mdURLParam(src))
	if strings.TrimSpace(alt) != "" {
		w.WriteString(" alt=")
		w.WriteString(mdParam(alt, false))
	}
	if capMD != "" {
		w.WriteString(" caption=")
		w.WriteString(mdParam(capMD, true))
	}
	if link != "" {
		w.WriteString(" link=")
		w.WriteString(mdURLParam(link))
	}
	for _, dim := range [...]string{"width", "height"} {
		if img == nil {
			break
		}
		if v := dom.GetAttributeOr(img, dim, ""); mdIsDigits(v) {
			w.WriteString(" ")
			w.WriteString(dim)
			w.WriteString(`="`)
			w.WriteString(v)
			w.WriteString(`"`)
		}
	}
	w.WriteString(" >}}\n\n")
}

// mdIsDigits reports whether v is a plain pixel size: one to five ASCII
// digits.
func mdIsDigits(v string) bool {
	if len(v) == 0 || len(v) > 5 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// mdVideoID matches the IDs the youtube and vimeo shortcodes take.
var (
	mdYouTubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	mdVimeoID   = regexp.MustCompile(`^[0-9]{1,20}$`)
)

// mdVideoShortcode returns the youtube or vimeo shortcode for an embed
// URL, or "" when it is neither.
func mdVideoShortcode(src string) string {
	if strings.HasPrefix(src, "//") {
		src = "https:" + src
	}
	u, err := url.Parse(src)
	if err != nil {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	switch {
	case host == "youtube.com" || host == "youtube-nocookie.com" || host == "m.youtube.com":
		id, ok := strings.CutPrefix(u.Path, "/embed/")
		if !ok || !mdYouTubeID.MatchString(id) {
			return ""
		}
		if start := u.Query().Get("start"); mdIsDigits(start) {
			return mdSC + "< youtube id=\"" + id + "\" start=\"" + start + "\" >}}"
		}
		return mdSC + "< youtube " + id + " >}}"
	case host == "player.vimeo.com":
		id, ok := strings.CutPrefix(u.Path, "/video/")
		if !ok || !mdVimeoID.MatchString(id) {
			return ""
		}
		return mdSC + "< vimeo " + id + " >}}"
	}
	return ""
}

// mdRenderIframe writes YouTube and Vimeo players as Hugo shortcodes and
// keeps any other iframe as HTML.
func mdRenderIframe(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if sc := mdVideoShortcode(strings.TrimSpace(dom.GetAttributeOr(n, "src", ""))); sc != "" {
		w.WriteString("\n\n" + sc + "\n\n")
		return converter.RenderSuccess
	}
	return mdRenderRawBlock(ctx, w, n)
}
