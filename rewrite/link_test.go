package rewrite

import (
	"testing"

	"github.com/wpexit/wpexit/convert"
)

const (
	keep    = convert.LinkKeep
	page    = convert.LinkPage
	media   = convert.LinkMedia
	missing = convert.LinkMissing
)

func TestLink(t *testing.T) {
	sites := map[string]*Index{
		"subdir":   subdirSite().index(Options{}),
		"pathinfo": pathinfoSite().index(Options{}),
		"numeric":  numericSite().index(Options{AliasHosts: []string{"teidi.wordpress.com"}}),
		"html":     htmlSite().index(Options{}),
		"front":    frontSite().index(Options{AliasHosts: []string{"old-fett.example"}}),
		"wpcom":    wpcomSite().index(Options{}),
	}
	tests := []struct {
		site, raw string
		kind      convert.LinkKind
		dest      string
	}{
		// sub-directory install, ?p= permalinks, host learned from guids
		{"subdir", "http://mono.example.net/mythz_blog/?p=176", page, "posts/2010-03-01-hello-world.md"},
		{"subdir", "http://www.example.net/mythz_blog/?p=344", page, "posts/2010-04-02-second.md"},
		{"subdir", "http://www.example.net/mythz_blog/index.php?p=344&amp;replytocom=3#comment-3", page, "posts/2010-04-02-second.md#comment-3"},
		{"subdir", "?p=176", page, "posts/2010-03-01-hello-world.md"},
		{"subdir", "http://mono.example.net/mythz_blog/?p=999", missing, "http://mono.example.net/mythz_blog/?p=999"},
		{"subdir", "http://mono.example.net/mythz_blog/?attachment_id=95", media, "/wp-uploads/2010/03/Logo.png"},
		{"subdir", "http://ww2.example.net/wp-uploads/2010/03/Logo-150x150.png", media, "/wp-uploads/2010/03/Logo.png"},
		{"subdir", "http://ww2.example.net/wp-uploads/2010/03/Logo-640x480.png", media, "/wp-uploads/2010/03/Logo.png"},
		{"subdir", "http://ww2.example.net/wp-uploads/2011/01/other.png", media, "/wp-uploads/2011/01/other.png"},
		{"subdir", "http://ww2.example.net/downloads/tool.zip", keep, "http://ww2.example.net/downloads/tool.zip"},
		{"subdir", "http://www.example.net/benchmarks/", keep, "http://www.example.net/benchmarks/"},
		{"subdir", "http://www.example.net", keep, "http://www.example.net"},
		{"subdir", "http://mono.example.net/mythz_blog/", keep, "/mythz_blog/"},
		{"subdir", "http://mono.example.net/mythz_blog/?cat=3", keep, "/mythz_blog/?cat=3"},
		// PATHINFO permalinks, CJK slugs, old slugs
		{"pathinfo", "http://www.cacti.example/index.php/2011/04/%E9%A2%84%E8%A7%88/", page, "posts/2011-04-03-预览.md"},
		{"pathinfo", "http://cacti.example/2011/04/预览", page, "posts/2011-04-03-预览.md"},
		{"pathinfo", "https://www.cacti.example/index.php/2011/04/%e9%a2%84%e8%a7%88/2/", page, "posts/2011-04-03-预览.md"},
		{"pathinfo", "/index.php/2011/05/install/comment-page-2/", page, "posts/2011-05-01-install.md#comments"},
		{"pathinfo", "/index.php/2011/05/setup/", page, "posts/2011-05-01-install.md"},
		{"pathinfo", "/index.php/2011/05/install/feed/", page, "posts/2011-05-01-install.md"},
		{"pathinfo", "/index.php/category/linux/feed/", keep, "/index.php/category/linux/feed/"},
		{"pathinfo", "/index.php/2011/04/%e9%a2%84%e8%a7%88/attachment/2/", media, "/wp-content/uploads/2011/04/1.jpg"},
		{"pathinfo", "http://www.cacti.example/wp-content/uploads/2011/04/1-300x225.jpg", media, "/wp-content/uploads/2011/04/1.jpg"},
		{"pathinfo", "http://www.cacti.example/wp-content/uploads/2011/04/9.png", media, "/wp-content/uploads/2011/04/9.png"},
		{"pathinfo", "/blog/index.php/2011/05/install/", page, "posts/2011-05-01-install.md"},
		{"pathinfo", "/mike/blog/wp-content/uploads/2011/04/1-150x150.jpg", media, "/wp-content/uploads/2011/04/1.jpg"},
		{"pathinfo", "http://www.cacti.example/index.php/2011/05/deleted-post/", missing, "http://www.cacti.example/index.php/2011/05/deleted-post/"},
		{"pathinfo", "http://www.cacti.example/index.php/category/linux/", keep, "/index.php/category/linux/"},
		{"pathinfo", "http://www.cacti.example/feed/", keep, "/feed/"},
		{"pathinfo", "http://www.cacti.example/wp-admin/post.php?post=10&action=edit", missing, "http://www.cacti.example/wp-admin/post.php?post=10&action=edit"},
		// numeric .html permalinks, alias host, page query form
		{"numeric", "http://www.teidi.example/250034.html", page, "posts/2011-07-02-trip.md"},
		{"numeric", "http://teidi.wordpress.com/250034.html#more-250034", page, "posts/2011-07-02-trip.md#more-250034"},
		{"numeric", "http://www.teidi.example/?page_id=250046", page, "pages/about.md"},
		{"numeric", "http://www.teidi.example/?p=250046", page, "pages/about.md"},
		{"numeric", "http://www.teidi.example/250034.html/20110702-190221", media, "/wp-files/2011/07/20110702-190221.jpg"},
		{"numeric", "http://images.cdn.example/wp-files/2011/07/20110702-190221.jpg", media, "/wp-files/2011/07/20110702-190221.jpg"},
		{"numeric", "http://teidi.files.wordpress.com/2009/03/shot.jpg?w=162", media, "/wp-content/uploads/2009/03/shot.jpg"},
		{"numeric", "http://other.example/250034.html", keep, "http://other.example/250034.html"},
		// .html suffix, CJK, old slug with suffix
		{"html", "http://everet.example/2012/05/favorite-books.html", page, "posts/2012-05-06-favorite-books.md"},
		{"html", "http://everet.example/2012/05/books.html", page, "posts/2012-05-06-favorite-books.md"},
		{"html", "http://everet.example/2012/06/中文.html#everet-ref-5", page, "posts/2012-06-01-中文.md#everet-ref-5"},
		{"html", "http://everet.example/wp-content/uploads/2012/01/QQ截图2012-150x150.jpg", media, "/wp-content/uploads/2012/01/QQ%E6%88%AA%E5%9B%BE2012.jpg"},
		{"html", "http://everet.example/wp-content/uploads/2012/01/QQ%E6%88%AA%E5%9B%BE2012.jpg", media, "/wp-content/uploads/2012/01/QQ%E6%88%AA%E5%9B%BE2012.jpg"},
		// /blog/ front
		{"front", "https://fett.example/blog/2012/11/26/netural/", page, "posts/2012-11-26-netural.md"},
		{"front", "http://old-fett.example/blog/2012/11/26/netural", page, "posts/2012-11-26-netural.md"},
		{"front", "/about", page, "pages/about.md"},
		{"front", "/?pagename=about", page, "pages/about.md"},
		{"front", "/?name=netural", page, "posts/2012-11-26-netural.md"},
		{"wpcom", "/?pagename=level-1/level-2", page, "pages/level-2.md"},
		{"front", "/blog/2012/11/", keep, "/blog/2012/11/"},
		{"front", "/blog/category/events/", keep, "/blog/category/events/"},
		// WordPress.com: network base_site_url is not the site, files host
		{"wpcom", "https://themetest.wordpress.com/2008/06/10/hello/", page, "posts/2008-06-10-hello.md"},
		{"wpcom", "https://wordpress.com/", keep, "https://wordpress.com/"},
		{"wpcom", "https://themetest.wordpress.com/level-1/level-2/", page, "pages/level-2.md"},
		{"wpcom", "https://themetest.files.wordpress.com/2008/06/big-scaled.jpg?w=640", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		{"wpcom", "https://themetest.files.wordpress.com/2008/06/big.jpg", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		{"wpcom", "https://themetest.files.wordpress.com/2008/06/big-300x200.jpg", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		{"wpcom", "https://i2.wp.com/themetest.files.wordpress.com/2008/06/big-300x200.jpg?resize=1", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		{"wpcom", "https://themetest.wordpress.com/2008/06/10/hello/big/", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		// not links to the site
		{"wpcom", "mailto:me@example.com", keep, "mailto:me@example.com"},
		{"wpcom", "#top", keep, "#top"},
		{"wpcom", "data:image/png;base64,AAAA", keep, "data:image/png;base64,AAAA"},
		{"wpcom", "../2008/06/10/hello/", keep, "../2008/06/10/hello/"},
		{"wpcom", "https://example.org/2008/06/10/hello/", keep, "https://example.org/2008/06/10/hello/"},
	}
	for _, tt := range tests {
		t.Run(tt.site+" "+tt.raw, func(t *testing.T) {
			got := sites[tt.site].Link(tt.raw)
			if got.Kind != tt.kind || got.Dest != tt.dest {
				t.Errorf("Link(%q) = %v %q, want %v %q", tt.raw, got.Kind, got.Dest, tt.kind, tt.dest)
			}
		})
	}
}

func TestLinkFrom(t *testing.T) {
	ix := wpcomSite().index(Options{})
	base := "https://themetest.wordpress.com/2008/06/10/hello/"
	tests := []struct {
		raw  string
		kind convert.LinkKind
		dest string
	}{
		{"../../../../level-1/level-2/", page, "pages/level-2.md"},
		{"big/", media, "/wp-content/uploads/2008/06/big-scaled.jpg"},
		{"#comments", keep, "#comments"},
		{"../../../../nothing-here/", missing, "../../../../nothing-here/"},
		{"/2008/06/10/hello/#respond", page, "posts/2008-06-10-hello.md#respond"},
	}
	for _, tt := range tests {
		if got := ix.LinkFrom(base, tt.raw); got.Kind != tt.kind || got.Dest != tt.dest {
			t.Errorf("LinkFrom(%q) = %v %q, want %v %q", tt.raw, got.Kind, got.Dest, tt.kind, tt.dest)
		}
	}
}

// TestLinkToDraft resolves links to the permalink an unpublished post was
// going to have, predicted from the structure of the published ones.
func TestLinkToDraft(t *testing.T) {
	f := newFixture("http://everet.example")
	draft := f.post(1105, "post", "memory-management", "http://everet.example/?p=1105", "2012-05-21")
	draft.Status = "draft"
	f.post(5, "post", "favorite-books", "http://everet.example/2012/05/favorite-books.html", "2012-05-06")
	ix := f.index(Options{})
	got := ix.Link("http://everet.example/2012/05/memory-management.html#everet-ref-5")
	if got.Kind != page || got.Dest != "posts/2012-05-21-memory-management.md#everet-ref-5" {
		t.Fatalf("link to the draft's future permalink = %v %q", got.Kind, got.Dest)
	}
}

// TestLinkToLaterPost proves the two-pass design: a post that links to a
// post later in the export resolves, because Link runs after every Add.
func TestLinkToLaterPost(t *testing.T) {
	f := newFixture("https://example.com")
	first := f.post(1, "post", "first", "https://example.com/2020/01/first/", "2020-01-01")
	first.Content = `<a href="https://example.com/2020/02/second/">next</a>`
	f.post(2, "post", "second", "https://example.com/2020/02/second/", "2020-02-01")
	ix := f.index(Options{})
	got := ix.Link("https://example.com/2020/02/second/")
	if got.Kind != page || got.Dest != "posts/2020-02-01-second.md" {
		t.Fatalf("link to the later post = %v %q, want the page", got.Kind, got.Dest)
	}
}

// TestLinkConcurrent runs Link from many goroutines after the first pass
// (run with -race): the index is read-only then, predictions included.
func TestLinkConcurrent(t *testing.T) {
	f := htmlSite()
	draft := f.post(9, "post", "later", "http://everet.example/?p=9", "2012-07-01")
	draft.Status = "future"
	ix := f.index(Options{})
	done := make(chan convert.Link)
	for i := 0; i < 8; i++ {
		go func() {
			done <- ix.Link("http://everet.example/2012/07/later.html")
		}()
	}
	for i := 0; i < 8; i++ {
		if l := <-done; l.Kind != page || l.Dest != "posts/2012-07-01-later.md" {
			t.Errorf("concurrent Link = %v %q", l.Kind, l.Dest)
		}
	}
}

// BenchmarkLink maps a mix of page, media, archive, missing and external
// URLs, as the conversion workers do.
func BenchmarkLink(b *testing.B) {
	ix := pathinfoSite().index(Options{})
	urls := []string{
		"http://www.cacti.example/index.php/2011/04/%E9%A2%84%E8%A7%88/",
		"http://www.cacti.example/wp-content/uploads/2011/04/1-300x225.jpg",
		"http://www.cacti.example/index.php/category/linux/",
		"http://www.cacti.example/index.php/2011/05/deleted-post/",
		"https://gohugo.io/documentation/",
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ix.Link(urls[i%len(urls)])
	}
}
