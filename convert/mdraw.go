package convert

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// Raw HTML in the Markdown stage: what Markdown cannot say is kept as HTML
// (the site sets markup.goldmark.renderer.unsafe) and noted as "raw-html"
// with the tag, once per tag per page. URLs inside still go through
// Options.Link; a page link there is written as a relref shortcode inside
// the attribute, which Hugo expands before the HTML is read.

// mdRawBlockTags are kept whole as HTML blocks.
var mdRawBlockTags = []string{"dl", "video", "audio", "object", "embed", "details", "svg", "math", "map", "canvas", "form", "picture"}

// mdRawInlineTags keep their tag around their content rendered as Markdown.
var mdRawInlineTags = []string{"sup", "sub", "u", "mark", "abbr", "small", "ins", "q"}

// mdURLAttrs are the attributes holding one URL.
var mdURLAttrs = map[string]bool{"href": true, "src": true, "poster": true, "data": true, "cite": true}

// mdRewriteAttrs maps the URLs of n and its descendants.
func (st *mdState) rewriteAttrs(n *html.Node) {
	if n.Type == html.ElementNode {
		for i := range n.Attr {
			a := &n.Attr[i]
			switch {
			case a.Namespace != "":
			case mdURLAttrs[a.Key]:
				a.Val = st.rawURL(strings.TrimSpace(a.Val))
			case a.Key == "srcset":
				a.Val = st.rawSrcset(a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		st.rewriteAttrs(c)
	}
}

// rawURL maps one URL in an attribute; a page becomes a placeholder for
// its relref, put in after html.Render (which would escape the quotes).
func (st *mdState) rawURL(u string) string {
	dest, kind := st.mapURL(u)
	if kind != LinkPage {
		return dest
	}
	st.raw = append(st.raw, mdRelref(dest))
	return mdRawAttr + strconv.Itoa(len(st.raw)-1) + mdRawAttr
}

// rawSrcset maps each URL of a srcset ("url 300w, url 2x").
func (st *mdState) rawSrcset(v string) string {
	parts := strings.Split(v, ",")
	for i, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		f[0] = st.rawURL(f[0])
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
}

// fillRaw replaces the placeholders of rawURL.
func (st *mdState) fillRaw(s string) string {
	if !strings.Contains(s, mdRawAttr) {
		return s
	}
	parts := strings.Split(s, mdRawAttr)
	for i := 1; i < len(parts); i += 2 {
		if k, err := strconv.Atoi(parts[i]); err == nil && k < len(st.raw) {
			parts[i] = st.raw[k]
		}
	}
	return strings.Join(parts, "")
}

// mdRawHTML renders n as HTML with its URLs mapped and no blank line
// inside (a blank line would end the HTML block): an empty line becomes
// "&#10;" on the line before, the same newline to HTML.
func mdRawHTML(ctx converter.Context, n *html.Node) string {
	st := mdStateOf(ctx)
	st.note("raw-html", n.Data)
	st.rewriteAttrs(n)
	mdDropSeams(n)
	var buf bytes.Buffer
	if err := html.Render(&buf, n); err != nil {
		return ""
	}
	s := st.fillRaw(buf.String())
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i == 0:
		case strings.TrimSpace(l) == "":
			b.WriteString("&#10;")
		default:
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

// mdRenderRawBlock keeps n as an HTML block.
func mdRenderRawBlock(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("\n\n" + mdRawHTML(ctx, n) + "\n\n")
	return converter.RenderSuccess
}

// mdRenderRawInline keeps n's tag (title attribute only) around its
// content as Markdown.
func mdRenderRawInline(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if mdHasBlock(n, true) {
		ctx.RenderChildNodes(ctx, w, n) // an inline tag cannot wrap blocks
		return converter.RenderSuccess
	}
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	before, content, after := mdSplitSpace(buf.String())
	w.WriteString(before)
	if content != "" {
		mdStateOf(ctx).note("raw-html", n.Data)
		w.WriteString("<" + n.Data)
		if t := strings.TrimSpace(dom.GetAttributeOr(n, "title", "")); t != "" {
			w.WriteString(` title="` + strings.ReplaceAll(html.EscapeString(t), "{{", "{&#123;") + `"`)
		}
		w.WriteString(">" + mdOneParagraph(content, n) + "</" + n.Data + ">")
	}
	w.WriteString(after)
	return converter.RenderSuccess
}

// mdRenderTable leaves tables GFM can express to the table plugin and keeps
// the others as HTML: cells spanning rows or columns, block content a cell
// cannot hold, layout tables, tables inside a link or emphasis.
func mdRenderTable(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if mdTableNeedsHTML(n) {
		return mdRenderRawBlock(ctx, w, n)
	}
	return converter.RenderTryNext
}

// mdTableNeedsHTML reports whether a table is beyond GFM.
func mdTableNeedsHTML(table *html.Node) bool {
	if dom.GetAttributeOr(table, "role", "") == "presentation" {
		return true
	}
	for p := table.Parent; p != nil; p = p.Parent {
		switch p.Data {
		case "a", "strong", "b", "em", "i", "del", "s", "strike", "td", "th":
			return true
		}
	}
	bad := dom.FindFirstNode(table, func(n *html.Node) bool {
		if n == table || n.Type != html.ElementNode {
			return false
		}
		switch n.Data {
		case "td", "th":
			return mdSpan(n, "colspan") || mdSpan(n, "rowspan")
		case "table", "ul", "ol", "dl", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
			"figure", "iframe", "video", "audio", "object", "embed", "details", "thead", "tfoot":
			return n.Data != "thead" && n.Data != "tfoot" || mdHeadRows(n) > 1
		}
		return false
	})
	return bad != nil
}

// mdSpan reports whether a cell spans more than one row or column.
func mdSpan(cell *html.Node, attr string) bool {
	v := strings.TrimSpace(dom.GetAttributeOr(cell, attr, "1"))
	k, err := strconv.Atoi(v)
	return err == nil && k > 1
}

// mdHeadRows counts the rows of a thead or tfoot.
func mdHeadRows(n *html.Node) int {
	rows := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "tr" {
			rows++
		}
	}
	return rows
}
