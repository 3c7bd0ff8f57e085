package convert

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagPattern matches one HTML tag or comment, for turning stored HTML into
// plain text (excerpts, titles being slugified).
var tagPattern = regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^>]*>`)

// inlineTag matches the inline formatting tags WordPress users put in titles
// ("Title <em>With</em> Markup"). Other text in angle brackets is kept: after
// the reader's one entity decoding, "Using <div>" may well be literal text.
var inlineTag = regexp.MustCompile(`(?i)</?(?:a|abbr|b|big|br|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strike|strong|sub|sup|u)(?:\s[^<>]*)?/?>`)

// titleText turns a stored title into the plain text Hugo expects: inline
// formatting tags dropped, then cleaned as one line.
func titleText(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = inlineTag.ReplaceAllString(s, "")
	}
	return cleanLine(s)
}

// cleanLine makes s safe as a one-line YAML value that Hugo's reader gives
// back unchanged: tabs and line breaks become spaces, other control
// characters, byte-order marks and line/paragraph separators are dropped, and
// the ends are trimmed.
func cleanLine(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF':
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// plainText turns stored HTML (an excerpt) into one line of text: tags and
// comments removed, entities decoded once, whitespace runs collapsed.
func plainText(s string) string {
	s = tagPattern.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return collapseSpace(cleanLine(s))
}

// collapseSpace is strings.Join(strings.Fields(s), " "): runs of white
// space (unicode.IsSpace) as one space, none at the ends. s itself when it
// is already so, which is the usual case.
func collapseSpace(s string) string {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += n - 1
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return strings.Join(strings.Fields(s), " ")
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
