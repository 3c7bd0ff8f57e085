package rewrite

import (
	"strings"
	"testing"

	"github.com/wpexit/wpexit/convert"
)

// testSite is a sub-directory install with an alias host.
func testSite(base string, hosts ...string) *site {
	s := &site{hosts: map[string]bool{}, base: base}
	for _, h := range hosts {
		s.hosts[h] = true
	}
	return s
}

func TestKey(t *testing.T) {
	root := testSite("", "example.com", "old.example.org")
	sub := testSite("/mythz_blog", "mono.example.net", "example.net")
	tests := []struct {
		name string
		s    *site
		raw  string
		key  string
		frag string
		ok   bool
	}{
		{"https www trailing slash", root, "https://www.example.com/2019/03/slug/", "/2019/03/slug", "", true},
		{"http no slash", root, "http://example.com/2019/03/slug", "/2019/03/slug", "", true},
		{"alias host", root, "http://old.example.org/2019/03/slug/", "/2019/03/slug", "", true},
		{"upper-case host and scheme", root, "HTTP://WWW.EXAMPLE.COM/2019/03/Slug/", "/2019/03/slug", "", true},
		{"default port", root, "http://example.com:80/a/", "/a", "", true},
		{"protocol-relative", root, "//example.com/a/", "/a", "", true},
		{"root-relative", root, "/2019/03/slug/", "/2019/03/slug", "", true},
		{"percent upper", root, "http://example.com/%E4%B8%AD%E6%96%87/", "/中文", "", true},
		{"percent lower", root, "http://example.com/%e4%b8%ad%e6%96%87/", "/中文", "", true},
		{"raw unicode", root, "http://example.com/中文/", "/中文", "", true},
		{"nfd to nfc", root, "http://example.com/cafe%cc%81/", "/café", "", true},
		{"invalid utf-8 kept encoded", root, "http://example.com/%e4%b8/", "/%E4%B8", "", true},
		{"bad escape kept", root, "http://example.com/a%zz/", "/a%25zz", "", true},
		{"encoded slash kept", root, "http://example.com/a%2fb/", "/a%2Fb", "", true},
		{"index.php pathinfo", root, "http://www.example.com/index.php/2011/04/x/", "/2011/04/x", "", true},
		{"index.php query", root, "http://example.com/index.php?p=12", "/?p=12", "", true},
		{"query p", root, "http://example.com/?p=12", "/?p=12", "", true},
		{"query p leading zero", root, "http://example.com/?p=012", "/?p=12", "", true},
		{"query amp escaped", root, "http://example.com/?foo=1&amp;p=12", "/?p=12", "", true},
		{"query numeric entity", root, "http://example.com/?foo=1&#038;page_id=7", "/?page_id=7", "", true},
		{"query p beats name", root, "/?name=x&p=3", "/?p=3", "", true},
		{"query attachment_id", root, "/?attachment_id=9", "/?attachment_id=9", "", true},
		{"query name decoded", root, "/?name=%E4%B8%AD", "/?name=中", "", true},
		{"query pagename", root, "/?pagename=a/b/", "/?pagename=a/b", "", true},
		{"query other ignored", root, "/2019/03/slug/?replytocom=5&utm_source=x", "/2019/03/slug", "", true},
		{"query cat archive", root, "/?cat=3", "/?cat=3", "", true},
		{"query bad id dropped", root, "/?p=abc", "/", "", true},
		{"query only relative", root, "?p=12", "/?p=12", "", true},
		{"index.php relative", root, "index.php?page_id=2", "/?page_id=2", "", true},
		{"fragment more", root, "http://example.com/a/#more-123", "/a", "more-123", true},
		{"fragment comments", root, "http://example.com/a/?p=5#comments", "/?p=5", "comments", true},
		{"dot segments", root, "http://example.com/a/b/../c/./", "/a/c", "", true},
		{"double slash", root, "http://example.com//a//b//", "/a/b", "", true},
		{"home", root, "http://example.com", "/", "", true},
		{"html suffix keeps case-fold", root, "http://example.com/2012/05/Favorite-Books.html", "/2012/05/favorite-books.html", "", true},
		{"upload keeps case", root, "http://example.com/wp-content/uploads/2012/01/QQ%E6%88%AA%E5%9B%BE.JPG", "/wp-content/uploads/2012/01/QQ截图.JPG", "", true},
		{"foreign host keeps case and drops query", root, "http://cdn.example.net/Wp-Files/a.JPG?w=640", "//cdn.example.net/Wp-Files/a.JPG", "", true},
		{"photon unwraps to own host", root, "https://i0.wp.com/example.com/wp-content/uploads/a.jpg?resize=1", "/wp-content/uploads/a.jpg", "", true},
		{"subdir", sub, "http://mono.example.net/mythz_blog/2012/02/x/", "/mythz_blog/2012/02/x", "", true},
		{"subdir query", sub, "http://www.example.net/mythz_blog/?p=344", "/mythz_blog/?p=344", "", true},
		{"subdir home", sub, "http://mono.example.net/mythz_blog", "/mythz_blog", "", true},
		{"subdir root-relative outside", sub, "/2012/02/x/", "", "", false},
		{"subdir other site on host", sub, "http://www.example.net/Benchmarks/", "//example.net/benchmarks", "", true},
		{"subdir relative query", sub, "?p=4", "/mythz_blog/?p=4", "", true},
		{"subdir index.php", sub, "http://example.net/mythz_blog/index.php?p=3", "/mythz_blog/?p=3", "", true},
		{"mailto", root, "mailto:a@example.com", "", "", false},
		{"anchor", root, "#top", "", "", false},
		{"data", root, "data:image/png;base64,AAAA", "", "", false},
		{"javascript", root, "javascript:void(0)", "", "", false},
		{"relative path", root, "../x/", "", "", false},
		{"empty", root, "  ", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, frag, ok := tt.s.key(tt.raw)
			if k != tt.key || frag != tt.frag || ok != tt.ok {
				t.Fatalf("key(%q) = %q, %q, %v; want %q, %q, %v", tt.raw, k, frag, ok, tt.key, tt.frag, tt.ok)
			}
			if ok {
				if k2, _, _ := tt.s.key(k); k2 != k {
					t.Errorf("key(key(%q)) = %q, want %q", tt.raw, k2, k)
				}
			}
		})
	}
}

// FuzzKey checks that normalisation never panics and is idempotent: a key,
// read as a URL, is its own key.
func FuzzKey(f *testing.F) {
	for _, s := range []string{
		"http://example.com/2019/03/slug/", "/mythz_blog/?p=12", "http://www.example.com/index.php/a/%e4%b8%ad/",
		"//cdn.example.net/x-300x200.jpg?w=1", "?p=1&amp;x=2", "/a/%zz/%e4%b8/", "http://example.com/a/../../b#c",
		"/?name=A+B%26c", "HTTPS://WWW.EXAMPLE.COM:443/Caf%C3%A9.html", "https://i0.wp.com/example.com/wp-content/uploads/a.jpg",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, subdir bool) {
		s := testSite("", "example.com")
		if subdir {
			s = testSite("/mythz_blog", "example.com")
		}
		k, _, ok := s.key(raw)
		if !ok {
			return
		}
		if strings.ContainsAny(k, "#") {
			t.Fatalf("key(%q) = %q holds a fragment", raw, k)
		}
		if len(k) > maxURL {
			return // decoding can lengthen a key past the limit
		}
		k2, frag2, ok2 := s.key(k)
		if !ok2 || k2 != k || frag2 != "" {
			t.Fatalf("key(%q) = %q, but key(%q) = %q, %q, %v", raw, k, k, k2, frag2, ok2)
		}
	})
}

// FuzzLink checks that mapping any URL, with or without a base page, never
// panics and that a page or media answer always has a destination.
func FuzzLink(f *testing.F) {
	for _, s := range []string{
		"http://www.cacti.example/index.php/2011/04/%e9%a2%84%e8%a7%88/attachment/2/", "/index.php/2011/05/install/comment-page-2/",
		"http://www.cacti.example/wp-content/uploads/2011/04/1-300x225.jpg", "../x/", "?p=11", "//", "/?x=1&y", "/a/b/c/d/e/f/g/h",
	} {
		f.Add(s)
	}
	ix := pathinfoSite().index(Options{})
	f.Fuzz(func(t *testing.T, raw string) {
		for _, l := range []convert.Link{ix.Link(raw), ix.LinkFrom("http://www.cacti.example/index.php/2011/05/install/", raw)} {
			if (l.Kind == convert.LinkPage || l.Kind == convert.LinkMedia) && l.Dest == "" {
				t.Fatalf("Link(%q) = %v with no destination", raw, l.Kind)
			}
		}
	})
}
