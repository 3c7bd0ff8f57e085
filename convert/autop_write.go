package convert

import "strings"

// autopWriter is where autop writes its paragraphs: straight to the output,
// with the newlines markBlocks hid inside tags and comments shown again on
// the way, so no paragraph is built as a string of its own first.
type autopWriter struct {
	b strings.Builder
}

// text writes s, hidden newlines turned back into newlines.
func (w *autopWriter) text(s string) {
	for {
		i := strings.IndexByte(s, hiddenNewline[0])
		if i < 0 {
			w.b.WriteString(s)
			return
		}
		w.b.WriteString(s[:i])
		w.b.WriteByte('\n')
		s = s[i+1:]
	}
}

// paragraph writes one chunk, rendered, and a newline after it; it writes
// nothing when the chunk renders as nothing.
func (w *autopWriter) paragraph(chunk string, standalone func(string) bool) {
	t := strings.Trim(chunk, " \t\n")
	if textIsBlank(t) { // only (non-breaking) spaces
		return
	}
	if isCommentOnly(t) || (standalone != nil && standalone(t)) {
		w.line(t)
		return
	}
	lead, leadName, leadClosing := edgeTag(t, true)
	rest := t[len(lead):]
	trail, trailName, trailClosing := edgeTag(rest, false)
	mid := trimBreaks(rest[:len(rest)-len(trail)])
	if mid == "" {
		if lead == "" && trail == "" || leadName == "p" && (trailName == "p" || leadClosing) {
			// Nothing, an empty paragraph, or a stray </p>: every
			// paragraph written here is closed in its own chunk.
			return
		}
		w.text(lead)
		w.line(trail)
		return
	}
	open, close := paragraphWrap(lead, leadName, leadClosing, trail, trailName, trailClosing)
	w.text(lead)
	w.b.WriteString(open)
	w.lineBreaks(mid)
	w.b.WriteString(close)
	w.line(trail)
}

// line writes s and a newline.
func (w *autopWriter) line(s string) {
	w.text(s)
	w.b.WriteByte('\n')
}

// paragraphWrap returns what goes around the text of a chunk, between its
// leading and trailing block tags (either may be absent): "<p>" and
// "</p>", or less.
func paragraphWrap(lead, leadName string, leadClosing bool, trail, trailName string, trailClosing bool) (open, close string) {
	switch {
	case lead != "" && trail != "":
		if leadName == "blockquote" && !leadClosing {
			return "<p>", "</p>"
		}
		return "", ""
	case lead != "":
		switch {
		case leadName == "p" && !leadClosing:
			return "", "</p>" // a paragraph cut by a blank line
		case !leadClosing && paragraphContainers[leadName]:
			return "<p>", "</p>"
		}
		return "", ""
	case trail != "":
		switch {
		case trailName == "p" && trailClosing:
			return "<p>", ""
		case trailClosing && paragraphContainers[trailName]:
			return "<p>", "</p>"
		}
		return "", ""
	}
	return "<p>", "</p>"
}

// lineBreaks writes s with each newline turned into "<br />\n", white
// space before it dropped, unless a <br /> already ends the line.
func (w *autopWriter) lineBreaks(s string) {
	for {
		nl := strings.IndexByte(s, '\n')
		if nl < 0 {
			w.text(s)
			return
		}
		line := strings.TrimRight(s[:nl], " \t")
		w.text(line)
		if !strings.HasSuffix(line, "<br />") {
			w.b.WriteString("<br />")
		}
		w.b.WriteByte('\n')
		s = strings.TrimLeft(s[nl+1:], " \t")
	}
}

// textIsBlank reports whether s holds only white space, as
// strings.TrimSpace(s) == "" does, without trimming ASCII text.
func textIsBlank(s string) bool {
	switch mdASCIIBlank(s) { // mdempty.go
	case blankYes:
		return true
	case blankNo:
		return false
	}
	return strings.TrimSpace(s) == ""
}
