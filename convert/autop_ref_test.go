package convert

import (
	"strconv"
	"strings"
)

// The autop of before the writer rewrite (autop_write.go), kept as the
// reference the differential tests compare autop with.

// autopRef is autop as it was: each paragraph built as a string, then
// copied.
func autopRef(s string, standalone func(chunk string) bool) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var kept []string
	s = setAside(s, &kept)
	s = markBlocksRef(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	forEachChunk(s, func(chunk string) {
		if p := paragraphRef(chunk, standalone); p != "" {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	})
	out := strings.ReplaceAll(b.String(), hiddenNewline, "\n")
	return restoreAside(out, kept)
}

// markBlocksRef puts a blank line before every opening block tag and after
// every closing one, hides newlines inside tags and comments, writes every
// <br> as "<br />", and turns two <br> in a row into a blank line.
func markBlocksRef(s string) string {
	b := make([]byte, 0, len(s)+len(s)/8)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b = append(b, s[i:]...)
			break
		}
		j += i
		b = append(b, s[i:j]...)
		end := markupEnd(s, j)
		if end == j+1 {
			b = append(b, '<')
			i = end
			continue
		}
		markup := s[j:end]
		if strings.IndexByte(markup, '\n') >= 0 {
			markup = strings.ReplaceAll(markup, "\n", hiddenNewline)
		}
		i = end
		name, closing, _, ok := tagAt(s, j)
		block := ok && isBlockTag(name)
		switch {
		case !ok:
			b = append(b, markup...)
		case name == "br" && !closing:
			b = appendBreak(b)
		case name == "hr":
			b = append(append(append(b, "\n\n"...), markup...), "\n\n"...)
		case block && closing:
			b = append(append(b, markup...), "\n\n"...)
		case block:
			b = append(append(b, "\n\n"...), markup...)
		default:
			b = append(b, markup...)
		}
	}
	return string(b)
}

// paragraphRef renders one chunk.
func paragraphRef(chunk string, standalone func(string) bool) string {
	t := strings.Trim(chunk, " \t\n")
	if strings.TrimSpace(t) == "" { // only (non-breaking) spaces
		return ""
	}
	if isCommentOnly(t) || (standalone != nil && standalone(t)) {
		return t
	}
	lead, leadName, leadClosing := edgeTag(t, true)
	rest := t[len(lead):]
	trail, trailName, trailClosing := edgeTag(rest, false)
	mid := trimBreaks(rest[:len(rest)-len(trail)])
	if mid == "" {
		if leadName == "p" && (trailName == "p" || leadClosing) {
			// An empty paragraph, or a stray </p>: every paragraph written
			// here is closed in its own chunk.
			return ""
		}
		return lead + trail
	}
	mid = lineBreaksRef(mid)
	switch {
	case lead != "" && trail != "":
		if leadName == "blockquote" && !leadClosing {
			return lead + "<p>" + mid + "</p>" + trail
		}
		return lead + mid + trail
	case lead != "":
		switch {
		case leadName == "p" && !leadClosing:
			return lead + mid + "</p>" // a paragraph cut by a blank line
		case !leadClosing && paragraphContainers[leadName]:
			return lead + "<p>" + mid + "</p>"
		}
		return lead + mid
	case trail != "":
		switch {
		case trailName == "p" && trailClosing:
			return "<p>" + mid + trail
		case trailClosing && paragraphContainers[trailName]:
			return "<p>" + mid + "</p>" + trail
		}
		return mid + trail
	}
	return "<p>" + mid + "</p>"
}

// lineBreaksRef turns each newline in a paragraph into "<br />\n", dropping
// white space before it, unless a <br /> already ends the line.
func lineBreaksRef(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		nl := strings.IndexByte(s, '\n')
		if nl < 0 {
			b.WriteString(s)
			return b.String()
		}
		line := strings.TrimRight(s[:nl], " \t")
		b.WriteString(line)
		if !strings.HasSuffix(line, "<br />") {
			b.WriteString("<br />")
		}
		b.WriteByte('\n')
		s = strings.TrimLeft(s[nl+1:], " \t")
	}
}

// setAsideRef replaces each <pre>, <script>, <style>, <svg> and <math> element with a
// placeholder that looks like an empty <pre>, so it counts as a block.
func setAsideRef(s string, kept *[]string) string {
	if !strings.ContainsRune(s, '<') {
		return s
	}
	// s itself is returned when nothing is set aside.
	out := splice{src: s}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		j += i
		name := ""
		for _, n := range [...]string{"pre", "script", "style", "svg", "math"} {
			if hasTagPrefix(s[j:], n) {
				name = n
			}
		}
		end := -1
		if name != "" {
			end = elementEnd(s, j, name)
		}
		if end < 0 {
			i = j + 1
			continue
		}
		out.replace(j, end, asideOpen+strconv.Itoa(len(*kept))+asideClose)
		*kept = append(*kept, s[j:end])
		i = end
	}
	return out.String()
}

// appendBreak appends "<br />", or a blank line when the text already ends
// in a <br /> and white space.
func appendBreak(b []byte) []byte {
	k := len(b)
	for k > 0 && (b[k-1] == ' ' || b[k-1] == '\t' || b[k-1] == '\n') {
		k--
	}
	if k >= 6 && string(b[k-6:k]) == "<br />" {
		return append(b[:k-6], "\n\n"...)
	}
	return append(b, "<br />"...)
}
