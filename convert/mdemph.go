package convert

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

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

// mdTransparent are inline elements rendered as their bare content.
var mdTransparent = map[string]bool{"span": true, "font": true, "big": true, "cite": true, "label": true, "time": true, "dfn": true, "bdi": true, "bdo": true}

// mdSide classifies what the Markdown will hold right before (before=true)
// or right after n, looking at its siblings in the DOM.
func mdSide(n *html.Node, before bool) int {
	sib := func(n *html.Node) *html.Node {
		if before {
			return n.PrevSibling
		}
		return n.NextSibling
	}
	for {
		s := sib(n)
		for s != nil && s.Type == html.CommentNode {
			s = sib(s)
		}
		if s == nil {
			p := n.Parent
			if p == nil || p.Type != html.ElementNode || !mdTransparent[p.Data] {
				if p != nil && p.Type == html.ElementNode && mdInline(p.Data) {
					return mdPunct // a link's bracket, an outer delimiter
				}
				return mdSpace
			}
			n = p
			continue
		}
		switch {
		case s.Type == html.TextNode && s.Data != "":
			if before {
				r, _ := utf8.DecodeLastRuneInString(s.Data)
				return mdClass(r)
			}
			r, _ := utf8.DecodeRuneInString(s.Data)
			return mdClass(r)
		case s.Type == html.ElementNode && s.Data == "br":
			return mdSpace
		case s.Type == html.ElementNode && !mdInline(s.Data):
			return mdSpace
		case s.Type == html.ElementNode && mdTransparent[s.Data] && s.FirstChild != nil:
			if before {
				s = s.LastChild
			} else {
				s = s.FirstChild
			}
			// look at the transparent element's own edge text
			if s.Type == html.TextNode && s.Data != "" {
				if before {
					r, _ := utf8.DecodeLastRuneInString(s.Data)
					return mdClass(r)
				}
				r, _ := utf8.DecodeRuneInString(s.Data)
				return mdClass(r)
			}
			return mdPunct
		case s.Type == html.ElementNode:
			return mdPunct
		}
		n = s
	}
}

// mdInline reports whether an element renders inline.
func mdInline(tag string) bool {
	switch tag {
	case "a", "abbr", "b", "big", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins",
		"kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
		"tt", "u", "var":
		return true
	}
	return false
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
	ctx.RenderChildNodes(ctx, &buf, n)
	before, content, after := mdSplitSpace(buf.String())
	w.WriteString(before)
	defer w.WriteString(after)
	if content == "" {
		return converter.RenderSuccess
	}
	tag := mdEmphasisTag(n.Data)
	delim := map[string]string{"strong": "**", "em": "*", "del": "~~"}[tag]
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && mdEmphasisTag(p.Data) == tag {
			w.WriteString(content) // bold in bold shows as bold
			return converter.RenderSuccess
		}
	}
	prev, next := mdSide(n, true), mdSide(n, false)
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
		if !mdFlanks(trimmed, p, q) {
			open, close = "<"+tag+">", "</"+tag+">"
		}
		lines[i] = core[:len(core)-len(trimmed)] + open + trimmed + close + l[len(core):]
	}
	w.WriteString(strings.Join(lines, "\n"))
	return converter.RenderSuccess
}

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
		if mdBlockTags[c.Data] || (paragraphs && !mdInline(c.Data) && c.Data != "br" && c.Data != "img") || mdHasBlock(c, paragraphs) {
			return true
		}
	}
	return false
}
