package rewrite

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/wpexit/wpexit/wxr"
)

// archives are the site's list pages that no item owns: category and tag
// archives, date archives and the feed. The index records what it needs to
// redirect them: term slugs and names, the months that have posts, and the
// permalink front ("/blog/", "/index.php/") archives sit under.
type archives struct {
	cats   map[string]string // category slug path ("parent/child") → name
	tags   map[string]string // tag slug → name
	months map[string]bool   // "2012/02"
	front  string            // e.g. "/", "/blog/", "/index.php/"; "" until a post shows it
	shape  string            // the permalink structure of published posts, e.g. "/%year%/%monthnum%/%postname%/"
	root   string            // "/index.php/" for PATHINFO permalinks, else "/"
}

func (a *archives) init() {
	a.cats, a.tags, a.months = map[string]string{}, map[string]string{}, map[string]bool{}
}

// addChannel records the channel's categories (with their parents' slugs)
// and tags.
func (a *archives) addChannel(ch *wxr.Channel) {
	parent := map[string]string{}
	for _, t := range ch.Categories {
		parent[t.Slug] = t.Parent
	}
	for _, t := range ch.Categories {
		if t.Slug != "" {
			a.cats[catPath(t.Slug, parent)] = t.Name
		}
	}
	for _, t := range ch.Tags {
		if t.Slug != "" {
			a.tags[t.Slug] = t.Name
		}
	}
}

// catPath joins a category's ancestors' slugs and its own.
func catPath(slug string, parent map[string]string) string {
	p := slug
	seen := map[string]bool{slug: true}
	for s := parent[slug]; s != "" && !seen[s] && len(seen) < maxDepth; s = parent[s] {
		seen[s] = true
		p = s + "/" + p
	}
	return p
}

// maxDepth bounds term hierarchies, which may cycle in damaged exports.
const maxDepth = 16

// addItem records a published post's terms (filtered exports list terms only
// on items) and month.
func (a *archives) addItem(it *wxr.Item) {
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			if !a.hasCat(t.Slug) {
				a.cats[t.Slug] = t.Name
			}
		case "post_tag":
			if _, ok := a.tags[t.Slug]; !ok && t.Slug != "" {
				a.tags[t.Slug] = t.Name
			}
		}
	}
	if !it.Date.IsZero() && it.Status == "publish" {
		a.months[it.Date.Format("2006/01")] = true
	}
}

func (a *archives) hasCat(slug string) bool {
	if slug == "" {
		return true
	}
	for p := range a.cats {
		if p == slug || strings.HasSuffix(p, "/"+slug) {
			return true
		}
	}
	return false
}

// learnFront takes the permalink front and root from a post's permalink
// shape, e.g. "/blog/%year%/…" → front "/blog/".
func (a *archives) learnFront(shape string) {
	if a.front != "" || shape == "" || strings.HasPrefix(shape, "/?") {
		return
	}
	i := strings.IndexByte(shape, '%')
	if i < 0 {
		return
	}
	a.front, a.shape = shape[:i], shape
	a.root = "/"
	if strings.HasPrefix(a.front, "/index.php/") {
		a.root = "/index.php/"
	}
}

// list returns the archive OldURLs; base is the install directory, which
// the written hugo.toml's baseURL keeps, so Hugo's taxonomy pages and feed
// are below it too.
func (a *archives) list(base string) []OldURL {
	front, root := a.front, a.root
	if front == "" {
		front, root = "/", "/"
	}
	var out []OldURL
	for _, p := range sortedKeys(a.cats) {
		out = append(out, archiveURL(base+front+"category/"+p+"/", base+"/categories/"+hugoPath(a.cats[p])+"/", "category", a.cats[p]))
	}
	for _, s := range sortedKeys(a.tags) {
		out = append(out, archiveURL(base+front+"tag/"+s+"/", base+"/tags/"+hugoPath(a.tags[s])+"/", "post_tag", a.tags[s]))
	}
	for _, m := range sortedKeys(a.months) {
		u := archiveURL(base+front+m+"/", base+"/", "date", m)
		u.Status = 302 // no equivalent page: the home page lists the posts
		out = append(out, u)
	}
	out = append(out, OldURL{Path: base + root + "feed/", Class: ClassFeed, Target: base + "/index.xml", Via: ViaRedirect,
		Status: 301, Type: "feed"})
	return out
}

func archiveURL(p, target, typ, title string) OldURL {
	return OldURL{Path: decodeAlias(p), Class: ClassArchive, Target: target, Via: ViaRedirect, Status: 301,
		Type: typ, Title: title}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// hugoPath turns a term name into the path segment Hugo gives its taxonomy
// page: lower case; letters, digits, marks and . _ # + ~ kept; runs of
// spaces and hyphens become one hyphen; everything else dropped.
func hugoPath(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("._#+~", r):
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			b.WriteRune(r)
		case (r == '-' || unicode.IsSpace(r)) && b.Len() > 0:
			hyphen = true
		}
	}
	return b.String()
}

// Archive and feed paths below the install directory, after an optional
// permalink front segment ("/blog").
var (
	archiveRE = regexp.MustCompile(`^(?:/[^/]+)?/(?:category|tag|author|type|search|topics?)/.+$|^(?:/[^/]+)?/\d{4}(?:/\d{2}){0,2}(?:/page/\d+)?$|^(?:/[^/]+)?/page/\d+$`)
	feedRE    = regexp.MustCompile(`(?:^|/)feed(?:/(?:rss2?|atom|rdf))?$|^/(?:rss2?|atom|rdf)$`)
)

// classifyPath says what an own-site path that matches no item is: an
// archive, a feed, the home page, or "" (nothing WordPress serves).
func classifyPath(rel string) string {
	switch {
	case rel == "/":
		return ClassHome
	case feedRE.MatchString(rel):
		return ClassFeed
	case archiveRE.MatchString(rel):
		return ClassArchive
	}
	return ""
}

// isItemQuery reports whether a canonical query names one item (p, page_id,
// attachment_id, name, pagename, or a custom post type's query variable).
func isItemQuery(q string) bool {
	k, _, _ := strings.Cut(q, "=")
	for _, v := range archiveVars {
		if k == v {
			return false
		}
	}
	return !ignoredVars[k]
}

// isArchiveQuery reports whether a canonical query ("cat=3") names an archive
// or feed.
func isArchiveQuery(q string) bool {
	k, _, _ := strings.Cut(q, "=")
	for _, v := range archiveVars {
		if k == v {
			return true
		}
	}
	return false
}
