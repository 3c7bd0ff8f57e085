package convert

import "strings"

// markWriter is where markBlocks writes. A "<br />" is held back while
// only white space follows it, so that the next <br> can make a blank line
// of the two without taking back what was written.
type markWriter struct {
	b     strings.Builder
	br    bool   // a "<br />" is held back
	space string // the white space after it, held back too
}

// text writes text between markup (or a blank line markBlocks adds).
func (w *markWriter) text(s string) {
	if s == "" {
		return
	}
	if w.br && isBreakSpace(s) {
		w.space += s // one piece in practice: markup comes between texts
		return
	}
	w.flush()
	w.b.WriteString(s)
}

// markup writes a tag, comment or "<" with its newlines hidden; one that
// ends in "<br />" (a broken tag) leaves that held back, as a <br> would.
func (w *markWriter) markup(m string) {
	w.flush()
	if strings.HasSuffix(m, "<br />") {
		m, w.br = m[:len(m)-len("<br />")], true
	}
	for {
		i := strings.IndexByte(m, '\n')
		if i < 0 {
			w.b.WriteString(m)
			return
		}
		w.b.WriteString(m[:i])
		w.b.WriteString(hiddenNewline)
		m = m[i+1:]
	}
}

// lineBreak writes a <br>: held back as "<br />", or, right after another
// one, the two and the white space between them become a blank line.
func (w *markWriter) lineBreak() {
	if w.br {
		w.br, w.space = false, ""
		w.b.WriteString("\n\n")
		return
	}
	w.flush()
	w.br = true
}

// flush writes what is held back.
func (w *markWriter) flush() {
	if w.br {
		w.b.WriteString("<br />")
		w.b.WriteString(w.space)
		w.br, w.space = false, ""
	}
}

// isBreakSpace reports whether s is only the white space that may stand
// between two <br> merged into a blank line: spaces, tabs, newlines.
func isBreakSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}
