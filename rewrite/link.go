package rewrite

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/wpexit/wpexit/convert"
)

// Link maps one URL found in a post (href, src or one srcset entry):
//
//   - a URL of a converted page → LinkPage, Dest its content file with the
//     fragment kept ("posts/2012-02-14-x.md#comments");
//   - a media file → LinkMedia, Dest its path in the new site;
//   - an archive, feed or the home page on the site's hosts → LinkKeep, Dest
//     the root-relative old path, which the redirect files send on;
//   - anything else on the site's hosts (a deleted post, a typo, wp-admin) →
//     LinkMissing, Dest the URL as written;
//   - everything else (other sites, mailto:, "#top", data:) → LinkKeep, Dest
//     the URL as written.
//
// Relative paths such as "../x/" cannot be placed without the page they
// appear on and are kept; LinkFrom resolves them.
func (ix *Index) Link(raw string) convert.Link {
	ix.once.Do(ix.ready)
	keep := convert.Link{Kind: convert.LinkKeep, Dest: raw}
	k, frag, ok := ix.site.key(raw)
	if !ok {
		return keep
	}
	if e := ix.lookup(k); e != nil {
		return ix.target(e, frag)
	}
	if strings.HasPrefix(k, "//") {
		return ix.foreign(raw, k, frag, keep)
	}
	return ix.ownMiss(raw, k, frag)
}

// LinkFrom is Link for a URL found on the page whose old URL is base:
// relative URLs ("../2019/03/x/", "x.jpg") are resolved against base first.
func (ix *Index) LinkFrom(base, raw string) convert.Link {
	t := strings.TrimSpace(raw)
	if t == "" || t[0] == '#' || t[0] == '/' || hasAnyScheme(t) {
		return ix.Link(raw)
	}
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil || b.Host == "" {
		return ix.Link(raw)
	}
	r, err := url.Parse(unescapeAmp(t))
	if err != nil {
		return ix.Link(raw)
	}
	l := ix.Link(b.ResolveReference(r).String())
	if l.Kind == convert.LinkKeep || l.Kind == convert.LinkMissing {
		l.Dest = raw
	}
	return l
}

// hasAnyScheme reports whether s starts with "scheme:".
func hasAnyScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

func (ix *Index) lookup(k string) *entry {
	if i, ok := ix.find(k); ok {
		return ix.entries.at(i)
	}
	return nil
}

// target is the answer for an entry found in the index.
func (ix *Index) target(e *entry, frag string) convert.Link {
	if e.kind() == convert.LinkPage && e.draft() {
		// A draft is written but not published: a relref to it would break
		// the build, and the old URL never served it either.
		return convert.Link{Kind: convert.LinkMissing, Dest: e.dest}
	}
	d := e.dest
	if frag != "" {
		d += "#" + frag
	}
	return convert.Link{Kind: e.kind(), Dest: d}
}

// foreign handles URLs on other hosts: only media the site stored there
// (its CDN, WordPress.com's files host) are rewritten, and only in the
// upload folders the site's attachments were in.
func (ix *Index) foreign(raw, k, frag string, keep convert.Link) convert.Link {
	host := k[2:]
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	if _, ok := ix.media[host]; !ok {
		return keep
	}
	if e := ix.variantOf(k); e != nil {
		return ix.target(e, frag)
	}
	if isFile(k) && ix.inUploads(host, k[2+len(host):]) {
		return convert.Link{Kind: convert.LinkMedia, Dest: withFrag(ix.mediaDest(raw), frag)}
	}
	return keep
}

// ownMiss handles a URL on the site's hosts that is not in the index.
func (ix *Index) ownMiss(raw, k, frag string) convert.Link {
	missing := convert.Link{Kind: convert.LinkMissing, Dest: raw}
	rel := ix.site.rel(k)
	if strings.HasPrefix(rel, "/?") {
		if isArchiveQuery(rel[2:]) || !isItemQuery(rel[2:]) {
			return convert.Link{Kind: convert.LinkKeep, Dest: rootRelative(raw)}
		}
		return missing
	}
	if e, f := ix.endpoint(k); e != nil {
		if frag == "" {
			frag = f
		}
		return ix.target(e, frag)
	}
	if e := ix.attachmentPage(rel); e != nil {
		return ix.target(e, frag)
	}
	if isFile(rel) {
		return ix.ownFile(raw, k, rel, frag, missing)
	}
	if classifyPath(rel) != "" {
		return convert.Link{Kind: convert.LinkKeep, Dest: rootRelative(raw)}
	}
	if e := ix.moved(rel); e != nil {
		return ix.target(e, frag)
	}
	return missing
}

// ownFile handles a file on the site's hosts: a size variant, an upload
// (kept at its path, or found below an older install directory such as
// "/mike/blog/wp-content/uploads/…").
func (ix *Index) ownFile(raw, k, rel, frag string, missing convert.Link) convert.Link {
	if e := ix.variantOf(k); e != nil {
		return ix.target(e, frag)
	}
	if isUpload(rel) {
		return convert.Link{Kind: convert.LinkMedia, Dest: withFrag(ix.mediaDest(raw), frag)}
	}
	if i := strings.Index(rel, "/wp-content/uploads/"); i > 0 {
		k2 := ix.site.base + rel[i:]
		if e := ix.lookup(k2); e != nil {
			return ix.target(e, frag)
		}
		if e := ix.variantOf(k2); e != nil {
			return ix.target(e, frag)
		}
		return convert.Link{Kind: convert.LinkMedia, Dest: withFrag(ix.mediaDest(raw), frag)}
	}
	return missing
}

// maxMoved bounds how many leading segments moved looks past.
const maxMoved = 6

// moved finds the page a path names below extra leading segments: an older
// install directory ("/mike/blog/2009/05/x/") or a "../" link resolved
// against the wrong folder ("/2007/05/01/post/2007/04/14/x/"). The rest must
// be a permalink the index holds, at least two segments long so a lone slug
// cannot match by chance.
func (ix *Index) moved(rel string) *entry {
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	for i := 1; i < len(segs)-1 && i <= maxMoved; i++ {
		if e := ix.lookup(ix.site.base + "/" + strings.Join(segs[i:], "/")); e != nil && e.kind() == convert.LinkPage {
			return e
		}
	}
	return nil
}

// endpointRE matches what WordPress serves below a permalink: pages of a
// split post ("/2"), comment pages, trackback, embed and AMP endpoints, and
// the post's comment feed (which has no equivalent: the post stands in).
var endpointRE = regexp.MustCompile(`/(?:\d{1,4}|comment-page-\d+|trackback|embed|amp|page/\d+|feed(?:/(?:rss2?|atom|rdf))?)$`)

// endpoint finds the page a paginated or endpoint URL belongs to; the
// second result is the fragment to add ("comments" for comment pages).
func (ix *Index) endpoint(k string) (*entry, string) {
	m := endpointRE.FindString(k)
	if m == "" {
		return nil, ""
	}
	e := ix.lookup(strings.TrimSuffix(k, m))
	if e == nil || e.kind() != convert.LinkPage {
		return nil, ""
	}
	if strings.HasPrefix(m, "/comment-page-") {
		return e, "comments"
	}
	return e, ""
}

// attachmentPage finds the attachment whose page a path is when its parent's
// part of the path is not a URL the index knows (the parent's permalink
// changed after the attachment page was linked): the last segment is the
// attachment's slug and the one before it (or before "attachment") is its
// parent's slug.
func (ix *Index) attachmentPage(rel string) *entry {
	segs := strings.Split(strings.Trim(rel, "/"), "/")
	n := len(segs)
	if n < 2 {
		return nil
	}
	parent := segs[n-2]
	if parent == "attachment" && n >= 3 {
		parent = segs[n-3]
	}
	for _, a := range ix.slugs[segs[n-1]] {
		if p, ok := ix.byID.first(a.owner); ok && lastSegment(ix.entries.at(p).url) == parent {
			return ix.entries.at(a.idx)
		}
	}
	return nil
}

// lastSegment is the slug part of a page's url as a key segment: its last
// path segment, lower case, without a ".html"-like suffix.
func lastSegment(url string) string {
	t := strings.TrimRight(url, "/")
	t = t[strings.LastIndexByte(t, '/')+1:]
	if i := strings.LastIndexByte(t, '.'); i > 0 {
		t = t[:i]
	}
	return foldText(decodePath(t), true)
}

// variantOf finds the attachment a size variant ("x-300x200.jpg",
// "x-scaled.jpg") was made from.
func (ix *Index) variantOf(k string) *entry {
	dir, name := k[:strings.LastIndexByte(k, '/')+1], k[strings.LastIndexByte(k, '/')+1:]
	o := original(name)
	if o == "" {
		return nil
	}
	if e := ix.lookup(dir + o); e != nil && e.kind() == convert.LinkMedia {
		return e
	}
	return nil
}

// isUpload reports whether a path below the install directory is in the
// uploads folder.
func isUpload(rel string) bool {
	return strings.HasPrefix(rel, "/wp-content/uploads/") || strings.HasPrefix(rel, "/files/") ||
		strings.HasPrefix(rel, "/wp-content/blogs.dir/")
}

// rootRelative drops the scheme and host of an absolute URL.
func rootRelative(raw string) string {
	t := strings.TrimSpace(raw)
	u, ok := splitURL(t)
	if !ok || u.host == "" {
		return t
	}
	i := strings.Index(t, u.host) + len(u.host)
	r := t[i:]
	if r == "" || r[0] != '/' {
		r = "/" + r
	}
	return r
}

func withFrag(d, frag string) string {
	if frag == "" || d == "" {
		return d
	}
	return d + "#" + frag
}
