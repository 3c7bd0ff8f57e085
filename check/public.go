package check

import (
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
)

// Public checks the old URLs against a built site (Hugo's public/): each
// must be a file, or a directory with index.html (Hugo's alias pages
// included), or be covered by a redirect rule shipped with the site:
// _redirects, .htaccess, or an nginx *.conf map (a URL with a query needs
// such a rule, as in [Site]). Redirect targets naming a
// host count as this site when the host is in Options.Hosts or is the home
// feed's host. Files are served under Options.BasePath, or the home feed's
// path (a Hugo baseURL of "https://example.com/blog/" builds files that
// are served under /blog/).
func Public(ctx context.Context, fsys fs.FS, urls []OldURL, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	if _, err := fs.Stat(fsys, "."); err != nil {
		return nil, fmt.Errorf("check public: %w", err)
	}
	r := newResolver(opts.Hosts, opts.MaxRedirects)
	r.prefix = strings.TrimSuffix(opts.BasePath, "/")
	if opts.BasePath == "" {
		if home, ok := feedHome(fsys); ok {
			r.prefix = strings.TrimSuffix(home.Path, "/")
			r.addHost(home.Hostname())
		}
	}
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
	res.Warnings = append(warns, res.Warnings...)
	return res, nil
}

// feedLink finds the channel <link> of an RSS feed.
var feedLink = regexp.MustCompile(`(?s)<channel>.*?<link>\s*([^<\s]+)\s*</link>`)

// feedHome reads the home URL from the built site's index.xml.
func feedHome(fsys fs.FS) (*url.URL, bool) {
	f, err := fsys.Open("index.xml")
	if err != nil {
		return nil, false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	m := feedLink.FindSubmatch(head[:n])
	if m == nil {
		return nil, false
	}
	u, err := url.Parse(html.UnescapeString(string(m[1])))
	if err != nil || u.Host == "" {
		return nil, false
	}
	return u, true
}
