package rewrite

import "strings"

// entryChunk is how many entries one chunk of an entryList holds.
const entryChunk = 1024

// entryList holds the index's entries in fixed-size chunks: it grows
// without copying, so a big site never holds two copies of its entries,
// and a pointer to an entry stays valid while entries are added.
type entryList struct {
	chunks [][]entry
	n      int
}

// add appends e and returns its index.
func (l *entryList) add(e entry) int32 {
	if l.n%entryChunk == 0 {
		l.chunks = append(l.chunks, make([]entry, 0, entryChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, e)
	l.n++
	return int32(l.n - 1)
}

// at returns the entry at i, which must exist.
func (l *entryList) at(i int32) *entry { return &l.chunks[i/entryChunk][i%entryChunk] }

// len returns the number of entries.
func (l *entryList) len() int { return l.n }

// textBlock is the size of one block of a textArena.
const textBlock = 32 << 10

// textArena keeps copies of many short strings end to end in large blocks:
// one allocation per block instead of one per string, and none of the
// strings shares memory with what it was copied from (an item's content).
// Bytes once written to a block never change, so the copies stay valid.
type textArena struct {
	b strings.Builder
}

// clone returns a copy of s in the arena.
func (a *textArena) clone(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > textBlock/8:
		return strings.Clone(s)
	case a.b.Cap()-a.b.Len() < len(s):
		a.b = strings.Builder{}
		a.b.Grow(textBlock)
	}
	start := a.b.Len()
	a.b.WriteString(s)
	return a.b.String()[start:]
}
