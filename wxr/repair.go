package wxr

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// repair rewrites a span that failed to parse (or that holds a "]]>"
// outside CDATA) into well-formed XML, the way WordPress's own importer
// falls back to a tolerant parser. It never adds or removes a newline, so
// line numbers stay those of the input. Each change becomes a note.
func repair(src []byte, line0 int, fallback *charmap.Charmap) ([]byte, []note) {
	var f fixer
	f.line0, f.fallback = line0, fallback
	f.budget = 8*len(src) + 4096
	b := f.chars(src)
	b = f.markup(b)
	return b, f.notes()
}

// fixer collects repairs, grouped by line and kind.
type fixer struct {
	// fallback decodes bytes that are not UTF-8 when the document declares
	// a single-byte encoding; nil: they become U+FFFD.
	fallback         *charmap.Charmap
	line0            int
	budget           int // bytes earlyCDATA may still search: keeps repair linear
	gt, lt           int // cached results of nextGT and nextLT
	gtFound, ltFound bool
	counts           map[fixKey]int
	detail           map[fixKey][]string
}

type fixKey struct {
	line int
	kind string
}

func (f *fixer) add(line int, kind, detail string) {
	if f.counts == nil {
		f.counts, f.detail = map[fixKey]int{}, map[fixKey][]string{}
	}
	k := fixKey{f.line0 + line, kind}
	f.counts[k]++
	if detail != "" && len(f.detail[k]) < 5 && !contains(f.detail[k], detail) {
		f.detail[k] = append(f.detail[k], detail)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Repair kinds: the message for one occurrence and for several.
var fixMessages = map[string][2]string{
	"char":    {"dropped 1 character XML forbids", "dropped %d characters XML forbids"},
	"charset": {"decoded 1 byte that is not UTF-8 in the declared encoding", "decoded %d bytes that are not UTF-8 in the declared encoding"},
	"utf8":    {"replaced 1 invalid UTF-8 byte with U+FFFD", "replaced %d invalid UTF-8 bytes with U+FFFD"},
	"charref": {"dropped 1 character reference XML forbids", "dropped %d character references XML forbids"},
	"amp":     {"escaped 1 bare \"&\"", "escaped %d bare \"&\""},
	"entity":  {"replaced 1 HTML entity XML does not define", "replaced %d HTML entities XML does not define"},
	"lt":      {"escaped 1 bare \"<\"", "escaped %d bare \"<\""},
	"unknown": {"escaped 1 unknown entity", "escaped %d unknown entities"},
	"cdata":   {"recovered 1 element whose CDATA section ended early (unescaped \"]]>\" in its text)", "recovered %d elements whose CDATA sections ended early (unescaped \"]]>\" in their text)"},
}

func (f *fixer) notes() []note {
	keys := make([]fixKey, 0, len(f.counts))
	for k := range f.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].line != keys[j].line {
			return keys[i].line < keys[j].line
		}
		return keys[i].kind < keys[j].kind
	})
	ns := make([]note, 0, len(keys))
	for _, k := range keys {
		m, n := fixMessages[k.kind], f.counts[k]
		msg := m[0]
		if n > 1 {
			msg = fmt.Sprintf(m[1], n)
		}
		if d := f.detail[k]; len(d) > 0 {
			msg += " (" + strings.Join(d, ", ") + ")"
		}
		ns = append(ns, note{k.line, msg})
	}
	return ns
}

// isXMLChar reports whether XML 1.0 allows the character.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// chars drops characters XML forbids and replaces invalid UTF-8.
func (f *fixer) chars(src []byte) []byte {
	if !needsCharFix(src) {
		return src
	}
	out := make([]byte, 0, len(src))
	line := 0
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				f.add(line, "char", fmt.Sprintf("U+%04X", c))
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1 && f.fallback != nil:
			f.add(line, "charset", f.fallback.String())
			out = utf8.AppendRune(out, f.fallback.DecodeByte(c))
		case r == utf8.RuneError && size == 1:
			f.add(line, "utf8", "")
			out = append(out, "\uFFFD"...)
		case !isXMLChar(r):
			f.add(line, "char", fmt.Sprintf("U+%04X", r))
		default:
			out = append(out, src[i:i+size]...)
		}
		i += size
	}
	return out
}

func needsCharFix(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
			return true
		}
		i += size
	}
	return false
}

// markup escapes bare ampersands, replaces HTML entities, drops references
// to forbidden characters, and re-wraps elements whose CDATA ended early.
func (f *fixer) markup(src []byte) []byte {
	out := make([]byte, 0, len(src)+64)
	line := 0
	copyTo := func(i, j int) {
		line += bytes.Count(src[i:j], nlByte)
		out = append(out, src[i:j]...)
	}
	i := 0
	for i < len(src) {
		j := bytes.IndexAny(src[i:], "<&")
		if j < 0 {
			copyTo(i, len(src))
			break
		}
		copyTo(i, i+j)
		i += j
		if src[i] == '&' {
			n := f.entity(src[i:], line, &out)
			i += n
			continue
		}
		n := f.lessThan(src, i, line, &out)
		line += bytes.Count(src[i:i+n], nlByte)
		i += n
	}
	return out
}

// skipped constructs copied verbatim: opener and closer.
var verbatim = [][2]string{{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}, {"<!", ">"}}

// lessThan handles the markup at src[i] == '<', appending its repaired
// form to out; it returns how many input bytes it consumed.
func (f *fixer) lessThan(src []byte, i, line int, out *[]byte) int {
	rest := src[i:]
	for _, v := range verbatim {
		if bytes.HasPrefix(rest, []byte(v[0])) {
			e := bytes.Index(rest[len(v[0]):], []byte(v[1]))
			n := len(rest)
			if e >= 0 {
				n = len(v[0]) + e + len(v[1])
			}
			*out = append(*out, rest[:n]...)
			return n
		}
	}
	if len(rest) < 2 || !isNameStart(rest[1]) && rest[1] != '/' {
		f.add(line, "lt", "")
		*out = append(*out, "&lt;"...)
		return 1
	}
	gt := f.nextGT(src, i) - i
	if gt >= len(rest) || rest[1] == '/' || rest[gt-1] == '/' {
		*out = append(*out, '<')
		return 1
	}
	if n, ok := f.earlyCDATA(src, i, gt, line, out); ok {
		return n
	}
	*out = append(*out, '<')
	return 1
}

// nextGT returns the offset of the first '>' at or after i, len(src) when
// there is none; it remembers the answer so a run of '<' without '>' does
// not search to the end again and again.
func (f *fixer) nextGT(src []byte, i int) int {
	if f.gtFound && f.gt >= i {
		return f.gt
	}
	f.gt, f.gtFound = len(src), true
	if k := bytes.IndexByte(src[i:], '>'); k >= 0 {
		f.gt = i + k
	}
	return f.gt
}

// nextLT is nextGT for '<'.
func (f *fixer) nextLT(src []byte, i int) int {
	if f.ltFound && f.lt >= i {
		return f.lt
	}
	f.lt, f.ltFound = len(src), true
	if k := bytes.IndexByte(src[i:], '<'); k >= 0 {
		f.lt = i + k
	}
	return f.lt
}

func isNameByte(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// earlyCDATA recovers an element whose text is one CDATA section that a
// "]]>" inside the value ended early: everything between the first
// "<![CDATA[" and the last "]]>" before the element's end tag is its text.
func (f *fixer) earlyCDATA(src []byte, i, gt int, line int, out *[]byte) (int, bool) {
	rest := src[i:]
	n := 1
	for n < gt && isNameByte(rest[n]) {
		n++
	}
	tag := rest[1:n]
	if n < gt && !isSpaceByte(rest[n]) || f.nextLT(src, i+1)-i < gt {
		return 0, false // not a start tag: another '<' comes before its '>'
	}
	body := rest[gt+1:]
	if len(tag) == 0 || f.budget <= 0 || !bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("<![CDATA[")) {
		return 0, false
	}
	endTag := "</" + string(tag) + ">"
	e := bytes.Index(body, []byte(endTag))
	if e < 0 {
		f.budget -= len(body)
		return 0, false
	}
	f.budget -= e
	region := body[:e]
	trimmed := bytes.TrimLeft(region, " \t\r\n")
	if !bytes.HasPrefix(trimmed, []byte("<![CDATA[")) {
		return 0, false
	}
	lead := len(region) - len(trimmed)
	inner := bytes.TrimRight(region[lead:], " \t\r\n")
	if !bytes.HasSuffix(inner, []byte("]]>")) || cleanCDATA(inner) {
		return 0, false
	}
	text := inner[len("<![CDATA[") : len(inner)-len("]]>")]
	f.add(line+bytes.Count(rest[:gt+1+lead], nlByte), "cdata", "<"+string(tag)+">")
	*out = append(*out, rest[:gt+1+lead]...)
	*out = append(*out, "<![CDATA["...)
	*out = append(*out, bytes.ReplaceAll(text, []byte("]]>"), []byte("]]]]><![CDATA[>"))...)
	*out = append(*out, "]]>"...)
	*out = append(*out, region[lead+len(inner):]...)
	*out = append(*out, endTag...)
	return gt + 1 + e + len(endTag), true
}

// cleanCDATA reports whether b is well-formed CDATA sections with only
// plain text (no markup, no "]]>") between them.
func cleanCDATA(b []byte) bool {
	for len(b) > 0 {
		if bytes.HasPrefix(b, []byte("<![CDATA[")) {
			e := bytes.Index(b[9:], []byte("]]>"))
			if e < 0 {
				return false
			}
			b = b[9+e+3:]
			continue
		}
		k := bytes.Index(b, []byte("<![CDATA["))
		text := b
		if k >= 0 {
			text = b[:k]
		}
		if bytes.IndexByte(text, '<') >= 0 || bytes.Contains(text, []byte("]]>")) {
			return false
		}
		if k < 0 {
			return true
		}
		b = b[k:]
	}
	return true
}

// entity handles the '&' at src[0]: it appends a well-formed replacement
// to out and returns how many input bytes it consumed.
func (f *fixer) entity(src []byte, line int, out *[]byte) int {
	semi := bytes.IndexByte(src[:min(len(src), 34)], ';')
	if semi > 1 && semi <= 33 {
		ref := string(src[1:semi])
		if ref[0] == '#' {
			if r, ok := charRef(ref[1:]); ok {
				if isXMLChar(r) {
					*out = append(*out, src[:semi+1]...)
				} else {
					f.add(line, "charref", "&"+ref+";")
				}
				return semi + 1
			}
		} else if isEntityName(ref) {
			switch ref {
			case "amp", "lt", "gt", "quot", "apos":
				*out = append(*out, src[:semi+1]...)
				return semi + 1
			}
			if s := html.UnescapeString("&" + ref + ";"); s != "&"+ref+";" {
				f.add(line, "entity", "&"+ref+";")
				s = strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(s)
				*out = append(*out, s...)
				return semi + 1
			}
			f.add(line, "unknown", "&"+ref+";")
			*out = append(*out, "&amp;"...)
			return 1
		}
	}
	f.add(line, "amp", "")
	*out = append(*out, "&amp;"...)
	return 1
}

// charRef parses the digits of a numeric character reference.
func charRef(s string) (rune, bool) {
	base := 10
	if s != "" && (s[0] == 'x' || s[0] == 'X') {
		base, s = 16, s[1:]
	}
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(s, base, 32)
	if err != nil || n > 0x10FFFF {
		return 0, false
	}
	return rune(n), true
}

func isEntityName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// isNameStart reports whether c can start an XML name (ASCII view; any
// non-ASCII byte is taken as a name character).
func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= utf8.RuneSelf
}
