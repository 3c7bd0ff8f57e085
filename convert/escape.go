package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
)

// Hugo reads a page's Markdown for shortcodes before any Markdown parser
// sees it, and every "{{<" or "{{%" opens one: a literal one in a post
// would be executed or, far more often, fail the build. Hugo's own escape,
// "{{</* x */>}}", is written back as "{{< x >}}" wherever it stands, code
// blocks included, but only when a matching "*/>}}" closes it. So:
//
//   - in code (fenced or inline), each "{{<"/"{{%" with a later ">}}"/"%}}"
//     gets the comment form; code with an unmatched one is kept as HTML
//     with the brace written as an entity (mdNeutralizeCode reports it);
//   - in text, "{{% … %}}" on one line gets the comment form and any other
//     "{{<"/"{{%" becomes "{&#123;<", which Markdown and HTML both show as
//     "{{<" (mdNeutralizeText). "<" in text is already "&lt;", so
//     "{{< x >}}" in prose arrives here as "{{&lt; x &gt;}}" and is left so.

// mdDelim returns the index of the first "{{<" or "{{%" in s, or -1.
func mdDelim(s string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], "{{")
		if i < 0 {
			return -1
		}
		i += off
		if i+2 < len(s) && (s[i+2] == '<' || s[i+2] == '%') {
			return i
		}
		off = i + 1
	}
}

// mdCloser is the right delimiter matching the left one at s[i:].
func mdCloser(s string, i int) string {
	if s[i+2] == '%' {
		return "%}}"
	}
	return ">}}"
}

// mdNeutralizeCode rewrites each "{{<…>}}" and "{{%…%}}" in code to Hugo's
// comment form, with every "{{" of the result written as mdSC so the final
// pass leaves it alone. ok is false when some "{{<" or "{{%" has no closer:
// no Markdown code can show it, the caller keeps the code as HTML.
func mdNeutralizeCode(s string) (out string, ok bool) {
	if !strings.Contains(s, "{{") {
		return s, true
	}
	var b strings.Builder
	for {
		i := mdDelim(s)
		if i < 0 {
			b.WriteString(s)
			break
		}
		closer := mdCloser(s, i)
		j := strings.Index(s[i+3:], closer)
		if j < 0 {
			return "", false
		}
		b.WriteString(s[:i+3])
		b.WriteString("/*")
		b.WriteString(s[i+3 : i+3+j])
		b.WriteString("*/")
		b.WriteString(closer)
		s = s[i+3+j+3:]
	}
	return strings.ReplaceAll(b.String(), "{{", mdSC), true
}

// mdNeutralizeText makes one line of Markdown text safe from Hugo's
// shortcode parser (see the comment at the top of this file).
func mdNeutralizeText(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for {
		i := mdDelim(s)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		if s[i+2] == '%' {
			// never pair across a code span: its "%}}" is code
			if j := strings.Index(s[i+3:], "%}}"); j >= 0 && !strings.ContainsAny(s[i+3:i+3+j], "`"+mdSC) {
				b.WriteString(s[:i])
				b.WriteString("{{%/*")
				b.WriteString(s[i+3 : i+3+j])
				b.WriteString("*/%}}")
				s = s[i+3+j+3:]
				continue
			}
		}
		b.WriteString(s[:i])
		b.WriteString("{&#123;")
		b.WriteByte(s[i+2])
		s = s[i+3:]
	}
}

// mdCodeHTML escapes code for a raw HTML element, with "{{" written so
// that Hugo never sees a shortcode delimiter.
func mdCodeHTML(s string) string {
	s = htmlTextEscaper.Replace(s)
	return strings.ReplaceAll(s, "{{", "{&#123;")
}

// mdCodeInlineHTML escapes code for an inline <code> element in Markdown,
// where the text between the tags is still read as Markdown.
func mdCodeInlineHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '~', '|', '!':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
	return strings.ReplaceAll(b.String(), "{{", "{&#123;")
}

// mdSanitize drops the C0 control characters XML 1.0 cannot carry (our
// markers and the library's are among them) and replaces U+F002, which
// html-to-markdown uses internally for newlines in code.
func mdSanitize(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0xEF {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\uF002':
			return utf8.RuneError
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			return -1
		}
		return r
	}, s)
}

// mdParam quotes v as a shortcode parameter value. Hugo ends a quoted value
// at a newline and, once it has seen an escaped quote, drops every
// backslash; a trailing backslash would escape the closing quote. Markdown
// values (captions, run through markdownify, which also runs shortcodes)
// keep their backslashes and get quotes and "{{" as entities; plain values
// (alt) get \" and lose backslashes.
func mdParam(v string, markdown bool) string {
	v = strings.ReplaceAll(v, "  \n", "<br>")
	v = collapseSpace(v)
	if markdown {
		v = strings.ReplaceAll(v, `"`, "&quot;")
		if t := strings.TrimRight(v, `\`); len(t) < len(v) {
			k := len(v) - len(t)
			v = t + strings.Repeat("&#92;", k/2+k%2)
		}
		// markdownify extracts shortcodes too
		v = captionShortcodeEscaper.Replace(v)
	} else if strings.Contains(v, `"`) {
		v = strings.ReplaceAll(v, `\`, "")
		v = strings.ReplaceAll(v, `"`, `\"`)
	} else {
		v = strings.TrimSpace(strings.TrimRight(v, `\`))
	}
	return `"` + strings.ReplaceAll(v, "{{", mdSC) + `"`
}

// mdURLParam quotes a URL as a shortcode parameter value.
func mdURLParam(u string) string {
	u = urlParamEscaper.Replace(u)
	return `"` + strings.ReplaceAll(u, "{{", mdSC) + `"`
}

// mdEscapeText backslash-escapes what could be Markdown in plain text
// placed inline (image alt text).
func mdEscapeText(s string) string {
	s = collapseSpace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '!':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mdDashRun rewrites the library's escape of a dash-only line ("\---") to
// escape every dash ("\-\-\-"): with Hugo's typographer "\---" shows as
// "-–", each dash escaped shows "---" as typed. Mid-line dashes are never
// escaped and never touched.
func mdDashRun(line string) string {
	i := strings.Index(line, `\--`)
	if i < 0 {
		return line
	}
	var b strings.Builder
	for i >= 0 {
		if mdEscaped(line, i) {
			b.WriteString(line[:i+1])
			line = line[i+1:]
		} else {
			b.WriteString(line[:i])
			j := i + 1
			for j < len(line) && line[j] == '-' {
				b.WriteString(`\-`)
				j++
			}
			line = line[j:]
		}
		i = strings.Index(line, `\--`)
	}
	b.WriteString(line)
	return b.String()
}

// mdEscaped reports whether the byte at s[i] is itself escaped by an odd
// run of backslashes before it.
func mdEscaped(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// mdUnEscapeClosing escapes a "*" or "_" that follows a non-space
// character: it could close emphasis ("**0* 00**" would end the bold
// early). The library only checks the character after it.
func mdUnEscapeClosing(chars []byte, index int) int {
	if chars[index] != '*' && chars[index] != '_' {
		return -1
	}
	i := index - 1
	for i >= 0 && chars[i] == '\a' {
		i--
	}
	if i < 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRune(chars[:i+1])
	if unicode.IsSpace(r) || r == utf8.RuneError {
		return -1
	}
	return 1
}

// mdEscapeEntities writes the ampersand of entity-like text ("&copy;" typed
// as text, stored as "&amp;copy;") as "&amp;", or Markdown would show "©".
// It runs before the base plugin, whose own "&lt;" must stay an entity.
func mdEscapeEntities(ctx converter.Context, s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return mdEntityLike.ReplaceAllStringFunc(s, mdAmp)
}

// Replacers built once: a strings.Replacer is safe for concurrent use.
var (
	htmlTextEscaper         = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	captionShortcodeEscaper = strings.NewReplacer("{{", "{&#123;", mdSC, "{&#123;")
	urlParamEscaper         = strings.NewReplacer(`"`, "%22", `\`, "%5C", " ", "%20", "\n", "%0A", "\t", "%09")
)
