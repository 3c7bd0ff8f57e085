package verify

import (
	"strings"
)

// Hugo shortcodes in a page body. Hugo replaces each one with a placeholder
// token before goldmark runs and puts the shortcode's output in place of the
// token afterwards, dropping a <p> that wraps a token alone. expandShortcodes
// and fillShortcodes do the same, for the shortcodes wpexit writes.

// shortcode is one parsed {{< name params >}}.
type shortcode struct {
	name    string
	pos     []string          // positional parameters
	named   map[string]string // named parameters
	literal string            // comment form {{</* x */>}}: the text it shows
	comment bool
}

// get returns the named parameter, or the positional one at index i (-1:
// none).
func (sc shortcode) get(name string, i int) string {
	if v, ok := sc.named[name]; ok {
		return v
	}
	if i >= 0 && i < len(sc.pos) {
		return sc.pos[i]
	}
	return ""
}

// parseShortcode reads the shortcode at the start of s ("{{<" or "{{%").
// n is its length; ok is false when s does not start a complete one.
func parseShortcode(s string) (sc shortcode, n int, ok bool) {
	if len(s) < 4 || !strings.HasPrefix(s, "{{") || s[2] != '<' && s[2] != '%' {
		return sc, 0, false
	}
	open := s[2]
	closer := ">}}"
	if open == '%' {
		closer = "%}}"
	}
	if strings.HasPrefix(s[3:], "/*") {
		end := strings.Index(s[5:], "*/"+closer)
		if end < 0 {
			return sc, 0, false
		}
		inner := s[5 : 5+end]
		return shortcode{comment: true, literal: "{{" + string(open) + inner + closer}, 5 + end + 2 + len(closer), true
	}
	i := 3
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	skip()
	start := i
	for i < len(s) && !strings.HasPrefix(s[i:], closer) && !isSpaceByte(s[i]) {
		i++
	}
	sc.name = s[start:i]
	for {
		skip()
		if i >= len(s) {
			return sc, 0, false
		}
		if strings.HasPrefix(s[i:], closer) {
			return sc, i + len(closer), sc.name != ""
		}
		v, n, ok := paramValue(s[i:], closer)
		if !ok {
			return sc, 0, false
		}
		i += n
		if i < len(s) && s[i] == '=' {
			i++
			val, n, ok := paramValue(s[i:], closer)
			if !ok {
				return sc, 0, false
			}
			i += n
			if sc.named == nil {
				sc.named = map[string]string{}
			}
			sc.named[v] = val
			continue
		}
		sc.pos = append(sc.pos, v)
	}
}

// paramValue reads one parameter token: "quoted" with backslash escapes,
// `raw`, or bare up to a space, "=" or the closer.
func paramValue(s, closer string) (v string, n int, ok bool) {
	if s == "" {
		return "", 0, false
	}
	switch s[0] {
	case '"':
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				return b.String(), i + 1, true
			default:
				b.WriteByte(s[i])
			}
		}
		return "", 0, false
	case '`':
		end := strings.IndexByte(s[1:], '`')
		if end < 0 {
			return "", 0, false
		}
		return s[1 : 1+end], end + 2, true
	}
	i := 0
	for i < len(s) && !isSpaceByte(s[i]) && s[i] != '=' && !strings.HasPrefix(s[i:], closer) {
		i++
	}
	return s[:i], i, i > 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
