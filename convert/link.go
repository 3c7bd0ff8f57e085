package convert

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Links. Every href, src and srcset URL goes through Options.Link (nil
// keeps it). A link to a page is written as a numbered reference whose
// definition, at the end of the body, is a {{< relref >}}: a shortcode
// cannot stand in an inline destination (Hugo swaps it for a placeholder,
// but html-to-markdown would have percent-encoded it first), and the
// reference form is the one the guide shows. References are numbered in
// order of first use, one per distinct definition. With
// Options.ReferenceLinks every link is a reference; images stay inline.

// mapURL maps one URL through Options.Link, or Options.LinkFrom with the
// page's old URL when both are known. A missing link is kept as
// written and noted; a kept one is written as its Dest when it has one (an
// archive or feed of the old site, by its root-relative path).
func (st *mdState) mapURL(raw string) (string, LinkKind) {
	if raw == "" || st.opts.Link == nil && (st.opts.LinkFrom == nil || st.base == "") {
		return raw, LinkKeep
	}
	l := st.opts.lookup(st.base, raw)
	switch l.Kind {
	case LinkPage, LinkMedia:
		if l.Dest == "" {
			return raw, LinkKeep
		}
		return l.Dest, l.Kind
	case LinkKeep:
		if l.Dest != "" {
			return l.Dest, LinkKeep
		}
	case LinkMissing:
		st.note("missing-link", raw)
	}
	return raw, LinkKeep
}

// lookup asks Options.LinkFrom (when base is known) or Options.Link what
// raw, a non-empty URL on the page whose old URL is base, points at.
func (o *Options) lookup(base, raw string) Link {
	switch {
	case o.LinkFrom != nil && base != "":
		return o.LinkFrom(base, raw)
	case o.Link != nil:
		return o.Link(raw)
	}
	return Link{Kind: LinkKeep}
}

// linkKind is the kind of link mapURL would make of raw on the page whose
// old URL is base, without noting anything.
func (c *Converter) linkKind(base, raw string) LinkKind {
	if raw == "" {
		return LinkKeep
	}
	l := c.opts.lookup(base, raw)
	if l.Kind == LinkPage && l.Dest == "" {
		return LinkKeep
	}
	return l.Kind
}

// ref returns the number of a reference definition, adding it at first use.
func (st *mdState) ref(def string) int {
	if n, ok := st.refNo[def]; ok {
		return n
	}
	st.refs = append(st.refs, def)
	st.refNo[def] = len(st.refs)
	return len(st.refs)
}

// mdRelref is the relref shortcode for a content file, "#fragment" kept
// inside the quotes.
func mdRelref(dest string) string {
	return mdSC + "< relref " + mdParam(dest, false) + " >}}"
}

// mdEntityLike matches an ampersand CommonMark would read as an entity.
var mdEntityLike = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// mdAmp writes the ampersand of an entity-like text as "&amp;": goldmark
// drops backslashes before it resolves entities, so "\&copy;" would not
// stay literal.
func mdAmp(s string) string { return "&amp;" + s[1:] }

// mdDest writes a URL as a Markdown link destination. It is percent-encoded
// exactly as goldmark (so Hugo) encodes it when rendering, so the page
// links where the post linked, the Markdown holds no space, quote, brace or
// bracket, and converting the page again gives the same text. Entity-like
// ampersands are written as &amp; and unbalanced parentheses escaped.
func mdDest(u string) string {
	u = mdEntityLike.ReplaceAllStringFunc(u, mdAmp)
	u = string(util.URLEscape([]byte(u), false))
	if !mdBalanced(u) {
		u = parenEscaper.Replace(u)
	}
	return u
}

// mdBalanced reports whether the parentheses in u nest.
func mdBalanced(u string) bool {
	depth := 0
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// title writes a link title in double quotes, or in single quotes inside
// a figure's caption, a shortcode parameter that cannot carry a double
// quote (it is written &quot;, which Markdown does not read as a title's
// delimiter).
func (st *mdState) title(t string) string {
	t = collapseSpace(t)
	if t == "" {
		return ""
	}
	q, esc := `"`, titleEscaper
	if st.inParam {
		q, esc = `'`, paramTitleEscaper
	}
	t = esc.Replace(t)
	t = mdEntityLike.ReplaceAllStringFunc(t, mdAmp)
	return " " + q + t + q
}

// mdRenderLink writes <a>: inline or as a reference, per mdMapURL.
func mdRenderLink(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	href, ok := dom.GetAttribute(n, "href")
	href = strings.TrimSpace(href)
	if !ok || href == "" {
		return mdRenderAnchor(ctx, w, n)
	}
	if mdHasBlock(n, false) {
		return mdRenderRawBlock(ctx, w, n) // a link around a list, code, a table
	}
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx.WithValue("is_inside_link", true), &buf, n)
	before, content, after := mdSplitSpace(buf.String())
	w.WriteString(before)
	defer w.WriteString(after)
	if content == "" {
		return converter.RenderSuccess
	}
	w.WriteString(mdHideLinkNewlines(ctx, mdStateOf(ctx).link(mdOneParagraph(content, n), n)))
	return converter.RenderSuccess
}

// link writes a link around content (Markdown) to the href of <a> n:
// inline or as a reference, per mapURL.
func (st *mdState) link(content string, n *html.Node) string {
	dest, kind := st.mapURL(strings.TrimSpace(dom.GetAttributeOr(n, "href", "")))
	switch {
	case kind == LinkPage:
		return "[" + content + "][" + strconv.Itoa(st.ref(mdRelref(dest))) + "]"
	case st.opts.ReferenceLinks:
		return "[" + content + "][" + strconv.Itoa(st.ref(mdDest(dest))) + "]"
	}
	return "[" + content + "](" + mdDest(dest) + st.title(dom.GetAttributeOr(n, "title", "")) + ")"
}

// mdRenderAnchor writes an <a> without href: a named anchor (a target of
// "#name" links) is kept as HTML, the content follows as Markdown.
func mdRenderAnchor(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	id := dom.GetAttributeOr(n, "id", "")
	if id == "" {
		id = dom.GetAttributeOr(n, "name", "")
	}
	if id = strings.TrimSpace(id); id != "" {
		mdStateOf(ctx).note("raw-html", "a")
		w.WriteString(`<a id="` + strings.ReplaceAll(html.EscapeString(id), "{{", "{&#123;") + `"></a>`)
	}
	ctx.RenderChildNodes(ctx, w, n)
	return converter.RenderSuccess
}

// mdRenderImage writes <img> as ![alt](src "title"). srcset, width and
// height have no Markdown form and are dropped.
func mdRenderImage(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	src := strings.TrimSpace(dom.GetAttributeOr(n, "src", ""))
	if src == "" {
		return converter.RenderSuccess
	}
	st := mdStateOf(ctx)
	dest, _ := st.mapURL(src)
	w.WriteString("![" + mdEscapeText(dom.GetAttributeOr(n, "alt", "")) + "](" +
		mdDest(dest) + st.title(dom.GetAttributeOr(n, "title", "")) + ")")
	return converter.RenderSuccess
}

// mdSplitSpace splits the whitespace around rendered inline content off,
// so "<a> x </a>" becomes " [x](…) " (see mdSpaceOf).
func mdSplitSpace(s string) (before, content, after string) {
	t := strings.TrimLeft(s, " \t\n")
	before = s[:len(s)-len(t)]
	content = strings.TrimRight(t, " \t\n")
	after = t[len(content):]
	return mdSpaceOf(before), content, mdSpaceOf(after)
}

// mdSpaceOf reduces whitespace around inline content to one space, or to a
// blank line when it held one (block content inside an inline element).
func mdSpaceOf(ws string) string {
	switch {
	case ws == "":
		return ""
	case strings.Contains(ws, "\n\n"):
		return "\n\n"
	}
	return " "
}

// mdOneParagraph keeps rendered content of element n inside one paragraph
// (a link's text): a blank line, which would end it, becomes a hard break.
// In a table cell, where the table plugin writes each newline as <br />,
// it becomes a plain newline (the break's two spaces would stay in the
// cell as text).
func mdOneParagraph(s string, n *html.Node) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	brk := "  "
	if mdInCell(n) {
		brk = ""
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimLeft(l, " \t")
		if l != "" {
			out = append(out, l)
		} else if k := len(out) - 1; k >= 0 && !strings.HasSuffix(out[k], "  ") {
			out[k] += brk
		}
	}
	return strings.Join(out, "\n")
}

// Replacers built once: a strings.Replacer is safe for concurrent use.
var (
	parenEscaper      = strings.NewReplacer("(", `\(`, ")", `\)`)
	titleEscaper      = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "{{", `{\{`)
	paramTitleEscaper = strings.NewReplacer(`\`, `\\`, `'`, `\'`, "{{", `{\{`)
)
