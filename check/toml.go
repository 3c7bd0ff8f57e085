package check

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// parseTOML reads the subset of TOML that Hugo front matter and hugo.toml
// use for URLs: [table] and [a.b] headers, key = value with strings,
// booleans, numbers, dates and (multi-line) arrays of those. Keys come back
// lower-case and dotted ("permalinks.posts"). [[array tables]] and inline
// tables are skipped, multi-line strings read as raw text. A line it cannot
// read is reported in the error and skipped: the map holds the rest.
func parseTOML(text string) (map[string]any, error) {
	out := map[string]any{}
	var errs []error
	table := ""
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		n := i + 1
		line := strings.TrimSpace(stripComment(lines[i]))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[[") {
			table = "\x00" // skip the array table's keys
			continue
		}
		if line[0] == '[' {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				errs = append(errs, fmt.Errorf("line %d: unclosed table header", n))
				continue
			}
			table = tomlKey(line[1:end])
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			errs = append(errs, fmt.Errorf("line %d: want key = value", n))
			continue
		}
		v = strings.TrimSpace(v)
		var val any
		var err error
		if d := multiLineDelim(v); d != "" {
			val, i = tomlMultiLine(lines, i, strings.TrimSpace(strings.SplitN(lines[i], "=", 2)[1]), d)
		} else {
			for strings.HasPrefix(v, "[") && !arrayClosed(v) && i+1 < len(lines) {
				i++
				v += " " + strings.TrimSpace(stripComment(lines[i]))
			}
			val, err = tomlValue(v)
		}
		if table == "\x00" {
			continue
		}
		key := tomlKey(k)
		if table != "" {
			key = table + "." + key
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %s: %w", n, key, err))
			continue
		}
		out[key] = val
	}
	return out, errors.Join(errs...)
}

// multiLineDelim returns the delimiter of a multi-line string value.
func multiLineDelim(v string) string {
	for _, d := range []string{`"""`, `'''`} {
		if strings.HasPrefix(v, d) {
			return d
		}
	}
	return ""
}

// tomlMultiLine reads a multi-line string whose opening line is lines[i]
// (value v, comments kept) and returns its raw text and its last line.
func tomlMultiLine(lines []string, i int, v, delim string) (string, int) {
	body := v[len(delim):]
	if end := strings.Index(body, delim); end >= 0 {
		return body[:end], i
	}
	parts := []string{body}
	for i+1 < len(lines) {
		i++
		if end := strings.Index(lines[i], delim); end >= 0 {
			parts = append(parts, lines[i][:end])
			break
		}
		parts = append(parts, lines[i])
	}
	return strings.TrimPrefix(strings.Join(parts, "\n"), "\n"), i
}

func tomlKey(k string) string {
	parts := strings.Split(strings.TrimSpace(k), ".")
	for i, p := range parts {
		parts[i] = strings.ToLower(strings.Trim(strings.TrimSpace(p), `"'`))
	}
	return strings.Join(parts, ".")
}

// stripComment drops a # comment that is outside any string.
func stripComment(line string) string {
	end := len(line)
	outsideStrings(line, func(i int, c byte) bool {
		if c == '#' {
			end = i
			return false
		}
		return true
	})
	return line[:end]
}

// arrayClosed reports whether the brackets of v balance outside strings
// (up to a comment).
func arrayClosed(v string) bool {
	depth := 0
	outsideStrings(v, func(_ int, c byte) bool {
		switch c {
		case '#':
			return false
		case '[':
			depth++
		case ']':
			depth--
		}
		return true
	})
	return depth == 0
}

// outsideStrings calls fn with each byte of s that is not inside a quoted
// TOML string (basic strings honour backslash escapes, literal ones do
// not), until fn returns false. Quote characters themselves are not passed.
func outsideStrings(s string, fn func(i int, c byte) bool) {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case !fn(i, c):
			return
		}
	}
}

// tomlValue reads one value; the rest of the line after it (a comment) is
// ignored.
func tomlValue(v string) (any, error) {
	val, rest, err := tomlScalar(v)
	if err != nil {
		return nil, err
	}
	if r := strings.TrimSpace(rest); r != "" && r[0] != '#' {
		return nil, fmt.Errorf("unexpected %q after value", r)
	}
	return val, nil
}

func tomlScalar(v string) (any, string, error) {
	v = strings.TrimLeft(v, " \t")
	switch {
	case v == "":
		return nil, "", fmt.Errorf("missing value")
	case v[0] == '"':
		return tomlBasicString(v)
	case v[0] == '\'':
		end := strings.IndexByte(v[1:], '\'')
		if end < 0 {
			return nil, "", fmt.Errorf("unclosed string")
		}
		return v[1 : end+1], v[end+2:], nil
	case v[0] == '[':
		return tomlArray(v[1:])
	case v[0] == '{':
		return nil, "", nil // inline tables carry nothing we need
	}
	end := strings.IndexAny(v, ",]#")
	if end < 0 {
		end = len(v)
	}
	word := strings.TrimSpace(v[:end])
	switch word {
	case "":
		return nil, "", fmt.Errorf("missing value")
	case "true":
		return true, v[end:], nil
	case "false":
		return false, v[end:], nil
	}
	if n, err := strconv.ParseFloat(strings.ReplaceAll(word, "_", ""), 64); err == nil {
		return n, v[end:], nil
	}
	return word, v[end:], nil // dates and times stay text
}

func tomlBasicString(v string) (any, string, error) {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			s, err := strconv.Unquote(v[:i+1])
			if err != nil {
				return nil, "", fmt.Errorf("bad string %s: %w", v[:i+1], err)
			}
			return s, v[i+1:], nil
		}
	}
	return nil, "", fmt.Errorf("unclosed string")
}

func tomlArray(v string) (any, string, error) {
	var out []any
	for {
		v = strings.TrimLeft(v, " \t,")
		if v == "" {
			return nil, "", fmt.Errorf("unclosed array")
		}
		if v[0] == ']' {
			return out, v[1:], nil
		}
		val, rest, err := tomlScalar(v)
		if err != nil {
			return nil, "", err
		}
		out = append(out, val)
		v = rest
	}
}
