/*
Wpexit takes a blog out of WordPress for good: it reads a WordPress export
(WXR) as a stream and writes a Hugo site whose pages keep every post's
WordPress ID, date, slug and old URL, whose links between posts are Hugo
relref references, and whose old URLs all still have a target.

Usage:

	wpexit inspect [--json] EXPORT...
	wpexit convert [flags] EXPORT... --out DIR
	wpexit convert [flags] EXPORT... --out-each DIR
	wpexit check [flags] EXPORT... (--site DIR | --public DIR | --base URL)
	wpexit verify [flags] EXPORT... --site DIR

EXPORT is a WordPress export: an .xml file, an .xml.gz, a .zip of parts
(as WordPress.com sends), or - for standard input. Several exports (an
export split by size) are read in the order given, as one site.

# inspect

Inspect prints what is in the exports, before anyone converts them: the
site's title and URLs, the WXR version and generator, item counts by post
type and status, authors (never their e-mail addresses), taxonomies with
their term counts, comments by type and approval, the shortcodes and
Gutenberg block types the content uses, the permalink shapes of the items'
links, the date range, and every repair the reader made and every problem
it met, each with its place (file:line, item ID).

	--json   print the inspection as JSON, for scripts

# convert

Convert writes a Hugo site to DIR: content/posts/YYYY-MM-DD-slug.md for
posts, content/pages/… for pages (nested as they were), content/TYPE/ for
other public post types. Media, menus, revisions and other machinery are
not pages: they are counted as skipped, with the reason. Private and
password-protected posts are skipped unless asked for, and then written as
drafts, never with their password. Commenters' e-mails and IPs are never
written. Approved comments are kept as Hugo data (see Comments).

A first pass reads every export to plan each item's file and index every
URL the old site served, so that a post linking to a later post resolves;
a second pass converts items in parallel and writes them in input order, so
two runs give byte-identical trees. Memory is bounded by that index, not
by the content: wpexit runs the first pass at GOGC=50 and then caps the Go
heap near what the pass left live (a GOGC or GOMEMLIMIT in the environment
turns this off). Every file is written whole before it appears under its
name (on Linux an unnamed temporary file linked into place, elsewhere a
temporary file renamed), never outside DIR. A file changed since wpexit
wrote it (wpexit keeps their hashes in DIR/.wpexit/manifest.json) or one
wpexit did not write is left alone unless --force is given, and the report
says so. Convert also writes the redirect files the host needs for old URLs
Hugo cannot keep and, when DIR has no Hugo configuration of its own, a
minimal hugo.toml and layouts so that `hugo` builds the site without a
theme.

	-o, --out DIR            write the Hugo site to DIR (required; created when missing)
	-j, --jobs N             convert N items at once (default: the number of CPUs)
	--include-private        write private posts, as drafts
	--include-protected      write password-protected posts, as drafts (never the password)
	--link-style STYLE       inline (default) or referenced: how external links are
	                         written; links between posts are always references
	--alias-host HOST        another host the old site was known by; links to it are
	                         rewritten too (repeatable)
	--redirects FORMATS      redirect files to write, comma-separated (default netlify):
	                         netlify  static/_redirects (Netlify, Cloudflare Pages)
	                         nginx    wpexit-redirects.nginx.conf (an nginx include)
	                         apache   static/.htaccess
	                         none     no redirect file
	--force                  replace files even when they changed since wpexit wrote them
	-n, --dry-run            write nothing; report what would be written
	--report FILE            write one JSON line per item to FILE (- for stdout): input,
	                         line, id, type, status, title, outcome (written,
	                         would-write, skipped or failed), path, reason or error,
	                         notes and warnings
	--progress WHEN          progress bar on stderr: auto (when stderr is a terminal,
	                         the default), always, never
	-q, --quiet              print the summary only when something went wrong, and
	                         no progress bar unless --progress always
	--no-pingbacks           leave pingbacks and trackbacks out of the comments
	--include-unapproved     write pending comments too, marked approved: false
	--archive                also write DIR/archive/items.jsonl (see Archive)
	--archive-private        the archive keeps private data too (see Archive)
	--out-each DIR           batch: each EXPORT is its own site, DIR/NAME (see Batch)
	--bundles                every page a leaf bundle, its media beside it (see Bundles)

# Bundles

With --bundles every page is a Hugo leaf bundle: content/posts/YYYY-MM-DD-slug/index.md
instead of content/posts/YYYY-MM-DD-slug.md (folder names unique in the
site; pages are not nested under their parents, as a leaf bundle cannot
hold pages), and links between posts are relref "posts/…/index.md". A
media file that exactly one published page uses, with its thumbnails, goes
into that page's folder and the page links it by its name ("x.jpg"); Hugo
publishes it next to the page, at the page's url. Other pages, comments and
featured_image link it at that new URL. A file several pages use, one a
reusable block uses, one no page uses (an attachment or a featured image
only) or one whose name the folder cannot hold stays in static/ at its old
path; so does every file of a draft or of a page whose url is not a folder
("/x.html"). The redirect files send each moved file's old path to its new
one, so `check --public` still covers the media URLs. With --media none the
layout and the links are the same, and the report lists the files missing
from where they would be. Hugo's RSS feed and .Summary keep a bundle's
relative links as written. `wpexit verify` does not read bundles yet.

# Comments, authors, site settings

Each written page with comments gets data/comments/<wordpress_id>.yaml,
a Hugo data file the minimal layouts render under the post: replies nested
under the comment they answer, pingbacks and trackbacks listed apart. Each
comment has its id, parent, author, author_url, date (RFC 3339, UTC), type
(comment, pingback, trackback) and content, in Markdown converted as posts
are; a link to another page of the site is written as that page's new URL
(a relref cannot stand in a data file). Only approved comments are written
(and pending ones with --include-unapproved); never spam or trash, and never
an e-mail address, IP address, user agent or comment meta. A reply whose
parent is not written moves up to its nearest written ancestor, or to the
top level (the report notes it). data/authors.yaml maps each author's
login to display_name, first_name, last_name (never an e-mail; a login
that is an e-mail address is known by its local part). hugo.toml keeps the
site's title, description (params.description), language and base URL, and
declares every taxonomy the posts use.

# Archive

--archive writes DIR/archive/items.jsonl, outside content/ so Hugo never
publishes it: one JSON line per item, in input order, with every field the
reader read (terms, postmeta and comments included) and what became of the
item (its page, or why it was skipped); an item the reader could not read
has a line with its place and the error. DIR/archive/site.json keeps the
export's header: title, URLs, language, generator, authors and every term
with its description and meta. Never in either: passwords (only
"protected": true), e-mail addresses (every one, in any text), commenters'
IP addresses, user agents and the comment meta that records them. Private
data, left out unless --archive-private: the title, content, excerpt,
description, postmeta and comments of private and password-protected items
(a "withheld" field lists what went), and comments that are not approved.
Jetpack contact-form responses (type feedback) keep only their ID, type,
status and dates, always.

# Batch

With --out-each DIR, each EXPORT is converted to its own site DIR/NAME
(NAME: the file name without .xml, .gz or .zip; "stdin" for -; "-2", "-3"
added when taken), several at once (at most --jobs), each run with the same
flags. A failing export never stops the others; each run's summary is
printed as a block when it ends, then one line counts the exports, and the
exit code is 3 when any failed. --out and --report FILE cannot be used with
--out-each (--report - can).

At the end convert prints a summary on stderr: items in = written + skipped
+ failed, skip reasons counted, unknown shortcodes and links to the old site
that match nothing (each with the pages they are in), and the number of
warnings. Every item of every export is accounted for, including items the
reader could not read.

# check

Check proves, before the DNS switch, that every URL the old site served
still has a target: it runs convert's first pass over the exports to list
the old URLs (posts, pages and public custom types, media files and
attachment pages, category, tag and date archives, the feed, ?p= and
?page_id= short links), then checks each in one mode:

	--site DIR     a Hugo source tree (convert's output): front matter url,
	               aliases and slug, hugo.toml permalinks, static/ files and
	               the redirect files; no Hugo needed
	--public DIR   a built site: a file, DIR/index.html or a shipped redirect rule
	--base URL     a live site over HTTP; redirects are followed only on
	               URL's host, and the final answer must be 2xx

It prints a summary by class (posts, pages, media, archives, feeds,
shortlinks) with covered and missing counts, then every missing URL with
its item ID, type, title and why nothing answers it.

	--require CLASSES   classes that must be fully covered (default posts,pages;
	                    all, none)
	--json, --csv       print the result as JSON, or the missing URLs as CSV
	--concurrency N     live: requests in flight (default 8)
	--timeout D         live: per request (default 10s); network errors and 5xx
	                    are retried once, Retry-After honoured
	--rps N             live: at most N requests per second
	--progress WHEN     live: progress bar on stderr: auto, always, never
	--alias-host HOST   as given to convert (repeatable)
	--host HOST         site, public: another host redirect targets may name (repeatable)

Check exits 0 when every required URL has a target, 3 when some do not or
when items of the export could not be read (their URLs are unknown).

# verify

Verify measures how faithful each written page is. It runs convert's first
pass over the exports (give the flags that change which items are written:
--include-private, --include-protected, --alias-host, --bundles), then for each page
it reads DIR/content/FILE, renders its Markdown as Hugo does (goldmark,
Hugo's shortcodes, relref resolved), renders the item as WordPress showed
it (blocks, wpautop, shortcodes), and compares what a reader sees: the
text (whitespace and typography normalised), the links in order (both
sides as old-site URLs), images and media, and the counts of paragraphs,
headings, list items, table cells, code blocks and code lines. Each page
gets a score from 0 to 1; every structural difference costs at least 0.02.

It prints one line per page (score, wordpress_id, file, what differs),
then the summary: how many pages reach --min-score, the kinds of
difference on the others, and the worst ten with what each side has.

	--min-score SCORE   a page under SCORE fails the run (default 0.99)
	--json              print every page's result and the summary as JSON
	--show ID           print both sides of the page of item ID: text,
	                    links and media line by line ("-" WordPress only,
	                    "+" Hugo only), then the counts
	-q, --quiet         print the summary only
	-j, --jobs N        compare N pages at once (default: the number of CPUs)
	--progress WHEN     progress bar on stderr: auto, always, never

Links are mapped as convert mapped them, thumbnails pointed at their
saved originals included (when DIR/.wpexit/media.json says convert
brought the media in); a file from --media-hosts shows as a media
difference. Verify exits 0 when every page reaches --min-score, 3
when some page does not, is missing from DIR, or items of the export could
not be read.

# Output

Results (the inspection, --report -) go to standard output. Progress,
warnings, per-item errors and the summary go to standard error.

# Exit codes

	0    all went well
	1    the run could not proceed: an export cannot be read or is not an
	     export, or the output cannot be written
	2    bad usage: unknown command or flag, missing EXPORT or --out
	3    the run finished, but some items had errors (see the summary or the
	     report); for inspect: some items could not be read; for check:
	     some required old URL has no target; for verify: some page scores
	     under --min-score
	130  interrupted (SIGINT or SIGTERM); no file is left half-written

Errors read "wpexit: verb object: cause"; problems in an export name their
place, as in "wpexit: read export: export.xml:1234: item 57: …".

# Example

	$ wpexit inspect testdata/sample.xml
	$ wpexit convert testdata/sample.xml --out /tmp/site --report /tmp/site.jsonl
	wpexit: 11 items in = 7 written + 4 skipped + 0 failed
	…
	$ hugo server -s /tmp/site
	$ wpexit check testdata/sample.xml --site /tmp/site
	$ wpexit verify testdata/sample.xml --site /tmp/site -q
	verify: 7 pages, 7 at or above 0.99 (100.0%), 0 below
*/
package main
