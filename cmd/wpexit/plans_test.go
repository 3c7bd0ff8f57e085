package main

import (
	"testing"

	"github.com/wpexit/wpexit/convert"
)

func TestPlanList(t *testing.T) {
	var l planList
	for i := range 3*planChunk + 5 {
		if got := l.add(convert.Plan{ID: int64(i)}); got != i {
			t.Fatalf("add #%d = %d", i, got)
		}
	}
	l.set(planChunk+1, convert.Plan{ID: -1})
	for _, tt := range []struct {
		i  int
		id int64
		ok bool
	}{{0, 0, true}, {planChunk, planChunk, true}, {planChunk + 1, -1, true}, {3*planChunk + 4, 3*planChunk + 4, true}, {3*planChunk + 5, 0, false}, {-1, 0, false}} {
		p, ok := l.at(tt.i)
		if ok != tt.ok || p.ID != tt.id {
			t.Errorf("at(%d) = %d, %v; want %d, %v", tt.i, p.ID, ok, tt.id, tt.ok)
		}
	}
}
