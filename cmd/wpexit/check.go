package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/wpexit/wpexit/check"
	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
)

// checkConfig is what `wpexit check` was asked to do.
type checkConfig struct {
	Inputs      []string      // export files; "-" is stdin
	Site        string        // --site: a Hugo source tree
	Public      string        // --public: a built site
	Base        string        // --base: a live site's URL
	JSON        bool          // print the result as JSON
	CSV         bool          // print the missing URLs as CSV
	Require     string        // classes that must be fully covered, comma-separated
	Concurrency int           // live: requests in flight
	Timeout     time.Duration // live: per request
	RPS         float64       // live: requests per second, 0 for no cap
	Progress    string        // "auto", "always" or "never"
	AliasHosts  []string      // other hosts the old site was known by (as for convert)
	Hosts       []string      // other hosts a redirect target may name and still be this site

	require []check.Class // Require, parsed
	base    *url.URL      // Base, parsed
}

// validate checks what the flags cannot check one by one.
func (c *checkConfig) validate() error {
	if err := validateInputs(c.Inputs); err != nil {
		return err
	}
	modes := 0
	for _, m := range []string{c.Site, c.Public, c.Base} {
		if m != "" {
			modes++
		}
	}
	if modes != 1 {
		return usagef("check needs exactly one of --site DIR, --public DIR or --base URL")
	}
	if c.JSON && c.CSV {
		return usagef("--json and --csv cannot be used together")
	}
	req, err := check.ParseClasses(c.Require)
	if err != nil {
		return usagef("--require: %w", err)
	}
	c.require = req
	if c.Concurrency < 1 {
		return usagef("--concurrency must be at least 1, not %d", c.Concurrency)
	}
	if c.Timeout <= 0 {
		return usagef("--timeout must be positive, not %s", c.Timeout)
	}
	if c.RPS < 0 {
		return usagef("--rps must not be negative, not %g", c.RPS)
	}
	if c.Progress != "auto" && c.Progress != "always" && c.Progress != "never" {
		return usagef("--progress must be auto, always or never, not %q", c.Progress)
	}
	if c.Base != "" {
		u, err := url.Parse(c.Base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("--base must be an http or https URL with a host, not %q", c.Base)
		}
		c.base = u
	}
	return nil
}

func checkCommand(env *environment) *cli.Command {
	var c checkConfig
	return &cli.Command{
		Name:         "check",
		Usage:        "prove that every URL the old site served still has a target",
		ArgsUsage:    "EXPORT... (--site DIR | --public DIR | --base URL)",
		OnUsageError: onUsageError,
		Flags:        checkFlags(&c),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			c.Inputs = cmd.Args().Slice()
			if err := c.validate(); err != nil {
				return err
			}
			return runCheck(ctx, env, c)
		},
	}
}

func checkFlags(c *checkConfig) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "site", Usage: "check the Hugo source tree in `DIR` (convert's output)", Destination: &c.Site},
		&cli.StringFlag{Name: "public", Usage: "check the built site in `DIR` (Hugo's public/)", Destination: &c.Public},
		&cli.StringFlag{Name: "base", Usage: "check the live site at `URL` over HTTP (no other host is ever asked)", Destination: &c.Base},
		&cli.BoolFlag{Name: "json", Usage: "print the result as JSON", Destination: &c.JSON},
		&cli.BoolFlag{Name: "csv", Usage: "print the missing URLs as CSV", Destination: &c.CSV},
		&cli.StringFlag{Name: "require", Value: "posts,pages", Usage: "`CLASSES` that must be fully covered: posts, pages, media, archives, feeds, shortlinks, home, all, none", Destination: &c.Require},
		&cli.IntFlag{Name: "concurrency", Value: 8, Usage: "live: at most `N` requests in flight", Destination: &c.Concurrency},
		&cli.DurationFlag{Name: "timeout", Value: 10 * time.Second, Usage: "live: give up on a request after `DURATION`", Destination: &c.Timeout},
		&cli.FloatFlag{Name: "rps", Usage: "live: at most `N` requests per second (0: no cap)", Destination: &c.RPS},
		&cli.StringFlag{Name: "progress", Value: "auto", Usage: "show a progress bar on stderr `WHEN` auto (when stderr is a terminal), always, never", Destination: &c.Progress},
		&cli.StringSliceFlag{Name: "alias-host", Usage: "another `HOST` the old site was known by, as given to convert (repeatable)", Destination: &c.AliasHosts},
		&cli.StringSliceFlag{Name: "host", Usage: "site, public: another `HOST` redirect targets may name and still be this site (repeatable)", Destination: &c.Hosts},
	}
}

// errMissing means the check ran and some required URL has no target
// (exit 3, as a run whose items had errors).
var errMissing = fmt.Errorf("required old URLs have no target: %w", errPartial)

// runCheck is `wpexit check`: the first pass of convert lists every old
// URL, then the mode checks each against its target.
func runCheck(ctx context.Context, env *environment, c checkConfig) error {
	prog := startProgress(ctx, env.stderr, c.Progress)
	defer prog.stop()
	urls, unreadable, err := checkURLs(ctx, env, c, prog)
	if err != nil {
		return err
	}
	opts := check.Options{Require: c.require, Concurrency: c.Concurrency, Timeout: c.Timeout, RPS: c.RPS, Hosts: c.Hosts}
	var res *check.Result
	switch {
	case c.Site != "":
		res, err = checkDir(ctx, c.Site, urls, opts, check.Site)
	case c.Public != "":
		res, err = checkDir(ctx, c.Public, urls, opts, check.Public)
	default:
		opts.Progress = prog.checked
		res, err = check.Live(ctx, c.base, urls, opts)
	}
	prog.stop()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	if err := writeCheck(env, c, res); err != nil {
		return err
	}
	if unreadable > 0 {
		fmt.Fprintf(env.stderr, "wpexit: check: %d item(s) of the export could not be read; their old URLs were not checked (wpexit inspect says where)\n", unreadable)
	}
	if !res.OK(nil) {
		missing, total := requiredCounts(res)
		fmt.Fprintf(env.stderr, "wpexit: check %s: %d of the %d required old URLs have no target\n", res.Mode, missing, total)
		return errMissing
	}
	if unreadable > 0 {
		return errPartial
	}
	return nil
}

// checkURLs runs convert's first pass over the exports and lists every URL
// the old site served, as package check takes them, with the number of
// items that could not be read (their URLs are unknown).
func checkURLs(ctx context.Context, env *environment, c checkConfig, prog *progress) ([]check.OldURL, int, error) {
	exps, err := openExports(c.Inputs, env.stdin)
	if err != nil {
		return nil, 0, err
	}
	defer closeExports(exps)
	prog.reading()
	sv, err := surveyExports(ctx, exps, rewrite.Options{AliasHosts: c.AliasHosts}, convert.Options{}, prog.increment)
	prog.finish()
	if err != nil {
		return nil, 0, err
	}
	if sv.index == nil {
		return nil, 0, fmt.Errorf("read export: %s: holds no WordPress export", exps[0].name)
	}
	unreadable := 0
	for i := range sv.plans.len() {
		if p, _ := sv.plans.at(i); p.Type == "" { // the planner always sets Type; an unreadable entry keeps the zero Plan
			unreadable++
		}
	}
	return oldURLs(sv.index.OldURLs()), unreadable, nil
}

// oldURLs turns the index's old URLs into check's.
func oldURLs(in []rewrite.OldURL) []check.OldURL {
	out := make([]check.OldURL, len(in))
	for i, u := range in {
		out[i] = check.OldURL{Path: u.Path, Class: check.Class(u.Class), ItemID: u.ID, Type: u.Type, Title: u.Title}
	}
	return out
}

// checkDir runs a mode that reads a folder, which must exist.
func checkDir(ctx context.Context, dir string, urls []check.OldURL, opts check.Options,
	mode func(context.Context, fs.FS, []check.OldURL, check.Options) (*check.Result, error),
) (*check.Result, error) {
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a folder")
	}
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", dir, err)
	}
	return mode(ctx, os.DirFS(dir), urls, opts)
}

// writeCheck prints the result on stdout as text, JSON or CSV.
func writeCheck(env *environment, c checkConfig, res *check.Result) error {
	switch {
	case c.JSON:
		return res.WriteJSON(env.stdout)
	case c.CSV:
		return res.WriteCSV(env.stdout)
	}
	return res.WriteText(env.stdout)
}

// requiredCounts counts the missing URLs of the required classes, and all
// their URLs.
func requiredCounts(res *check.Result) (missing, total int) {
	for _, s := range res.Summary {
		if slices.Contains(res.Require, s.Class) {
			missing += s.Missing
			total += s.Total
		}
	}
	return missing, total
}

// checked moves the live check's bar: done of total paths requested. The
// bar starts with the first call, when total is known. check calls it from
// one goroutine at a time.
func (pr *progress) checked(done, total int) {
	if pr.p == nil {
		return
	}
	if pr.bar == nil {
		pr.bar = pr.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("checking "), decor.CountersNoUnit("%d/%d")),
			mpb.AppendDecorators(decor.Percentage(decor.WC{W: 5}), decor.Name(" "), decor.AverageSpeed(0, "%.0f URLs/s")),
		)
	}
	pr.bar.SetCurrent(int64(done))
}
