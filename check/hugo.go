package check

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// hugoConfig is the part of a Hugo site's configuration that decides URLs.
type hugoConfig struct {
	file       string            // the config file read, "" when none
	host       string            // baseURL's host
	basePath   string            // baseURL's path without the trailing slash: "" or "/blog"
	ugly       bool              // uglyURLs
	lower      bool              // !disablePathToLower
	contentDir string            // default "content"
	staticDir  string            // default "static"
	permalinks map[string]string // "page.posts" or "posts" -> pattern
	taxonomies map[string]string // singular -> plural
	disabled   map[string]bool   // disableKinds, lower-case: "taxonomy", "term", "rss", ...
}

// on reports whether Hugo renders pages of the kind (not in disableKinds).
func (c hugoConfig) on(kind string) bool { return !c.disabled[kind] }

// hugoConfigFiles are the config files Hugo reads, in its order.
var hugoConfigFiles = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
	"config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/hugo.json",
	"config/_default/config.toml", "config/_default/config.yaml", "config/_default/config.json",
}

// readHugoConfig reads the first config file found; none gives Hugo's
// defaults. What it cannot read comes back as an error to warn about: the
// rest of the file (or the defaults) still applies.
func readHugoConfig(fsys fs.FS) (hugoConfig, error) {
	for _, name := range hugoConfigFiles {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		m, err := configMap(name, b)
		c := newHugoConfig(m)
		c.file = name
		if err != nil {
			return c, fmt.Errorf("read %s: %w", name, err)
		}
		return c, nil
	}
	return newHugoConfig(nil), nil
}

func configMap(name string, b []byte) (map[string]any, error) {
	var raw map[string]any
	switch path.Ext(name) {
	case ".toml":
		return parseTOML(string(b))
	case ".json":
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, err
		}
	default:
		if err := yaml.Unmarshal(b, &raw); err != nil {
			return nil, err
		}
	}
	return flatten(raw), nil
}

func newHugoConfig(m map[string]any) hugoConfig {
	c := hugoConfig{
		lower: !isTrue(m["disablepathtolower"]), ugly: isTrue(m["uglyurls"]),
		contentDir: "content", staticDir: "static",
		permalinks: map[string]string{}, taxonomies: map[string]string{}, disabled: map[string]bool{},
	}
	for _, k := range strs(m["disablekinds"]) {
		c.disabled[strings.ToLower(k)] = true
	}
	if s, ok := m["baseurl"].(string); ok {
		if u, err := url.Parse(s); err == nil {
			c.host = u.Hostname()
			c.basePath = strings.TrimSuffix(u.Path, "/")
		}
	}
	if s, ok := m["contentdir"].(string); ok && s != "" {
		c.contentDir = strings.Trim(s, "/")
	}
	if s, ok := m["staticdir"].(string); ok && s != "" {
		c.staticDir = strings.Trim(s, "/")
	}
	for k, v := range m {
		s, _ := v.(string)
		if p, ok := strings.CutPrefix(k, "permalinks."); ok && s != "" {
			c.permalinks[p] = s
		}
		if t, ok := strings.CutPrefix(k, "taxonomies."); ok && s != "" {
			c.taxonomies[t] = s
		}
	}
	if len(c.taxonomies) == 0 {
		c.taxonomies = map[string]string{"category": "categories", "tag": "tags"}
	}
	return c
}

// pattern returns the permalink pattern for a page kind ("page", "term")
// in a section or taxonomy.
func (c hugoConfig) pattern(kind, section string) string {
	if p := c.permalinks[kind+"."+section]; p != "" {
		return p
	}
	return c.permalinks[section]
}

// finish applies Hugo's path rules to a generated path: lower case and
// ugly or pretty URLs.
func (c hugoConfig) finish(p string) string {
	if c.lower {
		p = strings.ToLower(p)
	}
	if c.ugly && strings.HasSuffix(p, "/") && p != "/" {
		return strings.TrimSuffix(p, "/") + ".html"
	}
	return p
}

// pageInfo is what a permalink pattern can refer to.
type pageInfo struct {
	sections []string // directories under content/
	name     string   // file name without extension, or the bundle's directory
	title    string
	slug     string
	date     time.Time
}

var permalinkToken = regexp.MustCompile(`:([a-z]+)(\[[^\]]*\])?`)

// expandPermalink fills a Hugo permalink pattern; ok is false when the
// pattern uses a token this reader does not know.
func expandPermalink(pattern string, p pageInfo) (string, bool) {
	ok := true
	date := newDateFields(p.date)
	out := permalinkToken.ReplaceAllStringFunc(pattern, func(tok string) string {
		v, known := permalinkValue(strings.TrimPrefix(tok, ":"), p, date)
		if !known {
			ok = false
		}
		return v
	})
	return out, ok
}

// dateFields are the date parts a pattern can use.
type dateFields struct {
	year, month, day, monthName, weekday, weekdayName, yearDay string
}

func newDateFields(t time.Time) dateFields {
	return dateFields{
		year: strconv.Itoa(t.Year()), month: itoa2(int(t.Month())), day: itoa2(t.Day()),
		monthName: t.Month().String(), weekday: strconv.Itoa(int(t.Weekday())),
		weekdayName: t.Weekday().String(), yearDay: strconv.Itoa(t.YearDay()),
	}
}

func permalinkValue(tok string, p pageInfo, d dateFields) (string, bool) {
	section := ""
	if len(p.sections) > 0 {
		section = p.sections[0]
	}
	slugOr := func(alt string) string {
		if p.slug != "" {
			return urlize(p.slug)
		}
		return alt
	}
	switch tok {
	case "year":
		return d.year, true
	case "month":
		return d.month, true
	case "monthname":
		return d.monthName, true
	case "day":
		return d.day, true
	case "weekday":
		return d.weekday, true
	case "weekdayname":
		return d.weekdayName, true
	case "yearday":
		return d.yearDay, true
	case "section":
		return section, true
	case "sections":
		return strings.Join(p.sections, "/"), true
	case "title":
		return urlize(p.title), true
	case "slug":
		return slugOr(urlize(p.title)), true
	case "filename", "contentbasename":
		return p.name, true
	case "slugorfilename", "slugorcontentbasename":
		return slugOr(p.name), true
	}
	return ":" + tok, false
}

// urlize is Hugo's path sanitising, checked against Hugo v0.165.0: each
// space becomes a dash (runs are not collapsed, ends not trimmed); letters,
// digits, marks, ./\_-#+~ and %XX escapes stay; the rest goes.
func urlize(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case r == '%':
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b.WriteByte('%')
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("./\\_-#+~", r):
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// itoa2 zero-pads to two digits.
func itoa2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
