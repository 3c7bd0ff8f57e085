package verify

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// MarkdownOptions configure FromMarkdown.
type MarkdownOptions struct {
	// Resolve maps the content file of a relref to the link it is compared
	// as (see Resolver and LinkKey). Nil leaves the file name.
	Resolve Resolver
}

// hugoMarkdown is goldmark configured as Hugo 0.165 configures it by
// default (markup.goldmark), with unsafe = true and linkify = false as the
// hugo.toml wpexit writes: GFM tables, strikethrough and task lists, the
// typographer, definition lists, footnotes, heading IDs and the {.attr}
// syntax on headings. Links linkify makes are marked (autolinkRenderer).
// Hugo also highlights code fences, which changes no text. It is built once
// and safe for concurrent use.
var hugoMarkdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.Typographer,
			extension.DefinitionList,
			extension.Footnote,
		),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(ghtml.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(autolinkRenderer{}, 100))),
	)
})

// FromMarkdown renders a page body (Markdown without front matter; see
// Body) as Hugo would and reads the Side of the result.
func FromMarkdown(md string, opts MarkdownOptions) (Side, error) {
	h, unknown, err := HugoHTML(md, opts)
	if err != nil {
		return Side{}, err
	}
	s, err := FromHTML(h)
	if err != nil {
		return Side{}, err
	}
	s.Shortcodes = unknown
	return s, nil
}

// HugoHTML renders a page body as Hugo would: shortcodes become placeholder
// tokens, goldmark renders the Markdown, and each token is replaced with
// what the shortcode prints (a <p> wrapping a token alone is dropped, as
// Hugo does):
//
//   - figure: <figure>, an <img> (in an <a> with link), and a <figcaption>
//     with the caption rendered as Markdown, as Hugo's template writes;
//   - youtube, vimeo: a <div> holding the player <iframe>;
//   - relref, ref: the link opts.Resolve gives the file;
//   - the comment form {{</* x */>}}: the text {{< x >}};
//   - any other shortcode: nothing; its name is returned in unknown.
func HugoHTML(md string, opts MarkdownOptions) (out string, unknown []string, err error) {
	prefix := "VERIFYSC"
	for strings.Contains(md, prefix) {
		prefix += "X"
	}
	src, outputs, unknown := placeShortcodes(md, prefix, opts)
	var buf bytes.Buffer
	if err := hugoMarkdown().Convert([]byte(src), &buf); err != nil {
		return "", nil, fmt.Errorf("render markdown: %w", err)
	}
	return fillShortcodes(buf.String(), prefix, outputs), unknown, nil
}

// token is the placeholder of shortcode i.
func token(prefix string, i int) string { return prefix + strconv.Itoa(i) + "HBHB" }

// placeShortcodes replaces every complete shortcode in md with a token and
// returns the outputs by token number.
func placeShortcodes(md, prefix string, opts MarkdownOptions) (string, []string, []string) {
	if !strings.Contains(md, "{{") {
		return md, nil, nil
	}
	var b strings.Builder
	var outputs, unknown []string
	for {
		i := strings.Index(md, "{{")
		if i < 0 {
			b.WriteString(md)
			return b.String(), outputs, unknown
		}
		sc, n, ok := parseShortcode(md[i:])
		if !ok {
			b.WriteString(md[:i+2])
			md = md[i+2:]
			continue
		}
		b.WriteString(md[:i])
		out, known := renderShortcode(sc, opts)
		if !known {
			unknown = append(unknown, sc.name)
		}
		b.WriteString(token(prefix, len(outputs)))
		outputs = append(outputs, out)
		md = md[i+n:]
	}
}

// fillShortcodes puts the outputs in place of their tokens.
func fillShortcodes(h, prefix string, outputs []string) string {
	for i := len(outputs) - 1; i >= 0; i-- { // 10 before 1
		t := token(prefix, i)
		h = strings.ReplaceAll(h, "<p>"+t+"</p>", outputs[i])
		h = strings.ReplaceAll(h, t, outputs[i])
	}
	return h
}

// renderShortcode returns what Hugo prints for sc; known is false for a
// shortcode this package does not render.
func renderShortcode(sc shortcode, opts MarkdownOptions) (out string, known bool) {
	switch {
	case sc.comment:
		return html.EscapeString(sc.literal), true
	case sc.name == "relref" || sc.name == "ref":
		return html.EscapeString(resolveRef(opts.Resolve, sc.get("path", 0))), true
	case sc.name == "figure":
		return figureHTML(sc), true
	case sc.name == "youtube":
		id := escAttr(sc.get("id", 0))
		start := sc.get("start", -1)
		if start == "" {
			start = "0"
		}
		return `<div><iframe src="https://www.youtube.com/embed/` + id +
			`?autoplay=0&amp;controls=1&amp;end=0&amp;loop=0&amp;mute=0&amp;start=` + escAttr(start) + `"></iframe></div>`, true
	case sc.name == "vimeo":
		return `<div><iframe src="https://player.vimeo.com/video/` + escAttr(sc.get("id", 0)) + `?dnt=0"></iframe></div>`, true
	}
	return "", false
}

// escAttr escapes a value for an attribute.
func escAttr(s string) string { return html.EscapeString(s) }

// figureHTML is what Hugo's figure template prints.
func figureHTML(sc shortcode) string {
	var b strings.Builder
	b.WriteString("<figure")
	if c := sc.get("class", -1); c != "" {
		b.WriteString(` class="` + escAttr(c) + `"`)
	}
	b.WriteString(">")
	link := sc.get("link", -1)
	if link != "" {
		b.WriteString(`<a href="` + escAttr(link) + `">`)
	}
	caption := sc.get("caption", -1)
	b.WriteString(`<img src="` + escAttr(sc.get("src", -1)) + `"`)
	if alt := sc.get("alt", -1); alt != "" {
		b.WriteString(` alt="` + escAttr(alt) + `"`)
	} else if caption != "" {
		b.WriteString(` alt="` + escAttr(caption) + `"`)
	}
	b.WriteString(">")
	if link != "" {
		b.WriteString("</a>")
	}
	title := sc.get("title", -1)
	if title != "" || caption != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<h4>" + html.EscapeString(title) + "</h4>")
		}
		if caption != "" {
			b.WriteString("<p>" + markdownify(caption) + "</p>")
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

// markdownify renders Markdown as Hugo's markdownify does: a lone
// paragraph loses its <p>.
func markdownify(md string) string {
	var buf bytes.Buffer
	if err := hugoMarkdown().Convert([]byte(md), &buf); err != nil {
		return html.EscapeString(md)
	}
	s := strings.TrimSpace(buf.String())
	if inner, ok := strings.CutPrefix(s, "<p>"); ok && strings.HasSuffix(inner, "</p>") && !strings.Contains(inner, "<p>") {
		return strings.TrimSuffix(inner, "</p>")
	}
	return s
}
