package check

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// limiter spaces requests evenly at a rate, with no burst. A nil limiter
// never waits.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	sleep    func(context.Context, time.Duration) error
}

// newLimiter returns a limiter for rps requests per second, or nil when
// rps is not positive.
func newLimiter(rps float64, sleep func(context.Context, time.Duration) error) *limiter {
	if rps <= 0 {
		return nil
	}
	return &limiter{interval: time.Duration(float64(time.Second) / rps), sleep: sleep}
}

// wait blocks until the caller's turn, or until ctx is done.
func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return ctx.Err()
	}
	l.mu.Lock()
	now := time.Now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	l.next = at.Add(l.interval)
	l.mu.Unlock()
	return l.sleep(ctx, at.Sub(now))
}

// retryAfter reads a Retry-After value, in seconds or as an HTTP date,
// relative to now; -1 when absent or unreadable, 0 when in the past.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return -1
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return -1
		}
		n = min(n, 1<<30) // no overflow; the caller caps it anyway
		return time.Duration(n) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return -1
	}
	return max(t.Sub(now), 0)
}
