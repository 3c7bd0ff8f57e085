// Package wxr reads WordPress eXtended RSS (WXR 1.0, 1.1 and 1.2) exports as a
// stream: the channel header first, then one Item at a time, never the whole
// document. It owns the typed view of an export and the repairs that make
// real, malformed exports readable, each reported with its position.
//
// # Use
//
//	srcs, err := wxr.Sources(name, file, size)   // plain XML, .gz, or a .zip of parts
//	rc, err := srcs[0].Open()
//	r, err := wxr.NewReader(rc, wxr.Options{Name: srcs[0].Name, OnWarning: report})
//	for {
//		it, err := r.Next()
//		// io.EOF: done. *ItemError: that item was skipped, keep going.
//		// *Error: the input breaks here (truncated, read error); io.EOF follows.
//	}
//
// # Design
//
// The reader is two layers.
//
// A byte-level scanner (scan.go) cuts the stream into top-level
// <item>…</item> spans and the gaps between them. It knows only what it must
// to do that safely: comments, CDATA sections, processing instructions and
// declarations are skipped whole, so "</item>" written inside a post's body
// never ends an item; a "<item" met inside an unclosed item ends that item
// (hand-joined files). It counts lines as it goes and notes a "]]>" seen
// outside CDATA, the trace of a CDATA section that a "]]>" in the content
// ended early (WXR 1.0/1.1 did not escape it). The scanner keeps one item's
// bytes in a buffer that grows to the largest item and is compacted, so
// memory stays flat whatever the export's size.
//
// Each span is then parsed on its own (walk.go). Parsing spans separately
// is what gives per-item recovery: a broken item fails alone and the next
// span starts clean; a whole-document decoder cannot resume after a syntax
// error. A fast path (fastwalk.go) tokenizes the span itself: it takes only
// a strict subset of XML (ASCII names, the five predefined entities and
// character references, CDATA, comments) and hands the walker exactly the
// tokens encoding/xml's RawToken would, checking characters as RawToken
// does; anything else (a syntax error, an undeclared prefix, a processing
// instruction) makes it give up, and the span is parsed again from scratch
// with RawToken, so every error, warning and repair is encoding/xml's own.
// TestFastPathSame reads the fixtures, fuzz seeds and corpus both ways and
// requires identical items, warnings and errors. The fast path passes text
// as slices of the span (a value's string is its only copy), interns
// element names, and values reach the builders as bytes, so numbers and
// dates are read without a string. Per CPU second the Reader reads about
// five times faster than a bare encoding/xml Token loop over the same file,
// with a fifteenth of its allocations (BenchmarkReader, BenchmarkTokenLoop).
//
// RawToken, used for the channel header and for items off the fast path,
// does not resolve namespaces, so the walker keeps its own declaration
// stack, seeded with the declarations of <rss> and <channel>; that is also
// what lets an item span be parsed without re-reading the header, and lets
// an undeclared prefix be handled instead of silently kept (encoding/xml's
// Token leaves an unbound prefix in Name.Space). The walker checks that end
// tags match, which RawToken does not. One decoder reads span after span
// (it stops at each item's closing '>'), so its buffers stay warm; it is
// replaced only after an error.
//
// Elements map straight to Item fields as tokens arrive (field.go,
// itembuild.go) rather than through a per-item DOM. The team guide suggests
// beevik/etree for the item's subtree; etree builds the whole tree from its
// own decoder and cannot be given the channel's namespace declarations, and
// the tree costs an allocation per element that the direct mapping avoids.
// The typed Item is the subtree's only representation.
//
// Namespaces are matched by URI, never by prefix: the WXR namespaces by the
// pattern ^https?://wordpress\.org/export/\d+\.\d+/(excerpt/)?$ (http and
// https, any version), content: and dc: by their URIs in either scheme. An
// element whose prefix is bound to a look-alike URI is ignored; an element
// with a different prefix bound to a WXR URI is read. When two elements give
// the same scalar (a second wp:post_id), the first wins.
//
// # Tolerance
//
// Strict first: a span is parsed as it is, and on well-formed input nothing
// is repaired or reported. When a span fails to parse, or holds a stray
// "]]>", repair.go rewrites a copy and parses that: characters XML forbids
// are dropped, invalid UTF-8 becomes U+FFFD, a bare "&" or "<" is escaped,
// HTML named entities (&nbsp;) become their characters, references to
// forbidden characters are dropped, and an element whose single CDATA
// section ended early is re-read as everything between its first
// "<![CDATA[" and the last "]]>" before its end tag (the reference
// importer's rule for crazy-cdata.xml). Repairs never add or remove a
// newline, so every warning keeps the line of the original input. An
// undeclared prefix is declared: wp, content, excerpt and dc as their usual
// namespaces, anything else (the atom: that plugins inject) as an unknown
// namespace, once per input, with a warning. If the repaired span still does
// not parse, the item is skipped with an *ItemError naming the line of the
// error and the line where the item starts.
//
// Channel data (authors, terms) written after the first item is read too
// and added to the Channel as the reader reaches it.
//
// # Values
//
// Scalars are trimmed; Content, Excerpt, comment content and meta values are
// kept as the export holds them. Titles and names are HTML-unescaped once.
// Dates "0000-00-00 00:00:00" are the zero time. post_name and term slugs
// are percent-decoded (url.PathUnescape), checked for UTF-8 and put in NFC;
// an undecodable slug is kept raw. WXR 1.0's "tag" domain is read as
// "post_tag", and its attribute-less duplicate <category> elements are
// dropped. Exports are read as UTF-8 whatever their declaration says (the
// exporter often declares the site charset over UTF-8 text); only bytes that
// are not UTF-8 fall back to a declared single-byte encoding (ISO-8859-1 is
// read as windows-1252), or else become U+FFFD, each with a warning.
package wxr
