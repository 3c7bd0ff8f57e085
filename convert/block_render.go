package convert

import (
	"encoding/json"
	"strconv"
	"strings"
)

// containerBlocks only arrange their inner blocks: they are flattened to
// them, wrapper markup dropped.
var containerBlocks = map[string]bool{
	"core/columns": true, "core/column": true, "core/group": true, "core/row": true,
	"core/stack": true, "core/buttons": true, "core/media-text": false,
	"jetpack/layout-grid": true, "jetpack/layout-grid-column": true,
}

// codeBlocks hold code in a <pre>.
var codeBlocks = map[string]bool{
	"core/code": true, "core/preformatted": true, "syntaxhighlighter/code": true,
}

// isDynamicBlock reports whether a core block is rendered by the server
// from the site's data (latest posts, archives, navigation, comments, …)
// and so has nothing to show in a static page.
func isDynamicBlock(name string) bool {
	n, ok := strings.CutPrefix(name, "core/")
	if !ok {
		return false
	}
	switch n {
	case "latest-posts", "latest-comments", "archives", "categories", "tag-cloud", "rss", "search",
		"calendar", "page-list", "loginout", "avatar", "read-more", "term-description",
		"home-link", "social-link", "widget-group", "legacy-widget":
		return true
	}
	for _, p := range []string{"post-", "query", "comment", "site-", "navigation"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// renderTop renders the top level of block content: blocks, and the
// freeform HTML between them with the classic treatment.
func (r *renderer) renderTop(parts []blockPart, size int) string {
	var b strings.Builder
	b.Grow(size) // about the size of the stored content
	for _, p := range parts {
		if p.child != nil {
			if out := r.renderBlock(p.child); out != "" {
				b.WriteString(out)
				b.WriteString("\n\n")
			}
			continue
		}
		if strings.TrimSpace(p.html) != "" {
			b.WriteString(r.classic(p.html))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// renderInner renders a block's saved HTML with its inner blocks in place.
func (r *renderer) renderInner(blk *block) string {
	var b strings.Builder
	for _, p := range blk.parts {
		if p.child != nil {
			b.WriteString(r.renderBlock(p.child))
		} else {
			b.WriteString(p.html)
		}
	}
	return b.String()
}

// renderChildren renders only a block's inner blocks, and any text in its
// own HTML that is more than wrapper tags.
func (r *renderer) renderChildren(blk *block) string {
	var b strings.Builder
	for _, p := range blk.parts {
		switch {
		case p.child != nil:
			if out := r.renderBlock(p.child); out != "" {
				b.WriteString(out)
				b.WriteString("\n")
			}
		case strings.TrimSpace(stripTags(p.html)) != "":
			b.WriteString(p.html)
		}
	}
	return b.String()
}

// renderBlock renders one block. Most blocks' saved HTML already is what
// WordPress shows, and is kept.
func (r *renderer) renderBlock(blk *block) string {
	name := blk.name
	switch {
	case codeBlocks[name]:
		return r.codeBlock(blk)
	case containerBlocks[name]:
		return r.renderChildren(blk)
	case name == "core/embed" || strings.HasPrefix(name, "core-embed/"):
		return r.embedBlock(blk)
	case isDynamicBlock(name) && name != "core/footnotes":
		r.note("dynamic-block", name)
		return ""
	}
	switch name {
	case "core/spacer":
		return ""
	case "core/separator":
		return "<hr>"
	case "core/more":
		return "<!--more-->"
	case "core/nextpage":
		return "" // its <!--nextpage--> body was counted by pageMarkers
	case "core/footnotes":
		return r.footnotes()
	case "core/html", "core/shortcode":
		return strings.TrimSpace(blk.innerHTML())
	case "core/block":
		return r.reusableBlock(blk)
	case "core/gallery":
		return r.galleryBlock(blk)
	case "core/freeform":
		return r.classic(blk.innerHTML())
	}
	if !strings.HasPrefix(name, "core/") {
		r.note("unknown-block", name)
	}
	out := strings.TrimSpace(r.renderInner(blk))
	if name == "core/paragraph" {
		out = strings.TrimSpace(embedLine(out)) // <p>URL</p> is auto-embedded too
	}
	if isEmptyHTML(out) {
		return "" // an empty paragraph kept as a spacer, a list of dynamic links, …
	}
	return out
}

// isEmptyHTML reports whether HTML shows nothing: no text, no media.
func isEmptyHTML(h string) bool {
	if strings.TrimSpace(stripTags(h)) != "" {
		return false
	}
	for _, t := range []string{"<img", "<iframe", "<video", "<audio", "<svg", "<object", "<embed", "<input", "<hr", "<canvas", "<!--"} {
		if strings.Contains(h, t) {
			return false
		}
	}
	return true
}

// codeBlock renders code, preformatted and SyntaxHighlighter blocks. The
// language comes from the "language" attribute or the classes.
func (r *renderer) codeBlock(blk *block) string {
	inner := strings.TrimSpace(blk.innerHTML())
	lang := codeLanguage(blk.attrString("language"))
	if i := indexTag(inner, "pre"); i >= 0 {
		if end := elementEnd(inner, i, "pre"); end > 0 {
			return r.hold(preCodeHTML(inner[i:end], lang))
		}
	}
	return r.hold(preCodeHTML("<pre>"+inner+"</pre>", lang))
}

// indexTag finds the first opening tag of name in s, or -1.
func indexTag(s, name string) int {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			return -1
		}
		i += k
		if hasTagPrefix(s[i:], name) {
			return i
		}
		i++
	}
}

// embedBlock renders an embed block from its url attribute (or the URL in
// its saved HTML), followed by its caption as a paragraph.
func (r *renderer) embedBlock(blk *block) string {
	inner := blk.innerHTML()
	u := blk.attrString("url")
	caption := ""
	if i := indexTag(inner, "figcaption"); i >= 0 {
		if end := elementEnd(inner, i, "figcaption"); end > 0 {
			_, caption = splitElement(inner[i:end])
			inner = inner[:i]
		}
	}
	if u == "" {
		u = strings.TrimSpace(stripTags(inner))
	}
	out := embedHTML(u)
	if out != "" && !isPlayerHTML(out) {
		out = "<p>" + out + "</p>"
	}
	if caption = strings.TrimSpace(caption); caption != "" {
		out += "\n<p>" + caption + "</p>"
	}
	return out
}

// galleryBlock renders a gallery block. Since WordPress 5.9 its images are
// inner image blocks; before, they are <li> items of its saved HTML; a
// gallery saved without HTML is rebuilt from its ids attribute.
func (r *renderer) galleryBlock(blk *block) string {
	inner := blk.innerHTML()
	caption := ""
	if i := strings.LastIndex(inner, "<figcaption"); i >= 0 && strings.Contains(attrValue(openingTag(inner, i), "class"), "blocks-gallery-caption") {
		if end := elementEnd(inner, i, "figcaption"); end > 0 {
			_, caption = splitElement(inner[i:end])
			inner = inner[:i] + inner[end:]
		}
	}
	var figures []string
	for _, p := range blk.parts {
		if p.child != nil {
			if f := strings.TrimSpace(r.renderBlock(p.child)); f != "" {
				figures = append(figures, f)
			}
		}
	}
	if len(figures) == 0 {
		figures = galleryItems(inner)
	}
	if len(figures) == 0 {
		return r.galleryOf(blk.attrInts("ids"), blk.attrString("linkTo") == "file" || blk.attrString("linkTo") == "media", caption)
	}
	return galleryDiv(figures, caption, r)
}

// galleryItems returns the contents of the <li> items of an old gallery
// block's saved HTML.
func galleryItems(inner string) []string {
	var items []string
	for i := 0; ; {
		k := indexTag(inner[i:], "li")
		if k < 0 {
			return items
		}
		k += i
		end := elementEnd(inner, k, "li")
		if end < 0 {
			return items
		}
		_, item := splitElement(inner[k:end])
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
		i = end
	}
}

// reusableBlock inlines a reusable block (synced pattern) from the site's
// wp_block items. A missing one, or one that includes itself, is noted and
// left out.
func (r *renderer) reusableBlock(blk *block) string {
	ref := blk.attrInt("ref")
	detail := strconv.FormatInt(ref, 10)
	for _, open := range r.refs {
		if open == ref {
			r.note("reusable-block-cycle", detail)
			return ""
		}
	}
	var content string
	ok := false
	if r.c != nil && r.c.site != nil {
		content, ok = r.c.site.Blocks[ref]
	}
	if !ok {
		r.note("missing-reusable-block", detail)
		return ""
	}
	r.refs = append(r.refs, ref)
	defer func() { r.refs = r.refs[:len(r.refs)-1] }()
	return strings.TrimSpace(r.body(content))
}

// footnotes renders the footnotes block from the post's "footnotes" meta
// (WordPress 6.3+), a JSON list of {id, content}: an ordered list whose
// items carry the ids the in-text references link to.
func (r *renderer) footnotes() string {
	var notes []struct{ ID, Content string }
	raw := ""
	if r.it != nil {
		raw = r.it.MetaValue("footnotes")
	}
	if raw == "" || json.Unmarshal([]byte(raw), &notes) != nil || len(notes) == 0 {
		r.note("missing-footnotes", "no footnotes meta")
		return ""
	}
	var b strings.Builder
	b.WriteString("<ol class=\"footnotes\">\n")
	for _, n := range notes {
		b.WriteString(`<li id="` + escapeAttr(n.ID) + `">` + n.Content + ` <a href="#` + escapeAttr(n.ID) + `-link">↩︎</a></li>` + "\n")
	}
	b.WriteString("</ol>")
	return b.String()
}
