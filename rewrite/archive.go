package rewrite

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/wpexit/wpexit/wxr"
)

// archives are the site's list pages that no item owns: category and tag
// archives, date and author archives, and the feed. The index records what
// it needs to redirect them: the terms published posts use (WordPress
// answered an empty term's archive with a 404, and Hugo makes no page for
// it), their names and parents, the months that have posts, the authors of
// published posts, and the permalink front ("/blog/", "/index.php/")
// archives sit under.
type archives struct {
	parent  map[string]string // category slug → parent slug
	names   map[string]string // "category:slug" or "post_tag:slug" → term name
	used    map[string]bool   // "category:slug" or "post_tag:slug" of published posts
	months  map[string]bool   // "2012/02"
	logins  map[string]bool   // the logins the channel's author list names
	authors map[string]string // nicename → login, of authors of published posts
	front   string            // e.g. "/", "/blog/", "/index.php/"; "" until a post shows it
	shape   string            // the permalink structure of published posts, e.g. "/%year%/%monthnum%/%postname%/"
	root    string            // "/index.php/" for PATHINFO permalinks, else "/"
}

func (a *archives) init() {
	a.parent, a.names = map[string]string{}, map[string]string{}
	a.used, a.months = map[string]bool{}, map[string]bool{}
	a.logins, a.authors = map[string]bool{}, map[string]string{}
}

// addChannel records the channel's categories (with their parents' slugs)
// and tags.
func (a *archives) addChannel(ch *wxr.Channel) {
	for _, t := range ch.Categories {
		a.parent[t.Slug] = t.Parent
		a.names["category:"+t.Slug] = t.Name
	}
	for _, t := range ch.Tags {
		a.names["post_tag:"+t.Slug] = t.Name
	}
	for _, au := range ch.Authors {
		a.logins[au.Login] = true
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

// addItem records a published post's categories, tags (filtered exports
// list terms only on items) and month.
func (a *archives) addItem(it *wxr.Item) {
	if it.Status != "publish" {
		return
	}
	for _, t := range it.Terms {
		if t.Slug == "" || t.Domain != "category" && t.Domain != "post_tag" {
			continue
		}
		k := t.Domain + ":" + t.Slug
		if !a.used[k] {
			a.used[strings.Clone(k)] = true
		}
		if _, ok := a.names[k]; !ok {
			a.names[strings.Clone(k)] = strings.Clone(t.Name)
		}
	}
	if !it.Date.IsZero() {
		a.months[it.Date.Format("2006/01")] = true
	}
	a.addAuthor(it.Creator)
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
	for _, k := range sortedKeys(a.used) {
		tax, slug, _ := strings.Cut(k, ":")
		name := a.names[k]
		if tax == "category" {
			out = append(out, archiveURL(base+front+"category/"+catPath(slug, a.parent)+"/",
				base+"/categories/"+hugoPath(name)+"/", tax, name))
		} else {
			out = append(out, archiveURL(base+front+"tag/"+slug+"/", base+"/tags/"+hugoPath(name)+"/", tax, name))
		}
	}
	for _, m := range sortedKeys(a.months) {
		u := archiveURL(base+front+m+"/", base+"/", "date", m)
		u.Status = 302 // no equivalent page: the home page lists the posts
		out = append(out, u)
	}
	for _, n := range sortedKeys(a.authors) {
		u := archiveURL(base+front+"author/"+n+"/", base+"/", "author", a.authors[n])
		u.Status = 302 // as for a month: the home page lists the posts
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
// page, as Hugo v0.165 builds it: lower case; letters, digits, marks,
// . _ # + ~ @ - / and %XX kept; each space becomes a hyphen (no runs are
// collapsed: "A & B" is "a--b"); everything else dropped.
func hugoPath(name string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(name))
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("._#+~@-/", r):
			b.WriteRune(r)
		case r == '%' && i+2 < len(rs) && hexRune(rs[i+1]) && hexRune(rs[i+2]):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-') // every space is a hyphen: Hugo does not collapse runs
		}
	}
	return b.String()
}

// hexRune is isHex for a rune.
func hexRune(r rune) bool { return r < 0x80 && isHex(byte(r)) }

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
