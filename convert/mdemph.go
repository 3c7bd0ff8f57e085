package convert

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// Emphasis. "**" only opens bold when the text after it does not start with
// punctuation glued to a letter before it, and only closes when the text
// before it does not end with punctuation glued to a letter after it
// (CommonMark's flanking rules): "<strong>Note:</strong>text" written as
// "**Note:**text" is not bold. Such emphasis is kept as the inline HTML
// tags around the Markdown content, which renders the same.

// Character classes for the flanking rules.
const (
	mdSpace = iota // whitespace, line start or end
	mdPunct        // punctuation or symbol
	mdOther        // letters, digits, the rest
)

// mdClass classifies a rune.
func mdClass(r rune) int {
	switch {
	case r == utf8.RuneError || unicode.IsSpace(r):
		return mdSpace
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return mdPunct
	}
	return mdOther
}

// mdDelimited are the inline elements whose Markdown starts and ends with
// punctuation: a link's brackets, emphasis, code, inline HTML tags.
var mdDelimited = map[string]bool{
	"a": true, "b": true, "strong": true, "i": true, "em": true, "del": true, "s": true, "strike": true,
	"code": true, "kbd": true, "samp": true, "tt": true, "var": true, "img": true, "sup": true, "sub": true,
	"u": true, "mark": true, "abbr": true, "small": true, "ins": true, "q": true,
}

// mdIsDelimited reports whether element n is one of mdDelimited that
// writes its delimiters: a link with neither href nor id writes only its
// content, and one with no content at all (empty emphasis, an empty link)
// writes nothing; an anchor with an id writes its tag.
func mdIsDelimited(n *html.Node) bool {
	if !mdDelimited[n.Data] {
		return false
	}
	if n.Data == "a" && (dom.GetAttributeOr(n, "id", "") != "" || dom.GetAttributeOr(n, "name", "") != "") {
		return true
	}
	return (n.Data != "a" || !mdBareAnchor(n)) && !mdBlank(n)
}

// mdBlank reports whether n holds nothing but blank text: no other text,
// no element that shows without text (image, media, break, rule).
func mdBlank(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			if mdMedia[c.Data] || c.Data == "br" || !mdBlank(c) {
				return false
			}
		}
	}
	return !mdMedia[n.Data]
}

// mdIsBlock reports whether an element starts its own block in Markdown.
func mdIsBlock(n *html.Node) bool {
	return n.Data == "br" || dom.NameIsBlockNode(n.Data) || mdBlockTags[n.Data] ||
		n.Data == "li" || n.Data == "td" || n.Data == "th" || n.Data == "body" || n.Data == "html"
}

// mdSide classifies what the Markdown will hold right before (before=true)
// or right after n, looking at the DOM around it. Elements that render as
// their bare content (span, font, unknown tags) are looked through.
func mdSide(n *html.Node, before bool) int {
	sib := func(n *html.Node) *html.Node {
		if before {
			return n.PrevSibling
		}
		return n.NextSibling
	}
	edge := func(s string) int {
		if before {
			r, _ := utf8.DecodeLastRuneInString(s)
			return mdClass(r)
		}
		r, _ := utf8.DecodeRuneInString(s)
		return mdClass(r)
	}
	for {
		s := sib(n)
		if s == nil {
			p := n.Parent
			switch {
			case p == nil || p.Type != html.ElementNode || mdIsBlock(p):
				return mdSpace
			case mdIsDelimited(p):
				return mdPunct
			}
			n = p
			continue
		}
		switch {
		case s.Type == html.TextNode && s.Data != "":
			return edge(s.Data)
		case s.Type != html.ElementNode:
		case mdIsBlock(s):
			return mdSpace
		case mdIsDelimited(s):
			return mdPunct
		default:
			if class, ok := mdInnerSide(s, before); ok {
				return class
			}
		}
		n = s
	}
}

// mdInnerSide classifies what the Markdown of element n, one mdSide looks
// through, shows at its end (before=true: n stands before the emphasis) or
// at its start: the text there, or punctuation for a delimited element
// (a link's bracket), a space for a block. ok is false when n shows
// nothing.
func mdInnerSide(n *html.Node, before bool) (class int, ok bool) {
	c := n.FirstChild
	if before {
		c = n.LastChild
	}
	for ; c != nil; c = mdNextInward(c, before) {
		switch {
		case c.Type == html.TextNode && c.Data != "":
			if before {
				r, _ := utf8.DecodeLastRuneInString(c.Data)
				return mdClass(r), true
			}
			r, _ := utf8.DecodeRuneInString(c.Data)
			return mdClass(r), true
		case c.Type != html.ElementNode:
		case mdIsBlock(c):
			return mdSpace, true
		case mdIsDelimited(c):
			return mdPunct, true
		default:
			if class, ok := mdInnerSide(c, before); ok {
				return class, true
			}
		}
	}
	return 0, false
}

// mdNextInward is the sibling of c on the side away from the emphasis.
func mdNextInward(c *html.Node, before bool) *html.Node {
	if before {
		return c.PrevSibling
	}
	return c.NextSibling
}

// mdRenderEmphasis writes <strong>/<b> as **…**, <em>/<i> as *…* and
// <del>/<s>/<strike> as ~~…~~, or as HTML where the delimiters would not
// work.
func mdRenderEmphasis(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if mdHasBlock(n, false) {
		ctx.RenderChildNodes(ctx, w, n) // no Markdown emphasis over lists, code, tables
		return converter.RenderSuccess
	}
	var buf bytes.Buffer
	outer := ctx.Value(mdInEmphasisKey{}) == nil
	ctx.RenderChildNodes(ctx.WithValue(mdInEmphasisKey{}, true), &buf, n)
	before, content, after := mdSplitSpace(buf.String())
	w.WriteString(before)
	defer w.WriteString(after)
	if content == "" {
		return converter.RenderSuccess
	}
	emit := w.WriteString
	if outer {
		// the line breaks inside links are line breaks again once the
		// lines of every emphasis around them have been written
		emit = func(s string) (int, error) { return w.WriteString(strings.ReplaceAll(s, mdLinkNewline, "\n")) }
	}
	tag := mdEmphasisTag(n.Data)
	delim := map[string]string{"strong": "**", "em": "*", "del": "~~"}[tag]
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && mdEmphasisTag(p.Data) == tag {
			emit(content) // bold in bold shows as bold
			return converter.RenderSuccess
		}
	}
	prev, next := mdSide(n, true), mdSide(n, false)
	touching := before == "" && mdAfterTouchingSeam(n) // mdseam.go
	if before != "" {
		prev = mdSpace
	}
	if after != "" {
		next = mdSpace
	}
	lines := strings.Split(content, "\n")
	for i, l := range lines {
		core := strings.TrimRight(l, " ")
		trimmed := strings.TrimLeft(core, " ")
		if trimmed == "" {
			continue
		}
		p, q := mdSpace, mdSpace
		if i == 0 {
			p = prev
		}
		if i == len(lines)-1 {
			q = next
		}
		open, close := delim, delim
		if text, rest, ok := mdWholeLink(trimmed); ok && strings.Contains(text, mdLinkNewline) {
			// a line that is one link with line breaks in its text:
			// emphasis around each line of the text, as a second
			// conversion writes the emphasis it then finds inside the link
			lines[i] = core[:len(core)-len(trimmed)] + "[" + mdEmphasizeLinkLines(text, tag, delim) + rest + l[len(core):]
			continue
		} else if ok && mdFlanks(text, mdSpace, mdSpace) {
			// a line that is one link: emphasis inside it, as the library
			// writes emphasis around a lone link, so a second conversion
			// writes the same
			lines[i] = core[:len(core)-len(trimmed)] + "[" + open + text + close + rest + l[len(core):]
			continue
		}
		if (delim == "**" || delim == "*") && mdStarEdges(trimmed) {
			// "**" around "*a*b*c*" makes runs of three at both ends,
			// which CommonMark pairs otherwise; "__" cannot be mistaken
			open, close = strings.Repeat("_", len(delim)), strings.Repeat("_", len(delim))
		}
		if !mdFlanks(trimmed, p, q) || (i == 0 && touching) {
			open, close = "<"+tag+">", "</"+tag+">"
		}
		lines[i] = core[:len(core)-len(trimmed)] + open + trimmed + close + l[len(core):]
	}
	emit(strings.Join(lines, "\n"))
	return converter.RenderSuccess
}

// Line breaks inside a link. Emphasis is written line by line, each line
// between its own delimiters, but a link's text cannot be cut so: written
// that way, "<b>a<a>b<br>c</a></b>" would be the lines "**a[b**\\" and
// "**c](…)**", whose delimiters inside the brackets cannot pair with those
// outside, and the page would show the asterisks. So while an emphasis
// renders its content, a link writes the newlines of its text as
// mdLinkNewline: the link stays on one line of the emphasis, and the
// delimiters go around it, "**a[b\\" and "c](…)**" (a break inside bold,
// as the post has it). A line that is one link gets the emphasis inside
// the link instead, around each line of its text (mdEmphasizeLinkLines),
// as a second conversion writes it. The outermost emphasis turns
// mdLinkNewline back into newlines as it writes.

// mdLinkNewline stands for a newline in a link's text inside emphasis.
// mdSanitize keeps C0 controls out of the parsed text, so it is ours.
const mdLinkNewline = "\x0e"

// mdInEmphasisKey marks, in a converter.Context, the content of an
// emphasis being written line by line.
type mdInEmphasisKey struct{}

// mdHideLinkNewlines writes the newlines of a link's Markdown as
// mdLinkNewline when the link is inside emphasis (see mdLinkNewline).
func mdHideLinkNewlines(ctx converter.Context, link string) string {
	if ctx.Value(mdInEmphasisKey{}) == nil {
		return link
	}
	return strings.ReplaceAll(link, "\n", mdLinkNewline)
}

// mdEmphasizeLinkLines writes emphasis tag (Markdown delimiter delim)
// around each line of a link's text (lines end at mdLinkNewline), spaces
// at a line's edges left outside, as mdRenderEmphasis writes an emphasis
// that is the link's content: a line that the delimiters would not
// emphasise gets the HTML tags.
func mdEmphasizeLinkLines(text, tag, delim string) string {
	lines := strings.Split(text, mdLinkNewline)
	for i, l := range lines {
		core := strings.TrimRight(l, " ")
		trimmed := strings.TrimLeft(core, " ")
		if trimmed == "" {
			continue
		}
		open, close := delim, delim
		if !mdFlanks(trimmed, mdSpace, mdSpace) {
			open, close = "<"+tag+">", "</"+tag+">"
		}
		lines[i] = core[:len(core)-len(trimmed)] + open + trimmed + close + l[len(core):]
	}
	return strings.Join(lines, mdLinkNewline)
}

// mdStarEdges reports whether s, a line of emphasis content, starts and
// ends with asterisk delimiters (its first and last parts are emphasis of
// the other kind) that belong to different spans: "*a*b*c*", not "*abc*".
// Asterisks that are text (escaped, or marked by the library for
// escaping) do not count.
func mdStarEdges(s string) bool {
	delim := func(i int) bool {
		return s[i] == '*' && (i == 0 || s[i-1] != '\a') && !mdEscaped(s, i)
	}
	if len(s) < 2 || !delim(0) || !delim(len(s)-1) {
		return false
	}
	lead, trail := 0, len(s)
	for lead < len(s) && delim(lead) {
		lead++
	}
	for trail > lead && delim(trail-1) {
		trail--
	}
	for i := lead; i < trail; i++ {
		if delim(i) {
			return true
		}
	}
	return false
}

// mdWholeLink splits s, when it is one link ("[text](dest)" or
// "[text][N]"), into its text and what follows the text ("](dest)").
func mdWholeLink(s string) (text, rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", "", false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				text, rest = s[1:i], s[i:]
				if mdLinkTail.MatchString(rest) && text != "" {
					return text, rest, true
				}
				return "", "", false
			}
		}
	}
	return "", "", false
}

// mdLinkTail matches what ends a link after its text: an inline
// destination (parentheses in it escaped, as mdDest writes unbalanced
// ones) with an optional title, or a reference number.
var mdLinkTail = regexp.MustCompile(`^\]\((?:[^()\s\[\]\\]|\\.)*( "[^"]*")?\)$|^\]\[[0-9]+\]$`)

// mdFlanks reports whether delimiters around text, with p before and q
// after, open and close emphasis.
func mdFlanks(text string, p, q int) bool {
	bare := strings.ReplaceAll(text, "\a", "") // the library's escape markers
	first, _ := utf8.DecodeRuneInString(bare)
	last, _ := utf8.DecodeLastRuneInString(bare)
	f, l := mdClass(first), mdClass(last)
	return f != mdSpace && l != mdSpace && (f != mdPunct || p != mdOther) && (l != mdPunct || q != mdOther)
}

// mdEmphasisTag names the kind of emphasis an element is: "strong", "em",
// "del" or "".
func mdEmphasisTag(name string) string {
	switch name {
	case "strong", "b":
		return "strong"
	case "em", "i":
		return "em"
	case "del", "s", "strike":
		return "del"
	}
	return ""
}

// mdBlockTags cannot be inside emphasis or a link in Markdown.
var mdBlockTags = map[string]bool{
	"pre": true, "ul": true, "ol": true, "table": true, "blockquote": true, "hr": true, "figure": true,
	"dl": true, "iframe": true, "video": true, "audio": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, mdMoreTag: true, mdListEndTag: true, "details": true, "object": true, "embed": true,
}

// mdHasBlock reports whether n holds an element of mdBlockTags, or with
// paragraphs set, any block element at all.
func mdHasBlock(n *html.Node, paragraphs bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if mdBlockTags[c.Data] || (paragraphs && mdIsBlock(c) && c.Data != "br") || mdHasBlock(c, paragraphs) {
			return true
		}
	}
	return false
}
