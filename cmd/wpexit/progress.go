package main

import (
	"context"
	"io"

	"github.com/vbauerster/cupwriter"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress is the progress bar of the second pass, on stderr. It draws only
// when stderr is a terminal (--progress auto), always, or never; without a
// bar every method still works and draws nothing.
type progress struct {
	out io.Writer // stderr
	p   *mpb.Progress
	bar *mpb.Bar
}

// startProgress starts a bar for total items.
func startProgress(ctx context.Context, stderr io.Writer, mode string, total int) *progress {
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
	pr.bar = pr.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("converting "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(decor.WC{W: 5}), decor.Name(" "), decor.AverageSpeed(0, "%.0f items/s")),
	)
	return pr
}

// increment counts one item done.
func (pr *progress) increment() {
	if pr.bar != nil {
		pr.bar.Increment()
	}
}

// writer is where messages go while the bar is drawn: above it.
func (pr *progress) writer() io.Writer {
	if pr.p != nil {
		return pr.p
	}
	return pr.out
}

// stop removes or completes the bar and waits until it is drawn.
func (pr *progress) stop() {
	if pr.p == nil {
		return
	}
	if !pr.bar.Completed() {
		pr.bar.Abort(false)
	}
	pr.p.Wait()
}
