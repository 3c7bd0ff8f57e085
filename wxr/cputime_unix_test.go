//go:build unix

package wxr_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time. On a shared machine it
// measures a benchmark's work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
