package main

// pageSumChunk is how many digests one chunk of a pageSums holds.
const pageSumChunk = 4096

// pageSums keeps the manifest's digests of the pages a run writes, by entry
// seq, without their paths: the plan list already holds every path, so a
// big site's manifest costs 32 bytes a page instead of a map entry with its
// own key. It grows in fixed-size chunks, without copying.
type pageSums struct {
	chunks [][]fileSum
	set    []uint64 // bit seq: a digest was recorded
	n      int      // digests recorded
}

// put records s for the page of entry seq.
func (p *pageSums) put(seq int, s fileSum) {
	for seq/pageSumChunk >= len(p.chunks) {
		p.chunks = append(p.chunks, make([]fileSum, pageSumChunk))
	}
	for seq/64 >= len(p.set) {
		p.set = append(p.set, 0)
	}
	if p.set[seq/64]&(1<<(seq%64)) == 0 {
		p.n++
	}
	p.set[seq/64] |= 1 << (seq % 64)
	p.chunks[seq/pageSumChunk][seq%pageSumChunk] = s
}

// get returns the digest recorded for entry seq.
func (p *pageSums) get(seq int) (fileSum, bool) {
	if seq < 0 || seq/64 >= len(p.set) || p.set[seq/64]&(1<<(seq%64)) == 0 {
		return fileSum{}, false
	}
	return p.chunks[seq/pageSumChunk][seq%pageSumChunk], true
}

// each calls f with every recorded seq, in increasing order.
func (p *pageSums) each(f func(seq int)) {
	for w, bits := range p.set {
		for b := 0; bits != 0; b, bits = b+1, bits>>1 {
			if bits&1 != 0 {
				f(w*64 + b)
			}
		}
	}
}
