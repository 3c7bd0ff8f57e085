package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"golang.org/x/sync/errgroup"
)

// pipeline converts what next yields on up to workers goroutines and hands
// every result to write in the order next yielded it. Items travel in
// batches of up to batch: one goroutine converts a batch's items one after
// the other and the writer takes their results together, so goroutines
// hand work to each other once per batch rather than once per item (on two
// cores, each hand-over can leave a core idle while a thread wakes). At
// most inFlight items are queued between next and write at any time, plus
// the batch being gathered and the one write is handling, so memory stays
// bounded however slow one item is.
//
// next returns ok=false at the end. A panic in conv is recovered and passed
// to write as that item's error, so one broken item never stops the run.
// Only errors from next and write are fatal: they cancel ctx, stop the
// pipeline and are returned. When ctx is cancelled from outside, pipeline
// stops without writing further results and returns ctx's cause.
func pipeline[T, R any](ctx context.Context, workers, inFlight, batch int,
	next func(context.Context) (T, bool, error),
	conv func(context.Context, T) (R, error),
	write func(R, error) error,
) error {
	workers, batch = max(workers, 1), max(batch, 1)
	type result struct {
		r   R
		err error
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers + 1) // one slot is the writer's for the whole run
	futures := make(chan chan []result, max(inFlight/batch, 1))
	g.Go(func() error {
		for f := range futures {
			select {
			case rs := <-f:
				for _, res := range rs {
					if err := write(res.r, res.err); err != nil {
						return err
					}
				}
			case <-gctx.Done():
				return context.Cause(gctx)
			}
		}
		return nil
	})
	err := feed(gctx, futures, batch, next, func(ins []T, f chan []result) {
		g.Go(func() error {
			rs := make([]result, len(ins))
			for i, in := range ins {
				rs[i].r, rs[i].err = protect(gctx, in, conv)
			}
			f <- rs // cap 1: never blocks
			return nil
		})
	})
	close(futures)
	werr := g.Wait()
	switch {
	case ctx.Err() != nil:
		return context.Cause(ctx)
	case err != nil:
		return err
	}
	return werr
}

// feed pulls batches of up to size items from next, reserves each batch's
// place in the output queue in input order, then starts its conversion. A
// batch cut short by the end or by an error from next is still converted.
func feed[T, F any](ctx context.Context, futures chan chan F, size int,
	next func(context.Context) (T, bool, error), start func([]T, chan F),
) error {
	for {
		ins, err := gather(ctx, size, next)
		if len(ins) > 0 {
			f := make(chan F, 1)
			select {
			case futures <- f:
			case <-ctx.Done():
				return nil // the writer's error, or the caller's cancellation, is reported
			}
			start(ins, f)
		}
		if err != nil || len(ins) < size {
			return err
		}
	}
}

// gather pulls up to size items from next; fewer at the end or on error.
func gather[T any](ctx context.Context, size int, next func(context.Context) (T, bool, error)) ([]T, error) {
	ins := make([]T, 0, size)
	for len(ins) < size {
		in, ok, err := next(ctx)
		if err != nil || !ok {
			return ins, err
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// protect runs conv, turning a panic into an error that names it.
func protect[T, R any](ctx context.Context, in T, conv func(context.Context, T) (R, error)) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &panicError{value: p, stack: debug.Stack()}
		}
	}()
	return conv(ctx, in)
}

// panicError is a recovered panic from converting one item.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }
