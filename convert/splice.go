package convert

import "strings"

// splice builds a copy of src with spans replaced, left to right, and
// copies nothing until the first replacement: a pass that changes nothing
// returns src itself, without allocating.
type splice struct {
	src     string
	b       strings.Builder
	done    int  // src[:done] is written (or replaced)
	changed bool // some span was replaced
}

// replace writes src up to from, then with in place of src[from:to].
// Spans come in order and do not overlap.
func (p *splice) replace(from, to int, with string) {
	if !p.changed {
		p.b.Grow(len(p.src))
		p.changed = true
	}
	p.b.WriteString(p.src[p.done:from])
	p.b.WriteString(with)
	p.done = to
}

// String returns src with its replacements: src itself when there were
// none.
func (p *splice) String() string {
	if !p.changed {
		return p.src
	}
	p.b.WriteString(p.src[p.done:])
	return p.b.String()
}
