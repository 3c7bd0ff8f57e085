package check

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// Site checks the old URLs against a Hugo source tree: the URLs its content
// files will be served at (front matter url, aliases and slug, hugo.toml
// permalinks), taxonomy and section pages with their feeds, files under
// static/ and page bundles (disableKinds honoured), and the redirect rules
// in static/_redirects with netlify.toml, static/.htaccess and any nginx
// *.conf holding a map over $request_uri or $uri.
//
// A URL with a query (/?p=12) needs a rule that matches its query: a static
// host would answer the bare path with the wrong page. Redirects are
// followed (within one file format) up to Options.MaxRedirects; a target on
// another host than baseURL's and Options.Hosts is missing. A URL is
// covered when any format covers it, and a format that misses URLs another
// covers is named in a warning.
//
// Drafts, headless pages and pages never rendered serve nothing. A baseURL
// with a path ("https://example.com/blog/") puts every page, alias and
// static file under that path, as Hugo does.
func Site(ctx context.Context, fsys fs.FS, urls []OldURL, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	cfg, cfgWarn := readHugoConfig(fsys)
	r := newResolver(append([]string{cfg.host}, opts.Hosts...), opts.MaxRedirects)
	r.prefix = cfg.basePath
	warns, err := serveContent(fsys, cfg, r)
	if err != nil {
		return nil, fmt.Errorf("check site: %w", err)
	}
	if err := serveFiles(fsys, cfg.staticDir, r); err != nil {
		return nil, fmt.Errorf("check site: %w", err)
	}
	files := []ruleFile{
		{name: path.Join(cfg.staticDir, "_redirects"), format: "netlify"},
		{name: "netlify.toml", format: "netlify"},
		{name: path.Join(cfg.staticDir, ".htaccess"), format: "apache"},
	}
	w, err := loadRules(fsys, r, files, opts, []string{"public", "resources", "node_modules", "themes", cfg.contentDir, ".git"})
	if err != nil {
		return nil, fmt.Errorf("check site: %w", err)
	}
	res, err := judge(ctx, "site", r, urls, opts)
	if err != nil {
		return nil, fmt.Errorf("check site: %w", err)
	}
	var head []string
	if cfgWarn != nil {
		head = append(head, cfgWarn.Error())
	}
	res.Warnings = append(append(append(head, warns...), w...), res.Warnings...)
	return res, nil
}

// contentExts are the content file extensions read for front matter.
var contentExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".html": true, ".htm": true}

// serveContent records the URL of every published content file, its
// aliases, its taxonomy terms, sections, feeds and bundle resources.
func serveContent(fsys fs.FS, cfg hugoConfig, r *resolver) ([]string, error) {
	var warns, resources []string
	bundles := map[string]string{} // leaf bundle dir -> page URL
	terms := map[string]bool{}     // "/categories/x/"
	if cfg.on("home") {
		r.serve("/", "home")
	}
	if cfg.on("home") && cfg.on("rss") {
		r.serve("/index.xml", "home feed")
	}
	if cfg.on("sitemap") {
		r.serve("/sitemap.xml", "sitemap")
	}
	err := fs.WalkDir(fsys, cfg.contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, cfg.contentDir+"/")
		if !contentExts[path.Ext(p)] {
			resources = append(resources, rel)
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fm, err := readFrontMatter(b)
		if err != nil {
			warns = append(warns, p+": "+err.Error())
		}
		if fm.unpublished || !cfg.on(kindOf(rel)) {
			return nil
		}
		u, w := servePage(r, cfg, rel, fm)
		if w != "" {
			warns = append(warns, p+": "+w)
		}
		if strings.TrimSuffix(path.Base(rel), path.Ext(rel)) == "index" {
			bundles[path.Dir(rel)] = u
		}
		for sing, plural := range cfg.taxonomies {
			for _, t := range fm.fields[plural] {
				terms[termURL(cfg, sing, plural, t)] = true
			}
		}
		return nil
	})
	if err != nil {
		return warns, fmt.Errorf("read content: %w", err)
	}
	for t := range terms {
		serveList(r, cfg, "term", t)
	}
	for _, plural := range cfg.taxonomies {
		serveList(r, cfg, "taxonomy", cfg.finish("/"+plural+"/"))
	}
	serveResources(r, bundles, resources)
	return warns, nil
}

// servePage records one content file's URL and aliases and returns its URL.
func servePage(r *resolver, cfg hugoConfig, rel string, fm frontMatter) (string, string) {
	dir, file := path.Split(rel)
	dir = strings.Trim(dir, "/")
	name := strings.TrimSuffix(file, path.Ext(file))
	var u, warn string
	switch {
	case fm.url != "":
		u = "/" + strings.TrimPrefix(fm.url, "/")
	case name == "_index":
		u = cfg.finish("/" + dir + "/")
		if dir == "" {
			u = "/"
		}
	default:
		u, warn = pageURL(cfg, dir, name, fm)
	}
	r.serve(u, "page "+rel)
	if hasEscape(fm.url) {
		warn = addWarn(warn, fmt.Sprintf("url %q holds percent-escapes, which Hugo writes literally: a server finds the page at %s; write the decoded form", fm.url, (&url.URL{Path: fm.url}).EscapedPath()))
	}
	if dir != "" { // Hugo lists every top-level directory as a section
		serveList(r, cfg, "section", cfg.finish("/"+strings.Split(dir, "/")[0]+"/"))
	}
	if name == "_index" && cfg.on("rss") {
		r.serve(strings.TrimSuffix(u, "/")+"/index.xml", "feed")
	}
	for _, a := range fm.aliases {
		if strings.Contains(a, "?") {
			warn = addWarn(warn, "alias "+a+" has a query: Hugo cannot serve it")
			continue
		}
		if !strings.HasPrefix(a, "/") {
			a = path.Join(path.Dir(strings.TrimSuffix(u, "/")), a)
		}
		if hasEscape(a) {
			warn = addWarn(warn, fmt.Sprintf("alias %q holds percent-escapes, which Hugo writes literally; write the decoded form", a))
		}
		r.serve(a, "alias of "+rel)
	}
	return u, warn
}

// pageURL is the URL Hugo gives a regular page without front matter url.
func pageURL(cfg hugoConfig, dir, name string, fm frontMatter) (string, string) {
	if name == "index" { // leaf bundle: the directory names the page
		dir, name = path.Split(dir)
		dir = strings.Trim(dir, "/")
	}
	var sections []string
	if dir != "" {
		sections = strings.Split(dir, "/")
	}
	section := ""
	if len(sections) > 0 {
		section = sections[0]
	}
	if pat := cfg.pattern("page", section); pat != "" && section != "" {
		p := pageInfo{sections: sections, name: name, title: fm.title, slug: fm.slug, date: fm.date}
		u, ok := expandPermalink(pat, p)
		if !ok {
			return cfg.finish(u), fmt.Sprintf("permalink %q has a token this check does not know", pat)
		}
		return cfg.finish(u), ""
	}
	if fm.slug != "" {
		name = fm.slug
	}
	return cfg.finish(path.Join("/", dir, name) + "/"), ""
}

// termURL is the URL of a taxonomy term page.
func termURL(cfg hugoConfig, singular, plural, term string) string {
	if pat := cfg.pattern("term", plural); pat != "" {
		u, _ := expandPermalink(pat, pageInfo{sections: []string{plural}, name: urlize(term), title: term})
		return cfg.finish(u)
	}
	return cfg.finish("/" + plural + "/" + urlize(term) + "/")
}

// serveResources records the files of leaf bundles under their page's URL.
func serveResources(r *resolver, bundles map[string]string, files []string) {
	for _, f := range files {
		for dir := path.Dir(f); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if u, ok := bundles[dir]; ok {
				r.serve(strings.TrimSuffix(u, "/")+"/"+strings.TrimPrefix(f, dir+"/"), "bundle resource")
				break
			}
		}
	}
}

// serveFiles records every file under root as served at its path, and a
// directory holding index.html at the directory's path.
func serveFiles(fsys fs.FS, root string, r *resolver) error {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := "/" + p
		if root != "." {
			rel = "/" + strings.TrimPrefix(p, root+"/")
		}
		r.serve(rel, "file "+p)
		if path.Base(rel) == "index.html" {
			r.serve(path.Dir(rel), "file "+p)
		}
		return nil
	})
	if err != nil && !isNotExist(err) {
		return fmt.Errorf("read %s: %w", root, err)
	}
	return nil
}

// serveList records a list page of the kind and its feed, unless Hugo is
// told not to render them.
func serveList(r *resolver, cfg hugoConfig, kind, u string) {
	if !cfg.on(kind) {
		return
	}
	r.serve(u, kind)
	if cfg.on("rss") {
		r.serve(strings.TrimSuffix(u, "/")+"/index.xml", kind+" feed")
	}
}

// kindOf is the Hugo page kind of a content file: "page" for regular
// pages and bundles, "home" or "section" for _index files (terms and
// taxonomies with _index files count as sections here).
func kindOf(rel string) string {
	file := path.Base(rel)
	if strings.TrimSuffix(file, path.Ext(file)) != "_index" {
		return "page"
	}
	if path.Dir(rel) == "." {
		return "home"
	}
	return "section"
}

// hasEscape reports whether s holds a %XX escape.
func hasEscape(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' && isHex(s[i+1]) && isHex(s[i+2]) {
			return true
		}
	}
	return false
}

// addWarn joins warnings about one file.
func addWarn(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
