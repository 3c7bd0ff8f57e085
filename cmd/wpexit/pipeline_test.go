package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counter yields 0, 1, 2, … up to n (n < 0: forever) and tracks how many
// items are between next and write.
type counter struct {
	n, i     int
	alive    atomic.Int64
	maxAlive atomic.Int64
}

func (c *counter) next(ctx context.Context) (int, bool, error) {
	if c.n >= 0 && c.i >= c.n {
		return 0, false, nil
	}
	c.i++
	a := c.alive.Add(1)
	for m := c.maxAlive.Load(); a > m && !c.maxAlive.CompareAndSwap(m, a); m = c.maxAlive.Load() {
	}
	return c.i - 1, true, nil
}

func TestPipelineOrderUnderRandomDelays(t *testing.T) {
	tests := []struct{ workers, inFlight, batch, n int }{
		{1, 1, 1, 50}, {2, 4, 1, 300}, {4, 8, 1, 500}, {8, 3, 1, 200},
		{1, 4, 4, 50}, {2, 24, 4, 301}, {4, 8, 3, 500}, {2, 2, 5, 99},
	}
	for _, tt := range tests {
		src := &counter{n: tt.n}
		var got []int
		conv := func(_ context.Context, i int) (int, error) {
			d := time.Duration(rand.IntN(300)) * time.Microsecond
			if i%97 == 0 {
				d = 5 * time.Millisecond // one slow item must not reorder or unbound anything
			}
			time.Sleep(d)
			return i * 10, nil
		}
		err := pipeline(context.Background(), tt.workers, tt.inFlight, tt.batch, src.next, conv, func(r int, err error) error {
			src.alive.Add(-1)
			got = append(got, r)
			return err
		})
		if err != nil {
			t.Fatalf("pipeline(%d workers) = %v, want nil", tt.workers, err)
		}
		if len(got) != tt.n {
			t.Fatalf("pipeline(%d workers) wrote %d items, want %d", tt.workers, len(got), tt.n)
		}
		for i, r := range got {
			if r != i*10 {
				t.Fatalf("pipeline(%d workers): item %d = %d, want %d (out of order)", tt.workers, i, r, i*10)
			}
		}
		// queued, plus the batch being gathered and the one being written
		bound := max(tt.inFlight/tt.batch, 1)*tt.batch + 2*tt.batch
		if got := src.maxAlive.Load(); got > int64(bound) {
			t.Errorf("pipeline(%d workers, %d in flight, batches of %d): %d items alive at once, want <= %d",
				tt.workers, tt.inFlight, tt.batch, got, bound)
		}
	}
}

func TestPipelinePanicIsolated(t *testing.T) {
	src := &counter{n: 20}
	var failed []int
	written := 0
	conv := func(_ context.Context, i int) (int, error) {
		if i == 7 || i == 13 {
			panic("broken post")
		}
		return i, nil
	}
	i := 0
	err := pipeline(context.Background(), 3, 8, 4, src.next, conv, func(r int, err error) error {
		var pe *panicError
		if errors.As(err, &pe) {
			failed = append(failed, i)
		} else if err == nil {
			written++
		}
		i++
		return nil
	})
	if err != nil {
		t.Fatalf("pipeline = %v, want nil", err)
	}
	if len(failed) != 2 || failed[0] != 7 || failed[1] != 13 || written != 18 {
		t.Errorf("pipeline: failed %v, written %d; want [7 13], 18", failed, written)
	}
}

func TestPipelineCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &counter{n: -1} // endless
	written := 0
	conv := func(_ context.Context, i int) (int, error) { return i, nil }
	done := make(chan error, 1)
	go func() {
		done <- pipeline(ctx, 2, 6, 3, src.next, conv, func(r int, err error) error {
			if written++; written == 100 {
				cancel()
			}
			return nil
		})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("pipeline after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("pipeline did not stop after cancel")
	}
	if written > 100+6+2*3 {
		t.Errorf("pipeline wrote %d items after cancel at 100, want at most a few more", written)
	}
}

func TestPipelineFatalErrors(t *testing.T) {
	boom := errors.New("disk full")
	tests := []struct {
		name  string
		next  func(*counter) func(context.Context) (int, bool, error)
		write func(int) error
	}{
		{"write", func(c *counter) func(context.Context) (int, bool, error) { return c.next },
			func(i int) error {
				if i == 10 {
					return boom
				}
				return nil
			}},
		{"next", func(c *counter) func(context.Context) (int, bool, error) {
			return func(ctx context.Context) (int, bool, error) {
				if c.i == 10 {
					return 0, false, boom
				}
				return c.next(ctx)
			}
		}, func(int) error { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &counter{n: -1}
			var mu sync.Mutex
			err := pipeline(context.Background(), 2, 4, 3, tt.next(src), func(_ context.Context, i int) (int, error) { return i, nil },
				func(i int, _ error) error {
					mu.Lock()
					defer mu.Unlock()
					return tt.write(i)
				})
			if !errors.Is(err, boom) {
				t.Errorf("pipeline = %v, want %v", err, boom)
			}
		})
	}
}

// BenchmarkPipeline measures the ordered pipeline's own cost per item: a
// conversion that does almost nothing, so what is left is handing items
// over between goroutines.
func BenchmarkPipeline(b *testing.B) {
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			src := &counter{n: b.N}
			b.ReportAllocs()
			err := pipeline(context.Background(), workers, 4*(2*workers+2), 4, src.next,
				func(_ context.Context, i int) (int, error) { return i + 1, nil },
				func(int, error) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
		})
	}
}
