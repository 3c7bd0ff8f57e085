package convert

// Options configure a Converter. The zero value is valid: links are kept as
// they are, private and password-protected items are skipped.
type Options struct {
	// IncludePrivate writes private items as drafts instead of skipping them.
	IncludePrivate bool
	// IncludeProtected writes password-protected items as drafts (never the
	// password) instead of skipping them.
	IncludeProtected bool
	// Link maps every URL found in href, src and srcset. Nil keeps URLs as
	// they are.
	Link func(raw string) Link
	// LinkFrom, when set, maps the URLs of an item with an old permalink
	// in Link's place: base is the item's permalink (wxr.Item.Link), so
	// relative URLs ("../2019/03/x/", "x.jpg") can be resolved
	// (rewrite.Index.LinkFrom). Items without one still use Link.
	LinkFrom func(base, raw string) Link
	// ReferenceLinks writes external links as numbered references too
	// (--link-style referenced). Links to other pages are always references.
	ReferenceLinks bool
	// Bundles plans every page as a Hugo leaf bundle: the folder
	// "posts/2012-02-14-x/" holding "index.md" (and the page's own media)
	// instead of the file "posts/2012-02-14-x.md". Plan.Path then ends in
	// "/index.md", and the folder name, not the file's, is unique in the
	// site. A leaf bundle cannot hold other pages, so pages do not nest
	// under their parents' folders in this mode.
	Bundles bool
}

// LinkKind says what a URL in a post turned out to be.
type LinkKind int

const (
	// LinkKeep leaves the URL as written (external links, anchors, mailto)
	// when Dest is empty; a non-empty Dest is written in its place (an
	// archive or feed of the old site as its root-relative old path, which
	// the redirect files send on). For a plain external link Dest is the URL
	// as written.
	LinkKeep LinkKind = iota
	// LinkPage points at another converted page; Dest is its content file
	// relative to content/ (e.g. "posts/2012-02-14-x.md"), with any
	// "#fragment" appended. It is written as a {{< relref >}} reference.
	LinkPage
	// LinkMedia points at a media file; Dest is its path in the new site.
	LinkMedia
	// LinkMissing is a URL on the old site that matches nothing; it is kept
	// as written and reported.
	LinkMissing
)

// Link is the answer of Options.Link for one URL.
type Link struct {
	Kind LinkKind
	Dest string
}
