package convert

import (
	"regexp"
	"strconv"
	"strings"
)

// The final pass over the library's Markdown, line by line: what only the
// finished text shows (a hard break's neighbours, blank lines around nested
// lists, lines that would start a block) is settled here.

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
	b.Grow(len(s) + strings.Count(s, mdSC) + 64*len(refs))
	// writeSC writes t to b with our shortcodes' "{{" restored.
	writeSC := func(t string) {
		for {
			i := strings.IndexByte(t, mdSC[0])
			if i < 0 {
				b.WriteString(t)
				return
			}
			b.WriteString(t[:i])
			b.WriteString("{{")
			t = t[i+1:]
		}
	}
	inCode, blanks, prev, lastText := false, 0, "", ""
	for i, line := range lines {
		if !inCode && strings.IndexByte(line, mdCodeOpen[0]) < 0 && strings.IndexByte(line, mdCodeClose[0]) < 0 {
			line = mdTidyLine(line, i+1 < len(lines) && !mdBlankLine(lines[i+1]))
			line = mdAfterBreak(prev, line)
			line = mdDropLead(lastText, line)
			if line != "" {
				lastText = line
			}
			if line != "" && line == prev && strings.Trim(line, " >") == "" {
				continue // a second blank line inside a blockquote
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
			if line != "" {
				lastText = line
			}
		}
		writeSC(line)
		b.WriteByte('\n')
		prev = line
	}
	text := b.String()
	out := strings.Trim(text, "\n")
	if out == "" {
		return ""
	}
	if len(refs) == 0 && len(out) == len(text)-1 && text[0] != '\n' {
		return text // out and its final newline, as written
	}
	// The definitions after a blank line, one final newline.
	b = strings.Builder{}
	size := len(out) + 2
	for _, def := range refs {
		size += len(def) + 16
	}
	b.Grow(size)
	b.WriteString(out)
	if len(refs) > 0 {
		b.WriteString("\n")
		for n, def := range refs {
			b.WriteString("\n[")
			b.WriteString(strconv.Itoa(n + 1))
			b.WriteString("]: ")
			writeSC(def)
		}
	}
	b.WriteString("\n")
	return b.String()
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
		// every marker of an item that starts with a nested one: "- - "
		for indent = 0; m != ""; m = mdListMarker.FindString(prev[indent:]) {
			indent += len(m)
		}
	}
	if lead := len(line) - len(strings.TrimLeft(line, " ")); lead > indent {
		line = line[:indent] + line[lead:]
	}
	at := min(indent, len(line))
	if q := mdQuotePrefix.FindString(prev[min(indent, len(prev)):]); q != "" && strings.HasPrefix(line[at:], q) {
		at += len(q) // the line goes on with the quote the item's line opened
	}
	if mdIsBlockStart(line[at:]) {
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

// mdIsBlockStart reports whether line starts with what would interrupt a
// paragraph (a list, a heading, a quote, a fence). The library decides
// escapes before the spaces after a hard break are dropped, so it misses
// these. It reads as ^(1[.)]|[-+*]|#{1,6})( |$)|^(>|```|~~~) would
// (mdBlockStartRef in the tests).
func mdIsBlockStart(line string) bool {
	if strings.HasPrefix(line, ">") || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
		return true
	}
	n := 0 // the length of the marker
	switch {
	case strings.HasPrefix(line, "1.") || strings.HasPrefix(line, "1)"):
		n = 2
	case line != "" && (line[0] == '-' || line[0] == '+' || line[0] == '*'):
		n = 1
	default:
		for n < len(line) && n < 6 && line[n] == '#' {
			n++
		}
		if n == 0 {
			return false
		}
	}
	return n == len(line) || line[n] == ' '
}

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

// mdSpaces matches a run of spaces.
var mdSpaces = regexp.MustCompile(`  +`)

// mdHeading reports whether line is an ATX heading line: one to six "#"
// and a space.
func mdHeading(line string) bool {
	n := 0
	for n < len(line) && n < 7 && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(line) && line[n] == ' '
}

// mdTidyLine tidies one line outside code. A line ending in two spaces is
// the library's hard break: a backslash when text follows (two spaces
// after a literal backslash, see below), nothing at the end of a block.
func mdTidyLine(line string, textFollows bool) string {
	line = mdNoTaskBox(mdDashRun(mdNeutralizeText(line)))
	if mdHeading(line) && !strings.Contains(line, "`") {
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

// mdTaskBox matches a list item whose text starts "[x]" or "[X]" (a link
// whose text is the letter, or the text itself), which GFM's task lists
// (on in Hugo) show as a ticked box; group 2 is the letter.
var mdTaskBox = regexp.MustCompile(`^((?: {0,3}> ?)* *(?:[-*+]|[0-9]{1,9}[.)]) +)\[([xX])\]`)

// mdNoTaskBox writes the letter of such an item as a character reference,
// "[&#120;]", which shows the same and is no task box. Only a line holding
// "[x]" or "[X]" can match: the others (most lines with a link) skip the
// regular expression.
func mdNoTaskBox(line string) string {
	if !strings.Contains(line, "[x]") && !strings.Contains(line, "[X]") {
		return line
	}
	m := mdTaskBox.FindStringSubmatchIndex(line)
	if m == nil {
		return line
	}
	return line[:m[4]] + "&#" + strconv.Itoa(int(line[m[4]])) + ";" + line[m[5]:]
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
