package convert

import (
	"strings"
	"testing"
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// checkFastFrontMatter compares the fast path with yaml.v3's encoder for
// fm: when the fast path writes anything, it must be the encoder's bytes.
// It reports whether the fast path wrote it.
func checkFastFrontMatter(t testing.TB, fm *FrontMatter) bool {
	t.Helper()
	want, err := fm.marshalYAML()
	got, ok := fm.appendFast([]byte("prefix"))
	if err != nil {
		if ok {
			t.Errorf("fast path writes %#v, which the encoder refuses: %v", fm, err)
		}
		return false
	}
	if !ok {
		return false
	}
	if string(got) != "prefix"+string(want) {
		t.Errorf("fast path for %#v\n got %q\nwant %q", fm, got[len("prefix"):], want)
	}
	return true
}

// fastSamples are strings for every branch of yamlFastStyle.
var fastSamples = []string{
	"", "a", "plain text", "a:b", "a: b", "a :b", "a:", ":a", ": a", "?a", "? a", "-a", "- a", "-",
	"a#b", "a #b", "#a", "a,b", ",a", "a[b]", "[a", "a{b}", "{a", "&a", "*a", "!a", "|a", ">a",
	"'a", "a'b", "a''b", `"a`, `a"b`, "%a", "@a", "`a", " a", "a ", " ", "  ", "a  b", "---a", "--a",
	"...a", "..a", ".a", ".5", "+a", "+1", "-1", "1a", "1 a", "1g", "1.0.0", "0x1F", "0o17", "0b101",
	"-0b1", "1_000", "1e3", "2019-05-06", "2019-05-06 12:00:00", "2019-05-06T10:00:00Z", "12:30",
	"1:2:3", "190:20:30", "y", "yes", "Yes", "n", "no", "on", "off", "true", "True", "tRUE", "null",
	"nULL", "~", "~a", "<<", "<", "<a", ".inf", ".Inf", "-.inf", "+.INF", ".nan", "nan", "inf",
	"a\tb", "a\nb", "a\rb", "a\x00b", "a\x7fb", "a\u0085b", "a\u00a0b", "\u00a0", "a\u2028b",
	"a\u2029b", "a\ufeffb", "a\ufffdb", "a\uffffb", "a\ue000b", "a\ud7ffb", "🎉", "a🎉", "中文",
	"Ελληνικά", "don’t", "a\xffb", "http://example.com/a#b", "/2012/02/14/x/", "C#", "C# #1",
	"{{< x >}}", "a=b", "=", "a|b", "a>b", "a!b", "a&b", "a*b", "a%b", "a@b", "a`b", "a?b", "a,",
	"2008", "02", "08", "09", "0777", "6.1", "1.", "1.2.", "12.34", "123456789012345678", "1234567890123456789",
	"1.123456789012345678", "1.1234567890123456789", strings.Repeat("9", 400), "0.0", "00", "0", "1_0",
	strings.Repeat("long ", 40), strings.Repeat("x", 200), "a -b", "a - b", "a -", "-- a",
}

// TestFrontMatterFastMatchesEncoder writes front matter with each sample
// and the tricky titles in every string field, in lists and as a custom
// taxonomy's name, with the fast path and with yaml.v3.
func TestFrontMatterFastMatchesEncoder(t *testing.T) {
	samples := append(append([]string{}, fastSamples...), trickyTitles...)
	day := time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC)
	fast := 0
	for _, s := range samples {
		fms := []FrontMatter{
			{Title: s},
			{Title: s, Author: s, Slug: s, Summary: s, URL: s, FeaturedImage: s, PostFormat: s},
			{Title: "t", Aliases: []string{s, "/x/"}, Categories: []string{"c", s}, Tags: []string{s}},
			{Title: "t", Taxonomies: map[string][]string{s: {"v"}, "genre": {s, "b"}, "wp_" + s: {"w"}}},
			{Title: s, Comments: true, Date: day, Lastmod: day, DateLocal: true, Draft: true, Weight: -3, WordPressID: 42},
		}
		for i := range fms {
			if checkFastFrontMatter(t, &fms[i]) {
				fast++
			}
		}
	}
	if fast == 0 {
		t.Error("the fast path wrote nothing")
	}
}

// TestFrontMatterFastCorpus builds the front matter of every item of the
// shared corpus, as Convert does, and compares the fast path with the
// encoder.
func TestFrontMatterFastCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	total, fast := 0, 0
	forEachExport(t, func(_ string, items []*wxr.Item) {
		site, planner := NewSite(), NewPlanner(Options{})
		for _, it := range items {
			site.Add(it)
			planner.Learn(it)
		}
		c := New(site, Options{})
		for _, it := range items {
			pl := planner.Plan(it)
			if pl.Skip != "" {
				continue
			}
			fm, _ := c.frontMatter(it, pl)
			total++
			if checkFastFrontMatter(t, &fm) {
				fast++
			}
		}
	})
	t.Logf("%d of %d front matters written by the fast path", fast, total)
}

// FuzzFrontMatterFast compares the fast path with yaml.v3's encoder on
// arbitrary strings.
func FuzzFrontMatterFast(f *testing.F) {
	for _, s := range fastSamples {
		f.Add(s, "b")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fm := FrontMatter{Title: a, Summary: b, Tags: []string{a, b}, Aliases: []string{b},
			Taxonomies: map[string][]string{a: {b}}, WordPressID: 1}
		checkFastFrontMatter(t, &fm)
		fm = FrontMatter{Title: a + b, Author: b + a}
		checkFastFrontMatter(t, &fm)
	})
}

// checkFastComments compares MarshalComments with the encoder for cs and
// reports whether the fast path wrote it.
func checkFastComments(t testing.TB, cs []Comment) bool {
	t.Helper()
	want, err := marshalCommentsYAML(cs)
	got, ok := appendCommentsFast([]byte(commentsHeader), cs)
	if err != nil {
		if ok {
			t.Errorf("fast path writes %#v, which the encoder refuses: %v", cs, err)
		}
		return false
	}
	if !ok {
		return false
	}
	if string(got) != string(want) {
		t.Errorf("fast path for %#v\n got %q\nwant %q", cs, got, want)
	}
	return true
}

// commentSamples are contents for appendYAMLLiteral's branches.
var commentSamples = []string{
	"a\nb", "a\n\nb", "a\n\n\nb", "a\n", "a\n\n", "\na", " a\nb", "a\n b", "a \nb", "a\nb ", "a\tb\nc",
	"\ta\nb", "a\t\nb", "a\r\nb", "a\u2028b\nc", "a\u0085b\nc", "é\nü", "🎉\na", "a\n🎉", "a\ufeff\nb",
	"\ufeffa\nb", "- a\n- b", "# a\nb", "a: b\nc", "'a'\n\"b\"", "a\\\nb", "a\n---\nb", "...\na",
	"a\n    b", "a\n\tb", "a\x00\nb", "a\x7f\nb",
}

// TestCommentsFastMatchesEncoder writes comments whose fields are the
// samples with the fast path and with yaml.v3.
func TestCommentsFastMatchesEncoder(t *testing.T) {
	f := false
	samples := append(append(append([]string{}, fastSamples...), trickyTitles...), commentSamples...)
	dates := []string{"2023-03-01T10:00:00Z", "", "2023-13-01T10:00:00Z", "2023-03-01T10:00:00+01:00", "2023-03-01", "0001-01-01T00:00:00Z"}
	fast := 0
	for i, s := range samples {
		cs := []Comment{
			{ID: 1, Author: s, Date: dates[i%len(dates)], Type: "comment", Content: s},
			{ID: 2, Parent: 1, Author: "a", AuthorURL: s, Date: s, Type: s, Approved: &f, Content: "x\n" + s},
		}
		for _, one := range [][]Comment{cs[:1], cs[1:], cs} {
			if checkFastComments(t, one) {
				fast++
			}
		}
	}
	for _, d := range dates {
		if checkFastComments(t, []Comment{{ID: 1, Author: "a", Date: d, Type: "comment", Content: "c"}}) {
			fast++
		}
	}
	if fast == 0 {
		t.Error("the fast path wrote nothing")
	}
}

// TestCommentsFastCorpus converts the comments of every item of the shared
// corpus and compares the fast path with the encoder.
func TestCommentsFastCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	total, fast := 0, 0
	forEachExport(t, func(_ string, items []*wxr.Item) {
		c := New(NewSite(), Options{})
		for _, it := range items {
			cs, _ := c.Comments(it, CommentOptions{IncludeUnapproved: true})
			if len(cs) == 0 {
				continue
			}
			total++
			if checkFastComments(t, cs) {
				fast++
			}
		}
	})
	t.Logf("%d of %d comment files written by the fast path", fast, total)
}

// FuzzCommentsFast compares MarshalComments' fast path with yaml.v3's
// encoder on arbitrary strings.
func FuzzCommentsFast(f *testing.F) {
	for _, s := range commentSamples {
		f.Add(s, "a", "2023-03-01T10:00:00Z")
	}
	f.Fuzz(func(t *testing.T, content, author, date string) {
		checkFastComments(t, []Comment{{ID: 5, Author: author, AuthorURL: content, Date: date, Type: author, Content: content},
			{ID: 6, Parent: 5, Author: content, Date: date, Type: "comment", Content: author + "\n" + content}})
	})
}
