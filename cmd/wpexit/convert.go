package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// runConvert is `wpexit convert`: a first pass plans every item and indexes
// every old URL, a second pass converts items in parallel and writes them in
// input order, then the redirect files and a minimal Hugo site around them.
func runConvert(ctx context.Context, env *environment, c convertConfig) (err error) {
	exps, err := openExports(c.Inputs, env.stdin)
	if err != nil {
		return err
	}
	defer closeExports(exps)
	opts := convert.Options{
		IncludePrivate:   c.IncludePrivate,
		IncludeProtected: c.IncludeProtected,
		ReferenceLinks:   c.LinkStyle == "referenced",
		Bundles:          c.Media.Bundles,
	}
	prog := startProgress(ctx, env.stderr, c.Progress)
	defer prog.stop()
	prog.reading()
	heap := &heapTuning{}
	if env.ownsProcess {
		heap = tuneHeap() // heap.go
	}
	// A conversion never lists old URLs with their titles (check does).
	ixOpts := rewrite.Options{AliasHosts: c.AliasHosts, OmitTitles: true}
	sv, err := surveyExports(ctx, exps, ixOpts, opts, prog.increment)
	if err != nil {
		return err
	}
	heap.secondPass(c.Jobs)
	opts.Link = sv.index.Link
	w, err := openSiteWriter(c.Out, c.Force, c.DryRun)
	if err != nil {
		return err
	}
	w.manifest.pagePath = sv.plans.outPath
	if sv.extras, err = newExtras(c, sv, w); err != nil { // comments.go
		w.close()
		return err
	}
	lines, closeLines, err := openReportFile(c.Report, env.stdout)
	if err != nil {
		w.close()
		return err
	}
	rep := newReport(lines, c.DryRun)
	adjust, err := runMedia(ctx, c, sv, w, rep, prog) // media.go
	opts.Link, opts.LinkFrom = indexLinks(sv.index, adjust)
	opts.Link, opts.LinkFrom = sv.bundles.links(opts.Link, opts.LinkFrom) // bundle.go
	if err == nil {
		err = convertSite(ctx, prog, c, exps, sv, opts, w, rep)
	}
	sv.extras.abort()
	if cerr := w.close(); err == nil {
		err = cerr
	}
	if cerr := closeLines(); err == nil {
		err = cerr
	}
	if err == nil && rep.err != nil {
		err = fmt.Errorf("write report: %w", rep.err)
	}
	prog.stop()
	rep.expected = sv.entries
	if !c.Quiet || rep.failed > 0 || err != nil {
		rep.summary(env.stderr, c.Out)
	}
	if err == nil && rep.failed > 0 {
		err = errPartial
	}
	return err
}

// convertSite runs the second pass, then writes the site's other files.
func convertSite(ctx context.Context, prog *progress, c convertConfig, exps []*export,
	sv *survey, opts convert.Options, w *siteWriter, rep *report,
) error {
	prog.converting(sv.entries)
	headerWarnings, err := convertItems(ctx, c.Jobs, exps, sv, opts, func(res converted) error {
		rec, err := writeItem(w, res, c.DryRun)
		if err == nil {
			err = sv.extras.write(w, res.extra, rec)
		}
		if err != nil {
			return err
		}
		if rec.Outcome == outcomeFailed {
			fmt.Fprintf(prog.writer(), "wpexit: %s\n", failureLine(rec))
		}
		rep.add(rec)
		prog.increment()
		return nil
	})
	prog.finish()
	for _, w := range headerWarnings {
		rep.warn(w)
	}
	if err != nil {
		return err
	}
	if err := writeSiteFiles(w, sv, c, rep); err != nil {
		return err
	}
	return sv.extras.finish(w, sv, rep)
}

// converted is one item after conversion, on its way to the writer.
type converted struct {
	rec  record // everything but the outcome
	seq  int    // the entry's
	path string // content file relative to --out; "" when not written
	data []byte
	skip string // planned skip reason
	err  error  // unreadable or not convertible

	extra itemExtras // comments and archive line (comments.go)
}

// convertItems streams every entry again (second pass) through jobs
// converters and hands the results to write in input order. It returns the
// warnings about the exports' headers.
func convertItems(ctx context.Context, jobs int, exps []*export, sv *survey,
	opts convert.Options, write func(converted) error,
) ([]string, error) {
	pool := make(chan *convert.Converter, jobs)
	for range jobs {
		pool <- convert.New(sv.site, opts)
	}
	var headerWarnings []string
	sc := &scanner{exports: exps, onHeader: func(_ string, _ *wxr.Channel, ws []string) {
		headerWarnings = append(headerWarnings, ws...)
	}}
	defer sc.close()
	conv := func(ctx context.Context, e entry) (converted, error) {
		return sv.extras.add(pool, sv, e, convertEntry(ctx, pool, sv, e)), nil
	}
	err := pipeline(ctx, jobs, convertBatch*(jobs+1), convertBatch, sc.next, conv, func(res converted, err error) error {
		if err != nil { // a panic in conversion
			res.err = fmt.Errorf("convert item: %w", err)
		}
		if res.err == nil && res.rec.Input == "" {
			return fmt.Errorf("read export: %s changed between the two passes", exps[0].name)
		}
		return write(res)
	})
	return headerWarnings, err
}

// convertBatch is how many items one goroutine of the second pass converts
// in a row. Handing every item to a goroutine of its own woke a sleeping
// thread several times per item (strace -c on the 20 MB export: 12,611
// futex calls, 6,859 with batches of 4), and each wake-up can leave one of
// two cores idle. On the 200 MB export at -j 2, 9 of 10 alternating pairs
// of runs were faster with batches (by 0.2 to 1.7 s), for about 2.5 MB
// more peak RSS.
const convertBatch = 4

// convertEntry converts one entry with a converter from the pool.
func convertEntry(ctx context.Context, pool chan *convert.Converter, sv *survey, e entry) (res converted) {
	res.rec, res.seq = record{Input: e.source, Warnings: e.warnings}, e.seq
	if e.err != nil {
		res.rec.Line, res.rec.ID = errorPlace(e.err)
		res.err = e.err
		return res
	}
	it := e.item
	res.rec.Line, res.rec.ID, res.rec.Type, res.rec.Status, res.rec.Title = it.Line, it.ID, it.Type, it.Status, it.Title
	plan, ok := sv.plans.at(e.seq)
	if !ok || plan.ID != it.ID {
		res.rec.Input = "" // the writer turns this into a fatal error
		return res
	}
	res.rec.Notes = noteRecords(plan.Notes)
	if plan.Skip != "" {
		res.skip = plan.Skip
		return res
	}
	if err := ctx.Err(); err != nil {
		res.err = err
		return res
	}
	plan.Aliases = sv.index.Aliases(it.ID)
	c := <-pool
	defer func() { pool <- c }()
	page, err := c.Convert(it, plan)
	if err == nil {
		res.data, err = page.Bytes()
		res.rec.Notes = append(res.rec.Notes, noteRecords(page.Notes)...)
	}
	res.path, res.err = sv.plans.outPath(e.seq), err
	return res
}

// writeItem writes one converted item and says what became of it. Its error
// is fatal: the output cannot be written.
func writeItem(w *siteWriter, res converted, dryRun bool) (record, error) {
	rec := res.rec
	switch {
	case res.err != nil:
		rec.Outcome, rec.Error = outcomeFailed, res.err.Error()
		return rec, nil
	case res.skip != "":
		rec.Outcome, rec.Reason = outcomeSkipped, res.skip
		return rec, nil
	case !contained(res.path, "content"):
		rec.Outcome, rec.Error = outcomeFailed, fmt.Sprintf("write %q: path leaves the content folder", res.path)
		return rec, nil
	}
	rec.Path = res.path
	out, reason, err := w.writePage(res.seq, res.path, res.data)
	switch {
	case err != nil && isEscape(err):
		rec.Outcome, rec.Error = outcomeFailed, err.Error()
	case err != nil:
		return rec, err
	case out == kept:
		rec.Outcome, rec.Reason = outcomeSkipped, reason
	case dryRun:
		rec.Outcome = outcomeWouldWrite
	default:
		rec.Outcome = outcomeWritten
	}
	return rec, nil
}

// contained reports whether the slash path p, once cleaned, stays under dir.
func contained(p, dir string) bool {
	return strings.HasPrefix(path.Clean(p), dir+"/") && !path.IsAbs(p)
}

// failureLine is the stderr message for a failed item.
func failureLine(rec record) string {
	if strings.HasPrefix(rec.Error, rec.Input+":") {
		return "convert " + rec.Error
	}
	place := rec.Input
	if rec.Line > 0 {
		place = fmt.Sprintf("%s:%d", place, rec.Line)
	}
	return fmt.Sprintf("convert %s: item %d: %s", place, rec.ID, rec.Error)
}

// openReportFile opens --report: a file, "-" for stdout, or nothing.
func openReportFile(name string, stdout io.Writer) (io.Writer, func() error, error) {
	switch name {
	case "":
		return nil, func() error { return nil }, nil
	case "-":
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, fmt.Errorf("create report: %w", err)
	}
	return f, f.Close, nil
}
