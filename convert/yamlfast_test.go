package convert

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wpexit/wpexit/internal/testenv"
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
	err := filepath.WalkDir(testenv.SharedWXR(t), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		items := readExport(t, path)
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
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
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
