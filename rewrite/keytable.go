package rewrite

import (
	"slices"
	"sort"
)

// keyTable maps the hashes of keys to entries (see Index.putKey) in about
// 14 bytes a key, half what a Go map takes, in the same form while the
// index is filled and once it is read-only. It is extendible hashing: the
// top bits of a hash pick, through a directory, a segment that holds a few
// hundred hashes in sorted order with their values. A full segment is
// split in two by the next bit of its hashes, so the table grows a segment
// at a time and never holds two copies of itself.
type keyTable struct {
	dir   []int32 // by the top depth bits of a hash: the index of its segment in segs
	depth uint
	segs  []keySeg
}

// keySeg is one segment of a keyTable: every hash whose top depth bits are
// the segment's, sorted, and the value of each.
type keySeg struct {
	hash  []uint64
	val   []int32
	depth uint
}

// Segment sizes: a segment is split when it holds segMax hashes, and a
// full one grows by segGrow slots (not by doubling, which would leave a
// quarter of the table empty on average). Past maxDirBits the directory
// no longer doubles and segments just grow.
const (
	segMax     = 256
	segGrow    = 32
	maxDirBits = 20
)

// top returns the top n bits of h (0 for n == 0: a shift by 64 gives 0).
func top(h uint64, n uint) uint64 { return h >> (64 - n) }

// get returns the value of hash h.
func (t *keyTable) get(h uint64) (int32, bool) {
	if t.dir == nil {
		return 0, false
	}
	s := &t.segs[t.dir[top(h, t.depth)]]
	if i, ok := slices.BinarySearch(s.hash, h); ok {
		return s.val[i], true
	}
	return 0, false
}

// put sets the value of hash h.
func (t *keyTable) put(h uint64, v int32) {
	if t.dir == nil {
		t.dir, t.segs = []int32{0}, []keySeg{{}}
	}
	si := t.dir[top(h, t.depth)]
	s := &t.segs[si]
	i, ok := slices.BinarySearch(s.hash, h)
	if ok {
		s.val[i] = v
		return
	}
	s.insert(i, h, v)
	if len(s.hash) >= segMax {
		t.split(si)
	}
}

// len returns the number of hashes.
func (t *keyTable) len() int {
	n := 0
	for _, s := range t.segs {
		n += len(s.hash)
	}
	return n
}

// insert puts h and its value at i.
func (s *keySeg) insert(i int, h uint64, v int32) {
	if len(s.hash) == cap(s.hash) || len(s.val) == cap(s.val) {
		n := len(s.hash) + segGrow
		s.hash = append(make([]uint64, 0, n), s.hash...)
		s.val = append(make([]int32, 0, n), s.val...)
	}
	s.hash = slices.Insert(s.hash, i, h)
	s.val = slices.Insert(s.val, i, v)
}

// split splits the segment si in two by the next bit of its hashes, and
// splits again a half that is still full.
func (t *keyTable) split(si int32) {
	s := t.segs[si]
	if s.depth >= maxDirBits {
		return
	}
	if s.depth == t.depth { // one directory slot per segment: double it
		d := make([]int32, 2*len(t.dir))
		for i, x := range t.dir {
			d[2*i], d[2*i+1] = x, x
		}
		t.dir, t.depth = d, t.depth+1
	}
	bit := uint64(1) << (63 - s.depth)
	cut := sort.Search(len(s.hash), func(i int) bool { return s.hash[i]&bit != 0 })
	lo := keySeg{hash: slices.Clone(s.hash[:cut]), val: slices.Clone(s.val[:cut]), depth: s.depth + 1}
	hi := keySeg{hash: slices.Clone(s.hash[cut:]), val: slices.Clone(s.val[cut:]), depth: s.depth + 1}
	hiIdx := int32(len(t.segs))
	t.segs[si] = lo
	t.segs = append(t.segs, hi)
	// The directory slots of s are a run of 2^(t.depth-s.depth); the
	// upper half now leads to hi.
	h := s.hash[0]
	width := uint64(1) << (t.depth - s.depth)
	start := top(h, s.depth) << (t.depth - s.depth)
	for i := start + width/2; i < start+width; i++ {
		t.dir[i] = hiIdx
	}
	if len(lo.hash) >= segMax {
		t.split(si)
	}
	if len(hi.hash) >= segMax {
		t.split(hiIdx)
	}
}
