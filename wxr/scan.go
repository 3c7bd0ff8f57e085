package wxr

import (
	"bytes"
	"io"
)

// scanner cuts the byte stream into top-level <item>…</item> spans and the
// gaps between them (channel header, whitespace, trailing </channel></rss>).
// It understands just enough XML to do that safely: comments, CDATA
// sections, processing instructions and declarations are skipped whole, so
// an "</item>" inside post content never ends an item. It also notes a
// "]]>" met outside CDATA, the mark of a CDATA section that ended early.
//
// Positions are absolute stream offsets; buf holds the bytes from base on.
// Nothing before keep is needed again, so fill may compact or grow buf.
type scanner struct {
	r    io.Reader
	buf  []byte
	base int64 // stream offset of buf[0]
	end  int64 // stream offset just past the valid data
	keep int64 // bytes before keep may be discarded
	pos  int64 // where the next call to next starts
	eof  bool
	rerr error // read error other than io.EOF

	line     int   // line number at lineMark
	lineMark int64 // stream offset of line's first counted byte
}

// span is one step of the scan. Its byte slices are valid until the next
// call to next.
type span struct {
	gap      []byte // bytes before the item (or up to EOF)
	gapLine  int
	gapStray bool // "]]>" outside CDATA in gap

	item     []byte // nil when the input ended before another item
	line     int    // line of the item's start tag
	unclosed bool   // no </item>: cut at the next <item> or at EOF
	endLine  int    // line where the input ended (when item is nil or unclosed at EOF)
	atEOF    bool
}

const (
	minRead     = 64 << 10
	initialSize = 256 << 10
)

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 0, initialSize), line: 1}
}

// bytes returns the buffered stream bytes [a, b).
func (s *scanner) bytes(a, b int64) []byte { return s.buf[a-s.base : b-s.base] }

// lineAt returns the line number of stream offset o (o must not go back).
func (s *scanner) lineAt(o int64) int {
	if o > s.lineMark {
		s.line += bytes.Count(s.bytes(s.lineMark, o), nlByte)
		s.lineMark = o
	}
	return s.line
}

var nlByte = []byte{'\n'}

// lastLine is the line of the input's last byte.
func (s *scanner) lastLine() int {
	n := s.lineAt(s.end)
	if s.end > s.base && s.end > 0 && s.buf[s.end-1-s.base] == '\n' && n > 1 {
		n--
	}
	return n
}

// fill reads more input. It reports false at the end of input or on a read
// error (kept in rerr).
func (s *scanner) fill() bool {
	for !s.eof {
		if cap(s.buf)-len(s.buf) < minRead {
			s.makeRoom()
		}
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		s.end += int64(n)
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.eof, s.rerr = true, err
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// makeRoom discards the bytes before keep and grows buf when that is not
// enough for another read.
func (s *scanner) makeRoom() {
	drop := s.keep - s.base
	live := len(s.buf) - int(drop)
	if cap(s.buf)-live < minRead || live > cap(s.buf)/2 {
		nb := make([]byte, live, 2*cap(s.buf)+minRead)
		copy(nb, s.buf[drop:])
		s.buf = nb
	} else {
		copy(s.buf, s.buf[drop:])
		s.buf = s.buf[:live]
	}
	s.base = s.keep
}

// find returns the offset of needle at or after from, reading more input
// as needed; -1 when the input ends first.
func (s *scanner) find(from int64, needle string) int64 {
	for {
		if i := bytes.Index(s.bytes(from, s.end), []byte(needle)); i >= 0 {
			return from + int64(i)
		}
		if next := s.end - int64(len(needle)) + 1; next > from {
			from = next
		}
		if !s.fill() {
			return -1
		}
	}
}

// ensure makes n bytes from o available unless the input ends first.
func (s *scanner) ensure(o int64, n int) {
	for s.end-o < int64(n) && s.fill() {
	}
}

// hasPrefix reports whether the stream at o starts with p.
func (s *scanner) hasPrefix(o int64, p string) bool {
	s.ensure(o, len(p))
	return s.end-o >= int64(len(p)) && string(s.bytes(o, o+int64(len(p)))) == p
}

// isNameEnd reports whether the byte at o ends an element name.
func (s *scanner) isNameEnd(o int64) bool {
	s.ensure(o, 1)
	if o >= s.end {
		return true
	}
	switch s.buf[o-s.base] {
	case ' ', '\t', '\r', '\n', '>', '/':
		return true
	}
	return false
}

// markup kinds met at a '<'.
const (
	mkTag = iota
	mkItemStart
	mkItemEnd
	mkSkipped // comment, CDATA, PI or declaration: skipped whole
	mkEOF     // an unterminated comment/CDATA/PI ran to the end of input
)

// markup classifies the markup starting at the '<' at o and returns the
// offset just after what should be skipped.
func (s *scanner) markup(o int64) (kind int, after int64) {
	skip := func(open, close string) (int, int64) {
		i := s.find(o+int64(len(open)), close)
		if i < 0 {
			return mkEOF, s.end
		}
		return mkSkipped, i + int64(len(close))
	}
	s.ensure(o, 2)
	if s.end-o < 2 {
		return mkTag, o + 1
	}
	switch s.buf[o+1-s.base] { // one look at the next byte: this runs for every tag
	case '!':
		switch {
		case s.hasPrefix(o, "<!--"):
			return skip("<!--", "-->")
		case s.hasPrefix(o, "<![CDATA["):
			return skip("<![CDATA[", "]]>")
		}
		return skip("<!", ">")
	case '?':
		return skip("<?", "?>")
	case 'i':
		if s.hasPrefix(o, "<item") && s.isNameEnd(o+5) {
			return mkItemStart, o + 5
		}
	case '/':
		if s.hasPrefix(o, "</item") && s.isNameEnd(o+6) {
			if i := s.find(o+6, ">"); i >= 0 {
				return mkItemEnd, i + 1
			}
			return mkEOF, s.end
		}
	}
	return mkTag, o + 1
}

// stray reports a "]]>" in text outside CDATA.
func stray(b []byte) bool { return bytes.Contains(b, []byte("]]>")) }

// next scans to the end of the next item.
func (s *scanner) next() span {
	var sp span
	start := s.pos
	s.keep = start
	sp.gapLine = s.lineAt(start)
	itemStart, gapStray := s.scanTo(start)
	sp.gapStray = gapStray
	if itemStart < 0 {
		sp.gap = s.bytes(start, s.end)
		sp.atEOF = true
		sp.endLine = s.lastLine()
		s.pos = s.end
		return sp
	}
	sp.line = s.lineAt(itemStart)
	end, closed, _ := s.scanItem(itemStart, false) // Reader.item looks for strays when it needs to
	// fill may move the buffer: slice only now
	sp.gap = s.bytes(start, itemStart)
	sp.item = s.bytes(itemStart, end)
	sp.unclosed = !closed
	if !closed && end == s.end && s.eof {
		sp.atEOF = true
		sp.endLine = s.lastLine()
	}
	s.pos = end
	return sp
}

// scanTo finds the next top-level <item start tag at or after from, -1 at
// the end of input; strayed reports a "]]>" met outside CDATA on the way.
func (s *scanner) scanTo(from int64) (start int64, strayed bool) {
	p := from
	for {
		i := bytes.IndexByte(s.bytes(p, s.end), '<')
		if i < 0 {
			if !s.fill() {
				strayed = strayed || stray(s.bytes(p, s.end))
				return -1, strayed
			}
			continue
		}
		lt := p + int64(i)
		strayed = strayed || stray(s.bytes(p, lt))
		kind, after := s.markup(lt)
		switch kind {
		case mkItemStart:
			return lt, strayed
		case mkEOF:
			return -1, strayed
		}
		p = after
	}
}

// scanItem finds the end of the item whose start tag is at start. closed is
// false when the item runs into another <item> or the end of input.
// strayed reports a "]]>" outside CDATA in the item, looked for only when
// strays is set.
func (s *scanner) scanItem(start int64, strays bool) (end int64, closed, strayed bool) {
	look := func(a, b int64) { // one "]]>" is enough
		if strays && !strayed {
			strayed = stray(s.bytes(a, b))
		}
	}
	gt := s.find(start, ">")
	if gt < 0 {
		return s.end, false, false
	}
	if s.buf[gt-1-s.base] == '/' { // <item/>
		return gt + 1, true, false
	}
	p := gt + 1
	for {
		i := bytes.IndexByte(s.bytes(p, s.end), '<')
		if i < 0 {
			if !s.fill() {
				look(p, s.end)
				return s.end, false, strayed
			}
			continue
		}
		lt := p + int64(i)
		look(p, lt)
		kind, after := s.markup(lt)
		switch kind {
		case mkItemEnd:
			return after, true, strayed
		case mkItemStart:
			return lt, false, strayed
		case mkEOF:
			return s.end, false, strayed
		}
		p = after
	}
}

// strayIn reports a "]]>" outside CDATA in a complete item span, as
// scanItem would.
func strayIn(item []byte) bool {
	s := &scanner{buf: item, end: int64(len(item)), eof: true, line: 1}
	_, _, strayed := s.scanItem(0, true)
	return strayed
}
