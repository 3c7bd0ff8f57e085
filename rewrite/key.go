package rewrite

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// site is what normalisation needs to know about the old site: the hosts it
// answered on and the directory it was installed in.
type site struct {
	hosts map[string]bool // normalised hosts (see normHost)
	base  string          // install directory, lower-case, e.g. "/mythz_blog"; "" at the root
}

// singleVars are the query variables that name one item; the first present
// wins. archiveVars name archives and feeds. Both are kept in keys; every
// other query parameter is dropped.
var (
	singleVars  = []string{"p", "page_id", "attachment_id", "name", "pagename"}
	archiveVars = []string{"cat", "tag", "category_name", "m", "author", "feed", "year", "monthnum"}
)

// key normalises a URL into the form used to store and find it. The key is
// itself a URL and key(key) == key:
//
//   - a URL on one of the site's hosts (or root-relative) becomes a path that
//     starts with the install directory, e.g. "/mythz_blog/2012/02/x", or a
//     query form "/mythz_blog/?p=12"; a path outside the install directory
//     belongs to another site on the same host and is keyed as foreign (or
//     not at all when root-relative);
//   - a URL on any other host becomes "//host/path" (query dropped), so media
//     on a CDN can still be found.
//
// Paths are percent-decoded to NFC Unicode, cleaned, stripped of trailing
// slashes and of "index.php/", and lower-cased unless they name a file.
// frag is the fragment without "#". ok is false for what is not a web URL
// (mailto:, data:, "#top", a path relative to an unknown page).
func (s *site) key(raw string) (k, frag string, ok bool) {
	if len(raw) > maxURL {
		return "", "", false
	}
	u, ok := splitURL(unescapeAmp(trimASCIISpace(raw)))
	if !ok {
		return "", "", false
	}
	host := normHost(u.host)
	if host != "" {
		if h, p, isPhoton := photon(host, u.path); isPhoton {
			host, u.path = normHost(h), p
		}
	}
	own := host == "" || s.hosts[host]
	if u.host == "" && u.path == "" {
		u.path = s.base + "/" // "?p=1", "index.php?p=1": relative to home
	}
	p := cleanPath(decodePath(u.path))
	if !own {
		return "//" + host + foldText(p, false), u.frag, true
	}
	p = stripIndexPHP(foldText(p, !isFile(p)))
	if s.base != "" && p != s.base && !strings.HasPrefix(p, s.base+"/") {
		// Outside the install directory: another site on the same host.
		if host == "" {
			return "", "", false
		}
		return "//" + host + p, u.frag, true
	}
	if q := queryKey(u.query, p == s.base || p == "/"); q != "" {
		p = s.base + "/?" + q
	}
	return p, u.frag, true
}

// rel returns the key's path below the install directory, always starting
// with "/".
func (s *site) rel(k string) string {
	r := strings.TrimPrefix(k, s.base)
	if r == "" || r[0] != '/' {
		r = "/" + r
	}
	return r
}

// maxURL bounds the URLs the index reads: no WordPress URL comes near it,
// and the work per URL stays small whatever a post holds.
const maxURL = 4096

// asciiSpace is what is trimmed around a URL; other white space is kept so
// that a key, read again, does not lose a trailing encoded space.
const asciiSpace = " \t\r\n\f\v"

// trimASCIISpace is strings.Trim(s, asciiSpace), without building the
// cut set at each call.
func trimASCIISpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// parts is a URL split without validation.
type parts struct {
	host, path, query, frag string
}

// splitURL splits a web URL. It accepts http(s), protocol-relative and
// root-relative URLs, and query-only ones ("?p=1", "index.php?p=1") which are
// taken as relative to the home page.
func splitURL(s string) (parts, bool) {
	var u parts
	if s == "" || s[0] == '#' {
		return u, false
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, u.frag = s[:i], s[i+1:]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, u.query = s[:i], s[i+1:]
	}
	switch {
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case hasScheme(s, "http"), hasScheme(s, "https"):
		s = s[strings.IndexByte(s, ':')+1:]
		s = strings.TrimLeft(s, "/\\")
	case strings.HasPrefix(s, "/"):
		u.path = strings.ReplaceAll(s, "\\", "/")
		return u, true
	case s == "" || strings.EqualFold(s, "index.php"):
		return u, u.query != "" // path "" marks a query relative to home
	default:
		return u, false
	}
	i := 0
	for i < len(s) && s[i] != '/' && s[i] != '\\' {
		i++
	}
	u.host, u.path = s[:i], s[i:]
	u.path = strings.ReplaceAll(u.path, "\\", "/")
	if u.host == "" {
		return u, false
	}
	return u, true
}

// hasScheme reports whether s starts with "scheme:" in any case.
func hasScheme(s, scheme string) bool {
	return len(s) > len(scheme) && s[len(scheme)] == ':' && strings.EqualFold(s[:len(scheme)], scheme)
}

// unescapeAmp undoes the HTML escaping of "&" that WordPress writes in
// links (&amp; and &#038;), without touching anything else.
func unescapeAmp(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	for _, e := range []string{"&amp;", "&AMP;", "&#038;", "&#38;", "&#x26;", "&#X26;"} {
		s = strings.ReplaceAll(s, e, "&")
	}
	return s
}

// normHost lower-cases a host and drops user info, default ports, a
// trailing dot and a leading "www.".
func normHost(h string) string {
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	h = strings.ToLower(h)
	for {
		n := strings.TrimRight(h, ".")
		n = strings.TrimSuffix(n, ":80")
		n = strings.TrimSuffix(n, ":443")
		n = strings.TrimPrefix(n, "www.")
		if n == h {
			return h
		}
		h = n
	}
}

// photon unwraps a Jetpack Photon URL (i0.wp.com/example.com/wp-content/…)
// into the host and path it serves.
func photon(host, p string) (string, string, bool) {
	if len(host) != len("i0.wp.com") || host[0] != 'i' || !strings.HasSuffix(host, ".wp.com") {
		return "", "", false
	}
	rest := strings.TrimPrefix(p, "/")
	i := strings.IndexByte(rest, '/')
	if i <= 0 {
		return "", "", false
	}
	return rest[:i], rest[i:], true
}

// decodePath percent-decodes p (either hex case) except for the bytes that
// would change the URL's structure, which stay encoded in upper case. Bytes
// that do not form valid UTF-8 are encoded, so the result is valid UTF-8.
func decodePath(p string) string {
	if !needsDecode(p) {
		return validUTF8(p) // nothing to decode or encode: no copy
	}
	var b strings.Builder
	b.Grow(len(p))
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]) {
			v := unhex(p[i+1])<<4 | unhex(p[i+2])
			i += 2
			if keepEncoded(v) {
				b.WriteString(encByte(v))
				continue
			}
			b.WriteByte(v)
			continue
		}
		if c < 0x20 || c == 0x7f || c == ' ' || c == '%' {
			b.WriteString(encByte(c))
			continue
		}
		b.WriteByte(c)
	}
	return validUTF8(b.String())
}

// needsDecode reports whether decodePath has anything to change in p
// besides invalid UTF-8: an escape, a control byte, a space or a "%".
func needsDecode(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c <= ' ' || c == 0x7f || c == '%' {
			return true
		}
	}
	return false
}

// escapeRE matches one percent-escape.
var escapeRE = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)

// foldText puts the text between the escapes of a decoded path in NFC (and
// lower case when lower is set) and writes the escapes in upper case, so
// that neither step can reach into an escape.
func foldText(p string, lower bool) string {
	if strings.IndexByte(p, '%') < 0 { // no escape: one piece of text
		if lower {
			p = strings.ToLower(p)
		}
		return norm.NFC.String(p)
	}
	var b strings.Builder
	last := 0
	fold := func(s string) {
		if lower {
			s = strings.ToLower(s)
		}
		b.WriteString(norm.NFC.String(s))
	}
	for _, m := range escapeRE.FindAllStringIndex(p, -1) {
		fold(p[last:m[0]])
		b.WriteString(strings.ToUpper(p[m[0]:m[1]]))
		last = m[1]
	}
	fold(p[last:])
	return b.String()
}

// keepEncoded lists the bytes a decoded path must not hold raw.
func keepEncoded(c byte) bool {
	return c <= 0x20 || c == 0x7f || c == '%' || c == '/' || c == '?' || c == '#' || c == '\\'
}

// validUTF8 percent-encodes every byte of s that is not part of valid UTF-8.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString(encByte(s[i]))
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func encByte(c byte) string {
	const hex = "0123456789ABCDEF"
	return string([]byte{'%', hex[c>>4], hex[c&15]})
}

// cleanPath resolves dot segments, collapses slashes and drops the trailing
// slash; the root stays "/".
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	return path.Clean(p)
}

// stripIndexPHP removes the "index.php" of PATHINFO permalinks
// ("/index.php/2011/04/x" → "/2011/04/x") and of "/index.php" itself,
// wherever the install directory puts it.
func stripIndexPHP(p string) string {
	for {
		i := strings.Index(p, "/index.php")
		if i < 0 {
			return p
		}
		rest := p[i+len("/index.php"):]
		if rest != "" && rest[0] != '/' {
			return p
		}
		p = p[:i] + rest
		if p == "" {
			p = "/"
		}
	}
}

// isFile reports whether the path names a file (an upload, a script), whose
// case matters, rather than a WordPress permalink, which is matched without
// case like WordPress does.
func isFile(p string) bool {
	last := p[strings.LastIndexByte(p, '/')+1:]
	dot := strings.LastIndexByte(last, '.')
	if dot < 0 {
		return false
	}
	switch strings.ToLower(last[dot+1:]) {
	case "html", "htm", "shtml", "php", "asp", "aspx":
		return false
	}
	return true
}

// queryKey returns the canonical "var=value" of the first recognised query
// variable, or "". On the home page (home set) a single unknown variable is
// taken as a custom post type's (?testimonial=slug). A variable given twice
// counts with its first value.
func queryKey(q string, home bool) string {
	if q == "" {
		return ""
	}
	var buf [8]queryVar
	vars := splitQuery(q, buf[:0])
	for _, group := range [...][]string{singleVars, archiveVars} {
		for _, k := range group {
			if v, ok := firstVar(vars, k); ok {
				if v = queryValue(k, v); v != "" {
					return k + "=" + v
				}
			}
		}
	}
	if !home {
		return ""
	}
	return customVar(vars)
}

// queryVar is one "name=value" of a query, the name in lower case.
type queryVar struct{ name, value string }

// splitQuery appends the variables of q, split at "&" and ";", to vars.
func splitQuery(q string, vars []queryVar) []queryVar {
	for q != "" {
		var kv string
		if i := strings.IndexAny(q, "&;"); i >= 0 {
			kv, q = q[:i], q[i+1:]
		} else {
			kv, q = q, ""
		}
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		vars = append(vars, queryVar{strings.ToLower(k), v})
	}
	return vars
}

// firstVar returns the value of the first variable named k.
func firstVar(vars []queryVar, k string) (string, bool) {
	for _, v := range vars {
		if v.name == k {
			return v.value, true
		}
	}
	return "", false
}

// ignoredVars are query parameters that never name content: WordPress's own
// (replies, previews, paging, search) and trackers'.
var ignoredVars = map[string]bool{
	"replytocom": true, "preview": true, "preview_id": true, "preview_nonce": true, "paged": true,
	"page": true, "s": true, "amp": true, "ver": true, "w": true, "h": true, "resize": true,
	"fbclid": true, "gclid": true, "ref": true, "share": true, "nb": true, "post_type": true,
}

// customVar returns "var=slug" for a query that is one custom post type's
// query variable (?testimonial=slug), or "".
func customVar(vars []queryVar) string {
	var name string
	for _, v := range vars {
		k := v.name
		if ignoredVars[k] || strings.HasPrefix(k, "utm_") || k == "" || k == name {
			continue
		}
		if name != "" {
			return "" // two candidates: not a custom-type link
		}
		name = k
	}
	if name == "" || !isVarName(name) {
		return ""
	}
	value, _ := firstVar(vars, name)
	if v := queryValue(name, value); v != "" {
		return name + "=" + v
	}
	return ""
}

// isVarName reports whether k can be a WordPress query variable.
func isVarName(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return len(k) <= 32
}

// queryValue canonicalises one value: ids lose leading zeros, slugs are
// decoded, lower-cased and re-escaped minimally.
func queryValue(k, v string) string {
	switch k {
	case "p", "page_id", "attachment_id", "cat", "m", "author", "year", "monthnum":
		n, err := strconv.ParseUint(v, 10, 63)
		if err != nil {
			return ""
		}
		return strconv.FormatUint(n, 10)
	}
	v = strings.ReplaceAll(v, "+", " ")
	v = strings.Trim(cleanPath(decodePath(v)), "/")
	return escapeQuery(foldText(v, true))
}

// escapeQuery encodes the bytes that would end or split a query value.
func escapeQuery(v string) string {
	if strings.IndexAny(v, "&=+ ;") < 0 {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '&', '=', '+', ' ', ';':
			b.WriteString(encByte(c))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
