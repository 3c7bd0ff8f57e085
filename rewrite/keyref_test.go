package rewrite

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The normalisation helpers as they were before their fast paths, kept as
// the reference the fast versions are checked against (TestKeyAsReference,
// FuzzKeyAsReference).

// refKey is site.key built on the reference helpers.

func refKey(s *site, raw string) (k, frag string, ok bool) {
	if len(raw) > maxURL {
		return "", "", false
	}
	u, ok := splitURL(unescapeAmp(strings.Trim(raw, asciiSpace)))
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
	p := cleanPath(refDecodePath(u.path))
	if !own {
		return "//" + host + refFoldText(p, false), u.frag, true
	}
	p = stripIndexPHP(refFoldText(p, !isFile(p)))
	if s.base != "" && p != s.base && !strings.HasPrefix(p, s.base+"/") {
		// Outside the install directory: another site on the same host.
		if host == "" {
			return "", "", false
		}
		return "//" + host + p, u.frag, true
	}
	if q := refQueryKey(u.query, p == s.base || p == "/"); q != "" {
		p = s.base + "/?" + q
	}
	return p, u.frag, true
}

func refDecodePath(p string) string {
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

func refFoldText(p string, lower bool) string {
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

func refQueryKey(q string, home bool) string {
	if q == "" {
		return ""
	}
	vals := map[string]string{}
	for _, kv := range strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(kv, "=")
		k = strings.ToLower(k)
		if _, seen := vals[k]; !seen {
			vals[k] = v
		}
	}
	for _, group := range [][]string{singleVars, archiveVars} {
		for _, k := range group {
			if v, ok := vals[k]; ok {
				if v = refQueryValue(k, v); v != "" {
					return k + "=" + v
				}
			}
		}
	}
	if !home {
		return ""
	}
	return refCustomVar(vals)
}

func refCustomVar(vals map[string]string) string {
	var name string
	for k := range vals {
		if ignoredVars[k] || strings.HasPrefix(k, "utm_") || k == "" {
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
	if v := refQueryValue(name, vals[name]); v != "" {
		return name + "=" + v
	}
	return ""
}

func refQueryValue(k, v string) string {
	switch k {
	case "p", "page_id", "attachment_id", "cat", "m", "author", "year", "monthnum":
		n, err := strconv.ParseUint(v, 10, 63)
		if err != nil {
			return ""
		}
		return strconv.FormatUint(n, 10)
	}
	v = strings.ReplaceAll(v, "+", " ")
	v = strings.Trim(cleanPath(refDecodePath(v)), "/")
	return escapeQuery(refFoldText(v, true))
}

// keyCases are URLs with the forms the reference helpers treat one by one.
var keyCases = []string{
	"http://example.com/2019/03/slug/", "/mythz_blog/?p=12", "http://www.example.com/index.php/a/%e4%b8%ad/",
	"//cdn.example.net/x-300x200.jpg?w=1", "?p=1&amp;x=2", "/a/%zz/%e4%b8/", "http://example.com/a/../../b#c",
	"/?name=A+B%26c", "HTTPS://WWW.EXAMPLE.COM:443/Caf%C3%A9.html", "https://i0.wp.com/example.com/wp-content/uploads/a.jpg",
	"/?testimonial=Joe", "/?testimonial=a&testimonial=b", "/?Testimonial=x&utm_source=y", "/?a=1&b=2", "/?a=1;;a=2&&",
	"/?p=&p=3", "/?P=7", "/?name=x&name=y&p=abc", "/?=x", "/?x", "/mythz_blog/?cat=03&feed=rss2", "\t /a b/\v",
	"/caf\u0065\u0301/", "/CAF%C3%A9/Ünï.JPG", "/a\x00b/\x7f/", "/%41%2f%3F/", "/\xff\xfe/x", "/?name=%E4%B8%AD%20x",
	"http://mono.example.net/mythz_blog/2012/02/X/", "http://www.example.net/Benchmarks/", "/?pagename=a/B/&page=2",
	"/?utm_a=1&replytocom=2", "/?foo-bar=Baz", "/?foo_bar=%zz", "/?ab=1&AB=2",
}

// TestKeyAsReference checks the fast paths of key against the reference
// helpers.
func TestKeyAsReference(t *testing.T) {
	for _, s := range []*site{testSite("", "example.com"), testSite("/mythz_blog", "example.net", "mono.example.net")} {
		for _, raw := range keyCases {
			k, frag, ok := s.key(raw)
			rk, rfrag, rok := refKey(s, raw)
			if k != rk || frag != rfrag || ok != rok {
				t.Errorf("key(%q) = %q, %q, %v; reference %q, %q, %v", raw, k, frag, ok, rk, rfrag, rok)
			}
			for _, lower := range []bool{false, true} {
				if got, want := foldText(decodePath(raw), lower), refFoldText(refDecodePath(raw), lower); got != want {
					t.Errorf("foldText(decodePath(%q), %v) = %q, reference %q", raw, lower, got, want)
				}
			}
		}
	}
}

// FuzzKeyAsReference checks the fast paths of key against the reference
// helpers on any input.
func FuzzKeyAsReference(f *testing.F) {
	for _, s := range keyCases {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, subdir bool) {
		s := testSite("", "example.com")
		if subdir {
			s = testSite("/mythz_blog", "example.com")
		}
		k, frag, ok := s.key(raw)
		if rk, rfrag, rok := refKey(s, raw); k != rk || frag != rfrag || ok != rok {
			t.Fatalf("key(%q) = %q, %q, %v; reference %q, %q, %v", raw, k, frag, ok, rk, rfrag, rok)
		}
		if got, want := queryKey(raw, subdir), refQueryKey(raw, subdir); got != want {
			t.Fatalf("queryKey(%q, %v) = %q, reference %q", raw, subdir, got, want)
		}
		if got, want := foldText(decodePath(raw), subdir), refFoldText(refDecodePath(raw), subdir); got != want {
			t.Fatalf("foldText(decodePath(%q)) = %q, reference %q", raw, got, want)
		}
	})
}
