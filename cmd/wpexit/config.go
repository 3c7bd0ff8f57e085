package main

import (
	"context"
	"runtime"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"
)

// inspectConfig is what `wpexit inspect` was asked to do.
type inspectConfig struct {
	Inputs []string // export files; "-" is stdin
	JSON   bool     // print JSON instead of text
}

// convertConfig is what `wpexit convert` was asked to do.
type convertConfig struct {
	Inputs            []string // export files; "-" is stdin
	Out               string   // output folder (the Hugo site)
	Jobs              int      // converter workers; 0 means runtime.NumCPU()
	IncludePrivate    bool     // write private items as drafts
	IncludeProtected  bool     // write password-protected items as drafts
	LinkStyle         string   // "inline" or "referenced"
	AliasHosts        []string // other hosts the site was known by
	Redirects         []string // redirect formats: netlify, nginx, apache, none
	Force             bool     // replace files changed since wpexit wrote them
	DryRun            bool     // write nothing, report what would happen
	Report            string   // JSON-lines report file; "" for none, "-" for stdout
	Progress          string   // "auto", "always" or "never"
	Quiet             bool     // no summary unless something went wrong, no progress bar unless --progress always
	NoPingbacks       bool     // leave pingbacks and trackbacks out of the comment data
	IncludeUnapproved bool     // write pending comments too, marked approved: false
	Archive           bool     // write archive/items.jsonl (archive.go)
	ArchivePrivate    bool     // the archive keeps private data too (never passwords, e-mails, IPs)
	OutEach           string   // batch: each export to its own site under this folder (batch.go)

	Media mediaConfig // media files: --media, --uploads, --media-* (media.go)
}

// redirectFormats are the --redirects values.
var redirectFormats = []string{"netlify", "nginx", "apache", "none"}

// validate checks what the flags cannot check one by one.
func (c *convertConfig) validate() error {
	if err := validateInputs(c.Inputs); err != nil {
		return err
	}
	if err := validateBatch(c); err != nil { // batch.go
		return err
	}
	if err := c.Media.validate(); err != nil { // media.go
		return err
	}
	if c.Out == "" && c.OutEach == "" {
		return usagef("convert needs --out DIR (or --out-each DIR)")
	}
	if c.Jobs <= 0 {
		c.Jobs = runtime.NumCPU()
	}
	if c.LinkStyle != "inline" && c.LinkStyle != "referenced" {
		return usagef("--link-style must be inline or referenced, not %q", c.LinkStyle)
	}
	if c.Progress != "auto" && c.Progress != "always" && c.Progress != "never" {
		return usagef("--progress must be auto, always or never, not %q", c.Progress)
	}
	if c.Quiet && c.Progress == "auto" {
		c.Progress = "never" // -q silences chatter; --progress always still draws
	}
	for _, r := range c.Redirects {
		if !slices.Contains(redirectFormats, r) {
			return usagef("--redirects takes %s, not %q", strings.Join(redirectFormats, ","), r)
		}
	}
	return nil
}

// validateInputs checks the EXPORT arguments.
func validateInputs(in []string) error {
	if len(in) == 0 {
		return usagef("missing EXPORT argument (a WordPress export file, or - for stdin)")
	}
	if countOf(in, "-") > 1 {
		return usagef("stdin (-) can be read only once")
	}
	return nil
}

// newApp builds the command line. Actions receive their validated Config.
func newApp(env *environment) *cli.Command {
	return &cli.Command{
		Name:            "wpexit",
		Usage:           "take a blog out of WordPress: inspect an export, convert it to a Hugo site",
		HideVersion:     true,
		HideHelpCommand: true,
		Writer:          env.stdout,
		ErrWriter:       env.stderr,
		Reader:          env.stdin,
		ExitErrHandler:  func(context.Context, *cli.Command, error) {},
		OnUsageError:    onUsageError,
		Commands:        []*cli.Command{inspectCommand(env), convertCommand(env), checkCommand(env), verifyCommand(env)},
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return usagef("unknown command %q (try wpexit --help)", cmd.Args().First())
			}
			return usagef("missing command: inspect, convert, check or verify (try wpexit --help)")
		},
	}
}

// onUsageError turns the library's flag errors into usage errors (exit 2).
func onUsageError(_ context.Context, _ *cli.Command, err error, _ bool) error {
	return &usageError{err}
}

func inspectCommand(env *environment) *cli.Command {
	var c inspectConfig
	return &cli.Command{
		Name:         "inspect",
		Usage:        "show what is in a WordPress export, before converting it",
		ArgsUsage:    "EXPORT...",
		OnUsageError: onUsageError,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of text", Destination: &c.JSON},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			c.Inputs = cmd.Args().Slice()
			if err := validateInputs(c.Inputs); err != nil {
				return err
			}
			return runInspect(ctx, env, c)
		},
	}
}

func convertCommand(env *environment) *cli.Command {
	var c convertConfig
	return &cli.Command{
		Name:         "convert",
		Usage:        "convert a WordPress export to a Hugo site",
		ArgsUsage:    "EXPORT... --out DIR",
		OnUsageError: onUsageError,
		Flags:        convertFlags(&c),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			c.Inputs = cmd.Args().Slice()
			if err := c.validate(); err != nil {
				return err
			}
			if c.OutEach != "" {
				return runBatch(ctx, env, c)
			}
			return runConvert(ctx, env, c)
		},
	}
}

func convertFlags(c *convertConfig) []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the Hugo site to `DIR` (created when missing)", Destination: &c.Out},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "convert `N` items at once", Destination: &c.Jobs},
		&cli.BoolFlag{Name: "include-private", Usage: "write private posts as drafts instead of skipping them", Destination: &c.IncludePrivate},
		&cli.BoolFlag{Name: "include-protected", Usage: "write password-protected posts as drafts (never the password)", Destination: &c.IncludeProtected},
		&cli.StringFlag{Name: "link-style", Value: "inline", Usage: "write external links in `STYLE` inline or referenced (links between posts are always references)", Destination: &c.LinkStyle},
		&cli.StringSliceFlag{Name: "alias-host", Usage: "another `HOST` the site was known by (repeatable)", Destination: &c.AliasHosts},
		&cli.StringSliceFlag{Name: "redirects", Value: []string{"netlify"}, Usage: "write redirect files in `FORMATS` netlify, nginx, apache, none (comma-separated)", Destination: &c.Redirects},
		&cli.BoolFlag{Name: "force", Usage: "replace files even when they changed since wpexit wrote them", Destination: &c.Force},
		&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "write nothing; report what would be written", Destination: &c.DryRun},
		&cli.StringFlag{Name: "report", Usage: "write one JSON line per item to `FILE` (- for stdout)", Destination: &c.Report},
		&cli.StringFlag{Name: "progress", Value: "auto", Usage: "show a progress bar on stderr `WHEN` auto (when stderr is a terminal), always, never", Destination: &c.Progress},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print the summary only when something went wrong", Destination: &c.Quiet},
		&cli.BoolFlag{Name: "no-pingbacks", Usage: "leave pingbacks and trackbacks out of the comments", Destination: &c.NoPingbacks},
		&cli.BoolFlag{Name: "include-unapproved", Usage: "write pending comments too, marked approved: false (never e-mails or IPs)", Destination: &c.IncludeUnapproved},
		&cli.BoolFlag{Name: "archive", Usage: "also write archive/items.jsonl: every item with every field read (no passwords, e-mails, IPs)", Destination: &c.Archive},
		&cli.BoolFlag{Name: "archive-private", Usage: "the archive keeps private and protected items' content and unapproved comments", Destination: &c.ArchivePrivate},
		&cli.StringFlag{Name: "out-each", Usage: "convert each EXPORT to its own site DIR/NAME, in parallel", Destination: &c.OutEach},
	}, mediaFlags(&c.Media)...)
}

// countOf counts the elements of s equal to v.
func countOf(s []string, v string) int {
	n := 0
	for _, x := range s {
		if x == v {
			n++
		}
	}
	return n
}
