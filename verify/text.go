package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is compared as tokens: words (runs of letters, digits, marks and
// "_"), each CJK character, and each other visible character. Whitespace
// separates tokens and is not one, so line breaks and spacing cost nothing.
// Typography is normalised first (typography), and a run of dashes is one
// token, so "--", "–" and "—" are the same.

// typography maps the characters Hugo's typographer, wptexturize or an
// author's keyboard may choose differently to one plain form; "" drops the
// character.
var typography = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "\u00b4", "'", "`", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u00ab", "<<", "\u00bb", ">>",
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u2026", "...",
	"\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2004", " ", "\u2005", " ", "\u2006", " ",
	"\u2007", " ", "\u2008", " ", "\u2009", " ", "\u200a", " ", "\u202f", " ", "\u205f", " ", "\u3000", " ",
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "",
)

// normalize returns s with typography normalised and in NFC.
func normalize(s string) string {
	return norm.NFC.String(typography.Replace(s))
}

// tokens splits text into tokens (see above).
func tokens(s string) []string {
	out, _ := spans(normalize(s))
	return out
}

// spans splits normalised text into tokens and returns where each starts.
func spans(s string) (out []string, at []int) {
	start := -1 // start of the word being read
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			i = next
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			at = append(at, start)
			start = -1
		}
		switch {
		case unicode.IsSpace(r):
		case r == '-':
			if len(out) == 0 || out[len(out)-1] != "-" || i == 0 || s[i-1] != '-' {
				out = append(out, "-") // a run of dashes is one token
				at = append(at, i)
			}
		default:
			out = append(out, s[i:next])
			at = append(at, i)
		}
		i = next
	}
	if start >= 0 {
		out = append(out, s[start:])
		at = append(at, start)
	}
	return out, at
}

// isWordRune reports whether r continues a word. CJK characters are tokens
// of their own: those scripts do not separate words.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
