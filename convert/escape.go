package convert

import (
	"regexp"
	"strconv"
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
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
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
	v = strings.Join(strings.Fields(v), " ")
	if markdown {
		v = strings.ReplaceAll(v, `"`, "&quot;")
		if t := strings.TrimRight(v, `\`); len(t) < len(v) {
			k := len(v) - len(t)
			v = t + strings.Repeat("&#92;", k/2+k%2)
		}
		// markdownify extracts shortcodes too
		v = strings.ReplaceAll(v, "{{", "{&#123;")
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
	u = strings.NewReplacer(`"`, "%22", `\`, "%5C", " ", "%20", "\n", "%0A", "\t", "%09").Replace(u)
	return `"` + strings.ReplaceAll(u, "{{", mdSC) + `"`
}

// mdEscapeText backslash-escapes what could be Markdown in plain text
// placed inline (image alt text).
func mdEscapeText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
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

// mdBlankLine reports whether a line is blank, also inside a blockquote.
func mdBlankLine(s string) bool {
	return strings.Trim(s, " \t>") == ""
}

// mdFinish is the last pass over the library's output: shortcode
// delimiters neutralized, hard breaks written as a trailing backslash,
// dash-only lines escaped per dash, trailing spaces dropped and blank
// lines collapsed, all outside code blocks (whose bytes are kept); then the
// reference definitions, our own shortcodes restored, one final newline.
func mdFinish(s string, refs []string) string {
	lines := mdListEnds(strings.Split(s, "\n"))
	var b strings.Builder
	b.Grow(len(s) + 64*len(refs))
	inCode, blanks, prev, lastText := false, 0, "", ""
	for i, line := range lines {
		if !inCode && !strings.ContainsAny(line, mdCodeOpen+mdCodeClose) {
			line = mdTidyLine(line, i+1 < len(lines) && !mdBlankLine(lines[i+1]))
			line = mdAfterBreak(prev, line)
			line = mdDropLead(lastText, line)
			if line != "" {
				lastText = line
			}
			if line == "" {
				blanks++
				if blanks > 1 || (i+1 < len(lines) && mdTightNext(prev, lines[i+1])) {
					continue
				}
			} else {
				blanks = 0
			}
		} else {
			line, inCode = mdCodeLine(line, inCode)
			blanks = 0
		}
		b.WriteString(line)
		b.WriteByte('\n')
		prev = line
	}
	out := strings.Trim(b.String(), "\n")
	if out == "" {
		return ""
	}
	if len(refs) > 0 {
		var d strings.Builder
		d.WriteString(out)
		d.WriteString("\n")
		for n, def := range refs {
			d.WriteString("\n[")
			d.WriteString(strconv.Itoa(n + 1))
			d.WriteString("]: ")
			d.WriteString(def)
		}
		out = d.String()
	}
	return strings.ReplaceAll(out, mdSC, "{{") + "\n"
}

// mdRule matches the thematic break we write.
var mdRule = regexp.MustCompile(`^ *(\* *){3,}$`)

// mdListEnds turns each mdListEnd line that stands between two lists into
// an empty HTML comment, which keeps Markdown from merging them, and drops
// the others (a list that rendered as something else).
func mdListEnds(lines []string) []string {
	unquote := func(l string) string { return l[len(mdQuotePrefix.FindString(l)):] }
	blank := func(l string) bool { return strings.TrimSpace(unquote(l)) == "" }
	for i, l := range lines {
		if !strings.Contains(l, mdListEnd) {
			continue
		}
		j, k := i-1, i+1
		for j >= 0 && blank(lines[j]) {
			j--
		}
		for k < len(lines) && blank(lines[k]) {
			k++
		}
		keep := strings.TrimSpace(unquote(l)) == mdListEnd && j >= 0 && k < len(lines) &&
			mdListLine.MatchString(unquote(lines[j])) && mdListMarker.MatchString(unquote(lines[k])) &&
			!mdRule.MatchString(unquote(lines[k]))
		if keep {
			lines[i] = strings.Replace(l, mdListEnd, "<!-- -->", 1)
		} else {
			lines[i] = strings.TrimRight(strings.ReplaceAll(l, mdListEnd, ""), " ")
		}
	}
	return lines
}

// mdAfterBreak drops the spaces a line after a hard break has beyond the
// indentation of the line before (they are text the break was followed by,
// not indentation; Markdown would drop them anyway).
func mdAfterBreak(prev, line string) string {
	if !strings.HasSuffix(prev, `\`) && !strings.HasSuffix(prev, "  ") {
		return line
	}
	quote := mdQuotePrefix.FindString(line)
	if mdQuotePrefix.FindString(prev) != quote {
		return line
	}
	prev, line = prev[len(quote):], line[len(quote):]
	indent := len(prev) - len(strings.TrimLeft(prev, " "))
	if m := mdListMarker.FindString(prev); m != "" {
		indent = len(m)
	}
	if lead := len(line) - len(strings.TrimLeft(line, " ")); lead > indent {
		line = line[:indent] + line[lead:]
	}
	at := min(indent, len(line))
	if mdBlockStart.MatchString(line[at:]) {
		if line[at] == '1' {
			at++
		}
		line = line[:at] + `\` + line[at:]
	}
	return quote + line
}

// mdDropLead drops the 1-3 spaces a line starts with when they cannot be
// indentation (Markdown ignores them; an inline element starting a block
// can leave one): after top-level text that is not a list. last is the
// last non-blank line before.
func mdDropLead(last, line string) string {
	lead := len(line) - len(strings.TrimLeft(line, " "))
	if lead == 0 || lead > 3 || lead == len(line) || mdListMarker.MatchString(line) || strings.Contains(line, mdCodeOpen) {
		return line
	}
	if last == "" || (last[0] != ' ' && last[0] != '>' && !mdListMarker.MatchString(last)) {
		return line[lead:]
	}
	return line
}

// mdQuotePrefix matches the blockquote markers starting a line.
var mdQuotePrefix = regexp.MustCompile(`^(?: {0,3}> ?)*`)

// mdBlockStart matches the start of a line that would interrupt a
// paragraph (a list, a heading, a quote, a fence). The library decides escapes before the spaces after
// a hard break are dropped, so it misses these.
var mdBlockStart = regexp.MustCompile("^(1[.)]|[-+*]|#{1,6})( |$)|^(>|```|~~~)")

// mdListMarker matches the marker of a list item line, with its indentation
// and the space after it.
var mdListMarker = regexp.MustCompile(`^ *([-*+]|[0-9]{1,9}[.)]) `)

// mdNestedStart matches the first line of a list or code block nested in
// a list item.
var mdNestedStart = regexp.MustCompile(`^ +([-*+]|0{0,8}1[.)]) |^ +` + mdCodeOpen)

// mdListLine matches a line of a list item.
var mdListLine = regexp.MustCompile(`^ *([-*+]|[0-9]{1,9}[.)])( |$)|^ +[^ ]`)

// mdTightNext reports whether the blank line between prev and next is
// one the library puts before a nested list or code block in a list item:
// dropped, the list stays tight, as WordPress showed it.
func mdTightNext(prev, next string) bool {
	return prev != "" && strings.HasPrefix(next, " ") && mdNestedStart.MatchString(next) && mdListLine.MatchString(prev)
}

// mdHeading matches an ATX heading line; mdSpaces a run of spaces.
var (
	mdHeading = regexp.MustCompile(`^#{1,6} `)
	mdSpaces  = regexp.MustCompile(`  +`)
)

// mdTidyLine tidies one line outside code. A line ending in two spaces is
// the library's hard break: a backslash when text follows (two spaces
// after a literal backslash, see below), nothing at the end of a block.
func mdTidyLine(line string, textFollows bool) string {
	line = mdDashRun(mdNeutralizeText(line))
	if mdHeading.MatchString(line) && !strings.Contains(line, "`") {
		line = mdSpaces.ReplaceAllString(line, " ") // a <br> in a heading leaves two
	}
	trimmed := strings.TrimRight(line, " \t")
	if strings.Trim(trimmed, " \t>") == "" {
		return strings.TrimRight(trimmed, " \t")
	}
	if !textFollows || !strings.HasSuffix(line, "  ") {
		return trimmed
	}
	if strings.HasSuffix(trimmed, `\`) {
		if !mdEscaped(trimmed, len(trimmed)-1) {
			return trimmed // already a backslash break
		}
		// goldmark reads an escaped backslash before a backslash break
		// as two backslashes and no break: use two spaces there.
		return trimmed + "  "
	}
	return trimmed + `\`
}

// mdCodeLine handles a line inside a code block or one carrying a code
// marker: code bytes are kept, text outside the markers is tidied.
func mdCodeLine(line string, inCode bool) (string, bool) {
	var b strings.Builder
	for line != "" {
		i := strings.IndexAny(line, mdCodeOpen+mdCodeClose)
		seg := line
		if i >= 0 {
			seg = line[:i]
		}
		if !inCode {
			seg = mdNeutralizeText(seg)
		}
		b.WriteString(seg)
		if i < 0 {
			break
		}
		inCode = line[i] == mdCodeOpen[0]
		line = line[i+1:]
	}
	out := b.String()
	if !inCode {
		out = strings.TrimRight(out, " \t")
	}
	return out, inCode
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
