package rewrite

import "github.com/wpexit/wpexit/convert"

// Classes of old URLs, as `wpexit check` reports them.
const (
	ClassPost      = "post"      // a post's (or custom type's) permalink and alias paths
	ClassPage      = "page"      // a page's permalink and alias paths
	ClassMedia     = "media"     // a media file, a size variant, an attachment page
	ClassArchive   = "archive"   // category, tag and date archives
	ClassFeed      = "feed"      // the site feed
	ClassShortlink = "shortlink" // ?p=, ?page_id=, ?attachment_id= forms
	ClassHome      = "home"      // the home page
)

// How an old URL is answered on the new site.
const (
	ViaPage     = "page"     // the page is served at it (front matter url)
	ViaAlias    = "alias"    // a Hugo alias of the page (front matter aliases)
	ViaFile     = "file"     // a file under static/
	ViaRedirect = "redirect" // a rule in the redirect files
)

// OldURL is one URL the old site served and what should answer it now.
type OldURL struct {
	// Path is the decoded path on the old host, install directory included,
	// with the query for short links: "/2012/02/x/", "/mythz_blog/?p=12".
	Path   string
	Class  string // ClassPost, ClassPage, ...
	Via    string // ViaPage, ViaAlias, ViaFile, ViaRedirect
	Target string // the new URL (path) it leads to; Path itself for ViaPage and ViaFile
	Status int    // HTTP status of a redirect (301, or 302 for date archives); 0 otherwise
	ID     int64  // the item, when one owns the URL
	Type   string // the item's post type
	Title  string
}

// OldURLs returns every old URL the index knows, in export order, then the
// archives and the feed. Drafts contribute nothing: nothing serves them. A
// page the planner gave no url (plain ?p= permalinks) is the target of its
// short links at the path Hugo gives it by default.
func (ix *Index) OldURLs() []OldURL {
	n := 0
	ix.eachOldURL(func(OldURL) { n++ })
	out := make([]OldURL, 0, n) // one exact allocation: the list can be large
	ix.eachOldURL(func(u OldURL) { out = append(out, u) })
	return out
}

// eachOldURL calls yield with every old URL, in OldURLs order, without
// holding them all.
func (ix *Index) eachOldURL(yield func(OldURL)) {
	for i := range ix.entries.len() {
		ix.entryURLs(int32(i), yield)
	}
	for _, u := range ix.arch.list(ix.site.base) {
		yield(u)
	}
}

// entryURLs yields one entry's old URLs.
func (ix *Index) entryURLs(idx int32, yield func(OldURL)) {
	e := ix.entries.at(idx)
	typ, title := ix.typeOf(e), ix.titleOf(idx)
	mk := func(p, class, via, target string) {
		u := OldURL{Path: p, Class: class, Via: via, Target: target, ID: e.id, Type: typ, Title: title}
		if via == ViaRedirect {
			u.Status = 301
		}
		yield(u)
	}
	target := ix.toOf(idx)
	if e.kind() == convert.LinkMedia {
		target = decodeAlias(e.dest)
		mk(target, ClassMedia, ViaFile, target)
	} else if e.url != "" {
		class := ClassPost
		if typ == "page" {
			class = ClassPage
		}
		mk(e.url, class, ViaPage, e.url)
	}
	if target == "" {
		return
	}
	for _, q := range ix.queryForms(e.id, typ) {
		mk(q, ClassShortlink, ViaRedirect, target)
	}
	from, to := ix.oldsOf(idx)
	for i := from; i < to; i++ {
		o := ix.olds.at(i)
		mk(ix.text.get(o.path), word(o.class), word(o.via), target)
	}
}

// PageURL returns the new URL of the item id's first old URL of class
// ClassPost, ClassPage or ClassShortlink that has one, in OldURLs order, or
// "": what a scan of OldURLs for the item finds, without building the list.
func (ix *Index) PageURL(id int64) string {
	ix.once.Do(ix.ready)
	for _, i := range ix.byID.entries(id) {
		found := ""
		ix.entryURLs(i, func(u OldURL) {
			switch u.Class {
			case ClassPost, ClassPage, ClassShortlink:
				if found == "" {
					found = u.Target
				}
			}
		})
		if found != "" {
			return found
		}
	}
	return ""
}
