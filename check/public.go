package check

import (
	"context"
	"fmt"
	"io/fs"
)

// Public checks the old URLs against a built site (Hugo's public/): each
// must be a file, or a directory with index.html (Hugo's alias pages
// included), or be covered by a redirect rule shipped with the site:
// _redirects, .htaccess, or an nginx *.conf map. Redirect targets naming a
// host count as this site only when the host is in Options.Hosts.
func Public(ctx context.Context, fsys fs.FS, urls []OldURL, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	r := newResolver(opts.Hosts, opts.MaxRedirects)
	if err := serveFiles(fsys, ".", r); err != nil {
		return nil, fmt.Errorf("check public: %w", err)
	}
	files := []ruleFile{{name: "_redirects", format: "netlify"}, {name: ".htaccess", format: "apache"}}
	warns, err := loadRules(fsys, r, files, opts, nil)
	if err != nil {
		return nil, fmt.Errorf("check public: %w", err)
	}
	res, err := judge(ctx, "public", r, urls, opts)
	if err != nil {
		return nil, fmt.Errorf("check public: %w", err)
	}
	res.Warnings = warns
	return res, nil
}
