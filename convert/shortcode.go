package convert

import "strings"

// shortcode is one parsed use of a WordPress shortcode.
//
// The grammar, as WordPress documents it: "[" name attributes "]" opens a
// shortcode, "/]" ends a self-closing one, and an opener whose tag is closed
// later by "[/name]" encloses everything up to the first such closer. A use
// wrapped in an extra pair of brackets, "[[name]]", is an escape and prints
// literally without the outer pair.
type shortcode struct {
	name     string
	attrs    map[string]string // named attributes, names lower-cased
	pos      []string          // positional attributes, in order
	content  string            // enclosed content; "" when self-closing
	enclosed bool
	start    int // index of "["
	openEnd  int // index after the opener's "]"
	end      int // index after the whole use (after "[/name]" when enclosed)
}

// attr returns the first non-empty named attribute among keys.
func (sc *shortcode) attr(keys ...string) string {
	for _, k := range keys {
		if v := sc.attrs[k]; v != "" {
			return v
		}
	}
	return ""
}

// isNameByte reports whether b may appear in the shortcode names wpexit
// recognises: ASCII letters, digits, "_" and "-".
func isNameByte(b byte) bool {
	return b == '_' || b == '-' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// shortcodeName reads the tag name of a shortcode opener at s[i] == '['. It
// returns "" when what follows is not a name. The name must not run on into
// another word character or "-": "[foo-bar]" is never "[foo]".
func shortcodeName(s string, i int) string {
	j := i + 1
	for j < len(s) && isNameByte(s[j]) {
		j++
	}
	if j == i+1 || j >= len(s) {
		return ""
	}
	switch {
	case strings.IndexByte("]/ \t\n\r=", s[j]) >= 0:
	case strings.HasPrefix(s[j:], "\u00a0"), strings.HasPrefix(s[j:], "\u200b"):
	default:
		return ""
	}
	return s[i+1 : j]
}

// parseShortcode parses the shortcode use that starts at s[i] == '['. known
// says whether a name may enclose content (only registered shortcodes do:
// for others the opener is parsed alone). ok is false when s[i:] is not a
// well-formed opener.
func parseShortcode(s string, i int, encloses func(name string) bool) (sc shortcode, ok bool) {
	name := shortcodeName(s, i)
	if name == "" {
		return sc, false
	}
	attrStart := i + 1 + len(name)
	rb := strings.IndexByte(s[attrStart:], ']')
	if rb < 0 {
		return sc, false
	}
	rb += attrStart
	raw := s[attrStart:rb]
	selfClosing := strings.HasSuffix(raw, "/")
	if selfClosing {
		raw = raw[:len(raw)-1]
	}
	sc = shortcode{name: name, start: i, openEnd: rb + 1, end: rb + 1}
	sc.attrs, sc.pos = parseAttrs(raw)
	if selfClosing || encloses == nil || !encloses(name) {
		return sc, true
	}
	closer := "[/" + name + "]"
	if k := strings.Index(s[sc.openEnd:], closer); k >= 0 {
		sc.enclosed = true
		sc.content = s[sc.openEnd : sc.openEnd+k]
		sc.end = sc.openEnd + k + len(closer)
	}
	return sc, true
}

// oddSpaces turns the spaces WordPress treats as plain spaces into " ".
var oddSpaces = strings.NewReplacer("\u00a0", " ", "\u200b", " ")

// parseAttrs splits a shortcode's attribute text into named and positional
// values. Named values are name="v", name='v' or name=v; anything else is a
// positional value, quoted or bare. Non-breaking and zero-width spaces count
// as spaces, as they do in WordPress.
func parseAttrs(raw string) (map[string]string, []string) {
	if strings.ContainsAny(raw, "\u00a0\u200b") {
		raw = oddSpaces.Replace(raw)
	}
	var named map[string]string
	var pos []string
	i := 0
	for {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i >= len(raw) {
			break
		}
		if k, v, next, ok := namedAttr(raw, i); ok {
			if named == nil {
				named = map[string]string{}
			}
			named[k] = v
			i = next
			continue
		}
		v, next := positionalAttr(raw, i)
		pos = append(pos, v)
		i = next
	}
	return named, pos
}

// namedAttr reads name = value at raw[i].
func namedAttr(raw string, i int) (key, val string, next int, ok bool) {
	j := i
	for j < len(raw) && isNameByte(raw[j]) {
		j++
	}
	if j == i {
		return "", "", 0, false
	}
	key = strings.ToLower(raw[i:j])
	for j < len(raw) && isSpace(raw[j]) {
		j++
	}
	if j >= len(raw) || raw[j] != '=' {
		return "", "", 0, false
	}
	j++
	for j < len(raw) && isSpace(raw[j]) {
		j++
	}
	if j >= len(raw) {
		return key, "", j, true
	}
	if q := raw[j]; q == '"' || q == '\'' {
		end := strings.IndexByte(raw[j+1:], q)
		if end < 0 {
			return key, raw[j+1:], len(raw), true
		}
		return key, raw[j+1 : j+1+end], j + 2 + end, true
	}
	k := j
	for k < len(raw) && !isSpace(raw[k]) {
		k++
	}
	return key, raw[j:k], k, true
}

// positionalAttr reads a quoted or bare value at raw[i].
func positionalAttr(raw string, i int) (string, int) {
	if q := raw[i]; q == '"' || q == '\'' {
		if end := strings.IndexByte(raw[i+1:], q); end >= 0 {
			return raw[i+1 : i+1+end], i + 2 + end
		}
	}
	k := i
	for k < len(raw) && !isSpace(raw[k]) {
		k++
	}
	return raw[i:k], k
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }
