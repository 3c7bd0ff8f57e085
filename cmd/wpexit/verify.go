package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/urfave/cli/v3"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/media"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/verify"
)

// verifyConfig is what `wpexit verify` was asked to do.
type verifyConfig struct {
	Inputs           []string // export files; "-" is stdin
	Site             string   // --site: the Hugo source tree convert wrote
	Jobs             int      // pages compared at once; 0 means runtime.NumCPU()
	MinScore         float64  // a page under it fails the run (exit 3)
	JSON             bool     // print the report as JSON
	Quiet            bool     // print the summary only, not one line per page
	Show             int64    // --show ID: print both sides of this item's page
	show             bool     // --show was given
	IncludePrivate   bool     // as given to convert: private items were written
	IncludeProtected bool     // as given to convert: protected items were written
	AliasHosts       []string // as given to convert
	Bundles          bool     // as given to convert: pages are leaf bundles
	Progress         string   // "auto", "always" or "never"
}

// validate checks what the flags cannot check one by one.
func (c *verifyConfig) validate() error {
	if err := validateInputs(c.Inputs); err != nil {
		return err
	}
	if c.Site == "" {
		return usagef("verify needs --site DIR (the folder convert wrote)")
	}
	if c.MinScore < 0 || c.MinScore > 1 {
		return usagef("--min-score must be between 0 and 1, not %g", c.MinScore)
	}
	if c.Jobs <= 0 {
		c.Jobs = runtime.NumCPU()
	}
	if c.show && c.JSON {
		return usagef("--show and --json cannot be used together")
	}
	if c.Progress != "auto" && c.Progress != "always" && c.Progress != "never" {
		return usagef("--progress must be auto, always or never, not %q", c.Progress)
	}
	return nil
}

func verifyCommand(env *environment) *cli.Command {
	var c verifyConfig
	return &cli.Command{
		Name:         "verify",
		Usage:        "measure how faithful each converted page is to what WordPress showed",
		ArgsUsage:    "EXPORT... --site DIR",
		OnUsageError: onUsageError,
		Flags:        verifyFlags(&c),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			c.Inputs = cmd.Args().Slice()
			c.show = cmd.IsSet("show")
			if err := c.validate(); err != nil {
				return err
			}
			return runVerify(ctx, env, c)
		},
	}
}

func verifyFlags(c *verifyConfig) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "site", Usage: "verify the Hugo source tree in `DIR` (convert's --out)", Destination: &c.Site},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "compare `N` pages at once", Destination: &c.Jobs},
		&cli.FloatFlag{Name: "min-score", Value: verify.DefaultThreshold, Usage: "a page scoring under `SCORE` (0 to 1) fails the run", Destination: &c.MinScore},
		&cli.BoolFlag{Name: "json", Usage: "print the report as JSON", Destination: &c.JSON},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print the summary only, not one line per page", Destination: &c.Quiet},
		&cli.Int64Flag{Name: "show", Usage: "print both sides of the page of the item with wordpress_id `ID`", Destination: &c.Show},
		&cli.BoolFlag{Name: "include-private", Usage: "as given to convert: private posts were written", Destination: &c.IncludePrivate},
		&cli.BoolFlag{Name: "include-protected", Usage: "as given to convert: password-protected posts were written", Destination: &c.IncludeProtected},
		&cli.StringSliceFlag{Name: "alias-host", Usage: "another `HOST` the old site was known by, as given to convert (repeatable)", Destination: &c.AliasHosts},
		&cli.BoolFlag{Name: "bundles", Usage: "as given to convert: every page is a leaf bundle", Destination: &c.Bundles},
		&cli.StringFlag{Name: "progress", Value: "auto", Usage: "show a progress bar on stderr `WHEN` auto (when stderr is a terminal), always, never", Destination: &c.Progress},
	}
}

// errBelow means the run compared every page and some scored under
// --min-score (exit 3).
var errBelow = fmt.Errorf("pages score under --min-score: %w", errPartial)

// runVerify is `wpexit verify`: convert's first pass plans every item and
// indexes every old URL, then a second pass compares, for each planned
// page, the item as WordPress showed it with the page file in --site as
// Hugo shows it.
func runVerify(ctx context.Context, env *environment, c verifyConfig) error {
	root, err := openSiteRoot(c.Site)
	if err != nil {
		return err
	}
	defer root.Close()
	exps, err := openExports(c.Inputs, env.stdin)
	if err != nil {
		return err
	}
	defer closeExports(exps)
	prog := startProgress(ctx, env.stderr, c.Progress)
	defer prog.stop()
	opts := convert.Options{IncludePrivate: c.IncludePrivate, IncludeProtected: c.IncludeProtected, Bundles: c.Bundles}
	prog.reading()
	sv, err := surveyExports(ctx, exps, rewrite.Options{AliasHosts: c.AliasHosts, OmitTitles: true}, opts, prog.increment)
	if err != nil {
		return err
	}
	if sv.index == nil {
		return fmt.Errorf("read export: %s: holds no WordPress export", exps[0].name)
	}
	opts.Link, opts.LinkFrom = indexLinks(sv.index, savedMediaLink(root)) // what convert's second pass used
	if c.Bundles {
		sv.bundles = planBundles(sv, collectMedia(sv, nil)) // where convert put each media file
		opts.Link, opts.LinkFrom = sv.bundles.links(opts.Link, opts.LinkFrom)
	}
	v := newVerifier(c, sv, opts, root)
	prog.verifying(v.total())
	err = v.run(ctx, exps, prog.increment)
	prog.stop()
	if err != nil {
		return err
	}
	if c.show {
		return v.finishShow(env)
	}
	return v.finish(env)
}

// openSiteRoot opens --site, which must be a folder. Every page is read
// through the root, so no plan can reach outside it.
func openSiteRoot(dir string) (*os.Root, error) {
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a folder")
	}
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", dir, err)
	}
	return root, nil
}

// verifier is the second pass of verify.
type verifier struct {
	c     verifyConfig
	sv    *survey
	root  *os.Root
	pool  chan *convert.Converter
	vopts verify.Options
	rep   *verify.Report

	unreadable int       // entries the reader could not read
	shown      []checked // --show: the pages of that item
	showSkip   string    // --show: why that item has no page, when it is planned skipped
}

// checked is one page compared, on its way to the report.
type checked struct {
	res       verify.PageResult
	want, got verify.Side // kept for --show only
}

func newVerifier(c verifyConfig, sv *survey, opts convert.Options, root *os.Root) *verifier {
	v := &verifier{c: c, sv: sv, root: root, pool: make(chan *convert.Converter, c.Jobs)}
	for range c.Jobs {
		v.pool <- convert.New(sv.site, opts)
	}
	v.vopts = verify.Options{Link: opts.Link, LinkFrom: opts.LinkFrom, Resolve: planResolver(sv.plans)}
	v.rep = verify.NewReport(verify.DefaultThreshold)
	v.rep.Threshold = c.MinScore // 0 is a valid --min-score
	return v
}

// planResolver answers, for a planned page's file, its old URL: the form
// both sides of the comparison name pages in. A page with no old path
// (query permalinks) is "page:" + its file.
func planResolver(plans planList) verify.Resolver {
	old := map[string]string{}
	for i := range plans.len() {
		p, _ := plans.at(i)
		if p.Type == "" || p.Skip != "" {
			continue
		}
		u := p.URL
		if u == "" {
			u = "page:" + p.Path
		}
		old[p.Path] = u
	}
	return func(file string) (string, bool) {
		u, ok := old[file]
		return u, ok
	}
}

// total counts the pages the second pass compares.
func (v *verifier) total() int {
	n := 0
	for i := range v.sv.plans.len() {
		if p, _ := v.sv.plans.at(i); p.Type != "" && p.Skip == "" && v.wanted(p.ID) {
			n++
		}
	}
	return n
}

// wanted reports whether the page of item id is compared: every page, or
// with --show that item's only.
func (v *verifier) wanted(id int64) bool { return !v.c.show || id == v.c.Show }

// run streams every entry again and compares each planned page on jobs
// workers, adding the results to the report in input order.
func (v *verifier) run(ctx context.Context, exps []*export, tick func()) error {
	sc := &scanner{exports: exps}
	defer sc.close()
	next := func(ctx context.Context) (entry, bool, error) {
		for {
			e, ok, err := sc.next(ctx)
			if err != nil || !ok {
				return e, ok, err
			}
			if take, err := v.take(e); err != nil || take {
				return e, err == nil, err
			}
		}
	}
	return pipeline(ctx, v.c.Jobs, 2*v.c.Jobs+2, 1, next, v.check, func(r checked, err error) error {
		if err != nil { // cannot happen: check recovers its own panics
			r.res.Error = fmt.Sprintf("compare: %v", err)
		}
		v.rep.Add(r.res)
		if v.c.show {
			v.shown = append(v.shown, r)
		}
		tick()
		return nil
	})
}

// take decides whether entry e is a page to compare. Its error is fatal.
func (v *verifier) take(e entry) (bool, error) {
	if e.err != nil {
		v.unreadable++
		return false, nil
	}
	p, ok := v.sv.plans.at(e.seq)
	if !ok || p.ID != e.item.ID {
		return false, fmt.Errorf("read export: %s changed between the two passes", e.source)
	}
	if !v.wanted(p.ID) {
		return false, nil
	}
	if p.Skip != "" {
		if v.c.show {
			v.showSkip = p.Skip
		}
		return false, nil
	}
	return true, nil
}

// check compares one planned page: the item rendered as WordPress shows
// it, with the file convert wrote for it.
func (v *verifier) check(_ context.Context, e entry) (r checked, err error) {
	p, _ := v.sv.plans.at(e.seq)
	r = checked{res: verify.PageResult{ID: e.item.ID, File: p.Path}}
	defer func() { // the page keeps its name in the report
		if x := recover(); x != nil {
			r, err = checked{res: verify.PageResult{ID: e.item.ID, File: p.Path, Error: fmt.Sprintf("compare: panic: %v", x)}}, nil
		}
	}()
	file := path.Join("content", p.Path)
	page, err := v.root.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			r.res.Error = fmt.Sprintf("missing: %s is not in the site", file)
		} else {
			r.res.Error = fmt.Sprintf("read %s: %v", file, errors.Unwrap(err))
		}
		return r, nil
	}
	vopts := v.vopts
	vopts.Base = e.item.Link // the page's own mapper, as convert's
	want, got, err := verify.Sides(v.wordpressHTML(e), page, vopts)
	if err != nil {
		r.res.Error = fmt.Sprintf("read %s: %v", file, err)
		return r, nil
	}
	r.res.Result = verify.Compare(want, got)
	if v.c.show {
		r.want, r.got = want, got
	}
	return r, nil
}

// wordpressHTML renders the item as WordPress showed it, with a converter
// from the pool (given back even when it panics).
func (v *verifier) wordpressHTML(e entry) string {
	conv := <-v.pool
	defer func() { v.pool <- conv }()
	wp, _ := conv.WordPressHTML(e.item)
	return wp
}

// finish prints the report on stdout and says on stderr why the run
// fails, if it does.
func (v *verifier) finish(env *environment) error {
	var err error
	if v.c.JSON {
		err = v.rep.WriteJSON(env.stdout)
	} else {
		err = v.writeText(env.stdout)
	}
	if err != nil {
		return fmt.Errorf("write verify report: %w", err)
	}
	return v.outcome(env.stderr, len(v.rep.Below()))
}

// writeText writes one line per page (unless --quiet), then the summary.
func (v *verifier) writeText(w io.Writer) error {
	if !v.c.Quiet && len(v.rep.Pages) > 0 {
		for _, p := range v.rep.Pages {
			if _, err := fmt.Fprintln(w, pageLine(p)); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return v.rep.WriteText(w)
}

// pageLine is one page's line: score, wordpress_id, file, and what differs
// (or why it could not be compared).
func pageLine(p verify.PageResult) string {
	line := fmt.Sprintf("%.3f  %d  %s", p.Score, p.ID, p.File)
	if p.Error != "" {
		return line + "  error: " + p.Error
	}
	var whats []string
	for _, d := range p.Diffs {
		whats = append(whats, d.What)
	}
	if len(whats) > 0 {
		line += "  differs: " + strings.Join(whats, ", ")
	}
	return line
}

// outcome is the run's error: errBelow when pages scored under the
// threshold, errPartial when items could not be read; each said on stderr.
func (v *verifier) outcome(stderr io.Writer, below int) error {
	if v.unreadable > 0 {
		fmt.Fprintf(stderr, "wpexit: verify: %d item(s) of the export could not be read; their pages were not compared (wpexit inspect says where)\n", v.unreadable)
	}
	if below > 0 {
		fmt.Fprintf(stderr, "wpexit: verify: %d of %d pages score under %.2f\n", below, len(v.rep.Pages), v.rep.Threshold)
		return errBelow
	}
	if v.unreadable > 0 {
		return errPartial
	}
	return nil
}

// finishShow prints, for --show ID, each page of that item: its score and
// differences, then both sides.
func (v *verifier) finishShow(env *environment) error {
	if len(v.shown) == 0 {
		if v.showSkip != "" {
			return fmt.Errorf("verify: item %d has no page: %s", v.c.Show, v.showSkip)
		}
		return fmt.Errorf("verify: no item has wordpress_id %d", v.c.Show)
	}
	below := 0
	for _, s := range v.shown {
		if s.res.Score < v.rep.Threshold {
			below++
		}
		if err := writeShown(env.stdout, s); err != nil {
			return fmt.Errorf("write verify report: %w", err)
		}
	}
	return v.outcome(env.stderr, below)
}

// writeShown writes one page for --show.
func writeShown(w io.Writer, s checked) error {
	if _, err := fmt.Fprintln(w, pageLine(s.res)); err != nil {
		return err
	}
	for _, d := range s.res.Diffs {
		if _, err := fmt.Fprintf(w, "  %s (-%.3f): want %s; got %s\n", d.What, d.Cost, d.Want, d.Got); err != nil {
			return err
		}
	}
	if s.res.Error != "" {
		return nil
	}
	return verify.SideBySide(w, s.want, s.got)
}

// verifying ends the reading phase and starts the bar for total pages.
func (pr *progress) verifying(total int) {
	if pr.p == nil {
		return
	}
	pr.finish()
	pr.bar = pr.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("verifying "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(decor.WC{W: 5}), decor.Name(" "), decor.AverageSpeed(0, "%.0f pages/s")),
	)
}

// savedMediaLink is the change convert's second pass made to the index's
// link answers on the site in root: none (nil), or, when convert brought
// media files into the site (--media download, --uploads: it then keeps
// root/.wpexit/media.json), every thumbnail whose original is under
// static/ pointed at the original, as convert's media step does. Package media decides, offline:
// a file under static/ counts as saved, nothing is fetched or written.
// Files from --media-hosts keep their old URL here.
func savedMediaLink(root *os.Root) linkAdjust {
	if _, err := root.Stat(mediaStatePath); err != nil {
		return nil
	}
	sm := &savedMedia{out: staticFiles{root}, seen: map[string]string{}}
	return func(_ string, l convert.Link) convert.Link {
		if l.Kind != convert.LinkMedia {
			return l
		}
		d, frag, hasFrag := strings.Cut(l.Dest, "#")
		l.Dest = sm.saved(d)
		if hasFrag {
			l.Dest += "#" + frag
		}
		return l
	}
}

// savedMedia remembers, per media path, the path convert linked instead.
type savedMedia struct {
	out  staticFiles
	mu   sync.Mutex
	seen map[string]string
}

// saved returns the path a post links to for the media file at dest.
func (s *savedMedia) saved(dest string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if to, ok := s.seen[dest]; ok {
		return to
	}
	to := dest
	ref := media.Ref{URL: "https://wpexit.invalid" + dest, Dest: dest}
	results, err := media.Fetch(context.Background(), []media.Ref{ref}, s.out,
		media.Options{Uploads: noFiles{}, Prefix: "static", Concurrency: 1, PerHost: 1})
	if err == nil {
		if r, ok := media.Rewrites(results)[dest]; ok {
			to = r
		}
	}
	s.seen[dest] = to
	return to
}

// staticFiles is the site as media.Fetch sees it in verify: files can be
// found, never created.
type staticFiles struct{ root *os.Root }

func (o staticFiles) Size(name string) (int64, error) {
	fi, err := o.root.Stat(name)
	if err != nil {
		return 0, err
	}
	if fi.IsDir() {
		return 0, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return fi.Size(), nil
}

func (staticFiles) Create(string) (media.File, error) {
	return nil, errors.New("verify writes nothing")
}

// noFiles is an empty uploads folder: media.Fetch in verify takes nothing.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
