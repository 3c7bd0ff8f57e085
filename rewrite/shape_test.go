package rewrite

import (
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

func TestPermalinkShape(t *testing.T) {
	tests := []struct {
		name, home, link, slug, typ, day string
		id                               int64
		want                             string
	}{
		{"day and name", "https://example.com", "https://example.com/2012/02/14/general-session/", "general-session", "post", "2012-02-14", 2536, "/%year%/%monthnum%/%day%/%postname%/"},
		{"postname only", "https://example.com/", "https://example.com/general-session/", "general-session", "post", "2012-02-14", 2536, "/%postname%/"},
		{"plain", "http://example.net/mythz_blog", "http://example.net/mythz_blog/?p=176", "x", "post", "2010-03-01", 176, "/?p=%post_id%"},
		{"plain escaped", "http://example.net", "http://example.net/?post_type=book&#038;p=9", "x", "book", "2010-03-01", 9, "/?post_type=book&p=%post_id%"},
		{"page_id", "http://example.net", "http://example.net/?page_id=7", "", "page", "", 7, "/?page_id=%post_id%"},
		{"pathinfo", "http://www.example.org", "http://www.example.org/index.php/2011/04/%e9%a2%84%e8%a7%88/", "%e9%a2%84%e8%a7%88", "post", "2011-04-03", 10, "/index.php/%year%/%monthnum%/%postname%/"},
		{"post id html", "http://www.example.com", "http://www.example.com/250034.html", "trip", "post", "2011-07-02", 250034, "/%post_id%.html"},
		{"name html", "http://example.org", "http://example.org/2012/05/favorite-books.html", "favorite-books", "post", "2012-05-06", 5, "/%year%/%monthnum%/%postname%.html"},
		{"front", "https://fett.example", "https://fett.example/blog/2012/11/26/netural/", "netural", "post", "2012-11-26", 62, "/blog/%year%/%monthnum%/%day%/%postname%/"},
		{"page hierarchy", "https://example.com", "https://example.com/level-1/level-2/", "level-2", "page", "2007-01-01", 3, "/level-1/%pagename%/"},
		{"archives front with id", "https://example.com", "https://example.com/archives/123", "x", "post", "2007-01-01", 123, "/archives/%post_id%"},
		{"not under home", "https://example.com/blog", "https://other.example/x/", "x", "post", "2007-01-01", 1, ""},
		{"empty link", "https://example.com", "", "x", "post", "2007-01-01", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := &wxr.Item{ID: tt.id, Type: tt.typ, Link: tt.link, RawName: tt.slug, Name: decodeAlias(tt.slug)}
			if tt.day != "" {
				it.Date = date(tt.day)
			}
			if got := PermalinkShape(tt.home, it); got != tt.want {
				t.Errorf("PermalinkShape(%q, %q) = %q, want %q", tt.home, tt.link, got, tt.want)
			}
		})
	}
}

func TestReadAttachmentMeta(t *testing.T) {
	tests := []struct {
		name, v  string
		file     string
		original string
		sizes    []string
	}{
		{"sizes", `a:3:{s:4:"file";s:16:"2010/03/Logo.png";s:5:"sizes";a:2:{s:9:"thumbnail";a:2:{s:4:"file";s:16:"Logo-150x150.png";s:5:"width";i:150;}s:6:"medium";a:1:{s:4:"file";s:16:"Logo-300x200.png";}}s:10:"image_meta";a:0:{}}`,
			"2010/03/Logo.png", "", []string{"Logo-150x150.png", "Logo-300x200.png"}},
		{"wrong byte counts", `a:2:{s:4:"file";s:99:"2012/01/QQ截图.jpg";s:5:"sizes";a:1:{s:9:"thumbnail";a:1:{s:4:"file";s:1:"QQ截图-150x150.jpg";}}}`,
			"2012/01/QQ截图.jpg", "", []string{"QQ截图-150x150.jpg"}},
		{"scaled", `a:3:{s:4:"file";s:22:"2020/01/big-scaled.jpg";s:5:"sizes";a:0:{}s:14:"original_image";s:7:"big.jpg";}`,
			"2020/01/big-scaled.jpg", "big.jpg", nil},
		{"empty", "", "", "", nil},
		{"garbage", `a:1:{s:4:"file";`, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := readAttachmentMeta(tt.v)
			if m.file != tt.file || m.original != tt.original || len(m.sizes) != len(tt.sizes) {
				t.Fatalf("got %+v, want file %q original %q sizes %q", m, tt.file, tt.original, tt.sizes)
			}
			for i := range m.sizes {
				if m.sizes[i] != tt.sizes[i] {
					t.Errorf("size %d = %q, want %q", i, m.sizes[i], tt.sizes[i])
				}
			}
		})
	}
}

func TestAliases(t *testing.T) {
	f := newFixture("http://everet.example")
	it := f.post(5, "post", "%e4%b8%ad%e6%96%87", "http://everet.example/2012/05/%e4%b8%ad%e6%96%87/", "2012-05-06",
		wxr.Meta{Key: "_wp_old_slug", Value: "caf%c3%a9"}, wxr.Meta{Key: "_wp_old_slug", Value: "older"})
	it.GUID = "http://www.everet.example/old-guid-path/"
	home := f.post(6, "page", "home", "http://everet.example/", "")
	home.GUID = "http://everet.example/?page_id=6"
	ix := f.index(Options{})
	want := []string{"/old-guid-path/", "/2012/05/café/", "/2012/05/older/"}
	got := ix.Aliases(5)
	if len(got) != len(want) {
		t.Fatalf("Aliases = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("alias %d = %q, want %q", i, got[i], want[i])
		}
	}
	if a := ix.Aliases(6); len(a) != 0 {
		t.Errorf("front page aliases = %q, want none (never alias the home page)", a)
	}
	if a := ix.Aliases(404); a != nil {
		t.Errorf("unknown id aliases = %q", a)
	}
	f2 := newFixture("http://everet.example")
	f2.post(1, "post", "new", "http://everet.example/a/new/", "2012-05-06", wxr.Meta{Key: "_wp_old_slug", Value: "taken"})
	f2.post(2, "post", "taken", "http://everet.example/a/taken/", "2012-05-07")
	if a := f2.index(Options{}).Aliases(1); len(a) != 0 {
		t.Errorf("alias taken by another page's url = %q, want none", a)
	}
	if a := ix.Aliases(404); a != nil {
		t.Errorf("unknown id aliases = %q", a)
	}
}
