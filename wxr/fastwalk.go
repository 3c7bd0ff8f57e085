package wxr

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"strconv"
	"unicode/utf8"
)

// The fast path reads an item span without encoding/xml. It accepts only a
// strict subset of XML that it can tokenize exactly as RawToken would
// (ASCII names, the five predefined entities and character references,
// CDATA sections, comments) and hands the walker the same tokens. On
// anything else (a syntax error, an undeclared prefix, a processing
// instruction, a DOCTYPE, a non-ASCII name) it gives up with errBail and the
// span is walked again by encoding/xml from scratch, so errors, warnings and
// repairs are encoding/xml's own. It saves encoding/xml's byte-at-a-time
// text loop and its per-token allocations: names are interned, text that
// needs no decoding is passed as a slice of the span.

// errBail is the fast path giving up; the caller walks the span again.
var errBail = &syntaxError{msg: "fast path gave up"}

// maxInterned bounds the fast path's string table.
const maxInterned = 4096

// fastState is the fast path's reusable state.
type fastState struct {
	names  map[string]string   // interned values
	qnames map[string]xml.Name // interned element and attribute names
	attrs  []xml.Attr
	dbuf   []byte // decoded text with references or CRs
	bailed bool   // open met an undeclared prefix
}

// intern returns b as a string, shared with earlier equal strings.
func (fs *fastState) intern(b []byte) string {
	if s, ok := fs.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if fs.names == nil {
		fs.names = map[string]string{}
	}
	if len(fs.names) < maxInterned {
		fs.names[s] = s
	}
	return s
}

// walkFast walks one complete element span; errBail when it cannot.
func (w *walker) walkFast(src []byte, line0 int, h handler) *syntaxError {
	w.src, w.line0, w.cur = src, line0, nil
	w.bailed = false
	p := 0
	for p < len(src) {
		if src[p] != '<' {
			if len(w.stack) == 0 {
				return errBail
			}
			i := bytes.IndexByte(src[p:], '<')
			if i < 0 {
				return errBail // text runs to the end of the span
			}
			raw := src[p : p+i]
			if bytes.Contains(raw, []byte("]]>")) {
				return errBail
			}
			t, ok := w.decodeText(raw, true)
			if !ok {
				return errBail
			}
			w.charData(t, len(t) == 0 || &t[0] == &raw[0])
			p += i
			continue
		}
		if p+1 >= len(src) {
			return errBail
		}
		var err *syntaxError
		switch src[p+1] {
		case '/':
			p, err = w.fastEnd(src, p, h)
			if err == nil && len(w.stack) == 0 {
				if p != len(src) {
					return errBail
				}
				return nil
			}
		case '!':
			p, err = w.fastBang(src, p, h)
		case '?':
			return errBail
		default:
			p, err = w.fastStart(src, p, h)
			if err == nil && len(w.stack) == 0 { // <item/>
				if p != len(src) {
					return errBail
				}
				return nil
			}
		}
		if err != nil {
			return err
		}
	}
	return errBail // the span ended inside an element
}

// charData gives text to the open value element, as run does.
func (w *walker) charData(t []byte, stable bool) {
	if n := len(w.stack); n > 0 && w.stack[n-1].field.isValue() {
		w.addText(&w.stack[n-1], t, stable)
	}
}

// fastEnd reads the end tag at src[p] ("</").
func (w *walker) fastEnd(src []byte, p int, h handler) (int, *syntaxError) {
	q := p + 2
	start := q
	for q < len(src) && xmlNameByte(src[q]) {
		q++
	}
	n := len(w.stack)
	if n == 0 || !sameName(src[start:q], &w.stack[n-1]) || q < len(src) && src[q] >= utf8.RuneSelf {
		return 0, errBail // RawToken would name it differently, or close() fail
	}
	name := xml.Name{Space: w.stack[n-1].prefix, Local: w.stack[n-1].local}
	q = skipSpace(src, q)
	if q >= len(src) || src[q] != '>' {
		return 0, errBail
	}
	if err := w.close(nil, int64(p), name, h); err != nil {
		return 0, err
	}
	return q + 1, nil
}

// fastBang reads a comment or a CDATA section at src[p] ("<!").
func (w *walker) fastBang(src []byte, p int, h handler) (int, *syntaxError) {
	rest := src[p:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		body := rest[4:]
		i := bytes.Index(body, []byte("--"))
		if i < 0 || i+2 >= len(body) || body[i+2] != '>' {
			return 0, errBail
		}
		if n := len(w.stack); n == 0 || !w.stack[n-1].field.isValue() {
			h.comment(body[:i])
		}
		return p + 4 + i + 3, nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		body := rest[9:]
		i := bytes.Index(body, []byte("]]>"))
		if i < 0 {
			return 0, errBail
		}
		t, ok := w.decodeText(body[:i], false)
		if !ok {
			return 0, errBail
		}
		w.charData(t, len(t) == 0 || &t[0] == &body[0])
		return p + 9 + i + 3, nil
	}
	return 0, errBail
}

// fastStart reads the start tag at src[p].
func (w *walker) fastStart(src []byte, p int, h handler) (int, *syntaxError) {
	name, q, ok := w.fastName(src, p+1)
	if !ok {
		return 0, errBail
	}
	attrs := w.attrs[:0]
	empty := false
	for {
		q = skipSpace(src, q)
		if q >= len(src) {
			return 0, errBail
		}
		if src[q] == '/' {
			if q+1 >= len(src) || src[q+1] != '>' {
				return 0, errBail
			}
			empty, q = true, q+2
			break
		}
		if src[q] == '>' {
			q++
			break
		}
		var a xml.Attr
		if a.Name, q, ok = w.fastName(src, q); !ok {
			return 0, errBail
		}
		q = skipSpace(src, q)
		if q >= len(src) || src[q] != '=' {
			return 0, errBail
		}
		q = skipSpace(src, q+1)
		if q >= len(src) || src[q] != '"' && src[q] != '\'' {
			return 0, errBail
		}
		i := bytes.IndexByte(src[q+1:], src[q])
		if i < 0 {
			return 0, errBail
		}
		raw := src[q+1 : q+1+i]
		if bytes.IndexByte(raw, '<') >= 0 || bytes.Contains(raw, []byte("]]>")) {
			return 0, errBail // the scanner would call "]]>" a stray: Reader.item looks
		}
		v, ok := w.decodeText(raw, true)
		if !ok {
			return 0, errBail
		}
		a.Value = w.intern(v)
		attrs = append(attrs, a)
		q += i + 2
	}
	w.attrs = attrs[:0]
	w.open(nil, int64(q), xml.StartElement{Name: name, Attr: attrs}, h)
	if w.bailed {
		return 0, errBail
	}
	if empty {
		if err := w.close(nil, int64(q), name, h); err != nil {
			return 0, err
		}
	}
	return q, nil
}

// sameName reports whether the name s is the qualified name of f, which
// means RawToken would split s into f's prefix and local name.
func sameName(s []byte, f *frame) bool {
	if f.prefix == "" {
		return string(s) == f.local
	}
	return len(s) == len(f.prefix)+1+len(f.local) && string(s[:len(f.prefix)]) == f.prefix &&
		s[len(f.prefix)] == ':' && string(s[len(f.prefix)+1:]) == f.local
}

// fastName reads an ASCII XML name at src[q] and splits it as RawToken
// does.
func (w *walker) fastName(src []byte, q int) (xml.Name, int, bool) {
	start := q
	for q < len(src) && xmlNameByte(src[q]) {
		q++
	}
	if q == start || q < len(src) && src[q] >= utf8.RuneSelf {
		return xml.Name{}, 0, false
	}
	s := src[start:q]
	if n, ok := w.qnames[string(s)]; ok {
		return n, q, true
	}
	if c := s[0]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == ':') {
		return xml.Name{}, 0, false
	}
	var name xml.Name
	colon := bytes.IndexByte(s, ':')
	switch {
	case colon >= 0 && bytes.IndexByte(s[colon+1:], ':') >= 0:
		return xml.Name{}, 0, false
	case colon <= 0 || colon == len(s)-1:
		name.Local = string(s)
	default:
		name.Space, name.Local = string(s[:colon]), string(s[colon+1:])
	}
	if w.qnames == nil {
		w.qnames = map[string]xml.Name{}
	}
	if len(w.qnames) < maxInterned {
		w.qnames[string(s)] = name
	}
	return name, q, true
}

func xmlNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

func skipSpace(src []byte, q int) int {
	for q < len(src) {
		switch src[q] {
		case ' ', '\r', '\n', '\t':
			q++
		default:
			return q
		}
	}
	return q
}

// decodeText turns raw text into what RawToken returns: references
// decoded (refs), CR and CRLF read as LF; false for anything the fast path
// does not take (an unknown entity) or RawToken rejects (a character XML
// forbids, invalid UTF-8). The result is raw itself when nothing changes,
// else it lives in dbuf until the next call.
func (w *walker) decodeText(raw []byte, refs bool) ([]byte, bool) {
	if !(refs && bytes.IndexByte(raw, '&') >= 0) && bytes.IndexByte(raw, '\r') < 0 {
		return raw, validChars(raw)
	}
	out := w.dbuf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c == '&' && refs:
			j := bytes.IndexByte(raw[i:], ';')
			if j < 0 {
				return nil, false
			}
			var ok bool
			if out, ok = appendRef(out, raw[i+1:i+j]); !ok {
				return nil, false
			}
			i += j
		default:
			out = append(out, c)
		}
	}
	w.dbuf = out
	return out, validChars(out)
}

// appendRef appends the text of the reference &ref;.
func appendRef(out, ref []byte) ([]byte, bool) {
	switch string(ref) {
	case "lt":
		return append(out, '<'), true
	case "gt":
		return append(out, '>'), true
	case "amp":
		return append(out, '&'), true
	case "apos":
		return append(out, '\''), true
	case "quot":
		return append(out, '"'), true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return nil, false
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	for _, d := range digits {
		if !('0' <= d && d <= '9' || base == 16 && ('a' <= d && d <= 'f' || 'A' <= d && d <= 'F')) {
			return nil, false
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 64)
	if err != nil || n > utf8.MaxRune {
		return nil, false
	}
	return utf8.AppendRune(out, rune(n)), true
}

// validChars reports whether b is UTF-8 holding only characters XML
// allows. Most text is ASCII: one pass takes eight printable ASCII bytes
// at a time and decodes only the runes around the others.
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		if i+8 <= len(b) {
			x := binary.LittleEndian.Uint64(b[i:])
			if (x|(x-0x2020202020202020))&0x8080808080808080 == 0 { // all in 0x20-0x7F
				i += 8
				continue
			}
		}
		if c := b[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !inCharacterRange(r) {
			return false
		}
		i += n
	}
	return true
}

func inCharacterRange(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
