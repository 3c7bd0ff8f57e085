package convert

import (
	"strconv"
	"strings"
)

// autop is a clean-room wpautop: it turns classic-editor text, where a blank
// line separates paragraphs and a single newline is a line break, into HTML.
//
// The rules, in the order they apply:
//   - <pre>, <script>, <style>, <svg> and <math> elements are set aside and come back
//     untouched: no paragraph or line break is ever added inside them.
//   - Two <br> tags with only white space between them end a paragraph.
//   - Every opening block-level tag (p, div, ul, li, table, h1…, figure, …)
//     starts a new chunk and every closing one ends its chunk, so block
//     elements never sit inside a paragraph.
//   - Newlines inside tags and comments do not count.
//   - The text is cut into chunks at blank lines. A chunk that is only text
//     and inline markup becomes <p>…</p>. A chunk that begins or ends with a
//     block tag gets no <p> around that tag; text after an opening container
//     (div, blockquote, section, …) that is not closed in the same chunk is
//     wrapped in <p> inside it, and text before a closing container likewise.
//     A <blockquote>'s text is always a paragraph, and a <p> cut in two
//     by a blank line becomes two paragraphs.
//   - A chunk that is only a comment (<!--more-->) stays bare, and so does a
//     chunk that standalone accepts (a shortcode that renders as a block).
//   - Inside a paragraph, every remaining newline becomes <br />, unless a
//     <br /> is already there. A <br /> at either end of a chunk goes, and
//     so does an empty <p></p>.
func autop(s string, standalone func(chunk string) bool) string {
	if textIsBlank(s) {
		return ""
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var kept []string
	s = setAside(s, &kept)
	s = markBlocks(s)
	var w autopWriter
	w.b.Grow(len(s) + len(s)/8)
	forEachChunk(s, func(chunk string) { w.paragraph(chunk, standalone) })
	return restoreAside(w.b.String(), kept)
}

const (
	hiddenNewline = "\x1d" // a newline inside a tag or comment, while autop runs
	asideMark     = "\x1c" // brackets the number of an element set aside
	asideOpen     = "<pre>" + asideMark
	asideClose    = asideMark + "</pre>"
)

// isBlockTag reports whether name is a tag that never sits inside a
// paragraph. A switch, not a map: autop asks it of every tag.
func isBlockTag(name string) bool {
	switch name {
	case "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt",
		"ul", "ol", "li", "pre", "form", "map", "area", "blockquote", "address", "style", "p",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "fieldset", "legend",
		"section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "figcaption", "details", "menu", "summary", "math",
		"audio", "video", "iframe":
		return true
	}
	return false
}

// paragraphContainers may hold a <p>.
var paragraphContainers = map[string]bool{
	"div": true, "blockquote": true, "section": true, "article": true, "aside": true,
	"header": true, "footer": true, "nav": true, "td": true, "th": true, "dd": true,
	"form": true, "fieldset": true, "details": true,
}

// setAside replaces each <pre>, <script>, <style>, <svg> and <math> element with a
// placeholder that looks like an empty <pre>, so it counts as a block.
func setAside(s string, kept *[]string) string {
	if !strings.ContainsRune(s, '<') {
		return s
	}
	// s itself is returned when nothing is set aside.
	out := splice{src: s}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		j += i
		name := ""
		if j+1 < len(s) && !mayBeAside(s[j+1]) {
			i = j + 1
			continue
		}
		for _, n := range [...]string{"pre", "script", "style", "svg", "math"} {
			if hasTagPrefix(s[j:], n) {
				name = n
			}
		}
		end := -1
		if name != "" {
			end = elementEnd(s, j, name)
		}
		if end < 0 {
			i = j + 1
			continue
		}
		out.replace(j, end, asideOpen+strconv.Itoa(len(*kept))+asideClose)
		*kept = append(*kept, s[j:end])
		i = end
	}
	return out.String()
}

// mayBeAside reports whether c, the byte after a "<", can start the name
// of an element setAside keeps: p, s or m in either case.
func mayBeAside(c byte) bool {
	c |= 0x20
	return c == 'p' || c == 's' || c == 'm'
}

// restoreAside puts the elements set aside back.
func restoreAside(s string, kept []string) string { return restoreHeld(s, asideMark, kept) }

// markBlocks puts a blank line before every opening block tag and after
// every closing one, hides newlines inside tags and comments, writes every
// <br> as "<br />", and turns two <br> in a row (white space between them)
// into a blank line.
func markBlocks(s string) string {
	var w markWriter
	w.b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			w.text(s[i:])
			break
		}
		j += i
		w.text(s[i:j])
		end := markupEnd(s, j)
		i = end
		if end == j+1 {
			w.markup("<")
			continue
		}
		markup := s[j:end]
		name, closing, _, ok := tagAt(s, j)
		switch block := ok && isBlockTag(name); {
		case !ok:
			w.markup(markup)
		case name == "br" && !closing:
			w.lineBreak()
		case name == "hr":
			w.text("\n\n")
			w.markup(markup)
			w.text("\n\n")
		case block && closing:
			w.markup(markup)
			w.text("\n\n")
		case block:
			w.text("\n\n")
			w.markup(markup)
		default:
			w.markup(markup)
		}
	}
	w.flush()
	return w.b.String()
}

// forEachChunk calls f with each run of text between blank lines (lines
// holding only spaces and tabs count as blank).
func forEachChunk(s string, f func(string)) {
	start := -1 // start of the current chunk
	lineStart := 0
	for lineStart <= len(s) {
		nl := strings.IndexByte(s[lineStart:], '\n')
		lineEnd := len(s)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		blank := strings.TrimLeft(s[lineStart:lineEnd], " \t") == ""
		switch {
		case blank && start >= 0:
			f(s[start:lineStart])
			start = -1
		case !blank && start < 0:
			start = lineStart
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		f(s[start:])
	}
}

// edgeTag returns the block tag at the start (or end) of t, if there is one.
func edgeTag(t string, atStart bool) (tag, name string, closing bool) {
	i := 0
	if !atStart {
		if !strings.HasSuffix(t, ">") {
			return "", "", false
		}
		i = strings.LastIndexByte(t, '<')
		if i < 0 {
			return "", "", false
		}
	}
	if i >= len(t) || t[i] != '<' {
		return "", "", false
	}
	name, closing, end, ok := tagAt(t, i)
	if !ok || !isBlockTag(name) || (!atStart && end != len(t)) {
		return "", "", false
	}
	return t[i:end], name, closing
}

// isCommentOnly reports whether t is a single HTML comment.
func isCommentOnly(t string) bool {
	return strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->") && strings.Index(t[4:], "-->") == len(t)-7
}
