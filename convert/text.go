package convert

import (
	"html"
	"regexp"
	"strings"
	"unicode"
)

// tagPattern matches one HTML tag or comment, for turning stored HTML into
// plain text (excerpts, titles being slugified).
var tagPattern = regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^>]*>`)

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
	return strings.Join(strings.Fields(cleanLine(s)), " ")
}
