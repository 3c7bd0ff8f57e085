package check

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", -1},
		{"0", 0},
		{"7", 7 * time.Second},
		{" 3 ", 3 * time.Second},
		{"-2", -1},
		{"soon", -1},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"Sunday, 22-Nov-26 01:00:30 GMT", 30 * time.Second}, // RFC 850
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLimiterSpacesRequests(t *testing.T) {
	var waits []time.Duration
	sleep := func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	l := newLimiter(1.0/3600, sleep) // one an hour: real time spent here is noise
	for range 4 {
		if err := l.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for i, d := range waits {
		want := time.Duration(i) * time.Hour
		if d > want || d < want-time.Minute {
			t.Errorf("wait %d = %v, want about %v", i, d, want)
		}
	}
	if newLimiter(0, sleep) != nil {
		t.Error("rps 0 gives a limiter")
	}
	var none *limiter
	if err := none.wait(context.Background()); err != nil {
		t.Errorf("nil limiter: %v", err)
	}
}
