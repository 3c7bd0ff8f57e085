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
// site of 100,000 URLs), which halves the index: about 0.5 KB per item. After
// the first pass the index is read-only and safe for concurrent use by the
// conversion workers.
//
// # Keys
//
// Every URL is normalised the same way to be stored and looked up (see
// WXR-BRIEF §2.3): scheme and "www." dropped, the site's hosts (base URLs,
// channel link, --alias-host, and hosts a guid proves) folded together,
// percent-encoding decoded to NFC Unicode, permalink paths compared without
// case, "index.php/" PATHINFO and dot segments removed, trailing slashes
// dropped, the install directory of a sub-directory install kept as a
// prefix (added when a root-relative link lacks it), "&amp;" and "&#038;"
// undone, and of the query only the item variables (p, page_id,
// attachment_id, name, pagename) and archive variables kept. Fragments are
// split off and put back on the answer.
//
// # Targets
//
// A page's target is its content file relative to content/, as the
// planner gave it ("posts/2012-02-14-x.md"): Hugo resolves that path in a
// relref from any page (page-relative first, then from the content root)
// without the site-wide base-name lookup, so it cannot become ambiguous
// when a same-named file appears in another section. A media file's target
// is its path on the new site: the same path as on the old host
// ("/wp-content/uploads/2012/02/x.jpg"), with WordPress.com's
// "x.files.wordpress.com/2012/02/x.jpg" placed under "/wp-content/uploads/".
// Size variants ("x-300x200.jpg", "x-scaled.jpg") lead to the original.
//
// Archives, feeds and the home page on the old hosts are not missing: Link
// keeps them as root-relative paths, and the redirect files (WriteNetlify,
// WriteNginx, WriteApache) send them to Hugo's taxonomy pages, its feed and
// the home page.
package rewrite
