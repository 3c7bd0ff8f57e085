package convert

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A fast path for the front matter: yaml.v3's encoder spends most of its
// time on machinery (events, emitter state, reflection) that this simple
// shape does not need. appendFast writes what the encoder would write, but
// only for what it can be sure of: keys and strings that yaml.v3 writes
// plain or single-quoted, bools, ints and dates. Anything else (a string
// the encoder would double-quote or write as a block: control characters,
// tabs, line breaks, characters outside the Basic Multilingual Plane,
// strings that would read back as another type) sends the whole front
// matter through the encoder. TestFrontMatterFastMatchesEncoder and
// FuzzFrontMatterFast compare the two.

// fmKind is how an fmEntry's value is written.
type fmKind uint8

const (
	fmStr  fmKind = iota // a string scalar
	fmRaw                // written as is: a bool, an int or a date
	fmList               // a block sequence of strings
)

// fmEntry is one front matter key and its value, before writing.
type fmEntry struct {
	key  string
	kind fmKind
	str  string
	list []string
}

// entries appends the keys to write, sorted, to es: the same keys and
// values as fields. Keys are unique (TaxonomyKey never gives a fixed key).
func (fm *FrontMatter) entries(es []fmEntry) []fmEntry {
	str := func(k, v string) {
		if v != "" {
			es = append(es, fmEntry{key: k, kind: fmStr, str: v})
		}
	}
	list := func(k string, v []string) {
		if len(v) > 0 {
			es = append(es, fmEntry{key: k, kind: fmList, list: v})
		}
	}
	raw := func(k, v string) { es = append(es, fmEntry{key: k, kind: fmRaw, str: v}) }
	// In key order; custom taxonomies go anywhere, and are sorted in.
	list("aliases", fm.Aliases)
	str("author", fm.Author)
	list("categories", fm.Categories)
	raw("comments", strconv.FormatBool(fm.Comments))
	if !fm.Date.IsZero() {
		raw("date", yamlDate(fm.Date, fm.DateLocal))
	}
	if fm.Draft {
		raw("draft", "true")
	}
	str("featured_image", fm.FeaturedImage)
	if !fm.Lastmod.IsZero() {
		raw("lastmod", yamlDate(fm.Lastmod, fm.DateLocal))
	}
	str("post_format", fm.PostFormat)
	str("slug", fm.Slug)
	str("summary", fm.Summary)
	list("tags", fm.Tags)
	es = append(es, fmEntry{key: "title", kind: fmStr, str: fm.Title}) // even when empty
	str("url", fm.URL)
	if fm.Weight != 0 {
		raw("weight", strconv.Itoa(fm.Weight))
	}
	if fm.WordPressID != 0 {
		raw("wordpress_id", strconv.FormatInt(fm.WordPressID, 10))
	}
	for tax, names := range fm.Taxonomies {
		list(TaxonomyKey(tax), names)
	}
	if len(fm.Taxonomies) > 0 {
		slices.SortStableFunc(es, func(a, b fmEntry) int { return strings.Compare(a.key, b.key) })
	}
	return es
}

// appendFast appends the front matter as yaml.v3 would write it and
// reports whether it could; when not, b's contents past its length are
// garbage and the caller must use the encoder.
func (fm *FrontMatter) appendFast(b []byte) ([]byte, bool) {
	var buf [24]fmEntry
	for _, e := range fm.entries(buf[:0]) {
		if len(e.key) > 128 || yamlFastStyle(e.key) != yamlPlain {
			return b, false // a long key is written "? key"
		}
		b = append(b, e.key...)
		b = append(b, ':')
		var ok bool
		switch e.kind {
		case fmRaw:
			b = append(b, ' ')
			b = append(b, e.str...)
		case fmStr:
			b = append(b, ' ')
			if b, ok = appendYAMLString(b, e.str); !ok {
				return b, false
			}
		case fmList:
			for _, v := range e.list {
				b = append(b, "\n- "...)
				if b, ok = appendYAMLString(b, v); !ok {
					return b, false
				}
			}
		}
		b = append(b, '\n')
	}
	return b, true
}

// appendYAMLString appends s as strNode's scalar is written, if it is
// written plain or quoted without escapes other than \" and \\ ("" is
// written as ""), and reports whether it was.
func appendYAMLString(b []byte, s string) ([]byte, bool) {
	switch yamlFastStyle(s) {
	case yamlPlain:
		return append(b, s...), true
	case yamlSingle:
		b = append(b, '\'')
		for {
			i := strings.IndexByte(s, '\'')
			if i < 0 {
				break
			}
			b = append(b, s[:i+1]...)
			b = append(b, '\'')
			s = s[i+1:]
		}
		b = append(b, s...)
		return append(b, '\''), true
	case yamlDouble:
		b = append(b, '"')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '"' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, '"'), true
	case yamlEmpty:
		return append(b, `""`...), true
	}
	return b, false
}

// yamlStyle is how yaml.v3 writes a string scalar, as far as the fast path
// knows it.
type yamlStyle uint8

const (
	yamlOther  yamlStyle = iota // double-quoted or a block: use the encoder
	yamlPlain                   // as is
	yamlSingle                  // in single quotes
	yamlDouble                  // in double quotes, only " and \ escaped
	yamlEmpty                   // "" (the empty string reads as null when plain)
)

// yamlFastStyle is the style yaml.v3's encoder gives strNode(s) in a block
// mapping or sequence, following the encoder's choice: a string a plain
// scalar would read back as another type is double-quoted; otherwise the
// emitter writes it plain when its analysis allows (yaml_emitter_analyze_scalar:
// no indicator where it would matter, no leading or trailing space), else
// single-quoted unless it holds a tab, a line break or a character it
// does not print, which are double-quoted.
func yamlFastStyle(s string) yamlStyle {
	if s == "" {
		return yamlEmpty
	}
	if !utf8.ValidString(s) {
		return yamlOther // strNode would replace the bad bytes
	}
	quote := yamlResolvesOther(s) || yaml11Special(s) || yamlDecimal(s) // double-quoted
	if !quote && yamlMaybeNumber(s) {
		return yamlOther
	}
	plain := !strings.HasPrefix(s, "---") && !strings.HasPrefix(s, "...")
	for i := 0; i < len(s); {
		c := s[i]
		w := 1
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			// The emitter prints U+00A0-U+D7FF and U+E000-U+FFFD but
			// U+FEFF; U+2028 and U+2029 are line breaks.
			if r < 0xA0 || r > 0xFFFD || r == 0xFEFF || r == 0x2028 || r == 0x2029 {
				return yamlOther
			}
			i += n
			continue
		}
		if c < 0x20 || c == 0x7F { // tab, line breaks, controls
			return yamlOther
		}
		followed := i+w >= len(s) || s[i+w] == ' '
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
				plain = false
			case '?', ':', '-':
				if followed {
					plain = false
				}
			}
		} else {
			switch c {
			case ':':
				if followed {
					plain = false
				}
			case '#':
				if s[i-1] == ' ' {
					plain = false
				}
			case ' ':
				if i+1 == len(s) {
					plain = false
				}
			}
		}
		i += w
	}
	switch {
	case quote:
		return yamlDouble
	case plain:
		return yamlPlain
	}
	return yamlSingle
}

// yamlResolvesOther reports whether yaml.v3 reads the plain scalar s as
// a bool, null, infinity, NaN or merge key (its resolve table).
func yamlResolvesOther(s string) bool {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
		"-.inf", "-.Inf", "-.INF", "<<":
		return true
	}
	return false
}

// yamlDecimal reports whether s is digits, or digits, a point and
// digits (up to 18 digits each: a number of any length would not do, as
// yaml.v3 reads a float too large for a float64 as a string). yaml.v3
// reads every such plain scalar as an int or a float (leading zeros are
// octal, or else decimal floats).
func yamlDecimal(s string) bool {
	digits := func(s string) int {
		n := 0
		for n < len(s) && n < 19 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 18 {
			return -1
		}
		return n
	}
	n := digits(s)
	if n <= 0 {
		return false
	}
	if n == len(s) {
		return true
	}
	if s[n] != '.' {
		return false
	}
	m := digits(s[n+1:])
	return m > 0 && n+1+m == len(s)
}

// yamlMaybeNumber reports whether yaml.v3 might read the plain scalar s
// as a number or a timestamp: it starts like one and holds only
// characters one can hold. Such strings are left to the encoder.
func yamlMaybeNumber(s string) bool {
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		for i := 0; i < len(s); i++ {
			if !yamlNumberByte(s[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// yamlNumberByte reports whether c can be part of an int, a float or a
// timestamp as yaml.v3 resolves them (decimal, hex, octal and binary
// forms, exponents, underscores, dates and times with zones).
func yamlNumberByte(c byte) bool {
	switch {
	case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		return true
	}
	switch c {
	case 'x', 'X', 'o', 'O', 't', 'T', 'z', 'Z', '_', '+', '-', '.', ':', ' ':
		return true
	}
	return false
}

// appendCommentsFast appends the comments as yaml.v3's encoder writes the
// []Comment (MarshalComments) and reports whether it could: every string
// one appendYAMLString writes, or a multi-line content appendYAMLLiteral
// writes, or the date of a comment as commentDate writes it. When not, b's
// contents past its length are garbage.
func appendCommentsFast(b []byte, cs []Comment) ([]byte, bool) {
	ok := true
	str := func(key, v string) {
		if !ok {
			return
		}
		b = append(b, key...)
		b, ok = appendYAMLString(b, v)
	}
	for i := range cs {
		c := &cs[i]
		b = append(b, "- id: "...)
		b = strconv.AppendInt(b, c.ID, 10)
		b = append(b, "\n  parent: "...)
		b = strconv.AppendInt(b, c.Parent, 10)
		str("\n  author: ", c.Author)
		if c.AuthorURL != "" {
			str("\n  author_url: ", c.AuthorURL)
		}
		switch {
		case !ok:
		case yamlRFC3339(c.Date): // read back as a timestamp: double-quoted
			b = append(b, "\n  date: \""...)
			b = append(b, c.Date...)
			b = append(b, '"')
		default:
			str("\n  date: ", c.Date)
		}
		str("\n  type: ", c.Type)
		if c.Approved != nil {
			b = append(b, "\n  approved: "...)
			b = strconv.AppendBool(b, *c.Approved)
		}
		if !ok {
			return b, false
		}
		b = append(b, "\n  content: "...)
		if strings.IndexByte(c.Content, '\n') >= 0 {
			b, ok = appendYAMLLiteral(b, c.Content, "    ")
		} else {
			b, ok = appendYAMLString(b, c.Content)
		}
		if !ok {
			return b, false
		}
		b = append(b, '\n')
	}
	return b, true
}

// yamlRFC3339 reports whether s is a UTC time as commentDate writes it
// ("2006-01-02T15:04:05Z"), which yaml.v3 reads as a timestamp.
func yamlRFC3339(s string) bool {
	if len(s) != len("2006-01-02T15:04:05Z") || s[4] != '-' || s[10] != 'T' || s[19] != 'Z' {
		return false
	}
	t, err := time.Parse(time.RFC3339, s)
	return err == nil && t.Format(time.RFC3339) == s
}

// appendYAMLLiteral appends the multi-line s as yaml.v3 writes it in a
// literal block ("|-", each line indented, blank lines empty) and reports
// whether it could: not when yaml.v3 would add an indentation or chomping
// hint (s starts with a space or ends in a line break) or double-quote it
// (a space before a line break, a trailing space, a character it does not
// print), nor for line breaks other than "\n".
func appendYAMLLiteral(b []byte, s, indent string) ([]byte, bool) {
	if s == "" || s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == '\n' || s[len(s)-1] == ' ' ||
		!utf8.ValidString(s) || strings.Contains(s, " \n") {
		return b, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r < 0xA0 || r > 0xFFFD || r == 0xFEFF || r == 0x2028 || r == 0x2029 {
				return b, false
			}
			i += n
			continue
		}
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F {
			return b, false
		}
		i++
	}
	b = append(b, "|-"...)
	for line := range strings.SplitSeq(s, "\n") {
		b = append(b, '\n')
		if line != "" {
			b = append(b, indent...)
			b = append(b, line...)
		}
	}
	return b, true
}
