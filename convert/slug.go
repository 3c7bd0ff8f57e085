package convert

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldExtra spells out letters that do not decompose into a base letter and
// a combining mark, so that slugs made from titles stay ASCII where a reader
// would expect it.
var foldExtra = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", '×': "x",
}

// dropInSlug are characters removed without leaving a separator, so that
// "Don't" becomes "dont" rather than "don-t".
const dropInSlug = "'’‘\"“”«»‹›`´"

// decodeName percent-decodes a raw post_name or URL path segment to NFC
// UTF-8. It returns s unchanged when s is not a valid escape sequence or does
// not decode to valid UTF-8.
func decodeName(s string) string {
	d, err := url.PathUnescape(s)
	if err != nil || !utf8.ValidString(d) {
		return s
	}
	return norm.NFC.String(d)
}

// foldAccents removes combining marks after decomposition (é → e) and spells
// out the letters in foldExtra. Scripts without such marks (CJK, Cyrillic)
// are kept as they are.
func foldAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	for _, r := range out {
		if rep, ok := foldExtra[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// slugify makes a URL slug from a title the way a reader expects one: tags
// and entities are removed, accents folded to ASCII, letters lower-cased,
// letters of any script and digits kept, every other run of characters
// becomes one "-", and the result is at most 200 bytes. It returns "" when
// nothing is left.
func slugify(title string) string {
	s := foldAccents(plainText(title))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case strings.ContainsRune(dropInSlug, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return truncateUTF8(b.String(), 200, "-")
}

// truncateUTF8 cuts s to at most n bytes on a rune boundary and trims the
// characters in cutset from the new end.
func truncateUTF8(s string, n int, cutset string) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], cutset)
}
