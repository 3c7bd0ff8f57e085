package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// ruleFile is a redirect file at a known place.
type ruleFile struct {
	name   string
	format string // "netlify", "apache"
}

// loadRules reads the redirect files that exist, then every *.conf outside
// the skipped top-level directories that holds an nginx map over the request
// URI, and adds their rules to r. Netlify rules from _redirects and
// netlify.toml form one set, in that order, as Netlify applies them.
// Missing files are no error.
func loadRules(fsys fs.FS, r *resolver, files []ruleFile, opts Options, skip []string) ([]string, error) {
	var warns []string
	var netlify []netlifyRule
	sawNetlify := false
	for _, f := range files {
		if !opts.format(f.format) {
			continue
		}
		b, err := fs.ReadFile(fsys, f.name)
		if isNotExist(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.name, err)
		}
		var w []string
		switch {
		case f.format == "apache":
			var set ruleSet
			set, w = parseApache(f.name, string(b))
			r.sets = append(r.sets, set)
		case path.Ext(f.name) == ".toml":
			var rules []netlifyRule
			rules, w = netlifyTOMLRules(f.name, string(b))
			netlify, sawNetlify = append(netlify, rules...), true
		default:
			var rules []netlifyRule
			rules, w = netlifyRules(f.name, string(b))
			netlify, sawNetlify = append(netlify, rules...), true
		}
		warns = append(warns, w...)
	}
	if sawNetlify { // first, so that reasons name the default format
		r.sets = append([]ruleSet{newNetlifySet(netlify)}, r.sets...)
	}
	if !opts.format("nginx") {
		return warns, nil
	}
	w, err := loadNginx(fsys, r, skip)
	return append(warns, w...), err
}

// loadNginx adds the maps of every nginx *.conf outside the skipped
// top-level directories.
func loadNginx(fsys fs.FS, r *resolver, skip []string) ([]string, error) {
	confs, err := nginxConfs(fsys, skip)
	if err != nil {
		return nil, err
	}
	var warns []string
	for _, name := range confs {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if !isNginxMap(string(b)) {
			continue
		}
		set, w := parseNginx(name, string(b))
		r.sets = append(r.sets, set)
		warns = append(warns, w...)
	}
	return warns, nil
}

// nginxConfs lists the *.conf files, skipping the named top-level
// directories.
func nginxConfs(fsys fs.FS, skip []string) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && !strings.Contains(p, "/") {
			for _, s := range skip {
				if p == s {
					return fs.SkipDir
				}
			}
		}
		if !d.IsDir() && path.Ext(p) == ".conf" {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find nginx maps: %w", err)
	}
	return out, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// judge checks every URL against the resolver and builds the result.
func judge(ctx context.Context, mode string, r *resolver, urls []OldURL, opts Options) (*Result, error) {
	reasons := make([]string, len(urls))
	for i, u := range urls {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		reasons[i] = r.check(u.Path)
		if opts.Progress != nil {
			opts.Progress(i+1, len(urls))
		}
	}
	res := newResult(mode, urls, reasons, opts)
	res.Warnings = r.gapWarnings()
	return res, nil
}
