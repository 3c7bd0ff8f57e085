// Package verify measures how faithful a converted page is: it renders the
// Markdown wpexit wrote the way Hugo would, and compares what a reader sees
// there with what WordPress showed for the same post.
//
// # Two sides
//
// A page is compared as two Sides, each taken from HTML:
//
//   - the WordPress side (want): the item's stored content rendered to the
//     HTML WordPress would show (convert.Converter.WordPressHTML), read with
//     FromHTML, its URLs then mapped with Side.WithURLs;
//   - the Hugo side (got): the page body rendered with goldmark configured as
//     Hugo 0.165 configures it (FromMarkdown), Hugo's shortcodes replaced by
//     what their templates print.
//
// Each Side holds the visible text (one block per line), the ordered links,
// the media sources (img, iframe, video, audio, source, embed, object), and
// structure counts: paragraphs, headings, list items, table cells, code
// blocks and the line count of each code block.
//
// # One URL space
//
// The two sides must name the same target the same way. A page link on the
// Hugo side is a {{< relref "posts/x.md#frag" >}}; FromMarkdown turns it into
// whatever MarkdownOptions.Resolve answers for "posts/x.md" (plus "#frag").
// On the WordPress side, the stored URL goes through LinkKey: the same
// mapper the converter used (rewrite.Index.Link in the CLI), and a page
// answer goes through the same Resolve. Everything else is what the converter
// writes for that URL: a media file's new path, or the URL as stored. So with
// Resolve answering a page's old URL (its plan's URL), both sides speak
// old-site URLs: "/2012/02/14/x/#frag". Compare then normalises both lists
// the same way (percent-encoding decoded, YouTube and Vimeo players reduced
// to "youtube:ID" and "vimeo:ID").
//
// # What a reader sees
//
// Both sides are read by the same rules, chosen so that only what a reader
// can see counts: script, style and title text is not text; a link with
// nothing visible in it (no text, no image) is not a link; two <br> in a
// row (also across the edge of an inline element, or with an empty one
// between) end a paragraph; "<div>a</div>" is a paragraph like "<p>a</p>";
// a caption is a paragraph (Markdown writes a table's caption as one, and
// Hugo's figure wraps its caption in <p>); empty list items and table cells
// do not count; a <br> in <pre> breaks a code line. A link Hugo's linkify
// made from a bare URL is free when WordPress has no such link (WordPress
// shows the same URL, as text), and still matches one it has.
//
// # Score
//
// Compare gives a score in [0, 1]; see Compare for the formula. Text
// similarity is measured on word tokens after typography is normalised, so
// curly quotes, dashes, ellipses and non-breaking spaces cost nothing, and
// every structural difference (a lost link, a missing image, a code block
// that lost its lines, a table flattened into a paragraph) costs at least
// 0.02, so such a page falls below 0.99 however long it is.
//
// # Why a package of its own
//
// verify is a comparison engine with its own renderer (goldmark, Hugo's
// shortcodes), used only by the `wpexit verify` command. Keeping it out of
// convert keeps convert free of goldmark and of the Hugo-rendering rules,
// and keeps the comparison independent of the code it checks: it shares
// with convert only the first, WordPress-side rendering stage.
//
// The CLI's entry point is Check (one page: the WordPress HTML and the
// written page file in, a PageResult out), with Report to collect pages,
// WriteText and WriteJSON to print them, Report.Below for the exit code,
// and SideBySide for --show.
package verify
