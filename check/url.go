package check

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Class groups old URLs for the summary and for Options.Require.
type Class string

// The URL classes, in report order.
const (
	Posts      Class = "posts"
	Pages      Class = "pages"
	Media      Class = "media"
	Archives   Class = "archives"
	Feeds      Class = "feeds"
	Shortlinks Class = "shortlinks"
	Home       Class = "home" // the home page, as package rewrite lists it
)

// Classes lists every known class in report order.
func Classes() []Class { return []Class{Posts, Pages, Media, Archives, Feeds, Shortlinks, Home} }

// ParseClasses reads a comma-separated class list such as "posts,pages" (the
// --require flag). "all" stands for every class and "none" for no class (an
// empty, non-nil list); singular forms ("post", "shortlink") are accepted.
// An empty string gives nil: the default.
func ParseClasses(s string) ([]Class, error) {
	var out []Class
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		switch f {
		case "all":
			return Classes(), nil
		case "none":
			return []Class{}, nil
		}
		c, ok := classByName(f)
		if !ok {
			return nil, &ClassError{Name: f}
		}
		out = append(out, c)
	}
	return out, nil
}

func classByName(name string) (Class, bool) {
	for _, c := range Classes() {
		if name == string(c) || name+"s" == string(c) {
			return c, true
		}
	}
	if name == "short-links" || name == "short links" {
		return Shortlinks, true
	}
	return "", false
}

// ClassError reports an unknown class name.
type ClassError struct {
	Name string // the name as given, lower-cased
}

func (e *ClassError) Error() string {
	return "unknown url class " + `"` + e.Name + `"` + " (want posts, pages, media, archives, feeds, shortlinks, home, all or none)"
}

// OldURL is one URL the old site served.
type OldURL struct {
	// Path is the path and query as the old site served it, without scheme
	// and host: "/2012/02/x/", "/?p=12", "/%e4%b8%ad/" or "/中/".
	Path string `json:"path"`
	// Class is what kind of URL it is; empty counts as Posts, singular
	// names ("post", "shortlink") as their plural. Other names ("home") are
	// counted in a row of their own.
	Class Class `json:"class"`
	// ItemID is the WordPress id of the item behind the URL; 0 for
	// site-level URLs (feeds, archives).
	ItemID int64 `json:"item_id,omitempty"`
	// Type is the item's post type ("post", "page", "attachment") or the
	// archive kind ("category", "post_tag").
	Type string `json:"type,omitempty"`
	// Title is the item's or term's title, for the report.
	Title string `json:"title,omitempty"`
}

// class is the URL's class in its canonical plural form: "post" (as
// package rewrite names it) counts as Posts; unknown classes stay as they
// are and get their own summary row.
func (u OldURL) class() Class {
	return canonical(u.Class)
}

func canonical(c Class) Class {
	if c == "" {
		return Posts
	}
	if k, ok := classByName(strings.ToLower(string(c))); ok {
		return k
	}
	return c
}

// target is one request form of a URL: a decoded path and a raw query.
type target struct {
	path  string // percent-decoded, leading slash
	query string // raw query as written, "" when none
}

// parseTarget splits a path+query (or an absolute URL's path and query) and
// decodes the path. HTML-escaped ampersands in the query are unescaped.
func parseTarget(s string) target {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	p, q, _ := strings.Cut(s, "?")
	q = strings.NewReplacer("&amp;", "&", "&#038;", "&", "&#38;", "&").Replace(q)
	return target{path: decodePath(p), query: q}
}

// decodePath percent-decodes p (hex of either case) and gives it a leading
// slash. An invalid escape leaves p as written.
func decodePath(p string) string {
	if d, err := url.PathUnescape(p); err == nil {
		p = d
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// pathKey is the comparison form of a decoded path: no trailing slash
// (except the root) and no doubled slashes.
func pathKey(p string) string {
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "" {
		p = "/"
	}
	return p
}

// queryKey is the comparison form of a raw query: parameters sorted, empty
// query "".
func queryKey(q string) string {
	if q == "" {
		return ""
	}
	v, err := url.ParseQuery(q)
	if err != nil {
		return q
	}
	return v.Encode()
}

// key is the comparison form of the whole target.
func (t target) key() string {
	k := pathKey(t.path)
	if q := queryKey(t.query); q != "" {
		k += "?" + q
	}
	return k
}

// String writes the target back as a path+query, decoded unless the
// decoded path is not valid UTF-8.
func (t target) String() string {
	if !utf8.ValidString(t.path) {
		return requestURI(t)
	}
	if t.query == "" {
		return t.path
	}
	return t.path + "?" + t.query
}
