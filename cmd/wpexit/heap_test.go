package main

import (
	"runtime/debug"
	"testing"
)

// TestHeapTuningLeavesUserSettings checks that a GOGC or GOMEMLIMIT the
// user set turns the tuning off, and that otherwise the first pass runs at
// surveyGCPercent and the second gets its GOGC back under a memory limit.
func TestHeapTuningLeavesUserSettings(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "100")
			limit := debug.SetMemoryLimit(-1)
			h := tuneHeap()
			h.secondPass(2)
			if h.on || debug.SetGCPercent(100) != 100 || debug.SetMemoryLimit(-1) != limit {
				t.Errorf("with %s set, the tuning changed the collector", env)
			}
		})
	}
	t.Run("default", func(t *testing.T) {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		before := debug.SetMemoryLimit(-1)
		h := tuneHeap()
		if got := debug.SetGCPercent(surveyGCPercent); got != surveyGCPercent {
			t.Errorf("first pass GOGC = %d, want %d", got, surveyGCPercent)
		}
		h.secondPass(2)
		if got := debug.SetGCPercent(h.gcPerc); got != h.gcPerc {
			t.Errorf("second pass GOGC = %d, want %d back", got, h.gcPerc)
		}
		if limit := debug.SetMemoryLimit(-1); limit >= before || limit < heapRoom(2) {
			t.Errorf("second pass memory limit = %d, want a limit above %d and below %d", limit, heapRoom(2), before)
		}
	})
}
