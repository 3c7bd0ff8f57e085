package wxr

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// frame is one open element during a walk.
type frame struct {
	prefix, local string
	field         field
	textStart     int   // len(walker.text) when the element opened
	rawStart      int64 // offset in src just after the start tag
	child         bool  // a child element opened inside a value element
	nsMark        int   // len(scope.binds) before this element's declarations
	// A value's text: most values are one chunk of text that the fast
	// path found as it is in src, kept as raw (no copy); other text, and
	// more chunks, gather in walker.text from textStart.
	raw    []byte
	chunks int
}

// handler gives meaning to the elements a walker meets.
type handler interface {
	// open picks the field of a new element from its parent's field (fNone
	// for the outermost element) and its namespace class and local name.
	open(parent field, c nsClass, se xml.StartElement) field
	// value receives a finished value element: its text, or its raw inner
	// bytes when it held child elements. v is valid only during the call.
	value(f field, parent field, v []byte)
	// close is called for every element, after value.
	close(f field)
	// comment receives XML comments outside value elements.
	comment(c []byte)
}

// walker drives encoding/xml's RawToken over a byte span, resolves
// namespaces itself (so a span can inherit the declarations of <rss> and
// <channel> without re-reading them) and checks that end tags match.
type walker struct {
	sc    scope
	stack []frame
	text  []byte
	src   []byte
	line0 int // file line of src[0]
	// The decoder's own count of lines and bytes at src[0]: one decoder
	// reads span after span (see walkItem), so its counts run on.
	decLine0 int
	decOff0  int64
	// unbound is called for an element prefix nothing declares; it
	// returns the class to use.
	unbound func(prefix string, line int) nsClass
	// outside is the line of the first text met outside any element
	// (garbage after </rss>); 0 when none.
	outside int

	feed spanFeed     // what dec reads: the current item span
	dec  *xml.Decoder // reused across well-formed items; nil after an error
	done bool         // run stopped after its first element closed
	cur  *xml.Decoder // the decoder of the running walk, for line()

	fastState // the fast path's buffers (fastwalk.go)
}

// line is the input line the running walk is on.
func (w *walker) line() int {
	if w.cur == nil {
		return 0
	}
	return w.fileLine(w.cur)
}

// spanFeed serves one span after another to a long-lived decoder. At the
// end of a span it reports io.EOF; the decoder is then spent.
type spanFeed struct {
	b []byte
	i int
}

func (f *spanFeed) ReadByte() (byte, error) {
	if f.i >= len(f.b) {
		return 0, io.EOF
	}
	c := f.b[f.i]
	f.i++
	return c, nil
}

func (f *spanFeed) Read(p []byte) (int, error) {
	if f.i >= len(f.b) {
		return 0, io.EOF
	}
	n := copy(p, f.b[f.i:])
	f.i += n
	return n, nil
}

// syntaxError is a parse failure at a line of the input.
type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string { return e.msg }

// passThrough reads every declared encoding as UTF-8 (the exporter's
// declaration is often wrong; invalid bytes are repaired separately).
func passThrough(_ string, in io.Reader) (io.Reader, error) { return in, nil }

// walk parses src (whose first byte is on line line0) with h, with a fresh
// decoder. It returns at the end of src; unclosed elements stay on the
// stack.
func (w *walker) walk(src []byte, line0 int, h handler) *syntaxError {
	for i := range w.stack { // raw offsets point into an earlier span
		w.stack[i].rawStart = -1
	}
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.CharsetReader = passThrough
	return w.run(dec, src, line0, false, h)
}

// walkItem parses one complete element span. It reuses one decoder from
// span to span, which keeps the decoder's buffers warm: a new decoder per
// item would grow its text buffer from nothing for every post. The decoder
// stops right after the span's closing '>', so it can go on with the next
// span; after any error it is dropped.
func (w *walker) walkItem(src []byte, line0 int, h handler) *syntaxError {
	if w.dec == nil {
		w.feed = spanFeed{}
		w.dec = xml.NewDecoder(&w.feed)
		w.dec.CharsetReader = passThrough
	}
	w.feed = spanFeed{b: src}
	w.done = false
	err := w.run(w.dec, src, line0, true, h)
	if err != nil || !w.done || w.feed.i != len(src) { // the decoder met an error or the end of input
		w.dec = nil
	}
	return err
}

// run reads tokens until the end of src, or, with once, until the first
// element closes.
func (w *walker) run(dec *xml.Decoder, src []byte, line0 int, once bool, h handler) *syntaxError {
	w.src, w.line0, w.cur = src, line0, dec
	w.decLine0, _ = dec.InputPos()
	w.decOff0 = dec.InputOffset()
	for {
		before := dec.InputOffset() - w.decOff0
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.decodeError(dec, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.open(dec, dec.InputOffset()-w.decOff0, t, h)
		case xml.EndElement:
			if err := w.close(dec, before, t.Name, h); err != nil {
				return err
			}
			if once && len(w.stack) == 0 {
				w.done = true
				return nil
			}
		case xml.CharData:
			n := len(w.stack)
			if n > 0 && w.stack[n-1].field.isValue() {
				w.addText(&w.stack[n-1], t, false)
			} else if n == 0 && w.outside == 0 && !isSpace(t) {
				w.outside = w.fileLine(dec)
			}
		case xml.Comment:
			if n := len(w.stack); n == 0 || !w.stack[n-1].field.isValue() {
				h.comment(t)
			}
		}
	}
}

// addText gathers a value's text. A stable t (a slice of src) may be kept
// as it is; any other t is reused by its producer and is copied.
func (w *walker) addText(f *frame, t []byte, stable bool) {
	switch {
	case f.chunks == 0 && stable:
		f.raw = t
	case f.raw != nil:
		w.text = append(w.text, f.raw...)
		f.raw = nil
		fallthrough
	default:
		w.text = append(w.text, t...)
	}
	f.chunks++
}

// fileLine is the input line the decoder is on.
func (w *walker) fileLine(dec *xml.Decoder) int {
	line, _ := dec.InputPos()
	return w.line0 + line - w.decLine0
}

// decodeError positions an encoding/xml error.
func (w *walker) decodeError(dec *xml.Decoder, err error) *syntaxError {
	if se, ok := err.(*xml.SyntaxError); ok {
		return &syntaxError{line: w.line0 + se.Line - w.decLine0, msg: "XML syntax error: " + se.Msg}
	}
	return &syntaxError{line: w.fileLine(dec), msg: err.Error()}
}

// open pushes an element whose start tag ends at src offset rawStart. dec
// is nil on the fast path (fastwalk.go), which has stopped already at an
// undeclared prefix.
func (w *walker) open(dec *xml.Decoder, rawStart int64, se xml.StartElement, h handler) {
	mark := len(w.sc.binds)
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns":
			w.sc.push(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			w.sc.push("", a.Value)
		}
	}
	c, bound := w.sc.lookup(se.Name.Space)
	if !bound {
		if dec == nil {
			w.bailed = true
		} else {
			c = w.unbound(se.Name.Space, w.fileLine(dec))
		}
	}
	parent := fNone
	if n := len(w.stack); n > 0 {
		parent = w.stack[n-1].field
		if parent.isValue() {
			w.stack[n-1].child = true
		}
	}
	f := fSkip
	if parent != fSkip && !parent.isValue() {
		f = h.open(parent, c, se)
	}
	w.stack = append(w.stack, frame{
		prefix: se.Name.Space, local: se.Name.Local, field: f,
		textStart: len(w.text), rawStart: rawStart, nsMark: mark,
	})
}

// close pops the element an end tag closes; before is the src offset of
// the end tag. dec is nil on the fast path, which then gets errBail.
func (w *walker) close(dec *xml.Decoder, before int64, name xml.Name, h handler) *syntaxError {
	n := len(w.stack)
	if n == 0 {
		if dec == nil {
			return errBail
		}
		return &syntaxError{line: w.fileLine(dec), msg: fmt.Sprintf("unexpected end tag </%s>", qname(name.Space, name.Local))}
	}
	f := &w.stack[n-1]
	if f.prefix != name.Space || f.local != name.Local {
		if dec == nil {
			return errBail
		}
		return &syntaxError{line: w.fileLine(dec), msg: fmt.Sprintf("element <%s> closed by </%s>", qname(f.prefix, f.local), qname(name.Space, name.Local))}
	}
	if f.field.isValue() {
		v := w.text[f.textStart:]
		switch {
		case f.child && f.rawStart >= 0 && before <= int64(len(w.src)) && f.rawStart <= before:
			v = w.src[f.rawStart:before]
		case f.raw != nil:
			v = f.raw
		}
		parent := fNone
		if n > 1 {
			parent = w.stack[n-2].field
		}
		h.value(f.field, parent, v)
	}
	h.close(f.field)
	w.text = w.text[:f.textStart]
	w.sc.binds = w.sc.binds[:f.nsMark]
	w.stack = w.stack[:n-1]
	return nil
}

// qname renders prefix:local.
func qname(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}
