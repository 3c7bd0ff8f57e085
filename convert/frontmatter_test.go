package convert

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// TestFrontMatterGuideExample checks the exact shape of the front matter in
// the developers' guide: key order, lists at the key's column, bare dates.
func TestFrontMatterGuideExample(t *testing.T) {
	fm := FrontMatter{
		Author:      "slowe",
		Categories:  []string{"Liveblog"},
		Comments:    true,
		Date:        time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC),
		Slug:        "general-session-at-vmware-pex-2012-day-1",
		Tags:        []string{"Virtualization"},
		Title:       "General Session at VMware PEX 2012 Day 1",
		URL:         "/2012/02/14/general-session-at-vmware-pex-2012-day-1/",
		WordPressID: 2536,
	}
	want := `author: slowe
categories:
- Liveblog
comments: true
date: 2012-02-14T13:40:24Z
slug: general-session-at-vmware-pex-2012-day-1
tags:
- Virtualization
title: General Session at VMware PEX 2012 Day 1
url: /2012/02/14/general-session-at-vmware-pex-2012-day-1/
wordpress_id: 2536
`
	got, err := fm.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFrontMatterKeys checks every optional key, their order and omission.
func TestFrontMatterKeys(t *testing.T) {
	full := FrontMatter{
		Aliases:       []string{"/old/", "/older/"},
		Author:        "a",
		Categories:    []string{"c"},
		Tags:          []string{"t"},
		Taxonomies:    map[string][]string{"series": {"s"}, "type": {"x"}, "genre": {"g"}, "Modified": {"m"}, "wp_x": {"w"}},
		PostFormat:    "gallery",
		Comments:      false,
		Date:          time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC),
		Draft:         true,
		FeaturedImage: "/img.jpg",
		Lastmod:       time.Date(2031, 1, 2, 3, 4, 5, 0, time.UTC),
		Slug:          "s",
		Summary:       "sum",
		Title:         "T",
		URL:           "/u/",
		Weight:        3,
		WordPressID:   9,
	}
	tests := []struct {
		name string
		fm   FrontMatter
		keys []string
	}{
		{"full", full, []string{"aliases", "author", "categories", "comments", "date", "draft",
			"featured_image", "genre", "lastmod", "post_format", "series", "slug", "summary",
			"tags", "title", "url", "weight", "wordpress_id", "wp_Modified", "wp_type", "wp_wp_x"}},
		{"empty", FrontMatter{}, []string{"comments", "title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.fm.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(b, &doc); err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			var keys []string
			m := doc.Content[0]
			for i := 0; i < len(m.Content); i += 2 {
				keys = append(keys, m.Content[i].Value)
			}
			if strings.Join(keys, ",") != strings.Join(tt.keys, ",") {
				t.Errorf("keys\n got %v\nwant %v", keys, tt.keys)
			}
		})
	}
}

// TestFrontMatterLocalDate checks that a date of unknown offset is written
// without one.
func TestFrontMatterLocalDate(t *testing.T) {
	fm := FrontMatter{Date: time.Date(2007, 5, 6, 7, 8, 9, 0, time.UTC), DateLocal: true, Title: "x"}
	b, err := fm.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\ndate: 2007-05-06T07:08:09\n") {
		t.Errorf("got\n%s", b)
	}
}

// trickyTitles are titles that break naive YAML writers or readers.
var trickyTitles = []string{
	"yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "true", "False",
	"1.0", "0777", "0x1F", "1e3", ".inf", "-.5", "12:30", "2019-05-06", "2019-05-06T10:00:00Z",
	"Title: with colon", "key: value # comment", "C#", "#hashtag", "[bracket", "]close",
	"{brace}", "*star", "&anchor", "!tag", "%percent", "@at", "`backtick", "|pipe", ">gt",
	"- dash", "-dash", "? question", "'single", `"double`, `it's "quoted"`,
	"tab\there", "back\\slash", `C:\path\n`, "Don’t stop", "&#8217; literal",
	"Tips &amp; Tricks", "a & b", "<em>tag</em> in title", "emoji 🎉", "中文标题", "Ελληνικά",
	"trailing space ", " leading space", "multi\nline", "cr\r\nlf", "nul\x00byte",
	"bell\x07", "del\x7f", "c1\u0085nel", "bom\ufeff", "sep\u2028line", "---", "...",
	"--- a", "<<", "=", "0", "-", ":", "::", "a:b", "http://example.com/x#y",
	"{{< relref \"x\" >}}", "{{% x %}}", strings.Repeat("long title ", 30),
}

// TestTitleRoundTrip checks that every tricky title reads back from the
// written YAML as the cleaned title, and that the cleaned title keeps all
// visible characters.
func TestTitleRoundTrip(t *testing.T) {
	for _, title := range trickyTitles {
		checkTitle(t, title)
	}
}

// checkTitle writes title as front matter and reads it back with yaml.v3.
func checkTitle(t *testing.T, title string) {
	t.Helper()
	want := cleanLine(title)
	for _, r := range want {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufeff' || r == '\u2028' {
			t.Errorf("cleaned title %q keeps control character %U", title, r)
		}
	}
	fm := FrontMatter{Title: title, Tags: []string{title}}
	fm.Title = cleanLine(fm.Title)
	fm.Tags[0] = cleanLine(fm.Tags[0])
	b, err := fm.Marshal()
	if err != nil {
		t.Errorf("title %q: %v", title, err)
		return
	}
	var back struct {
		Title string   `yaml:"title"`
		Tags  []string `yaml:"tags"`
	}
	if err := yaml.Unmarshal(b, &back); err != nil {
		t.Errorf("title %q: %v\n%s", title, err, b)
		return
	}
	if back.Title != want || len(back.Tags) != 1 || back.Tags[0] != want {
		t.Errorf("title %q: read back %q, tags %q, want %q\n%s", title, back.Title, back.Tags, want, b)
	}
	if strings.Count(string(b), "\n") != 4 {
		t.Errorf("title %q: not one line per key:\n%s", title, b)
	}
}

// yamlUnmarshal is yaml.Unmarshal, for tests that only read.
func yamlUnmarshal(b []byte, v any) error { return yaml.Unmarshal(b, v) }

// encoderNode is the reference for strNode: the node yaml.v3 itself makes
// for a Go string.
func encoderNode(t *testing.T, s string) *yaml.Node {
	var n yaml.Node
	if err := n.Encode(s); err != nil {
		t.Fatal(err)
	}
	return &n
}

// TestStrNodeMatchesEncoder checks that the hand-built string node is
// written byte for byte as yaml.v3's Marshal writes the string, for every
// tricky title and every corpus title.
func TestStrNodeMatchesEncoder(t *testing.T) {
	titles := append([]string{"1:20", "-3:25:45.5", "190:20:30", "+1_0:30", "on", "OFF", "Y", "nO"}, trickyTitles...)
	if sharedPresent() {
		titles = append(titles, allCorpusTitles(t)...)
	}
	for _, title := range titles {
		s := cleanLine(title)
		var a, b bytes.Buffer
		for _, x := range []struct {
			buf  *bytes.Buffer
			node *yaml.Node
		}{{&a, strNode(s)}, {&b, encoderNode(t, s)}} {
			enc := yaml.NewEncoder(x.buf)
			if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{strNode("title"), x.node}}); err != nil {
				t.Fatal(err)
			}
			enc.Close()
		}
		if a.String() != b.String() {
			t.Errorf("title %q: strNode writes %q, the encoder %q", s, a.String(), b.String())
		}
	}
}
