package convert

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wpexit/wpexit/wxr"
)

var day = time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC)

// item returns a published post dated day, changed by the options.
func item(id int64, name string, opts ...func(*wxr.Item)) *wxr.Item {
	it := &wxr.Item{ID: id, Name: name, Type: "post", Status: "publish", Date: day, DateGMT: day,
		Link: "http://example.com/2012/02/14/" + name + "/"}
	for _, o := range opts {
		o(it)
	}
	return it
}

func typ(t string) func(*wxr.Item)    { return func(it *wxr.Item) { it.Type = t } }
func status(s string) func(*wxr.Item) { return func(it *wxr.Item) { it.Status = s } }
func parent(p int64) func(*wxr.Item)  { return func(it *wxr.Item) { it.Parent = p } }
func title(s string) func(*wxr.Item)  { return func(it *wxr.Item) { it.Title = s } }
func link(s string) func(*wxr.Item)   { return func(it *wxr.Item) { it.Link = s } }
func raw(s string) func(*wxr.Item)    { return func(it *wxr.Item) { it.RawName = s } }

// TestPlanStatusType covers every status with the main types and options.
func TestPlanStatusType(t *testing.T) {
	withPw := func(it *wxr.Item) { it.Password = "enter" }
	tests := []struct {
		name  string
		it    *wxr.Item
		opts  Options
		path  string
		draft bool
		skip  string
	}{
		{"publish post", item(1, "a"), Options{}, "posts/2012-02-14-a.md", false, ""},
		{"future post", item(1, "a", status("future")), Options{}, "posts/2012-02-14-a.md", false, ""},
		{"draft post", item(1, "a", status("draft")), Options{}, "posts/2012-02-14-a.md", true, ""},
		{"pending post", item(1, "a", status("pending")), Options{}, "posts/2012-02-14-a.md", true, ""},
		{"no status", item(1, "a", status("")), Options{}, "posts/2012-02-14-a.md", true, ""},
		{"private post", item(1, "a", status("private")), Options{}, "", false, "private"},
		{"private included", item(1, "a", status("private")), Options{IncludePrivate: true}, "posts/2012-02-14-a.md", true, ""},
		{"private, protected included only", item(1, "a", status("private")), Options{IncludeProtected: true}, "", false, "private"},
		{"protected post", item(1, "a", withPw), Options{}, "", false, "password-protected"},
		{"protected included", item(1, "a", withPw), Options{IncludeProtected: true}, "posts/2012-02-14-a.md", true, ""},
		{"private protected, private included", item(1, "a", withPw, status("private")), Options{IncludePrivate: true}, "", false, "password-protected"},
		{"private protected, both", item(1, "a", withPw, status("private")), Options{IncludePrivate: true, IncludeProtected: true}, "posts/2012-02-14-a.md", true, ""},
		{"trash", item(1, "a__trashed", status("trash")), Options{}, "", false, "trash"},
		{"auto-draft", item(1, "", status("auto-draft")), Options{}, "", false, "auto-draft"},
		{"inherit post", item(1, "a", status("inherit")), Options{}, "", false, "inherit"},
		{"plugin status", item(1, "a", status("wc-completed")), Options{}, "", false, "unknown status: wc-completed"},
		{"publish page", item(1, "about", typ("page")), Options{}, "pages/about.md", false, ""},
		{"draft page", item(1, "about", typ("page"), status("draft")), Options{}, "pages/about.md", true, ""},
		{"private page", item(1, "about", typ("page"), status("private")), Options{}, "", false, "private"},
		{"custom type", item(1, "jane", typ("testimonial")), Options{}, "testimonial/jane.md", false, ""},
		{"custom type draft", item(1, "jane", typ("product"), status("draft")), Options{}, "product/jane.md", true, ""},
		{"empty type is post", item(1, "a", typ("")), Options{}, "posts/2012-02-14-a.md", false, ""},
		{"attachment", item(1, "a", typ("attachment"), status("inherit")), Options{}, "", false, "not a page: attachment"},
		{"revision", item(1, "a", typ("revision"), status("inherit")), Options{}, "", false, "not a page: revision"},
	}
	for _, typ := range []string{"nav_menu_item", "custom_css", "wp_global_styles", "wp_template",
		"wp_template_part", "wp_navigation", "wp_block", "feedback", "shop_order", "acf-field-group",
		"customize_changeset", "oembed_cache", "user_request", "wp_font_family"} {
		tests = append(tests, struct {
			name  string
			it    *wxr.Item
			opts  Options
			path  string
			draft bool
			skip  string
		}{typ, item(1, "a", func(it *wxr.Item) { it.Type = typ }), Options{}, "", false, "not a page: " + typ})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPlanner(tt.opts)
			pl := p.Plan(tt.it)
			if pl.Path != tt.path || pl.Draft != tt.draft || pl.Skip != tt.skip {
				t.Errorf("got path %q draft %v skip %q; want %q %v %q", pl.Path, pl.Draft, pl.Skip, tt.path, tt.draft, tt.skip)
			}
			if pl.ID != tt.it.ID {
				t.Errorf("ID %d, want %d", pl.ID, tt.it.ID)
			}
		})
	}
}

// TestPlanNames covers slugs: decoding, fallbacks, hostile input, limits.
func TestPlanNames(t *testing.T) {
	undated := func(it *wxr.Item) { it.Date, it.DateGMT = time.Time{}, time.Time{} }
	gmtOnly := func(it *wxr.Item) { it.Date = time.Time{} }
	tests := []struct {
		name string
		it   *wxr.Item
		path string
		slug string
	}{
		{"raw name only", item(1, "", raw("%e4%b8%ad%e6%96%87")), "posts/2012-02-14-中文.md", "中文"},
		{"decoded name wins", item(1, "中文", raw("%e4%b8%ad%e6%96%87")), "posts/2012-02-14-中文.md", "中文"},
		{"decoded percent kept", item(1, "100%-sure", raw("100%25-sure")), "posts/2012-02-14-100-sure.md", "100%-sure"},
		{"bad raw name", item(1, "", raw("%zz")), "posts/2012-02-14-zz.md", "%zz"},
		{"decoded", item(1, "café-au-lait"), "posts/2012-02-14-café-au-lait.md", "café-au-lait"},
		{"plus kept in slug", item(1, "", raw("c%2b%2b-tips")), "posts/2012-02-14-c-tips.md", "c++-tips"},
		{"empty name from title", item(1, "", title("Ünïcode & “Quotes” Don’t break")), "posts/2012-02-14-unicode-quotes-dont-break.md", "unicode-quotes-dont-break"},
		{"CJK title", item(1, "", title("中文 标题")), "posts/2012-02-14-中文-标题.md", "中文-标题"},
		{"empty name and title", item(77, ""), "posts/2012-02-14-77.md", "77"},
		{"undated", item(1, "a", undated), "posts/undated-a.md", "a"},
		{"GMT date only", item(1, "a", gmtOnly), "posts/2012-02-14-a.md", "a"},
		{"dot-dot slash", item(5, "../../etc/x", typ("page")), "pages/etc-x.md", "etc-x"},
		{"only dots", item(5, "..", typ("page")), "pages/5.md", ""},
		{"leading dot", item(5, ".hidden", typ("page")), "pages/hidden.md", "hidden"},
		{"NUL and controls", item(5, "a\x00b\x1fc\u202ed", typ("page")), "pages/a-b-c-d.md", "abcd"},
		{"windows chars", item(5, `a:b*c?d"e<f>g|h\i`, typ("page")), "pages/a-b-c-d-e-f-g-h-i.md", "a-b-c-d-e-f-g-h-i"},
		{"hash breaks relref", item(5, "c#-notes", typ("page")), "pages/c-notes.md", "c--notes"},
		{"windows device", item(5, "con", typ("page")), "pages/con_.md", "con"},
		{"dots", item(5, "aux.txt", typ("page")), "pages/aux-txt.md", "aux.txt"},
		{"language-like suffix", item(5, "bonjour.fr", typ("page")), "pages/bonjour-fr.md", "bonjour.fr"},
		{"index is a bundle", item(5, "index", typ("page")), "pages/index-2.md", "index"},
		{"_index is a section", item(5, "_index", typ("page")), "pages/index-2.md", "_index"},
		{"trash keeps desired slug", item(5, "a__trashed", status("trash")), "", ""},
		{"hostile type", item(5, "a", typ("../x")), "x/a.md", "a"},
		{"blank type", item(5, "a", typ(" ")), "other/a.md", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := NewPlanner(Options{}).Plan(tt.it)
			if pl.Path != tt.path || pl.Slug != tt.slug {
				t.Errorf("got %q slug %q; want %q slug %q", pl.Path, pl.Slug, tt.path, tt.slug)
			}
			checkSafePath(t, pl.Path)
		})
	}
}

// checkSafePath fails when p could escape content/ or trouble a file system.
func checkSafePath(t *testing.T, p string) {
	t.Helper()
	if p == "" {
		return
	}
	if !utf8.ValidString(p) || strings.HasPrefix(p, "/") || !strings.HasSuffix(p, ".md") {
		t.Errorf("unsafe path %q", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || strings.Count(strings.TrimSuffix(seg, ".md"), ".") > 0 || len(seg) > maxBase {
			t.Errorf("unsafe segment %q in %q", seg, p)
		}
		for _, r := range seg {
			if r < 0x20 || strings.ContainsRune(`\:*?"<>|#`, r) {
				t.Errorf("unsafe rune %U in %q", r, p)
			}
		}
	}
}

// TestPlanLongSlug checks the length cap on a rune boundary, with room for
// the suffix of a renamed duplicate.
func TestPlanLongSlug(t *testing.T) {
	p := NewPlanner(Options{})
	long := strings.Repeat("é", 200)
	a, b := p.Plan(item(1, long)), p.Plan(item(2, long))
	for _, pl := range []Plan{a, b} {
		checkSafePath(t, pl.Path)
		base := pl.Path[strings.LastIndex(pl.Path, "/")+1:]
		if len(base) > maxBase || len(base) < 100 {
			t.Errorf("base %d bytes: %q", len(base), base)
		}
	}
	if a.Path == b.Path || !strings.HasSuffix(b.Path, "-2.md") {
		t.Errorf("duplicates %q and %q", a.Path, b.Path)
	}
}

// TestPlanDedupe checks that items wanting one file, or one base name in
// another folder, or the same name in another case, get distinct files in
// input order, with a note on each renamed one.
func TestPlanDedupe(t *testing.T) {
	items := []*wxr.Item{
		item(1, "about", typ("page")),
		item(2, "about", typ("page")),
		item(3, "About", typ("page")),
		item(4, "about", typ("testimonial")),
		item(5, "x"),
		item(6, "x"),
		item(7, "about-2", typ("page")),
		item(10, "straße", typ("page")),
		item(11, "STRASSE", typ("page")),
		item(8, "", status("draft"), title("Same")),
		item(9, "", status("draft"), title("Same")),
	}
	want := []string{
		"pages/about.md", "pages/about-2.md", "pages/About-3.md", "testimonial/about-4.md",
		"posts/2012-02-14-x.md", "posts/2012-02-14-x-2.md", "pages/about-2-2.md",
		"pages/straße.md", "pages/STRASSE-2.md",
		"posts/2012-02-14-same.md", "posts/2012-02-14-same-2.md",
	}
	wantNote := []string{"", "wanted pages/about.md", "wanted pages/About.md", "wanted testimonial/about.md",
		"", "wanted posts/2012-02-14-x.md", "wanted pages/about-2.md", "", "wanted pages/STRASSE.md",
		"", "wanted posts/2012-02-14-same.md"}
	for round := 0; round < 2; round++ { // twice: a fresh planner gives the same answer
		p := NewPlanner(Options{})
		for i, it := range items {
			pl := p.Plan(it)
			if pl.Path != want[i] {
				t.Errorf("item %d: %q, want %q", it.ID, pl.Path, want[i])
			}
			note := ""
			if len(pl.Notes) == 1 && pl.Notes[0].Kind == "renamed" {
				note = pl.Notes[0].Detail
			}
			if note != wantNote[i] || len(pl.Notes) > 1 {
				t.Errorf("item %d: notes %v, want %q", it.ID, pl.Notes, wantNote[i])
			}
		}
	}
}

// TestPlanHierarchy checks that pages nest under their ancestors' slugs
// even when children come first, and that cycles and missing parents end
// the chain.
func TestPlanHierarchy(t *testing.T) {
	items := []*wxr.Item{
		item(3, "level-3", typ("page"), parent(2)),
		item(2, "level-2", typ("page"), parent(1)),
		item(1, "level-1", typ("page")),
		item(4, "orphan", typ("page"), parent(999)),
		item(5, "loop-a", typ("page"), parent(6)),
		item(6, "loop-b", typ("page"), parent(5)),
		item(7, "self", typ("page"), parent(7)),
		item(8, "post-child", parent(1)), // posts never nest
		item(9, "att", typ("attachment"), status("inherit"), parent(1)),
		item(10, "under-post", typ("page"), parent(8)), // parent of another type
		item(11, "../evil", typ("page"), parent(1)),
		item(12, "kid", typ("page"), parent(13)),
		item(13, "../../up", typ("page")),
	}
	want := []string{
		"pages/level-1/level-2/level-3.md", "pages/level-1/level-2.md", "pages/level-1.md",
		"pages/orphan.md", "pages/loop-b/loop-a.md", "pages/loop-a/loop-b.md", "pages/self.md",
		"posts/2012-02-14-post-child.md", "", "pages/under-post.md", "pages/level-1/evil.md",
		"pages/up/kid.md", "pages/up.md",
	}
	p := NewPlanner(Options{})
	for _, it := range items {
		p.Learn(it)
	}
	for i, it := range items {
		pl := p.Plan(it)
		if pl.Path != want[i] {
			t.Errorf("item %d: %q, want %q", it.ID, pl.Path, want[i])
		}
		checkSafePath(t, pl.Path)
	}
}

// TestPlanURL checks the old permalink path taken from the link.
func TestPlanURL(t *testing.T) {
	tests := []struct{ link, want string }{
		{"http://example.com/2012/02/14/a/", "/2012/02/14/a/"},
		{"https://example.com/blog/a.html", "/blog/a.html"},
		{"http://example.com/2019/06/%e4%b8%ad%e6%96%87/", "/2019/06/中文/"},
		{"http://example.com/caf%C3%A9/", "/café/"},
		{"http://example.com/cafe%cc%81/", "/café/"},
		{"http://example.com/?p=123", ""},
		{"http://example.com/blog/?p=123", ""},
		{"http://example.com/?page_id=7", ""},
		{"http://example.com/?post_type=testimonial&p=9", ""},
		{"http://example.com/index.php?p=9", ""},
		{"http://example.com/index.php/2012/02/a/", "/index.php/2012/02/a/"},
		{"http://example.com/", ""},
		{"http://example.com", ""},
		{"", ""},
		{"  http://example.com/a/  ", "/a/"},
		{"http://example.com/a/#more-5", "/a/"},
		{"http://[::1", ""},
		{"/relative/path/", "/relative/path/"},
		{"https://ex.com//greek/a/", "/greek/a/"},
		{"https://ex.com/a/../../../etc/x", "/etc/x"},
		{"https://ex.com/./a/./", "/a/"},
		{"https://ex.com/a%2Fb/", "/a/b/"},
	}
	for _, tt := range tests {
		pl := NewPlanner(Options{}).Plan(item(1, "a", link(tt.link)))
		if pl.URL != tt.want {
			t.Errorf("link %q: url %q, want %q", tt.link, pl.URL, tt.want)
		}
	}
}

// TestSlugify checks slugs made from titles.
func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello-world"},
		{"  Tips &amp; Tricks  ", "tips-tricks"},
		{"Crème Brûlée – 100%", "creme-brulee-100"},
		{"Straße Øre Łódź", "strasse-ore-lodz"},
		{"Привет мир", "привет-мир"},
		{"日本語のタイトル", "日本語のタイトル"},
		{"<b>Bold</b> move", "bold-move"},
		{"It’s “quoted”", "its-quoted"},
		{"---", ""},
		{"", ""},
		{strings.Repeat("ab ", 100), strings.TrimSuffix(strings.Repeat("ab-", 67), "-")},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlanDeterministic plans a mixed site twice and compares.
func TestPlanDeterministic(t *testing.T) {
	var items []*wxr.Item
	for i := int64(1); i <= 200; i++ {
		it := item(i, fmt.Sprintf("s%d", i%7))
		if i%3 == 0 {
			it.Type, it.Parent = "page", i-3
		}
		items = append(items, it)
	}
	run := func() []string {
		p := NewPlanner(Options{})
		var out []string
		seen := map[string]bool{}
		for _, it := range items {
			p.Learn(it)
		}
		for _, it := range items {
			pl := p.Plan(it)
			base := strings.ToLower(pl.Path[strings.LastIndex(pl.Path, "/")+1:])
			if seen[base] {
				t.Fatalf("base name %q given twice", base)
			}
			seen[base] = true
			out = append(out, pl.Path)
		}
		return out
	}
	a, b := run(), run()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Error("two runs differ")
	}
}
