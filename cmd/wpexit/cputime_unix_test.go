//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU time the process has used so far: on
// a shared machine it says more about a benchmark's work than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
