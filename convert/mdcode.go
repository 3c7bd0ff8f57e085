package convert

import (
	"bytes"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"golang.org/x/net/html"
)

// Code in the Markdown stage. A <pre> becomes a fenced block whose content
// is the element's text byte for byte (the first newline after <pre> is
// HTML's, not the code's; one final newline is the fence's), fenced with
// more backticks than the longest run inside. Inline <code> becomes a code
// span the same way. Both keep a literal "{{<" away from Hugo
// (mdNeutralizeCode) or, when that cannot be done in Markdown, stay HTML.

// mdCodeText collects the text of a code element: <br> is a newline,
// scripts and styles are dropped, all other markup is dropped.
func mdCodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		case n.Data == "br":
			b.WriteByte('\n')
			return
		case n.Data == "script" || n.Data == "style":
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// mdCodeLang finds the language of a code block in the classes of the
// <pre> or of its <code>: "language-x", "lang-x", "lang:x", "brush: x".
func mdCodeLang(pre *html.Node) string {
	classes := []string{dom.GetAttributeOr(pre, "class", "")}
	for c := pre.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "code" {
			classes = append(classes, dom.GetAttributeOr(c, "class", ""))
		}
	}
	for _, class := range classes {
		for _, prefix := range []string{"language-", "lang-", "lang:", "brush:"} {
			i := strings.Index(class, prefix)
			if i < 0 {
				continue
			}
			rest := strings.TrimLeft(class[i+len(prefix):], " ")
			if end := strings.IndexAny(rest, " ;\t\n"); end >= 0 {
				rest = rest[:end]
			}
			if lang := mdCleanLang(rest); lang != "" {
				return lang
			}
		}
	}
	return ""
}

// mdCleanLang keeps the characters an info string may safely hold.
func mdCleanLang(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '-' || r == '_' || r == '+' || r == '#' || r == '.' ||
			(r|0x20 >= 'a' && r|0x20 <= 'z') || (r >= '0' && r <= '9')) {
			return r
		}
		return -1
	}, s)
}

// mdLongestRun is the length of the longest run of c in s.
func mdLongestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// mdRenderPre writes a code block.
func mdRenderPre(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	code := strings.TrimSuffix(mdCodeText(n), "\n")
	lang := ""
	if code != "" { // the library drops an empty <code>, and its class
		lang = mdCodeLang(n)
	}
	safe, ok := mdNeutralizeCode(code)
	if !ok {
		mdStateOf(ctx).note("raw-html", "pre")
		class := ""
		if lang != "" {
			class = ` class="language-` + lang + `"`
		}
		w.WriteString("\n\n<pre><code" + class + ">" + mdCodeHTML(code) + "</code></pre>\n\n")
		return converter.RenderSuccess
	}
	fence := strings.Repeat("`", max(3, mdLongestRun(code, '`')+1))
	nl := string(marker.BytesMarkerCodeBlockNewline)
	w.WriteString("\n\n" + mdCodeOpen + fence + lang + nl)
	if safe != "" {
		w.WriteString(strings.ReplaceAll(safe, "\n", nl) + nl)
	}
	w.WriteString(fence + mdCodeClose + "\n\n")
	return converter.RenderSuccess
}

// mdRenderInlineCode writes <code> (and kbd, samp, tt, var) as a code span.
// Links inside it are kept: each linked part is a code span inside a link
// (`[`f()`](u)`), the rest code spans around it.
func mdRenderInlineCode(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if !mdHasLink(n) {
		w.WriteString(mdCodeSpan(ctx, n, mdCodeText(n)))
		return converter.RenderSuccess
	}
	st := mdStateOf(ctx)
	for _, s := range mdCodeSegments(n) {
		span := mdCodeSpan(ctx, n, s.text)
		if s.link == nil || strings.TrimSpace(span) == "" {
			w.WriteString(span)
			continue
		}
		w.WriteString(st.link(span, s.link))
	}
	return converter.RenderSuccess
}

// mdCodeSpan is the code span of code, the text of n or of a part of it.
func mdCodeSpan(ctx converter.Context, n *html.Node, code string) string {
	code = newlineSpacer.Replace(code)
	if strings.TrimSpace(code) == "" {
		if code != "" {
			return " " // shows as a space; a blank span could fuse with a neighbour
		}
		return ""
	}
	safe, ok := mdNeutralizeCode(code)
	if !ok {
		mdStateOf(ctx).note("raw-html", "code")
		return "<code>" + mdCodeInlineHTML(code) + "</code>"
	}
	if mdInCell(n) {
		safe = strings.ReplaceAll(safe, "|", `\|`)
	}
	fence := strings.Repeat("`", mdLongestRun(code, '`')+1)
	trimmed := strings.Trim(safe, " ")
	if strings.HasPrefix(safe, "`") || strings.HasSuffix(safe, "`") ||
		(trimmed != "" && strings.HasPrefix(safe, " ") && strings.HasSuffix(safe, " ")) {
		safe = " " + safe + " "
	}
	return fence + safe + fence
}

// mdCodeSegment is a part of an inline code element: its text, and the
// <a> it is the text of (nil outside links).
type mdCodeSegment struct {
	text string
	link *html.Node
}

// mdHasLink reports whether n holds an <a href>.
func mdHasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if mdIsHrefLink(c) || mdHasLink(c) {
			return true
		}
	}
	return false
}

// mdIsHrefLink reports whether n is an <a> with a non-blank href.
func mdIsHrefLink(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "a" &&
		strings.TrimSpace(dom.GetAttributeOr(n, "href", "")) != ""
}

// mdCodeSegments splits the text of a code element at its links. A link
// without text does not split it: it would leave two code spans side by
// side, which Markdown reads as one holding the backticks.
func mdCodeSegments(n *html.Node) []mdCodeSegment {
	var out []mdCodeSegment
	var cur strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case mdIsHrefLink(c) && mdCodeText(c) != "":
				if cur.Len() > 0 {
					out = append(out, mdCodeSegment{text: cur.String()})
					cur.Reset()
				}
				out = append(out, mdCodeSegment{text: mdCodeText(c), link: c})
			case mdHasLink(c):
				walk(c)
			default:
				cur.WriteString(mdCodeText(c))
			}
		}
	}
	walk(n)
	if cur.Len() > 0 {
		out = append(out, mdCodeSegment{text: cur.String()})
	}
	return out
}

// mdInCell reports whether n is inside a table cell.
func mdInCell(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "td" || p.Data == "th") {
			return true
		}
	}
	return false
}

// mdRenderBlockquote writes a blockquote with "> " before every line,
// including the lines of code blocks inside it (which the library leaves
// unprefixed, so the code would fall out of the quote).
func mdRenderBlockquote(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	// escapes are decided now, while a line of the quote starts its line
	content := strings.TrimSpace(string(mdUnEscape(ctx, buf.Bytes())))
	if content == "" {
		return converter.RenderSuccess
	}
	for strings.Contains(content, "\n\n\n") {
		content = strings.ReplaceAll(content, "\n\n\n", "\n\n")
	}
	nl := string(marker.BytesMarkerCodeBlockNewline)
	lines := strings.Split(content, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.ReplaceAll(l, nl, nl+"> ")
		switch {
		case strings.TrimSpace(l) != "":
			out = append(out, "> "+l)
		case out[len(out)-1] != ">": // one blank line at most
			out = append(out, ">")
		}
	}
	w.WriteString("\n\n" + strings.Join(out, "\n") + "\n\n")
	return converter.RenderSuccess
}

// mdRenderBreak writes <br> in a table cell as HTML (a cell is one line);
// elsewhere the library's hard break stands.
func mdRenderBreak(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if !mdInCell(n) {
		return converter.RenderTryNext
	}
	w.WriteString("<br />") // as the table plugin writes a newline
	return converter.RenderSuccess
}

// mdPlainWrappers are the inline elements the Markdown shows nothing of.
var mdPlainWrappers = map[string]bool{
	"span": true, "font": true, "big": true, "cite": true, "dfn": true, "time": true,
	"label": true, "bdi": true, "bdo": true, "data": true, "nobr": true, "acronym": true,
}

// mdUnwrapCodeEdge replaces n, a wrapper the Markdown shows nothing of
// (mdShowsNothing: a plain wrapper, a link with neither href nor id)
// that starts or ends with inline code, by its children, and returns the
// last of them (nil when n stays). Code next to code then shares a parent,
// and the library merges the two into one span as it merges siblings:
// "<span><code>a</code></span><code>b</code>" would otherwise be written
// "`a“b`", which Markdown reads as one span holding "a“b".
func mdUnwrapCodeEdge(n *html.Node) *html.Node {
	if n.Type != html.ElementNode || !mdShowsNothing(n) || n.Parent == nil ||
		(!mdIsCodeEdge(mdEdgeNode(n, true)) && !mdIsCodeEdge(mdEdgeNode(n, false))) {
		return nil
	}
	last := n.LastChild
	mdUnwrap(n)
	return last
}

// mdFlattenCode replaces the paragraphs, divisions and preformatted blocks
// inside inline code element n by their content. The code span is n's text whatever it
// holds, but the library decides the whitespace around n by its elements:
// a paragraph inside it ("<kbd>\n<p>0</p></kbd>", as autop writes a
// stray block) made it drop the space before n, and two code spans a
// space apart were written side by side, one span holding the backticks.
// A <pre> inside goes too, unless it is all the code holds: that is a
// code block (the library swaps the two) and stays as it is, as does
// everything inside <pre>.
func mdFlattenCode(n *html.Node) {
	if !mdIsCodeEdge(n) || mdInPre(n) {
		return
	}
	if c := mdEdgeNode(n, true); c != nil && c == mdEdgeNode(n, false) && c.Type == html.ElementNode && c.Data == "pre" {
		return
	}
	var walk func(p *html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; {
			if c.Type != html.ElementNode {
				c = c.NextSibling
				continue
			}
			walk(c)
			if c.Data != "p" && c.Data != "div" && c.Data != "pre" {
				c = c.NextSibling
				continue
			}
			next := c.NextSibling
			if c = mdUnwrap(c); c == nil {
				c = next
			}
		}
	}
	walk(n)
}

// mdBlankCodeToSpace replaces inline code element n that holds only
// whitespace (and breaks) by a text space, and returns the text node (nil
// when n stays). Such code shows as a space; as text the library trims it
// where a space shows nothing (at the start of a paragraph), as Markdown
// does when the page is rendered.
func mdBlankCodeToSpace(n *html.Node) *html.Node {
	if !mdIsCodeEdge(n) || n.Parent == nil || mdInPre(n) {
		return nil
	}
	text := mdCodeText(n)
	if text == "" || strings.TrimSpace(text) != "" ||
		dom.FindFirstNode(n, func(c *html.Node) bool { return c.Type == html.ElementNode && c.Data != "br" }) != nil {
		return nil
	}
	sp := &html.Node{Type: html.TextNode, Data: " "}
	n.Parent.InsertBefore(sp, n)
	n.Parent.RemoveChild(n)
	return sp
}

// mdInlinePre turns each <pre> below an inline element (as the library
// counts them: span, code, emphasis, a link, an image, a break) into
// <code>, as the library itself does, but before it looks at what meets
// emphasis: it puts a space between text and emphasis that starts or ends
// with code, and the page rendered from the Markdown has <code> there.
func mdInlinePre(n *html.Node, inline bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if inline && c.Data == "pre" {
			c.Data, c.DataAtom = "code", 0
		}
		if mdIsCodeEdge(c) && mdOnlyPre(c) {
			continue // the library swaps the two: a code block (mdFlattenCode)
		}
		switch c.Data {
		case "span", "code", "b", "strong", "i", "em", "a", "img", "br":
			mdInlinePre(c, true)
		default:
			mdInlinePre(c, inline)
		}
	}
}

// mdOnlyPre reports whether n holds a <pre> and only blank text besides.
func mdOnlyPre(n *html.Node) bool {
	k := mdEdgeNode(n, true)
	return k != nil && k == mdEdgeNode(n, false) && k.Type == html.ElementNode && k.Data == "pre"
}

// mdIsCodeEdge reports whether n is an inline code element.
func mdIsCodeEdge(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "code", "kbd", "samp", "tt", "var":
		return true
	}
	return false
}

// mdEdgeNode returns n's first (or last) child other than blank text.
func mdEdgeNode(n *html.Node, first bool) *html.Node {
	c := n.LastChild
	if first {
		c = n.FirstChild
	}
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		if first {
			c = c.NextSibling
		} else {
			c = c.PrevSibling
		}
	}
	return c
}

// newlineSpacer turns each line ending into one space, built once.
var newlineSpacer = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
