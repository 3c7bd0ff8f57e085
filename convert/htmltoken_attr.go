package convert

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// attrText decodes an attribute's value as Tokenizer.TagAttr does:
// newlines, then character references by the attribute rules.
//
// Those differ from the text rules (html.UnescapeString) only for named
// references: in a value, "&name" with no ";" is kept as written when "="
// follows it, and any "&name" or "&name;" is kept when the name is not an
// entity's (where text decodes its longest legacy prefix: "&notit;" is
// "¬it;"). Each
// "&" is decoded on its own (the reference ends at the next "&" at the
// latest), so attrText cuts the value before each "&" and decodes each
// piece the text way unless the rules differ for it.
func attrText(s string) string {
	s = crlfToLF(s)
	amp := strings.IndexByte(s, '&')
	if amp < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:amp])
	for s = s[amp:]; s != ""; {
		piece := s
		if j := strings.IndexByte(s[1:], '&'); j >= 0 {
			piece = s[:1+j]
		}
		s = s[len(piece):]
		if attrRefKept(piece) {
			sb.WriteString(piece)
		} else {
			sb.WriteString(html.UnescapeString(piece))
		}
	}
	return sb.String()
}

// attrRefKept reports whether the reference that starts piece ("&", then
// no other "&") stays as written in an attribute but not in text.
func attrRefKept(piece string) bool {
	n := 1
	for n < len(piece) && (isLetter(piece[n]) || '0' <= piece[n] && piece[n] <= '9') {
		n++
	}
	if n == 1 {
		return false // "&#...", "&;" or "&" and no name: the same either way
	}
	whole := 1 // runes a whole name decodes to
	switch {
	case n < len(piece) && piece[n] == ';':
		n++
		whole = 2 // a few names with ";" decode to two runes
	case n < len(piece) && piece[n] == '=':
		return true
	}
	// A whole name decodes to at most whole runes. When it is not one,
	// text decodes its longest legacy prefix (a name with no ";" that
	// also has one with it) and keeps the rest: at least a letter or digit
	// and, with a ";", that too (the prefix with ";" is not the name).
	// No match at all leaves the name as written, in either.
	return utf8.RuneCountInString(html.UnescapeString(piece[:n])) > whole
}
