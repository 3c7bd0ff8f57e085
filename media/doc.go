// Package media brings a site's media files along: every image, attachment,
// audio, video and document the converted posts use, fetched from the old
// site's hosts over HTTP or taken from a local copy of wp-content/uploads,
// and written at the same path under the new site's static folder.
//
// It is a package of its own because it is the only part of wpexit that
// talks to the network and reads files other than the export, with a policy
// of its own (allowed hosts, concurrency per host, timeouts, retries,
// Retry-After, size caps, content checks, resume). Keeping that here lets
// convert stay a pure function of one item, and rewrite a pure in-memory
// index of URLs: neither does I/O. The CLI decides which URLs the site uses
// (with the rewrite index), hands them over as Refs, and consults the
// answer's Rewrites when links are written.
//
// # What is fetched
//
// Refs are grouped by Dest, the file's path on the new site; each group is
// one file, fetched from the first of its URLs that answers. When a Dest is
// a "-WxH" thumbnail ("x-300x200.jpg"), the original ("x.jpg") is tried
// first at the same place; when it is saved, the thumbnail is not fetched
// and Result.Saved (and Rewrites) names the original's path, so that the
// posts can point at it. "-scaled", "-rotated" and "-e123…" (edited) files
// are what WordPress served and are kept as they are.
//
// The other way round, when the rewrite index led a size variant's URL to
// its attachment's file and that file is not to be had, the variant is
// saved at its own path and Result.Saved names it.
//
// A response is the file only if its type fits the file name's extension:
// an HTML page (by Content-Type, or by sniffing the first bytes) is never
// an image, a PDF, audio or video; "image/…" is wanted for images,
// "audio/…" for audio, "video/…" for video, "application/pdf" for PDFs (a
// missing or octet-stream type passes).
//
// # Sources
//
// Fetch takes an *http.Client (never requesting, or following a redirect to,
// a host outside Options.Hosts) or, with Options.Uploads, an fs.FS holding
// the uploads folder: the part of the path after "/wp-content/uploads/" (or
// "/files/" on old multisite installs) names the file there, and no request
// is made at all.
//
// # Writes and resume
//
// Files are written through Output, whose files become visible only when
// committed, so an interrupted run leaves no half-written file. State
// remembers what was saved (size, ETag, Last-Modified); a re-run skips a
// file whose saved copy still has that size, without a request, and
// originals known to be absent are not asked for again.
package media
