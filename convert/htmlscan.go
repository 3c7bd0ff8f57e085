package convert

import (
	"html"
	"strings"
)

// This file holds the small HTML scanners the render stage shares. They
// look at tags only as far as they must; the render stage never builds a
// DOM.

// isLetter reports whether b is an ASCII letter.
func isLetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// tagEnd returns the index after the ">" that ends the tag starting at
// s[i] == '<', skipping quoted attribute values, or -1 when it is not closed.
// Only a quote right after "=" opens a value; the value's end is found with
// IndexByte (values are the long part of a tag: URLs, srcset, style).
// tagEndRef in the tests is the plain byte loop it must agree with.
func tagEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; c {
		case '"', '\'':
			if s[j-1] != '=' {
				continue
			}
			k := strings.IndexByte(s[j+1:], c)
			if k < 0 {
				return -1
			}
			j += 1 + k
		case '>':
			return j + 1
		}
	}
	return -1
}

// tagAt reads the tag at s[i] == '<'. ok is false when s[i:] is not a tag
// (text "<", a comment, a declaration).
func tagAt(s string, i int) (name string, closing bool, end int, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	if j >= len(s) || !isLetter(s[j]) {
		return "", false, 0, false
	}
	k := j
	for k < len(s) && (isLetter(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '-' || s[k] == ':') {
		k++
	}
	end = tagEnd(s, i)
	if end < 0 {
		return "", false, 0, false
	}
	return strings.ToLower(s[j:k]), closing, end, true
}

// markupEnd returns where the markup at s[i] == '<' ends: after a comment,
// after a tag, or i+1 when the "<" is text.
func markupEnd(s string, i int) int {
	if strings.HasPrefix(s[i:], "<!--") {
		if k := strings.Index(s[i+4:], "-->"); k >= 0 {
			return i + 4 + k + 3
		}
		return len(s)
	}
	if i+1 < len(s) && (isLetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!' || s[i+1] == '?') {
		if end := tagEnd(s, i); end > 0 {
			return end
		}
	}
	return i + 1
}

// hasTagPrefix reports whether s starts with an opening tag of name.
func hasTagPrefix(s, name string) bool {
	if len(s) < len(name)+2 || s[0] != '<' || !strings.EqualFold(s[1:1+len(name)], name) {
		return false
	}
	switch s[1+len(name)] {
	case ' ', '>', '/', '\t', '\n', '\r':
		return true
	}
	return false
}

// elementEnd returns the index after the "</name>" that closes the element
// opened at s[i], or -1. Elements of the same name are not nested (pre,
// code, script, style never are in practice).
func elementEnd(s string, i int, name string) int {
	for j := i + 1; ; {
		k := strings.Index(s[j:], "</")
		if k < 0 {
			return -1
		}
		j += k
		if len(s) >= j+2+len(name) && strings.EqualFold(s[j+2:j+2+len(name)], name) {
			if end := tagEnd(s, j); end > 0 {
				return end
			}
			return -1
		}
		j += 2
	}
}

// splitElement splits "<x …>inner</x>" into its opening tag and inner
// HTML. A missing closing tag leaves the inner HTML running to the end.
func splitElement(el string) (open, inner string) {
	end := tagEnd(el, 0)
	if end < 0 {
		return el, ""
	}
	open, inner = el[:end], el[end:]
	if k := strings.LastIndex(inner, "</"); k >= 0 && strings.HasSuffix(strings.TrimRight(inner, " \t\r\n"), ">") {
		inner = inner[:k]
	}
	return open, inner
}

// openingTag returns the tag starting at s[i] == '<', or "".
func openingTag(s string, i int) string {
	if end := tagEnd(s, i); end > 0 {
		return s[i:end]
	}
	return ""
}

// attrValue returns the decoded value of attribute name in an opening tag,
// or "".
func attrValue(tag, name string) string {
	i := 1
	for i < len(tag) && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '>' {
		i++
	}
	for i < len(tag) {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		j := i
		for j < len(tag) && tag[j] != '=' && tag[j] != '>' && !isSpace(tag[j]) && tag[j] != '/' {
			j++
		}
		if j == i {
			return ""
		}
		key := tag[i:j]
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		val := ""
		if j < len(tag) && tag[j] == '=' {
			j++
			for j < len(tag) && isSpace(tag[j]) {
				j++
			}
			val, j = attrRawValue(tag, j)
		}
		if strings.EqualFold(key, name) {
			return html.UnescapeString(val)
		}
		i = j
	}
	return ""
}

// attrRawValue reads a quoted or bare attribute value at tag[j].
func attrRawValue(tag string, j int) (string, int) {
	if j < len(tag) && (tag[j] == '"' || tag[j] == '\'') {
		q := tag[j]
		if k := strings.IndexByte(tag[j+1:], q); k >= 0 {
			return tag[j+1 : j+1+k], j + 2 + k
		}
		return tag[j+1:], len(tag)
	}
	k := j
	for k < len(tag) && !isSpace(tag[k]) && tag[k] != '>' {
		k++
	}
	return tag[j:k], k
}

// stripTags removes tags and comments from HTML, turning <br> into a
// newline. Entities are left alone.
func stripTags(s string) string {
	if !strings.ContainsRune(s, '<') {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		end := markupEnd(s, j)
		if end == j+1 {
			b.WriteByte('<')
		} else if name, closing, _, ok := tagAt(s, j); ok && name == "br" && !closing {
			b.WriteByte('\n')
		}
		i = end
	}
	return b.String()
}

// escapeAttr escapes a value for a double-quoted attribute.
func escapeAttr(s string) string { return html.EscapeString(s) }

// markFinder finds the next "<" or "[" in s from a position on, as
// strings.IndexAny(s[i:], "<[") + i would, but remembers where the next of
// each is: the callers walk s forward, and text with many of one and few
// of the other would have IndexAny look at the same bytes again and again.
type markFinder struct {
	s      string
	lt, br int // next "<" and "[" at or after the last position asked; len(s) when none
}

func newMarkFinder(s string) markFinder { return markFinder{s: s, lt: -1, br: -1} }

// next returns the index of the first "<" or "[" at or after i, or -1.
func (f *markFinder) next(i int) int {
	if f.lt < i {
		f.lt = len(f.s)
		if k := strings.IndexByte(f.s[i:], '<'); k >= 0 {
			f.lt = i + k
		}
	}
	if f.br < i {
		f.br = len(f.s)
		if k := strings.IndexByte(f.s[i:], '['); k >= 0 {
			f.br = i + k
		}
	}
	if j := min(f.lt, f.br); j < len(f.s) {
		return j
	}
	return -1
}
