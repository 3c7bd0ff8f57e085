package convert

import (
	"strconv"
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

// wordpressHTML renders the item's stored content to the HTML WordPress
// would show, as plain standard HTML for the Markdown stage.
//
// It follows WordPress's own order for the_content:
//  1. Code shortcodes ([code], [sourcecode], [php], …) are lifted out first,
//     as SyntaxHighlighter does before anything else runs, so their content
//     is never touched; they come back at the end as
//     <pre><code class="language-X">. Their content is taken as stored
//     HTML-escaped (and decoded once) when the post has SyntaxHighlighter's
//     encoded flag, or when it holds no "<" at all (WordPress.com stores code
//     escaped without the flag); otherwise it is taken as raw code.
//  2. Block content (it contains "<!-- wp:") is rendered block by block;
//     runs of classic HTML between blocks get the classic treatment.
//     Classic content has its <pre> elements lifted out, bare YouTube/Vimeo
//     URLs on their own line turned into embeds, and then wpautop.
//  3. Shortcodes are expanded last, after autop, as WordPress does.
//
// <!--more--> is kept (its custom text dropped) on a line of its own.
// <!--nextpage--> is dropped: the pages are joined into one, and a Note
// ("nextpage") says how many there were. <!--noteaser--> is dropped.
func (c *Converter) wordpressHTML(it *wxr.Item) (string, []Note) {
	out, notes := c.renderHTML(it)
	if out != "" {
		out += "\n"
	}
	return out, notes
}

// renderHTML is wordpressHTML without the final newline (Convert has the
// Markdown stage add it rather than copy the page).
func (c *Converter) renderHTML(it *wxr.Item) (string, []Note) {
	out, r := c.render(it, false)
	return out, r.notes
}

// render is renderHTML, holding galleries (heldfig.go) when hold is set;
// the renderer returned has the notes and the galleries held.
func (c *Converter) render(it *wxr.Item, hold bool) (string, *renderer) {
	r := &renderer{c: c, it: it, encoded: syntaxHighlighterEncoded(it), holdFigures: hold}
	out := r.body(it.Content)
	out = r.expand(out)
	out = r.restoreCode(out)
	if r.pages > 0 {
		r.note("nextpage", strconv.Itoa(r.pages+1)+" pages joined")
	}
	return strings.TrimSpace(out), r
}

// renderer holds the state of rendering one item.
type renderer struct {
	c       *Converter
	it      *wxr.Item
	encoded bool     // code shortcode content is stored HTML-escaped
	codes   []string // rendered code blocks, by placeholder number
	refs    []int64  // reusable blocks being rendered, to stop cycles
	pages   int      // <!--nextpage--> markers seen
	notes   []Note

	holdFigures bool          // hold plain galleries for the Markdown stage
	galleries   []heldGallery // held, by placeholder number
}

// syntaxHighlighterEncoded reports whether SyntaxHighlighter flagged the
// post as saved with its code HTML-escaped.
func syntaxHighlighterEncoded(it *wxr.Item) bool {
	return it != nil && (it.MetaValue("_syntaxhighlighter_encoded") != "" || it.MetaValue("syntaxhighlighter_encoded") != "")
}

// note records a Note once per kind and detail.
func (r *renderer) note(kind, detail string) {
	for _, n := range r.notes {
		if n.Kind == kind && n.Detail == detail {
			return
		}
	}
	r.notes = append(r.notes, Note{Kind: kind, Detail: detail})
}

// body renders stored content (a post, or a reusable block inlined into
// one) up to, not including, shortcode expansion.
func (r *renderer) body(content string) string {
	s := cleanInput(content)
	if isBlockContent(s) {
		s = r.pageMarkers(r.lift(s, false))
		return r.renderTop(parseBlocks(s), len(s))
	}
	s = r.pageMarkers(r.lift(s, true))
	return r.autop(s)
}

// classic renders classic-editor HTML: <pre> lifted out, bare embed URLs,
// then wpautop.
func (r *renderer) classic(s string) string { return r.autop(r.lift(s, true)) }

// autop embeds bare URLs and runs wpautop.
func (r *renderer) autop(s string) string { return autop(embedLines(s), r.standalone) }

// cleanInput normalises line ends and removes the control characters the
// render stage uses as placeholders (they are not valid in XML anyway).
func cleanInput(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.IndexByte(s, 0x1a) >= 0 || strings.IndexByte(s, 0x1c) >= 0 || strings.IndexByte(s, 0x1d) >= 0 {
		s = strings.Map(func(r rune) rune {
			if r == 0x1a || r == 0x1c || r == 0x1d {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// pageMarkers normalises <!--more …--> to <!--more--> on a line of its own,
// drops <!--noteaser-->, and joins <!--nextpage--> pages.
func (r *renderer) pageMarkers(s string) string {
	if !strings.Contains(s, "<!--") {
		return s
	}
	// s itself is returned when nothing changes.
	out := splice{src: s}
	for at := 0; ; {
		i := strings.Index(s[at:], "<!--")
		if i < 0 {
			break
		}
		i += at
		end := strings.Index(s[i+4:], "-->")
		if end < 0 {
			break
		}
		end += i + 4 + 3
		inner := strings.TrimSpace(s[i+4 : end-3])
		switch {
		case inner == "more" || strings.HasPrefix(inner, "more ") || strings.HasPrefix(inner, "more\n"):
			out.replace(i, end, "\n\n<!--more-->\n\n")
		case inner == "noteaser":
			out.replace(i, end, "")
		case inner == "nextpage":
			r.pages++
			out.replace(i, end, "\n\n")
		}
		at = end
	}
	return out.String()
}
