package main

import "github.com/wpexit/wpexit/convert"

// planChunk is how many plans one chunk of a planList holds.
const planChunk = 4096

// planList holds one plan per entry, by entry seq, in fixed-size chunks: it
// grows without copying, so a big export never holds two copies at once.
type planList struct {
	chunks [][]convert.Plan
	n      int
}

// add appends a plan and returns its index.
func (l *planList) add(p convert.Plan) int {
	if l.n%planChunk == 0 {
		l.chunks = append(l.chunks, make([]convert.Plan, 0, planChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, p)
	l.n++
	return l.n - 1
}

// at returns the plan at i; ok is false when there is none.
func (l *planList) at(i int) (convert.Plan, bool) {
	if i < 0 || i >= l.n {
		return convert.Plan{}, false
	}
	return l.chunks[i/planChunk][i%planChunk], true
}

// set replaces the plan at i, which must exist.
func (l *planList) set(i int, p convert.Plan) { l.chunks[i/planChunk][i%planChunk] = p }

// len returns the number of plans.
func (l *planList) len() int { return l.n }
