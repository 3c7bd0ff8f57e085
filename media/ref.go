package media

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Ref is one use of a media file: the URL a post (or the export) gives and
// the path the file has on the new site.
type Ref struct {
	// URL is the absolute URL the file was served at.
	URL string
	// Dest is the file's path on the new site, percent-encoded as links
	// write it ("/wp-content/uploads/2012/02/x.jpg").
	Dest string
	// Users name what uses the file (content files, "attachment 12").
	Users []string
}

// job is one file to bring: its path and where to get it.
type job struct {
	dest     string   // path on the new site
	name     string   // output file name, decoded, below the prefix
	sources  []string // URLs to try, in order
	users    []string
	hasUser  map[string]bool // users, for merging the users of several refs
	original string          // dest of the original to prefer, when dest is a thumbnail
	implicit bool            // an original no post names: a failure is only a fallback
}

// sizeRE matches the "-300x200" suffixes of WordPress's resized copies,
// before the extension.
var sizeRE = regexp.MustCompile(`(?:-\d{1,5}x\d{1,5})+(\.[A-Za-z0-9]+)$`)

// originalName returns the name without its size suffix, or "".
func originalName(name string) string {
	if !sizeRE.MatchString(name) {
		return ""
	}
	return sizeRE.ReplaceAllString(name, "$1")
}

// photonRE matches Jetpack's image CDN: i0.wp.com/HOST/PATH.
var photonRE = regexp.MustCompile(`^i[0-3]\.wp\.com$`)

// sourceURL is the URL to request for a media URL: absolute with a scheme,
// without a fragment or a resize query ("?w=640"), and with Jetpack's image
// CDN replaced by the host it copies from. "" when raw is not usable.
func sourceURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "//") {
		raw = "https:" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment, u.RawQuery, u.ForceQuery = "", "", "", false
	if photonRE.MatchString(strings.ToLower(u.Hostname())) {
		p := strings.TrimPrefix(u.EscapedPath(), "/")
		host, rest, ok := strings.Cut(p, "/")
		if !ok || host == "" {
			return ""
		}
		return sourceURL("https://" + host + "/" + rest)
	}
	return u.String()
}

// outName is the file name a dest is written under, below the prefix: the
// decoded path without its leading slash. "" when it is not a safe path.
func outName(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	d, err := url.PathUnescape(dest)
	if err != nil {
		d = dest
	}
	d = strings.TrimLeft(d, "/")
	if d == "" || strings.ContainsAny(d, "\x00\\") || path.Clean(d) != d || strings.HasPrefix(d, "../") || d == ".." {
		return ""
	}
	return d
}

// withName replaces the last path segment of a URL or path.
func withName(u, name string) string {
	return u[:strings.LastIndexByte(u, '/')+1] + name
}

// plan groups refs into jobs, one per dest in first-seen order, and adds
// the originals of thumbnails no ref names. bad lists the refs that cannot
// be placed.
func plan(refs []Ref) (jobs []*job, bad []Ref) {
	byDest := map[string]*job{}
	for _, r := range refs {
		src, name := sourceURL(r.URL), outName(r.Dest)
		if src == "" || name == "" {
			bad = append(bad, r)
			continue
		}
		j := byDest[name]
		if j == nil {
			j = &job{dest: r.Dest, name: name}
			byDest[name] = j
			jobs = append(jobs, j)
		}
		if !slices.Contains(j.sources, src) {
			j.sources = append(j.sources, src)
		}
		j.addUsers(r.Users)
	}
	for _, j := range jobs {
		sortSources(j)
	}
	for _, j := range slices.Clone(jobs) {
		o := originalName(path.Base(j.name))
		if o == "" {
			continue
		}
		oname := withName(j.name, o)
		oj := byDest[oname]
		if oj == nil {
			oj = &job{dest: withName(j.dest, url.PathEscape(o)), name: oname, implicit: true}
			byDest[oname] = oj
			jobs = append(jobs, oj)
		}
		if oj.implicit {
			for _, s := range j.sources {
				if alt := withName(s, url.PathEscape(o)); !slices.Contains(oj.sources, alt) {
					oj.sources = append(oj.sources, alt)
				}
			}
		}
		j.original = oj.dest
	}
	return jobs, bad
}

// addUsers adds the users not listed yet, in order. A file the whole site
// uses has a user per page: a set keeps merging linear.
func (j *job) addUsers(users []string) {
	if j.hasUser == nil {
		j.hasUser = make(map[string]bool, len(users))
	}
	for _, u := range users {
		if !j.hasUser[u] {
			j.hasUser[u] = true
			j.users = append(j.users, u)
		}
	}
}

// sortSources puts the URLs whose file name is the dest's first: the file
// itself before a size variant the index led to it.
func sortSources(j *job) {
	want := path.Base(j.name)
	slices.SortStableFunc(j.sources, func(a, b string) int {
		return rank(a, want) - rank(b, want)
	})
}

func rank(u, name string) int {
	p, err := url.Parse(u)
	if err == nil && path.Base(p.Path) == name {
		return 0
	}
	return 1
}
