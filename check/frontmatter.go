package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is what a content file's front matter says about its URLs.
type frontMatter struct {
	title, slug, url string
	aliases          []string
	date             time.Time
	unpublished      bool                // draft, headless, or never rendered
	fields           map[string][]string // lower-case key -> string values (for taxonomies)
}

// readFrontMatter reads YAML (---), TOML (+++) or JSON ({) front matter.
// A file without front matter gives an empty one. TOML lines it cannot read
// are skipped and reported in the error, with the rest still returned.
func readFrontMatter(src []byte) (frontMatter, error) {
	m, err := frontMatterMap(src)
	if m == nil {
		return frontMatter{}, err
	}
	return newFrontMatter(m), err
}

func frontMatterMap(src []byte) (map[string]any, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	switch {
	case strings.HasPrefix(text, "---\n"):
		body, ok := fenced(text[4:], "---")
		if !ok {
			return nil, fmt.Errorf("front matter: no closing ---")
		}
		var raw map[string]any
		if err := yaml.Unmarshal([]byte(body), &raw); err != nil {
			return nil, fmt.Errorf("yaml front matter: %w", err)
		}
		return flatten(raw), nil
	case strings.HasPrefix(text, "+++\n"):
		body, ok := fenced(text[4:], "+++")
		if !ok {
			return nil, fmt.Errorf("front matter: no closing +++")
		}
		m, err := parseTOML(body)
		if err != nil {
			return m, fmt.Errorf("toml front matter: %w", err)
		}
		return m, nil
	case strings.HasPrefix(text, "{"):
		var raw map[string]any
		if err := json.NewDecoder(strings.NewReader(text)).Decode(&raw); err != nil {
			return nil, fmt.Errorf("json front matter: %w", err)
		}
		return flatten(raw), nil
	}
	return map[string]any{}, nil
}

// fenced returns the text before the first line equal to fence.
func fenced(text, fence string) (string, bool) {
	if strings.HasPrefix(text, fence+"\n") || text == fence {
		return "", true
	}
	i := strings.Index(text, "\n"+fence+"\n")
	if i < 0 {
		if strings.HasSuffix(text, "\n"+fence) {
			return text[:len(text)-len(fence)-1], true
		}
		return "", false
	}
	return text[:i], true
}

// flatten lower-cases keys and joins nested maps with dots.
func flatten(m map[string]any) map[string]any {
	out := map[string]any{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			key := prefix + strings.ToLower(k)
			if sub, ok := v.(map[string]any); ok {
				walk(key+".", sub)
				continue
			}
			out[key] = v
		}
	}
	walk("", m)
	return out
}

func newFrontMatter(m map[string]any) frontMatter {
	fm := frontMatter{fields: map[string][]string{}}
	for k, v := range m {
		fm.fields[k] = strs(v)
	}
	fm.title = first(fm.fields["title"])
	fm.slug = first(fm.fields["slug"])
	fm.url = first(fm.fields["url"])
	fm.aliases = fm.fields["aliases"]
	fm.date = parseDate(m["date"])
	render := first(fm.fields["build.render"]) + first(fm.fields["_build.render"])
	fm.unpublished = isTrue(m["draft"]) || isTrue(m["headless"]) || render == "never" || render == "false"
	return fm
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// strs turns a scalar or a list into strings.
func strs(v any) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, strs(x)...)
		}
		return out
	case time.Time:
		return []string{v.Format(time.RFC3339)}
	case string:
		return []string{v}
	}
	return []string{fmt.Sprint(v)}
}

func isTrue(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v == "true"
	}
	return false
}

// parseDate reads a front matter date: a YAML timestamp or text in one of
// the layouts Hugo accepts most often.
func parseDate(v any) time.Time {
	switch v := v.(type) {
	case time.Time:
		return v
	case string:
		for _, l := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(l, v); err == nil {
				return t
			}
		}
		if len(v) >= 10 {
			if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}
