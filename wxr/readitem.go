package wxr

import (
	"bytes"
	"fmt"
)

// item reads one item span: strictly first; when that fails (or the span
// holds a "]]>" outside CDATA, which a parser accepts but which means a
// CDATA section ended early), repaired, with a warning per repair.
func (r *Reader) item(sp span) (*Item, error) {
	if sp.unclosed {
		next := sp.line + bytes.Count(sp.item, nlByte)
		it, _, _, _ := r.parse(sp.item, sp.line)
		r.pending = r.pending[:0]
		return nil, &ItemError{File: r.opts.Name, Line: sp.line, ItemID: it.ID,
			Err: fmt.Errorf("skipped the item: it has no </item> before the next <item> on line %d", next)}
	}
	it, notes, fast, err := r.parse(sp.item, sp.line)
	if err != nil || !fast && strayIn(sp.item) { // the fast path takes no stray "]]>"
		fixed, fixes := repair(sp.item, sp.line, r.fallback)
		r.pending = r.pending[:0]
		it2, notes2, _, err2 := r.parse(fixed, sp.line)
		if err2 != nil {
			if err == nil {
				err = err2
			}
			r.pending = r.pending[:0]
			return nil, &ItemError{File: r.opts.Name, Line: err.line, ItemID: firstID(it2.ID, it.ID),
				Err: fmt.Errorf("skipped the item that starts on line %d: %s", sp.line, err.msg)}
		}
		it, notes = it2, append(fixes, notes2...)
	}
	r.flushUnbound(it.ID)
	r.emit(notes, it.ID)
	return it, nil
}

func firstID(a, b int64) int64 {
	if a != 0 {
		return a
	}
	return b
}

// parse walks one item's bytes. The Item is never nil: on error it holds
// what was read before the error (its ID helps the message). fast reports
// that the fast path read it.
func (r *Reader) parse(src []byte, line int) (it *Item, notes []note, fast bool, err *syntaxError) {
	it, b, err := r.walkItem(src, line, !r.noFast)
	fast = !r.noFast
	if err == errBail { // outside the fast path's subset: encoding/xml reads it
		fast = false
		it, b, err = r.walkItem(src, line, false)
	}
	if w := &r.iw; err == nil && len(w.stack) > 0 {
		f := w.stack[len(w.stack)-1]
		err = &syntaxError{line: line + bytes.Count(src, nlByte), msg: fmt.Sprintf("XML syntax error: <%s> is not closed", qname(f.prefix, f.local))}
	}
	b.finish()
	return it, b.notes, fast, err
}

// walkItem walks src into a new Item, on the fast path or with encoding/xml.
func (r *Reader) walkItem(src []byte, line int, fast bool) (*Item, *itemBuilder, *syntaxError) {
	it := &Item{File: r.opts.Name, Line: line}
	r.ib = itemBuilder{it: it, line: line, cats: r.ib.cats[:0], in: &r.iw.fastState}
	b := &r.ib
	w := &r.iw
	w.stack, w.text = w.stack[:0], w.text[:0]
	w.sc.binds = append(w.sc.binds[:0], r.scope...)
	if fast {
		return it, b, w.walkFast(src, line, b)
	}
	return it, b, w.walkItem(src, line, b)
}

// partialID reads what it can of a truncated item to name it.
func (r *Reader) partialID(sp span) int64 {
	it, _, _, _ := r.parse(sp.item, sp.line)
	r.pending = r.pending[:0]
	return it.ID
}
