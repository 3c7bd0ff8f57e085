package main

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/media"
)

// bundles is where --bundles puts media files. Every page is a leaf bundle
// (content/posts/X/index.md, convert.Options.Bundles); a file that exactly
// one published page uses (with its thumbnails and their original) goes into
// that page's folder, and everything else to static/ at its old path as
// without --bundles: files several pages share, files a reusable block
// uses, files no page uses (featured images and attachments alone), and
// files whose name a bundle cannot hold.
type bundles struct {
	files map[string]bundleFile // dest, as refs give it → its place in a bundle
	names map[string]string     // output name below static/ → output name in the bundle
}

// bundleFile is one media file inside a page bundle.
type bundleFile struct {
	page string // the page's old URL path, decoded (its url front matter)
	rel  string // the link from the page itself: the file name, percent-encoded
	abs  string // the link from anywhere else: the page's URL and the file name
}

// bundleGroup is a file with its thumbnails: they all go to one place.
type bundleGroup struct {
	dests   []string
	pages   []string // content files that use any of them
	blocked bool     // used by something that is shown on other pages (a reusable block)
}

// thumbRE matches the "-300x200" suffixes of WordPress's resized copies, as
// the media step recognises them (it adds their originals).
var thumbRE = regexp.MustCompile(`(?:-\d{1,5}x\d{1,5})+(\.[A-Za-z0-9]+)$`)

// contentExts are extensions Hugo reads as content: such a file in a bundle
// would become a page.
var contentExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".html": true, ".htm": true,
	".org": true, ".adoc": true, ".asciidoc": true, ".ad": true, ".pandoc": true, ".pdc": true, ".rst": true}

// planBundles decides, from the first pass's notes of who uses each file,
// which files go into a page bundle, and records each move in the index so
// the redirect files send the old URL to the file's new place.
func planBundles(sv *survey, refs []media.Ref) *bundles {
	b := &bundles{files: map[string]bundleFile{}, names: map[string]string{}}
	groups, order := groupRefs(refs)
	pages := map[string]convert.Plan{}
	for _, key := range order {
		if g := groups[key]; len(g.pages) == 1 && !g.blocked {
			pages[strings.TrimPrefix(g.pages[0], "content/")] = convert.Plan{}
		}
	}
	for i := range sv.plans.len() {
		if p, ok := sv.plans.at(i); ok && p.Skip == "" {
			if _, want := pages[p.Path]; want {
				pages[p.Path] = p
			}
		}
	}
	taken := map[string]bool{} // bundle folder + folded file name
	for _, key := range order {
		g := groups[key]
		if len(g.pages) != 1 || g.blocked {
			continue
		}
		p := pages[strings.TrimPrefix(g.pages[0], "content/")]
		dir, ok := strings.CutSuffix(p.Path, "/index.md")
		if !ok || p.Draft || p.URL == "" || !strings.HasSuffix(p.URL, "/") {
			continue // not a bundle, or not published at a folder URL
		}
		if !b.fits(dir, g.dests, taken) {
			continue
		}
		for _, d := range g.dests {
			name := decodedPath(d)
			base := path.Base(name)
			taken[dir+"/"+strings.ToLower(base)] = true
			b.names[path.Join("static", name)] = path.Join("content", dir, base)
			b.files[d] = bundleFile{page: p.URL, rel: url.PathEscape(base),
				abs: (&url.URL{Path: p.URL + base}).EscapedPath()}
			if !strings.HasPrefix(d, "/media/") { // not on the old site: nothing to redirect
				sv.index.Move("/"+name, p.URL+base)
			}
		}
	}
	return b
}

// fits reports whether every file of a group can go into the bundle dir:
// a safe name, not one Hugo reads as content, not taken by another file.
func (b *bundles) fits(dir string, dests []string, taken map[string]bool) bool {
	for _, d := range dests {
		name := decodedPath(d)
		base := path.Base(name)
		if name == "" || base == "." || base == "/" || contentExts[strings.ToLower(path.Ext(base))] ||
			strings.HasPrefix(base, "_") || taken[dir+"/"+strings.ToLower(base)] {
			return false
		}
	}
	return true
}

// groupRefs groups the refs by the original their dest is a thumbnail of
// (or by their dest), in first-use order; each group holds the original
// too, which the media step may save in a thumbnail's place.
func groupRefs(refs []media.Ref) (map[string]*bundleGroup, []string) {
	groups := map[string]*bundleGroup{}
	var order []string
	for _, r := range refs {
		d, _, _ := strings.Cut(r.Dest, "#")
		d, _, _ = strings.Cut(d, "?")
		if d == "" {
			continue
		}
		key := d
		if dir, name := path.Split(d); thumbRE.MatchString(name) {
			key = dir + thumbRE.ReplaceAllString(name, "$1")
		}
		g := groups[key]
		if g == nil {
			g = &bundleGroup{dests: []string{key}}
			groups[key] = g
			order = append(order, key)
		}
		if !slices.Contains(g.dests, d) {
			g.dests = append(g.dests, d)
		}
		for _, u := range r.Users {
			switch {
			case strings.HasPrefix(u, "content/"):
				if !slices.Contains(g.pages, u) {
					g.pages = append(g.pages, u)
				}
			case strings.HasPrefix(u, "block "):
				g.blocked = true
			}
		}
	}
	return groups, order
}

// decodedPath is a dest as a file name: decoded, without its leading slash
// ("" when it does not decode).
func decodedPath(dest string) string {
	d, err := url.PathUnescape(dest)
	if err != nil {
		return ""
	}
	d = strings.TrimLeft(d, "/")
	if d == "" || path.Clean(d) != d || strings.HasPrefix(d, "../") || strings.ContainsAny(d, "\x00\\") {
		return ""
	}
	return d
}

// outName is where a media output name goes: into a bundle, or unchanged.
func (b *bundles) outName(name string) string {
	if b != nil {
		if n, ok := b.names[name]; ok {
			return n
		}
	}
	return name
}

// links wraps convert's two mappers so that a link to a file in a bundle
// is its bare name on the page that owns it (Hugo publishes a bundle's files
// next to the page) and the file's new URL everywhere else (another page,
// a comment, front matter). Without bundles they are returned unchanged.
func (b *bundles) links(link func(string) convert.Link, from func(base, raw string) convert.Link) (func(string) convert.Link, func(base, raw string) convert.Link) {
	if b == nil || len(b.files) == 0 {
		return link, from
	}
	newLink := func(raw string) convert.Link { return b.place(link(raw), "") }
	newFrom := func(base, raw string) convert.Link { return b.place(from(base, raw), base) }
	if from == nil {
		newFrom = nil
	}
	return newLink, newFrom
}

// place rewrites a media link into a bundle; base is the permalink of the
// page the link is on, "" when unknown.
func (b *bundles) place(l convert.Link, base string) convert.Link {
	if l.Kind != convert.LinkMedia {
		return l
	}
	d, frag, hasFrag := strings.Cut(l.Dest, "#")
	f, ok := b.files[d]
	if !ok {
		return l
	}
	l.Dest = f.abs
	if base != "" && pagePath(base) == f.page {
		l.Dest = f.rel
	}
	if hasFrag {
		l.Dest += "#" + frag
	}
	return l
}

// pagePath is the decoded path of a permalink, as the planner keeps it in
// Plan.URL for the usual permalinks; "" when it is not a URL.
func pagePath(base string) string {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return ""
	}
	return u.Path
}
