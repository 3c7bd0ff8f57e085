package wxr

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Options configure a Reader.
type Options struct {
	// Name is the input's name used in positions: "export.xml",
	// "parts.zip:001.xml", "-".
	Name string
	// OnWarning receives every repair as it happens; nil drops them.
	OnWarning func(Warning)
}

// Reader pulls items from one WXR document, one at a time. It holds the
// current item's bytes and nothing more of the document.
type Reader struct {
	opts    Options
	sc      *scanner
	channel Channel
	cb      channelBuilder
	cw      walker    // channel level: its stack spans the whole document
	iw      walker    // one item at a time
	scope   []binding // declarations in scope where items start
	first   *span     // the span read with the header, not yet returned
	done    bool
	unbound map[string]bool
	pending []note // unbound-prefix notes waiting for an item id
	// fallback is the declared single-byte encoding, used only for bytes
	// that are not UTF-8 (exporters often declare one and write UTF-8).
	fallback *charmap.Charmap
	noFast   bool        // tests: always walk items with encoding/xml
	ib       itemBuilder // the item being built; its buffers are reused
}

// NewReader reads the channel header (everything before the first <item>)
// and returns a Reader positioned at the first item. The error is an
// *Error naming the input and the place when the input is empty, not XML,
// an HTML page, or not a WXR export. A gzip stream is decompressed.
func NewReader(r io.Reader, opts Options) (*Reader, error) {
	rd := &Reader{opts: opts, unbound: map[string]bool{}}
	in, err := sniff(r)
	if err != nil {
		return nil, rd.fatal(0, err)
	}
	rd.sc = newScanner(in)
	if err := checkStart(rd.sc); err != nil {
		line := 1
		if err == errEmpty || err == errWhitespace {
			line = 0
		}
		return nil, rd.fatal(line, err)
	}
	rd.fallback = declaredCharmap(rd.sc.bytes(rd.sc.base, rd.sc.end))
	cache := map[string]nsClass{}
	rd.cw = walker{sc: scope{cache: cache}, unbound: rd.onUnbound}
	rd.iw = walker{sc: scope{cache: cache}, unbound: rd.onUnbound}
	rd.cb = channelBuilder{ch: &rd.channel, walker: &rd.cw}
	sp := rd.sc.next()
	if err := rd.header(sp); err != nil {
		return nil, err
	}
	rd.first = &sp
	return rd, nil
}

// Channel returns the export's header. Channel data that a generator wrote
// after items (rare) is added to it as the Reader reaches it.
func (r *Reader) Channel() *Channel { return &r.channel }

// Next returns the next item, or io.EOF after the last one. An item that
// cannot be read gives (nil, *ItemError) and the next call continues with
// the following item. A break the reader cannot pass (truncated input,
// read error) gives (nil, *Error) after every complete item; then io.EOF.
func (r *Reader) Next() (*Item, error) {
	if r.done {
		return nil, io.EOF
	}
	var sp span
	if r.first != nil {
		sp, r.first = *r.first, nil
	} else {
		sp = r.sc.next()
		r.gap(sp)
	}
	if sp.item == nil || sp.unclosed && sp.atEOF {
		r.done = true
		if err := r.end(sp); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	return r.item(sp)
}

// header reads the first gap: everything before the first item.
func (r *Reader) header(sp span) error {
	if err := r.walkGap(sp); err != nil {
		switch {
		case r.sc.rerr != nil:
			return r.fatal(sp.endLine, fmt.Errorf("reading stopped: %w", r.sc.rerr))
		case sp.item == nil && strings.Contains(err.msg, "unexpected EOF"):
			return r.fatal(sp.endLine, errors.New("the file ends inside the channel header: the export is truncated"))
		}
		return r.fatal(err.line, err)
	}
	r.cb.finish()
	if err := r.checkWXR(); err != nil {
		return r.fatal(1, err)
	}
	return nil
}

var versionPattern = regexp.MustCompile(`^\d+\.\d+$`)

// checkWXR decides whether the header is a WXR export's.
func (r *Reader) checkWXR() error {
	switch {
	case r.cb.root == "":
		return errors.New("no XML element found: this is not a WXR export")
	case isHTMLName(r.cb.root):
		return errors.New("this is an HTML page, not a WXR export")
	case r.cb.root != "rss":
		return fmt.Errorf("the root element is <%s>, not <rss>: this is not a WXR export", r.cb.root)
	case !r.cb.channel:
		return errors.New("<rss> has no <channel>: this is not a WXR export")
	}
	v := r.channel.Version
	if v == "" && !r.hasWXRNamespace() {
		return errors.New("an RSS feed without <wp:wxr_version> or the WXR namespace: this is not a WordPress export")
	}
	if v == "" {
		r.warn(0, 0, "no <wp:wxr_version> in the header; reading it as WXR")
	} else if !versionPattern.MatchString(v) {
		r.warn(r.cb.verLine, 0, fmt.Sprintf("wp:wxr_version %q is not a version number; reading it as WXR", v))
	}
	return nil
}

func (r *Reader) hasWXRNamespace() bool { return r.cw.sc.sawWP }

// walkGap parses channel-level bytes, repairing them when they do not
// parse, and records the declarations items will inherit.
func (r *Reader) walkGap(sp span) *syntaxError {
	if isSpace(sp.gap) {
		return nil
	}
	save := r.snapshot()
	err := r.cw.walk(sp.gap, sp.gapLine, &r.cb)
	if err != nil || sp.gapStray {
		r.restore(save)
		fixed, notes := repair(sp.gap, sp.gapLine, r.fallback)
		if err2 := r.cw.walk(fixed, sp.gapLine, &r.cb); err2 != nil {
			if err != nil {
				return err
			}
			return err2
		}
		r.emit(notes, 0)
	}
	r.emit(r.cb.notes, 0)
	r.cb.notes = r.cb.notes[:0]
	if r.cw.outside > 0 {
		r.warn(r.cw.outside, 0, "ignored text outside the <rss> element")
		r.cw.outside = 0
	}
	r.flushUnbound(0)
	r.scope = append(r.scope[:0], r.cw.sc.binds...)
	return nil
}

// gapState is what a failed channel-level walk must undo.
type gapState struct {
	ch    Channel
	stack []frame
	binds []binding
	root  string
	chOK  bool
}

func (r *Reader) snapshot() gapState {
	return gapState{r.channel, append([]frame(nil), r.cw.stack...), append([]binding(nil), r.cw.sc.binds...), r.cb.root, r.cb.channel}
}

func (r *Reader) restore(s gapState) {
	r.channel, r.cw.stack, r.cw.sc.binds, r.cb.root, r.cb.channel = s.ch, s.stack, s.binds, s.root, s.chOK
	r.cw.text = r.cw.text[:0]
	r.cw.outside = 0
	r.cb.notes = r.cb.notes[:0]
	r.pending = r.pending[:0]
	r.cb.terms = nil
}

// gap handles the bytes between two items, or after the last.
func (r *Reader) gap(sp span) {
	if err := r.walkGap(sp); err != nil {
		r.warn(err.line, 0, "skipped unreadable channel data between items: "+err.msg)
		r.cw.stack = r.cw.stack[:min(len(r.cw.stack), 2)]
	}
}

// end reports why the input ended, or nil for a clean end.
func (r *Reader) end(sp span) error {
	if r.sc.rerr != nil {
		return r.fatal(sp.endLine, fmt.Errorf("reading stopped: %w", r.sc.rerr))
	}
	if sp.item != nil {
		id := r.partialID(sp)
		return &Error{File: r.opts.Name, Line: sp.endLine, ItemID: id,
			Err: fmt.Errorf("the file ends inside the item that starts on line %d: the export is truncated", sp.line)}
	}
	if len(r.cw.stack) > 0 {
		return r.fatal(sp.endLine, fmt.Errorf("the file ends before </%s>: the export is truncated", qname(r.cw.stack[len(r.cw.stack)-1].prefix, r.cw.stack[len(r.cw.stack)-1].local)))
	}
	return nil
}

// fatal wraps err as a positioned *Error.
func (r *Reader) fatal(line int, err error) *Error {
	var se *syntaxError
	if errors.As(err, &se) && se.line > 0 && line == 0 {
		line = se.line
	}
	return &Error{File: r.opts.Name, Line: line, Err: err}
}

// onUnbound resolves a prefix nothing declares: the conventional WXR
// prefixes mean their namespace; any other prefix is an unknown namespace.
func (r *Reader) onUnbound(prefix string, line int) nsClass {
	c, known := wellKnownPrefix(prefix)
	if !r.unbound[prefix] {
		r.unbound[prefix] = true
		msg := fmt.Sprintf("namespace prefix %q is used but not declared; declared it as an unknown namespace (its elements are ignored)", prefix)
		if known {
			msg = fmt.Sprintf("namespace prefix %q is used but not declared; read it as the usual WXR namespace", prefix)
		}
		r.pending = append(r.pending, note{line, msg})
	}
	return c
}

func (r *Reader) flushUnbound(id int64) {
	r.emit(r.pending, id)
	r.pending = r.pending[:0]
}

func (r *Reader) emit(ns []note, id int64) {
	for _, n := range ns {
		r.warn(n.line, id, n.msg)
	}
}

func (r *Reader) warn(line int, id int64, msg string) {
	if r.opts.OnWarning != nil {
		r.opts.OnWarning(Warning{File: r.opts.Name, Line: line, ItemID: id, Msg: msg})
	}
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
