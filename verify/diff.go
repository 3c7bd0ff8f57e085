package verify

// Myers' O(ND) difference algorithm on sequences of token IDs. distance
// needs only O(N+M) memory and is what the score uses; script keeps the
// trace to name what differs, for the short sequences it is used on (text
// blocks, links, media).

// trimCommon returns a and b without their common prefix and suffix, and
// the prefix length.
func trimCommon(a, b []uint32) ([]uint32, []uint32, int) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	a, b = a[p:], b[p:]
	s := 0
	for s < len(a) && s < len(b) && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return a[:len(a)-s], b[:len(b)-s], p
}

// distance returns the number of insertions and deletions that turn a into
// b (len(a)+len(b) minus twice their longest common subsequence). When it
// is more than max it stops: ok is false and d is max+1, a lower bound.
// It costs O((N+M)·D) time.
func distance(a, b []uint32, max int) (d int, ok bool) {
	a, b, _ = trimCommon(a, b)
	n, m := len(a), len(b)
	switch {
	case n == 0:
		return m, m <= max
	case m == 0:
		return n, n <= max
	}
	if max > n+m {
		max = n + m
	}
	off := max + 1
	v := make([]int, 2*max+3) // v[off+k]: furthest x on diagonal k
	for d := 0; d <= max; d++ {
		for k := -d; k <= d; k += 2 {
			x := furthest(v, off, k, d)
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return d, true
			}
		}
	}
	return max + 1, false
}

// furthest is where a d-path on diagonal k starts: one step down or right
// from the furthest (d-1)-path of a neighbouring diagonal.
func furthest(v []int, off, k, d int) int {
	if k == -d || k != d && v[off+k-1] < v[off+k+1] {
		return v[off+k+1] // down: an insertion
	}
	return v[off+k-1] + 1 // right: a deletion
}

// op is one step of an edit script.
type op struct {
	kind byte // '=' both, '-' only in a, '+' only in b
	i, j int  // index in a (for '=' and '-') and in b (for '=' and '+')
}

// script returns an edit script from a to b, or nil and false when they
// differ by more than max edits.
func script(a, b []uint32, max int) ([]op, bool) {
	n, m := len(a), len(b)
	if max > n+m {
		max = n + m
	}
	off := max + 1
	v := make([]int, 2*max+3)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			x := furthest(v, off, k, d)
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m, d), true
			}
		}
	}
	return nil, false
}

// backtrack walks the trace of script back from (n, m) after d edits.
// trace[e] holds v before step e, for diagonals -e..e (index k+e).
func backtrack(trace [][]int, n, m, d int) []op {
	var rev []op
	x, y := n, m
	for e := d; e > 0; e-- {
		prev := trace[e] // v after step e-1, diagonals -e..e
		at := func(k int) int { return prev[k+e] }
		k := x - y
		var pk int
		if k == -e || k != e && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, op{'=', x, y})
		}
		if pk == k+1 {
			y--
			rev = append(rev, op{'+', x, y})
		} else {
			x--
			rev = append(rev, op{'-', x, y})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{'=', x, y})
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}
