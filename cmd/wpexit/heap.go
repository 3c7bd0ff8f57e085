package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapRoom is how far the Go runtime's memory may grow beyond what the
// first pass left live, during a second pass with jobs workers: room for
// the items in flight and their garbage between collections. Each
// collection marks the live set, so the room decides how many there are:
// on the 200 MB export at -j 2, 32 MiB took about 1 CPU-s less than 16 MiB
// (13.4 against 14.4 s) for 8 MB more peak RSS (56 against 48 MB). This
// gives 28 MiB at -j 2: TestConvertPeakMemory measured 56.2 MiB.
func heapRoom(jobs int) int64 { return 12<<20 + int64(max(jobs, 1))*8<<20 }

// surveyGCPercent is the GOGC of the first pass, while the URL index and
// the plans grow: lower than the default 100, so that the heap does not
// reach twice the index before a collection.
const surveyGCPercent = 50

// heapTuning adjusts the Go runtime's collector to a conversion's two
// passes; the user's own GOGC or GOMEMLIMIT turns it off.
type heapTuning struct {
	on     bool
	gcPerc int
}

// tuneHeap starts the first pass's tuning.
func tuneHeap() *heapTuning {
	h := &heapTuning{on: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""}
	if h.on {
		h.gcPerc = debug.SetGCPercent(surveyGCPercent)
	}
	return h
}

// secondPass caps the memory of the second pass near what the first pass
// left live (the URL index and the plans, which the whole run needs) plus
// heapRoom, and restores the default GOGC under that cap. With GOGC alone,
// the heap would grow to twice that live set before each collection, and a
// big export would cost twice its index in memory; the cap makes
// collections come earlier instead, only when the heap nears it.
func (h *heapTuning) secondPass(jobs int) {
	if !h.on {
		return
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	used := s[0].Value.Uint64() - s[1].Value.Uint64() - s[2].Value.Uint64()
	debug.SetMemoryLimit(int64(used) + heapRoom(jobs))
	debug.SetGCPercent(h.gcPerc)
}
