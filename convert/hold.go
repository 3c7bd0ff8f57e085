package convert

import (
	"strconv"
	"strings"
)

// Code is held out of the way while the rest of a post is rendered: it is
// replaced by a numbered placeholder that looks like an empty <pre> (so
// wpautop treats it as a block and adds nothing inside it), and put back at
// the very end.
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
	// Only held code changes s; s itself is returned when there is none.
	out := splice{src: s}
	marks := newMarkFinder(s)
	for i := 0; i < len(s); {
		j := marks.next(i)
		if j < 0 {
			break
		}
		if s[j] == '<' {
			if hasTagPrefix(s[j:], "pre") && !strings.HasPrefix(s[j:], codeOpen) {
				if end := elementEnd(s, j, "pre"); end > 0 {
					if code, ok := r.liftPre(s[j:end], pre); ok {
						out.replace(j, end, code)
						i = end
						continue
					}
				}
			}
			i = skipMarkup(s, j)
			continue
		}
		if end, ok := escapedShortcode(s, j, isCodeTag); ok {
			i = end
			continue
		}
		if !isCodeTag(shortcodeName(s, j)) {
			i = j + 1
			continue
		}
		if sc, ok := parseShortcode(s, j, isCodeTag); ok && sc.enclosed {
			out.replace(j, sc.end, r.hold(codeShortcodeHTML(sc, r.encoded)))
			i = sc.end
			continue
		}
		i = j + 1
	}
	return out.String()
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

// restoreHeld replaces each placeholder "<pre>" mark N mark "</pre>" with
// held[N]. It finds a placeholder by its marks alone, so markup broken
// around it (an unclosed tag swallowing its "<pre>") cannot hide it.
func restoreHeld(s, mark string, held []string) string {
	if len(held) == 0 || !strings.Contains(s, mark) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for {
		i := strings.Index(s, mark)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		rest := s[i+len(mark):]
		k := strings.Index(rest, mark)
		n, err := strconv.Atoi(rest[:max(k, 0)])
		if k < 0 || err != nil || n < 0 || n >= len(held) {
			b.WriteString(s[:i]) // a stray mark: drop it
			s = rest
			continue
		}
		b.WriteString(strings.TrimSuffix(s[:i], "<pre>"))
		b.WriteString(held[n])
		s = strings.TrimPrefix(rest[k+len(mark):], "</pre>")
	}
}
