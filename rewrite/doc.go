// Package rewrite owns the URL index of a whole site: every URL each item was
// ever served at, normalised, mapped to the page or media file that now
// answers it. It rewrites links between posts and proves old-URL coverage.
//
// # Two passes
//
// The index is built in a first streaming pass over the export: the CLI
// reads the input once, calling Planner.Plan and Index.Add for every item
// (content is read and dropped), then reads it a second time to convert
// each item with Index.Link as the link mapper. Reading twice is what lets
// a post link to a post that comes later in the export, without holding
// any content in memory: the index stores only normalised URL keys mapped
// to small targets (a content file name or a media path, the new URL, and
// a few old paths per item), so memory is bounded by the number of URLs,
// not by the size of the export. Keys are kept as 64-bit hashes (a false
// match between two different URLs is about as likely as 1 in 10^9 for a
// site of 100,000 URLs), and every string taken from an item is copied so
// that no item's bytes stay alive: the hashes take about 14 bytes a key,
// and the index about 0.2 KB per item in all. After the first pass the
// index is read-only and safe for concurrent use by the conversion
// workers.
//
// # Keys
//
// Every URL is normalised the same way to be stored and looked up (see
// WXR-BRIEF §2.3): scheme and "www." dropped, the site's hosts folded
// together (base URLs, channel link, --alias-host, the host of every
// item's <link>, and a guid host that names the item's own ?p=ID or the
// same path as its link), percent-encoding decoded to NFC Unicode,
// permalink paths compared without case (uploads keep theirs),
// "index.php/" PATHINFO and dot segments removed, trailing slashes
// dropped, "&amp;" and "&#038;" undone, and of the query only the item
// variables (p, page_id, attachment_id, name, pagename, or one custom post
// type variable on the home page) and archive variables kept. Fragments
// are split off and put back on the answer. A sub-directory install keeps
// its directory in the key; a path outside it belongs to another site on
// the same host.
//
// # Targets
//
// A page's target is its content file relative to content/, as the
// planner gave it ("posts/2012-02-14-x.md"). Hugo resolves that path in a
// relref from any page (page-relative first, then from the content root)
// without its site-wide base-name lookup, so it stays unambiguous even if
// a same-named file is added to another section later; the bare base name
// would also resolve today, since the planner keeps base names unique.
// A media file's target is its path in the new site: the same path as on
// the old host ("/wp-content/uploads/2012/02/x.jpg"; on a CDN host just
// its path), with WordPress.com's "x.files.wordpress.com/2012/02/x.jpg"
// placed under "/wp-content/uploads/". Size variants ("x-300x200.jpg",
// "x-scaled.jpg", "-e1588888888888" edits) and the originals of "-scaled"
// files lead to the attachment's file; uploads that no attachment lists
// keep their own path.
//
// Links that do not match a key exactly are tried as what WordPress would
// have redirected: pages of a split post ("/x/2/"), comment pages (→
// "#comments"), trackback/embed/amp endpoints, old slugs, attachment pages
// below a parent whose permalink changed, the permalink an unpublished post
// was going to have (predicted from the site's structure), and paths below
// an older install directory or a mis-resolved "../".
//
// Archives (category, tag, author, date), feeds and the home page on the
// old hosts are not missing: Link answers LinkKeep with the root-relative
// old path as Dest, and the redirect files (WriteNetlify, WriteNginx,
// WriteApache) send those paths to Hugo's taxonomy pages, its feed and the
// home page. Anything else on the old hosts that matches nothing (a
// deleted post, a typo, wp-admin, a file outside the uploads) is
// LinkMissing. Link sees only the URL, so relative links such as "../x/"
// are kept; LinkFrom resolves them against the page they appear on.
//
// # Old URLs
//
// OldURLs lists every URL the old site served and how the new site
// answers it: the page at its url, a Hugo alias (Aliases: old slugs, guid
// and link paths, decoded Unicode), a static file, or a redirect (short
// links, attachment pages, size variants, archives, the feed). Paths are
// as on the old host, install directory included, like the planner's url.
package rewrite
