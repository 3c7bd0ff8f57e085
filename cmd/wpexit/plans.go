package main

import (
	"path"
	"strings"

	"github.com/wpexit/wpexit/convert"
)

// planChunk is how many plans one chunk of a planList holds.
const planChunk = 4096

// textChunk is the size of one block of a planList's text.
const textChunk = 64 << 10

// planList holds one plan per entry, by entry seq, for the whole run, in
// little memory: a fixed-size record per plan with no pointers (the
// collector never scans them), its strings packed end to end in large
// blocks of text, post types and skip reasons kept once each, and the rare
// notes on the side. It grows in fixed-size chunks, without copying, so a
// big export never holds two copies at once. at rebuilds the convert.Plan;
// its strings share the blocks' memory, which is never written again.
type planList struct {
	chunks [][]planRec
	n      int
	text   []string        // blocks of packed strings; only the last one grows
	last   strings.Builder // the block being filled: its String() is text[len(text)-1]
	names  []string        // distinct types and skip reasons; names[0] == ""
	nameIx map[string]uint32
	extra  map[int]planExtra // plans with notes or aliases, by index
}

// contentDir is the folder under --out that plan paths are relative to.
// planList stores it in front of every path, so that the path under --out
// is a span of its text too, never built per page.
const contentDir = "content/"

// planRec is one plan, its strings as spans of a text block.
type planRec struct {
	id               int64
	block            uint32 // index in text
	off              uint32 // start of the path in the block (after contentDir); url and slug follow it
	path, url, slug  uint32 // lengths
	typ, skip        uint32 // indexes in names
	draft, hasExtras bool
}

// planExtra is what few plans carry.
type planExtra struct {
	aliases []string
	notes   []convert.Note
}

// add appends a plan and returns its index.
func (l *planList) add(p convert.Plan) int {
	if l.n%planChunk == 0 {
		l.chunks = append(l.chunks, make([]planRec, 0, planChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, l.record(l.n, p))
	l.n++
	return l.n - 1
}

// at returns the plan at i; ok is false when there is none.
func (l *planList) at(i int) (convert.Plan, bool) {
	if i < 0 || i >= l.n {
		return convert.Plan{}, false
	}
	r := &l.chunks[i/planChunk][i%planChunk]
	p := convert.Plan{ID: r.id, Type: l.names[r.typ], Skip: l.names[r.skip], Draft: r.draft}
	if r.path+r.url+r.slug > 0 {
		s := l.text[r.block][r.off:]
		p.Path, s = s[:r.path], s[r.path:]
		p.URL, s = s[:r.url], s[r.url:]
		p.Slug = s[:r.slug]
	}
	if r.hasExtras {
		x := l.extra[i]
		p.Aliases, p.Notes = x.aliases, x.notes
	}
	return p, true
}

// outPath returns the path under --out of the plan at i, which must exist:
// path.Join("content", Path), sharing the list's memory when Path is clean.
func (l *planList) outPath(i int) string {
	r := &l.chunks[i/planChunk][i%planChunk]
	if r.path == 0 {
		return path.Clean(contentDir)
	}
	p := l.text[r.block][r.off-uint32(len(contentDir)) : r.off+r.path]
	return path.Clean(p) // p itself when it is clean, as planned paths are
}

// set replaces the plan at i, which must exist.
func (l *planList) set(i int, p convert.Plan) {
	l.chunks[i/planChunk][i%planChunk] = l.record(i, p)
}

// len returns the number of plans.
func (l *planList) len() int { return l.n }

// record packs the plan at index i.
func (l *planList) record(i int, p convert.Plan) planRec {
	r := planRec{id: p.ID, typ: l.name(p.Type), skip: l.name(p.Skip), draft: p.Draft,
		path: uint32(len(p.Path)), url: uint32(len(p.URL)), slug: uint32(len(p.Slug))}
	if n := len(p.Path) + len(p.URL) + len(p.Slug); n > 0 {
		r.block, r.off = l.reserve(len(contentDir) + n)
		r.off += uint32(len(contentDir))
		l.last.WriteString(contentDir)
		l.last.WriteString(p.Path)
		l.last.WriteString(p.URL)
		l.last.WriteString(p.Slug)
		l.text[r.block] = l.last.String()
	}
	if len(p.Aliases) > 0 || len(p.Notes) > 0 {
		if l.extra == nil {
			l.extra = map[int]planExtra{}
		}
		l.extra[i] = planExtra{aliases: p.Aliases, notes: p.Notes}
		r.hasExtras = true
	} else if l.extra != nil {
		delete(l.extra, i)
	}
	return r
}

// reserve makes room for n bytes at the end of the last block, starting a
// new block when they do not fit, and says where they will be. Bytes once
// written to a block never change, so strings taken from it stay valid.
func (l *planList) reserve(n int) (block, off uint32) {
	if len(l.text) == 0 || l.last.Cap()-l.last.Len() < n {
		l.last = strings.Builder{}
		l.last.Grow(max(textChunk, n))
		l.text = append(l.text, "")
	}
	return uint32(len(l.text) - 1), uint32(l.last.Len())
}

// name returns the index of s in names, adding it the first time.
func (l *planList) name(s string) uint32 {
	if s == "" {
		if len(l.names) == 0 {
			l.names = []string{""}
		}
		return 0
	}
	if i, ok := l.nameIx[s]; ok {
		return i
	}
	if l.nameIx == nil {
		l.nameIx = map[string]uint32{}
		if len(l.names) == 0 {
			l.names = []string{""}
		}
	}
	i := uint32(len(l.names))
	s = strings.Clone(s)
	l.names = append(l.names, s)
	l.nameIx[s] = i
	return i
}
