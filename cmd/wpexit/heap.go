package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapRoom is how far the Go runtime's memory may grow beyond what the
// first pass left live, during the second pass: room for the items in
// flight and their garbage between collections.
const heapRoom = 28 << 20

// boundHeap caps the memory of the second pass near what the first pass
// left live (the URL index and the plans, which the whole run needs) plus
// heapRoom. With the default GOGC alone, the heap would grow to twice that
// live set before each collection, and a big export would cost twice its
// index in memory; the cap makes collections come earlier instead, only
// when the heap nears it. A GOMEMLIMIT the user set is left as it is.
func boundHeap() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	used := s[0].Value.Uint64() - s[1].Value.Uint64() - s[2].Value.Uint64()
	debug.SetMemoryLimit(int64(used) + heapRoom)
}
