package rewrite

import (
	"sort"
	"strings"
)

// chunkSize is how many elements one chunk of a chunkList holds.
const chunkSize = 1024

// chunkList holds many small values in fixed-size chunks: it grows without
// copying, so a big site never holds two copies of them, and a pointer to
// an element stays valid while elements are added.
type chunkList[T any] struct {
	chunks [][]T
	n      int
}

// add appends v and returns its index.
func (l *chunkList[T]) add(v T) int32 {
	if l.n%chunkSize == 0 {
		l.chunks = append(l.chunks, make([]T, 0, chunkSize))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, v)
	l.n++
	return int32(l.n - 1)
}

// at returns the element at i, which must exist.
func (l *chunkList[T]) at(i int32) *T { return &l.chunks[i/chunkSize][i%chunkSize] }

// len returns the number of elements.
func (l *chunkList[T]) len() int { return l.n }

// entryList holds the index's entries.
type entryList = chunkList[entry]

// textBits is the number of bits of a text's offset in its block.
const textBits = 15

// textBlock is the size of one block of a textArena.
const textBlock = 1 << textBits

// bigText marks a text kept on its own (textArena.big); maxBlocks bounds
// the blocks a text can name.
const (
	bigText   = 1 << 31
	maxBlocks = bigText >> textBits
)

// text is a string kept in a textArena, in 8 bytes instead of a string's
// 16: its block and offset (or its index in big), and its length.
type text struct{ at, n uint32 }

// textArena keeps copies of many short strings end to end in large blocks:
// one allocation per block instead of one per string, and none of the
// strings shares memory with what it was copied from (an item's content).
// Bytes once written to a block never change, so the copies stay valid.
type textArena struct {
	blocks []string        // full blocks, then the last one as far as it is written
	b      strings.Builder // the last block
	big    []string        // the strings longer than a block takes
}

// add keeps a copy of s.
func (a *textArena) add(s string) text {
	switch {
	case s == "":
		return text{}
	case len(s) > textBlock/8 || a.b.Cap()-a.b.Len() < len(s) && len(a.blocks) == maxBlocks:
		a.big = append(a.big, strings.Clone(s))
		return text{at: uint32(len(a.big)-1) | bigText, n: uint32(len(s))}
	case a.b.Cap()-a.b.Len() < len(s):
		a.b = strings.Builder{}
		a.b.Grow(textBlock)
		a.blocks = append(a.blocks, "")
	}
	at := a.b.Len()
	a.b.WriteString(s)
	a.blocks[len(a.blocks)-1] = a.b.String()
	return text{at: uint32(len(a.blocks)-1)<<textBits | uint32(at), n: uint32(len(s))}
}

// get returns the string t names.
func (a *textArena) get(t text) string {
	switch {
	case t.n == 0:
		return ""
	case t.at&bigText != 0:
		return a.big[t.at&^bigText]
	}
	at := t.at & (textBlock - 1)
	return a.blocks[t.at>>textBits][at : at+t.n]
}

// clone returns a copy of s in the arena.
func (a *textArena) clone(s string) string { return a.get(a.add(s)) }

// idTable lists the entries of each item ID (but 0), in entry order, as
// two arrays sorted by ID then entry: 12 bytes an entry.
type idTable struct {
	ids  []int64
	idxs []int32
}

// build lists every entry of l.
func (t *idTable) build(l *entryList) {
	t.ids, t.idxs = t.ids[:0], t.idxs[:0]
	for i := range l.len() {
		if id := l.at(int32(i)).id; id != 0 {
			t.ids = append(t.ids, id)
			t.idxs = append(t.idxs, int32(i))
		}
	}
	if !sort.IsSorted(t) {
		sort.Sort(t)
	}
}

// entries returns the entries of the item id, in entry order.
func (t *idTable) entries(id int64) []int32 {
	i := sort.Search(len(t.ids), func(i int) bool { return t.ids[i] >= id })
	j := i
	for j < len(t.ids) && t.ids[j] == id {
		j++
	}
	return t.idxs[i:j]
}

// first returns the first entry of the item id.
func (t *idTable) first(id int64) (int32, bool) {
	if e := t.entries(id); len(e) > 0 {
		return e[0], true
	}
	return 0, false
}

// Len, Less and Swap sort the table by ID, then entry (sort.Interface).
func (t *idTable) Len() int { return len(t.ids) }

// Less orders by ID, then by entry.
func (t *idTable) Less(i, j int) bool {
	return t.ids[i] < t.ids[j] || t.ids[i] == t.ids[j] && t.idxs[i] < t.idxs[j]
}

// Swap swaps two rows.
func (t *idTable) Swap(i, j int) {
	t.ids[i], t.ids[j] = t.ids[j], t.ids[i]
	t.idxs[i], t.idxs[j] = t.idxs[j], t.idxs[i]
}
