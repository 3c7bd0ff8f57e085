package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"golang.org/x/sync/errgroup"
)

// pipeline converts what next yields on up to workers goroutines and hands
// every result to write in the order next yielded it. At most inFlight items
// are between next and write at any time (plus the one next is holding and
// the one write is handling), so memory stays bounded however slow one item
// is.
//
// next returns ok=false at the end. A panic in conv is recovered and passed
// to write as that item's error, so one broken item never stops the run.
// Only errors from next and write are fatal: they cancel ctx, stop the
// pipeline and are returned. When ctx is cancelled from outside, pipeline
// stops without writing further results and returns ctx's cause.
func pipeline[T, R any](ctx context.Context, workers, inFlight int,
	next func(context.Context) (T, bool, error),
	conv func(context.Context, T) (R, error),
	write func(R, error) error,
) error {
	workers, inFlight = max(workers, 1), max(inFlight, 1)
	type result struct {
		r   R
		err error
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers + 1) // one slot is the writer's for the whole run
	futures := make(chan chan result, inFlight)
	g.Go(func() error {
		for f := range futures {
			select {
			case res := <-f:
				if err := write(res.r, res.err); err != nil {
					return err
				}
			case <-gctx.Done():
				return context.Cause(gctx)
			}
		}
		return nil
	})
	err := feed(gctx, futures, next, func(in T, f chan result) {
		g.Go(func() error {
			r, err := protect(gctx, in, conv)
			f <- result{r, err} // cap 1: never blocks
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

// feed pulls items from next, reserves each one's place in the output queue
// in input order, then starts its conversion.
func feed[T, F any](ctx context.Context, futures chan chan F,
	next func(context.Context) (T, bool, error), start func(T, chan F),
) error {
	for {
		in, ok, err := next(ctx)
		if err != nil || !ok {
			return err
		}
		f := make(chan F, 1)
		select {
		case futures <- f:
		case <-ctx.Done():
			return nil // the writer's error, or the caller's cancellation, is reported
		}
		start(in, f)
	}
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
