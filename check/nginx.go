package check

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// nginxEntry is one line of an nginx map over $request_uri or $uri.
type nginxEntry struct {
	key   string         // exact source, compared as a target key
	re    *regexp.Regexp // regex source (~ or ~*), or nil
	value string
	where string
}

// nginxMap is a map block whose source is the request URI; its value is
// the redirect target (used as `return 301 $value`).
type nginxMap struct {
	source  string // "$request_uri" (raw path and query) or "$uri" (decoded path)
	entries []nginxEntry
	exact   map[string]int // key -> first exact entry with it
	deflt   string
}

// isNginxMap reports whether a config file holds a map over the request URI.
func isNginxMap(text string) bool {
	return nginxMapRe.MatchString(text)
}

var nginxMapRe = regexp.MustCompile(`(?m)^\s*map\s+\$(request_uri|uri)\s`)

// parseNginx reads the map blocks over $request_uri or $uri in an nginx
// config file; other blocks and directives are ignored.
func parseNginx(name, text string) (ruleSet, []string) {
	toks := nginxTokens(text)
	var maps []nginxMap
	var warns []string
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].s != "map" || toks[i].quoted || toks[i+3].s != "{" {
			continue
		}
		src := toks[i+1].s
		end := i + 4
		for end < len(toks) && toks[end].s != "}" {
			end++
		}
		if src == "$request_uri" || src == "$uri" {
			m, w := readNginxMap(name, src, toks[i+4:end])
			maps = append(maps, m)
			warns = append(warns, w...)
		}
		i = end
	}
	return ruleSet{format: "nginx", match: func(t target) (hop, bool) { return matchNginx(maps, t) }}, warns
}

func readNginxMap(name, src string, toks []nginxToken) (nginxMap, []string) {
	m := nginxMap{source: src, exact: map[string]int{}}
	var warns []string
	for len(toks) > 0 {
		n := 0
		for n < len(toks) && toks[n].s != ";" {
			n++
		}
		stmt := toks[:n]
		toks = toks[min(n+1, len(toks)):]
		if len(stmt) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, stmt[0].line)
		switch {
		case len(stmt) == 1 && !stmt[0].quoted && (stmt[0].s == "hostnames" || stmt[0].s == "volatile"):
		case len(stmt) == 2 && !stmt[0].quoted && stmt[0].s == "default":
			m.deflt = stmt[1].s
		case len(stmt) == 2 && !stmt[0].quoted && stmt[0].s == "include":
			warns = append(warns, where+": include in a map is not followed")
		case len(stmt) == 2:
			e, err := newNginxEntry(stmt[0].s, stmt[1].s)
			if err != nil {
				warns = append(warns, where+": "+err.Error())
				continue
			}
			e.where = where
			if _, dup := m.exact[e.key]; e.re == nil && !dup {
				m.exact[e.key] = len(m.entries)
			}
			m.entries = append(m.entries, e)
		default:
			warns = append(warns, where+": want `source value;`")
		}
	}
	return m, warns
}

func newNginxEntry(key, value string) (nginxEntry, error) {
	if k, ok := strings.CutPrefix(key, "~*"); ok {
		re, err := regexp.Compile("(?i)" + k)
		return nginxEntry{re: re, value: value}, err
	}
	if k, ok := strings.CutPrefix(key, "~"); ok {
		re, err := regexp.Compile(k)
		return nginxEntry{re: re, value: value}, err
	}
	// nginx matches map strings ignoring case
	return nginxEntry{key: strings.ToLower(parseTarget(strings.TrimPrefix(key, `\`)).key()), value: value}, nil
}

func matchNginx(maps []nginxMap, t target) (hop, bool) {
	for _, m := range maps {
		subject := requestURI(t)
		key := strings.ToLower(t.key())
		if m.source == "$uri" {
			subject, key = t.path, strings.ToLower(pathKey(t.path))
		}
		if i, ok := m.exact[key]; ok {
			return nginxHop(m.entries[i].value, m.entries[i].where)
		}
		for _, e := range m.entries {
			if e.re == nil {
				continue
			}
			if sm := e.re.FindStringSubmatchIndex(subject); sm != nil {
				v := string(e.re.ExpandString(nil, nginxVars.ReplaceAllString(e.value, "$${$1}"), subject, sm))
				return nginxHop(v, e.where)
			}
		}
	}
	return hop{}, false
}

// nginxVars finds $1..$9 so that they can be braced for regexp expansion.
var nginxVars = regexp.MustCompile(`\$([0-9])`)

func nginxHop(value, where string) (hop, bool) {
	if value == "" || value == `""` {
		return hop{}, false
	}
	return hop{to: value, status: 301, rule: where}, true
}

// requestURI is the target as a client sends it: percent-encoded path and
// the raw query, like nginx's $request_uri.
func requestURI(t target) string {
	s := (&url.URL{Path: t.path}).EscapedPath()
	if t.query != "" {
		s += "?" + t.query
	}
	return s
}

type nginxToken struct {
	s      string
	quoted bool
	line   int
}

// nginxTokens splits nginx config text into words, quoted strings, and the
// punctuation { } ; — dropping # comments.
func nginxTokens(text string) []nginxToken {
	var toks []nginxToken
	line := 1
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '{' || c == '}' || c == ';':
			toks = append(toks, nginxToken{s: string(c), line: line})
			i++
		case c == '"' || c == '\'':
			j := i + 1
			var b strings.Builder
			for j < len(text) && text[j] != c {
				if text[j] == '\\' && j+1 < len(text) {
					j++
				}
				b.WriteByte(text[j])
				j++
			}
			toks = append(toks, nginxToken{s: b.String(), quoted: true, line: line})
			line += strings.Count(text[i:min(j, len(text))], "\n")
			i = j + 1
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\r\n{};", rune(text[j])) {
				j++
			}
			toks = append(toks, nginxToken{s: text[i:j], line: line})
			i = j
		}
	}
	return toks
}
