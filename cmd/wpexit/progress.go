package main

import (
	"context"
	"io"

	"github.com/vbauerster/cupwriter"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress shows the run's progress on stderr: a counter while the first
// pass reads the exports, then a bar while items are converted. It draws
// only when stderr is a terminal (--progress auto), always, or never;
// without drawing every method still works and does nothing.
type progress struct {
	out io.Writer // stderr
	p   *mpb.Progress
	bar *mpb.Bar // the current phase's
}

// startProgress starts drawing, if mode and stderr allow.
func startProgress(ctx context.Context, stderr io.Writer, mode string) *progress {
	pr := &progress{out: stderr}
	tty := cupwriter.New(stderr, false).IsTerminal()
	if mode == "never" || (mode == "auto" && !tty) {
		return pr
	}
	opts := []mpb.ContainerOption{mpb.WithOutput(stderr), mpb.WithWidth(60)}
	if !tty {
		opts = append(opts, mpb.WithAutoRefresh())
	}
	pr.p = mpb.NewWithContext(ctx, opts...)
	return pr
}

// reading starts the first phase: items counted as they are read.
func (pr *progress) reading() {
	if pr.p != nil {
		pr.bar = pr.p.New(0, mpb.SpinnerStyle(), mpb.BarRemoveOnComplete(),
			mpb.PrependDecorators(decor.Name("reading "), decor.CurrentNoUnit("%d items")))
	}
}

// converting ends the current phase and starts the bar for total items.
func (pr *progress) converting(total int) {
	if pr.p == nil {
		return
	}
	pr.finish()
	pr.bar = pr.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("converting "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(decor.WC{W: 5}), decor.Name(" "), decor.AverageSpeed(0, "%.0f items/s")),
	)
}

// increment counts one item done in the current phase.
func (pr *progress) increment() {
	if pr.bar != nil {
		pr.bar.Increment()
	}
}

// writer is where messages go while a bar is drawn: above it.
func (pr *progress) writer() io.Writer {
	if pr.p != nil {
		return pr.p
	}
	return pr.out
}

// finish ends the current phase: its bar completes, or is dropped when it
// cannot (an interrupted run).
func (pr *progress) finish() {
	if pr.bar == nil {
		return
	}
	if pr.bar.Current() > 0 || !pr.bar.Completed() {
		pr.bar.SetTotal(-1, true)
	}
	pr.bar = nil
}

// stop ends drawing and waits until the last frame is out. Later calls do
// nothing.
func (pr *progress) stop() {
	if pr.p == nil {
		return
	}
	if pr.bar != nil && !pr.bar.Completed() {
		pr.bar.Abort(false)
	}
	pr.bar = nil
	pr.p.Wait()
	pr.p = nil
}
