package main

import (
	"context"
	"errors"
	"io"

	"github.com/wpexit/wpexit/wxr"
)

// entry is one item of the run, in input order: the item, or the error that
// stands for an item the reader could not read.
type entry struct {
	seq      int       // 0-based position among all entries of the run
	source   string    // the document it came from (a file, or a part of a zip)
	item     *wxr.Item // nil when err is set
	err      error     // the item could not be read, or the document ended early
	fatal    bool      // err ended the document: no more items from it
	warnings []string  // repairs and problems the reader reported for it
}

// scanner reads every document of every export in turn, one entry at a
// time. The first document's channel describes the site.
type scanner struct {
	exports  []*export
	onHeader func(source string, ch *wxr.Channel, warnings []string) // each document's header, once
	seq      int

	srcs    []wxr.Source
	exp     int // next export to open
	src     int // next source of srcs to open
	cur     *wxr.Reader
	curName string
	closer  io.Closer
	pending []string // warnings since the last entry
}

// next returns the next entry; ok is false at the end of the last export.
// Its error is fatal: an export that cannot be opened or is not an export.
func (s *scanner) next(ctx context.Context) (entry, bool, error) {
	for {
		if err := ctx.Err(); err != nil {
			return entry{}, false, context.Cause(ctx)
		}
		if s.cur == nil {
			more, err := s.openNext()
			if err != nil || !more {
				return entry{}, false, err
			}
			continue
		}
		it, err := s.cur.Next()
		if errors.Is(err, io.EOF) {
			s.closeCur()
			continue
		}
		e := entry{seq: s.seq, source: s.curName, item: it, err: err, warnings: s.take()}
		if err != nil {
			e.item = nil
			e.fatal = isFatal(err)
			if e.fatal {
				s.closeCur()
			}
		}
		s.seq++
		return e, true, nil
	}
}

// openNext opens the next document; more is false after the last one.
func (s *scanner) openNext() (more bool, err error) {
	for s.src >= len(s.srcs) {
		if s.exp >= len(s.exports) {
			return false, nil
		}
		if s.srcs, err = s.exports[s.exp].sources(); err != nil {
			return false, err
		}
		s.exp++
		s.src = 0
	}
	src := s.srcs[s.src]
	s.src++
	rc, err := src.Open()
	if err != nil {
		return false, readError(src.Name, err)
	}
	r, err := wxr.NewReader(rc, wxr.Options{Name: src.Name, OnWarning: s.warn})
	if err != nil {
		rc.Close()
		return false, readError(src.Name, err)
	}
	s.cur, s.curName, s.closer = r, src.Name, rc
	if s.onHeader != nil {
		s.onHeader(src.Name, r.Channel(), s.take())
	}
	s.pending = nil
	return true, nil
}

func (s *scanner) warn(w wxr.Warning) { s.pending = append(s.pending, w.String()) }

// take returns and forgets the warnings gathered so far.
func (s *scanner) take() []string {
	w := s.pending
	s.pending = nil
	return w
}

func (s *scanner) closeCur() {
	if s.closer != nil {
		s.closer.Close()
	}
	s.cur, s.closer = nil, nil
}

// close releases the document being read, if any.
func (s *scanner) close() { s.closeCur() }
