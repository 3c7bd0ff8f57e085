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
//     <pre><code class="language-X">.
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
	r := &renderer{c: c, it: it, encoded: syntaxHighlighterEncoded(it)}
	out := r.body(it.Content)
	out = r.expand(out)
	out = r.restoreCode(out)
	if r.pages > 0 {
		r.note("nextpage", strconv.Itoa(r.pages+1)+" pages joined")
	}
	out = strings.TrimSpace(out)
	if out != "" {
		out += "\n"
	}
	return out, r.notes
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
		return r.renderTop(parseBlocks(s))
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
	if strings.ContainsAny(s, "\x1a\x1c\x1d") {
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
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := strings.Index(s[i+4:], "-->")
		if end < 0 {
			b.WriteString(s)
			return b.String()
		}
		end += i + 4 + 3
		b.WriteString(s[:i])
		inner := strings.TrimSpace(s[i+4 : end-3])
		switch {
		case inner == "more" || strings.HasPrefix(inner, "more ") || strings.HasPrefix(inner, "more\n"):
			b.WriteString("\n\n<!--more-->\n\n")
		case inner == "noteaser":
		case inner == "nextpage":
			r.pages++
			b.WriteString("\n\n")
		default:
			b.WriteString(s[i:end])
		}
		s = s[end:]
	}
}

// placeholder numbers code blocks held out of the way; it looks like an
// empty <pre> so wpautop treats it as a block.
const (
	codeMark  = "\x1a"
	codeOpen  = "<pre>" + codeMark
	codeClose = codeMark + "</pre>"
)

// hold keeps rendered code HTML and returns its placeholder.
func (r *renderer) hold(html string) string {
	r.codes = append(r.codes, html)
	return codeOpen + strconv.Itoa(len(r.codes)-1) + codeClose
}

// restoreCode puts held code back, dropping a <p> wrapped tightly around
// it.
func (r *renderer) restoreCode(s string) string {
	if len(r.codes) == 0 {
		return s
	}
	s = strings.ReplaceAll(s, "<p>"+codeOpen, codeOpen)
	s = strings.ReplaceAll(s, codeClose+"</p>", codeClose)
	return restoreHeld(s, codeMark, r.codes)
}

// lift holds code out of the way: every enclosing code shortcode and, when
// pre is set, every <pre> element. Markup, comments and inline <code>
// elements are skipped, so a shortcode quoted there is left alone.
func (r *renderer) lift(s string, pre bool) string {
	if !strings.ContainsRune(s, '[') && (!pre || !strings.Contains(s, "<pre") && !strings.Contains(s, "<PRE")) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "<[")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		if s[j] == '<' {
			if hasTagPrefix(s[j:], "pre") && !strings.HasPrefix(s[j:], codeOpen) {
				if end := elementEnd(s, j, "pre"); end > 0 {
					if code, ok := r.liftPre(s[j:end], pre); ok {
						b.WriteString(code)
						i = end
						continue
					}
				}
			}
			end := skipMarkup(s, j)
			b.WriteString(s[j:end])
			i = end
			continue
		}
		if end, ok := escapedShortcode(s, j, isCodeTag); ok {
			b.WriteString(s[j:end])
			i = end
			continue
		}
		if !isCodeTag(shortcodeName(s, j)) {
			b.WriteByte('[')
			i = j + 1
			continue
		}
		if sc, ok := parseShortcode(s, j, isCodeTag); ok && sc.enclosed {
			b.WriteString(r.hold(codeShortcodeHTML(sc, r.encoded)))
			i = sc.end
			continue
		}
		b.WriteByte('[')
		i = j + 1
	}
	return b.String()
}

// liftPre holds a <pre> element: one that holds only a code shortcode
// (as SyntaxHighlighter users often wrote it) becomes that code block; any
// other only when all is set.
func (r *renderer) liftPre(el string, all bool) (string, bool) {
	_, inner := splitElement(el)
	t := strings.TrimSpace(inner)
	if t != "" && t[0] == '[' && isCodeTag(shortcodeName(t, 0)) {
		if sc, ok := parseShortcode(t, 0, isCodeTag); ok && sc.enclosed && sc.end == len(t) {
			return r.hold(codeShortcodeHTML(sc, r.encoded)), true
		}
	}
	if !all || strings.Contains(inner, codeMark) {
		return "", false
	}
	return r.hold(preCodeHTML(el, "")), true
}

// skipMarkup returns where the markup at s[i] == '<' ends; inline <code>,
// <script> and <style> elements are skipped whole.
func skipMarkup(s string, i int) int {
	for _, name := range [...]string{"code", "script", "style"} {
		if hasTagPrefix(s[i:], name) {
			if end := elementEnd(s, i, name); end > 0 {
				return end
			}
		}
	}
	return markupEnd(s, i)
}

// escapedShortcode recognises "[[name …]]" (or "[[name]…[/name]]") at s[i]
// for a recognised name, and returns where it ends.
func escapedShortcode(s string, i int, recognised func(string) bool) (end int, ok bool) {
	if i+1 >= len(s) || s[i+1] != '[' {
		return 0, false
	}
	sc, ok := parseShortcode(s, i+1, recognised)
	if !ok || !recognised(sc.name) || sc.end >= len(s) || s[sc.end] != ']' {
		return 0, false
	}
	return sc.end + 1, true
}

// Shortcodes returns the names of the shortcodes used in content, in order
// of first use, each once. Code shortcodes count, their content does not;
// escaped uses ("[[gallery]]") do not count.
func Shortcodes(content string) []string {
	var names []string
	seen := map[string]bool{}
	scanShortcodes(content, func(name string) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	})
	return names
}

// BlockNames returns the Gutenberg block names used in content
// ("core/image", "core/paragraph", …), in order of first use, each once.
func BlockNames(content string) []string {
	if !isBlockContent(content) {
		return nil
	}
	var names []string
	seen := map[string]bool{}
	walkBlocks(parseBlocks(content), func(b *block) {
		if !seen[b.name] {
			seen[b.name] = true
			names = append(names, b.name)
		}
	})
	return names
}
