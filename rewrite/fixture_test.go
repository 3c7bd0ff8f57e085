package rewrite

import (
	"strings"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// fixture is a small site built in code: a channel and its items with the
// plans a planner would give them.
type fixture struct {
	ch    wxr.Channel
	items []*wxr.Item
	plans []convert.Plan
}

// date parses "2006-01-02" for fixtures.
func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func newFixture(home string) *fixture {
	return &fixture{ch: wxr.Channel{Link: home, BaseSiteURL: home, BaseBlogURL: home}}
}

// post adds a published post or page written to dir/base.md with the url
// its link's path.
func (f *fixture) post(id int64, typ, name, link, day string, meta ...wxr.Meta) *wxr.Item {
	it := &wxr.Item{ID: id, Type: typ, Status: "publish", Name: name, RawName: name, Link: link,
		GUID: strings.SplitN(link, "?", 2)[0] + "?p=" + itoa(id), Title: "Title " + itoa(id), Meta: meta}
	if day != "" {
		it.Date = date(day)
	}
	dir, stem := "posts", day+"-"+decodeAlias(name)
	if typ == "page" {
		dir, stem = "pages", decodeAlias(name)
	}
	url := ""
	if !strings.Contains(link, "?") {
		_, p, _ := strings.Cut(strings.SplitN(link, "//", 2)[1], "/")
		url = decodeAlias("/" + p)
	}
	f.add(it, convert.Plan{ID: id, Type: typ, Path: dir + "/" + stem + ".md", URL: url})
	return it
}

// attachment adds an attachment (skipped by the planner) with its file URL
// and metadata.
func (f *fixture) attachment(id int64, link, file, meta string) *wxr.Item {
	it := &wxr.Item{ID: id, Type: "attachment", Status: "inherit", Link: link, GUID: file, AttachmentURL: file,
		Title: "Media " + itoa(id)}
	if meta != "" {
		it.Meta = []wxr.Meta{{Key: "_wp_attachment_metadata", Value: meta}}
	}
	f.add(it, convert.Plan{ID: id, Type: "attachment", Skip: "not a page: attachment"})
	return it
}

func (f *fixture) add(it *wxr.Item, p convert.Plan) {
	f.items = append(f.items, it)
	f.plans = append(f.plans, p)
}

// index builds the index in one pass over every item, as the CLI's first
// pass does.
func (f *fixture) index(opts Options) *Index {
	ix := NewIndex(&f.ch, opts)
	for i, it := range f.items {
		ix.Add(it, f.plans[i])
	}
	return ix
}

// Fixture sites modelled on the URL forms of real exports (written here,
// not copied).

// subdirSite: blog in /mythz_blog with plain ?p= permalinks, guids on an
// older host, media on a separate host (like real-mythz-blog).
func subdirSite() *fixture {
	f := newFixture("http://mono.example.net/mythz_blog")
	f.post(176, "post", "hello-world", "http://mono.example.net/mythz_blog/?p=176", "2010-03-01")
	f.items[0].GUID = "http://www.example.net/mythz_blog/?p=176"
	f.post(344, "post", "second", "http://mono.example.net/mythz_blog/?p=344", "2010-04-02")
	f.items[1].GUID = "http://www.example.net/mythz_blog/?p=344"
	f.attachment(95, "http://mono.example.net/mythz_blog/?attachment_id=95",
		"http://ww2.example.net/wp-uploads/2010/03/Logo.png",
		`a:3:{s:4:"file";s:16:"2010/03/Logo.png";s:5:"sizes";a:1:{s:9:"thumbnail";a:1:{s:4:"file";s:16:"Logo-150x150.png";}}}`)
	return f
}

// pathinfoSite: /index.php/%year%/%monthnum%/%postname%/ with CJK slugs
// (like real-cactifans-zh).
func pathinfoSite() *fixture {
	f := newFixture("http://www.cacti.example")
	f.post(10, "post", "%e9%a2%84%e8%a7%88", "http://www.cacti.example/index.php/2011/04/%e9%a2%84%e8%a7%88/", "2011-04-03")
	f.post(11, "post", "install", "http://www.cacti.example/index.php/2011/05/install/", "2011-05-01",
		wxr.Meta{Key: "_wp_old_slug", Value: "setup"})
	f.attachment(12, "http://www.cacti.example/index.php/2011/04/%e9%a2%84%e8%a7%88/attachment/2/",
		"http://www.cacti.example/wp-content/uploads/2011/04/1.jpg", "")
	return f
}

// numericSite: /%post_id%.html permalinks and attachment pages below them
// (like real-teidihen), media on a CDN, old files on WordPress.com.
func numericSite() *fixture {
	f := newFixture("http://www.teidi.example")
	f.post(250034, "post", "trip", "http://www.teidi.example/250034.html", "2011-07-02")
	f.post(250046, "page", "about", "http://www.teidi.example/about", "")
	f.attachment(250035, "http://www.teidi.example/250034.html/20110702-190221",
		"http://images.cdn.example/wp-files/2011/07/20110702-190221.jpg", "")
	return f
}

// htmlSite: /%year%/%monthnum%/%postname%.html, CJK upload names (like
// real-everet-zh).
func htmlSite() *fixture {
	f := newFixture("http://everet.example")
	f.post(5, "post", "favorite-books", "http://everet.example/2012/05/favorite-books.html", "2012-05-06",
		wxr.Meta{Key: "_wp_old_slug", Value: "books"})
	f.post(6, "post", "%e4%b8%ad%e6%96%87", "http://everet.example/2012/06/%e4%b8%ad%e6%96%87.html", "2012-06-01")
	f.attachment(7, "http://everet.example/2012/05/favorite-books.html/qq",
		"http://everet.example/wp-content/uploads/2012/01/QQ截图2012.jpg",
		`a:2:{s:4:"file";s:99:"2012/01/QQ截图2012.jpg";s:5:"sizes";a:1:{s:9:"thumbnail";a:1:{s:4:"file";s:1:"QQ截图2012-150x150.jpg";}}}`)
	return f
}

// frontSite: /blog/%year%/%monthnum%/%day%/%postname%/ (like real-fettblog).
func frontSite() *fixture {
	f := newFixture("https://fett.example")
	f.post(62, "post", "netural", "https://fett.example/blog/2012/11/26/netural/", "2012-11-26")
	f.items[0].Terms = []wxr.ItemTerm{{Domain: "category", Slug: "events", Name: "Events & Talks"}}
	// an author archive for Fett.Blog (nicename fett-blog), none for ghost,
	// who has only a draft, nor for "Guest", whom the author list lacks
	f.ch.Authors = []wxr.Author{{Login: "Fett.Blog"}, {Login: "ghost"}}
	f.items[0].Creator = "Fett.Blog"
	f.post(63, "page", "about", "https://fett.example/about/", "").Creator = "Guest"
	d := f.post(64, "post", "unfinished", "https://fett.example/?p=64", "2013-01-02")
	d.Creator = "ghost"
	d.Status = "draft" // its category has no archive: no published post uses it
	d.Terms = []wxr.ItemTerm{{Domain: "category", Slug: "drafts-only", Name: "Drafts only"}}
	f.plans[len(f.plans)-1].Draft = true
	return f
}

// wpcomSite: https, WordPress.com network base_site_url, media on
// files.wordpress.com with -scaled originals (like theme-test-data).
func wpcomSite() *fixture {
	f := newFixture("https://themetest.wordpress.com")
	f.ch.BaseSiteURL = "https://wordpress.com/"
	f.post(1, "post", "hello", "https://themetest.wordpress.com/2008/06/10/hello/", "2008-06-10")
	f.post(2, "page", "level-2", "https://themetest.wordpress.com/level-1/level-2/", "")
	f.attachment(3, "https://themetest.wordpress.com/2008/06/10/hello/big/",
		"https://themetest.files.wordpress.com/2008/06/big-scaled.jpg",
		`a:4:{s:4:"file";s:22:"2008/06/big-scaled.jpg";s:5:"sizes";a:1:{s:6:"medium";a:1:{s:4:"file";s:15:"big-300x200.jpg";}}s:10:"image_meta";a:0:{}s:14:"original_image";s:7:"big.jpg";}`)
	return f
}
