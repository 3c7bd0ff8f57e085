package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// Profiling for performance work, hidden from users: WPEXIT_CPUPROFILE=FILE
// writes a CPU profile of the whole run, WPEXIT_MEMPROFILE=FILE a heap
// profile at its end, and FILE.peak near the largest live heap (alloc_space and inuse_space; the live heap after a GC).
const (
	cpuProfileEnv = "WPEXIT_CPUPROFILE"
	memProfileEnv = "WPEXIT_MEMPROFILE"
)

// startProfiles starts what the environment asks for and returns the
// function that writes and closes the profiles.
func startProfiles() func() {
	var stops []func()
	if name := os.Getenv(cpuProfileEnv); name != "" {
		f, err := os.Create(name)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "wpexit: cpu profile: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if name := os.Getenv(memProfileEnv); name != "" {
		runtime.MemProfileRate = 16 << 10 // finer than the default 512 KiB
		done := make(chan struct{})
		go watchPeak(name+".peak", done)
		stops = append(stops, func() { close(done); writeHeapProfile(name) })
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// watchPeak writes the heap profile to name each time the live heap after a
// GC grows by a tenth over the largest seen, until done is closed: the last
// one written shows what was live at the run's peak.
func watchPeak(name string, done chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if live := sample[0].Value.Uint64(); live > peak+peak/10 {
			peak = live
			f, err := os.Create(name)
			if err != nil {
				continue
			}
			_ = pprof.Lookup("heap").WriteTo(f, 0) // as of the last GC
			f.Close()
		}
	}
}

// writeHeapProfile writes the heap profile to name.
func writeHeapProfile(name string) {
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wpexit: heap profile: %v\n", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintf(os.Stderr, "wpexit: heap profile: %v\n", err)
	}
}
