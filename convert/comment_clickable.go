package convert

import (
	"html"
	"regexp"
	"strings"
)

// WordPress shows a comment through make_clickable: a bare http(s) URL in
// its text becomes a link. Posts do not get this, and the site's Markdown
// does not linkify either, so the comment stage does it before converting.

// bareURL matches a URL written as text, up to a space, quote or tag.
var bareURL = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"']+`)

// noLinkTags are elements whose text is never made clickable.
var noLinkTags = map[string]bool{"a": true, "pre": true, "code": true, "script": true, "style": true, "textarea": true}

// clickable links the bare URLs in the text of comment HTML, outside links,
// code and preformatted text.
func clickable(s string) string {
	if !hasHTTP(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 64)
	skip := 0 // depth inside noLinkTags
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		text := s[:lt]
		if skip == 0 {
			text = linkText(text)
		}
		b.WriteString(text)
		s = s[lt:]
		if s == "" {
			break
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			b.WriteString(s)
			break
		}
		tag := s[:gt+1]
		b.WriteString(tag)
		s = s[gt+1:]
		name, closing := tagName(tag)
		if noLinkTags[name] && !strings.HasSuffix(tag, "/>") {
			if closing {
				skip = max(0, skip-1)
			} else {
				skip++
			}
		}
	}
	return b.String()
}

// tagName is the lower-cased name of a tag ("<a href…>" → "a"), and
// whether it closes.
func tagName(tag string) (string, bool) {
	t := strings.TrimPrefix(tag, "<")
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	end := strings.IndexAny(t, " \t\n/>")
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end]), closing
}

// linkText wraps each bare URL of a text run in <a>; trailing punctuation
// (and a closing parenthesis without its opening one) stays outside.
func linkText(text string) string {
	if !hasHTTP(text) {
		return text
	}
	return bareURL.ReplaceAllStringFunc(text, func(u string) string {
		tail := ""
		for len(u) > 0 {
			c := u[len(u)-1]
			if strings.IndexByte(".,;:!?", c) >= 0 || (c == ')' && strings.Count(u, "(") < strings.Count(u, ")")) {
				tail = string(c) + tail
				u = u[:len(u)-1]
				continue
			}
			break
		}
		if len(u) <= len("https://") {
			return u + tail
		}
		href := html.EscapeString(html.UnescapeString(u))
		return `<a href="` + href + `" rel="nofollow ugc">` + u + `</a>` + tail
	})
}

// hasHTTP reports whether s holds "http" in any case: text without it has
// no bare URL, and the regexp need not look. The letters h, t and p fold
// only to their ASCII pairs, so ASCII folding is the whole check.
func hasHTTP(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i]|0x20 == 'h' && s[i+1]|0x20 == 't' && s[i+2]|0x20 == 't' && s[i+3]|0x20 == 'p' {
			return true
		}
	}
	return false
}
