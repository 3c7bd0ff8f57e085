package verify_test

import (
	"os"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/verify"
)

// fixture pages: content file -> old URL.
var fixturePages = map[string]string{
	"posts/2012-02-14-older-post.md": "/2012/02/14/older-post/",
	"posts/2012-03-01-newer.md":      "/2012/03/01/newer/",
}

// fixtureOptions map the fixture's URLs as the CLI's URL index would.
func fixtureOptions() verify.Options {
	const site = "http://blog.example.com"
	return verify.Options{
		Link: func(raw string) convert.Link {
			base, frag, hasFrag := strings.Cut(raw, "#")
			for file, old := range fixturePages {
				if base == site+old {
					if hasFrag {
						file += "#" + frag
					}
					return convert.Link{Kind: convert.LinkPage, Dest: file}
				}
			}
			if strings.HasPrefix(raw, site+"/wp-content/uploads/") {
				return convert.Link{Kind: convert.LinkMedia, Dest: strings.TrimPrefix(raw, site)}
			}
			return convert.Link{Kind: convert.LinkKeep, Dest: raw}
		},
		Resolve: func(file string) (string, bool) {
			u, ok := fixturePages[file]
			return u, ok
		},
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// damage replaces old with new in s, failing when old is not there.
func damage(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("fixture lacks %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// TestDamagedPages checks that every kind of damage is caught and named,
// and that the undamaged page passes.
func TestDamagedPages(t *testing.T) {
	html, md := readFixture(t, "post.html"), readFixture(t, "post.md")
	tests := []struct {
		name     string
		old, new string
		want     []string // Diff.What that must be reported; none: must pass
	}{
		{name: "undamaged"},
		{"lost paragraph", "A second paragraph with a line  \nbreak, and a [newer post's comments][2].\n\n", "", []string{"text", "paragraphs", "links"}},
		{"lost short paragraph", "Last words, with a non-breaking space.\n", "", []string{"text", "paragraphs"}},
		{"dropped link", "[the docs](https://example.org/docs/)", "the docs", []string{"links"}},
		{"wrong link target", "[older post][1]", "[older post](https://example.org/old/)", []string{"links"}},
		{"code collapsed", "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n", "package main func main() { println(\"hi\") }\n", []string{"code lines"}},
		{"code unfenced", "```go\npackage main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n```", "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}", []string{"code blocks", "paragraphs"}},
		{"missing image", "{{< figure src=\"/wp-content/uploads/2012/02/cat.jpg\" alt=\"A cat\" caption=\"The cat, asleep\" >}}\n", "The cat, asleep\n", []string{"media"}},
		{"missing video", "{{< youtube dQw4w9WgXcQ >}}\n", "", []string{"media"}},
		{"table flattened", "| Name | Value |\n| --- | --- |\n| alpha | 1 |\n| beta | 2 |\n", "Name Value alpha 1 beta 2\n", []string{"table cells", "paragraphs"}},
		{"list flattened", "- first item\n- second item\n", "first item second item\n", []string{"list items", "paragraphs"}},
		{"heading demoted", "## Links\n", "Links\n", []string{"headings", "paragraphs"}},
		{"word changed", "Last words", "Final words", []string{"text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := md
			if tt.old != "" {
				page = damage(t, md, tt.old, tt.new)
			}
			r, err := verify.Check(html, []byte(page), fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if r.Score < 0 || r.Score > 1 || r.TextScore < 0 || r.TextScore > 1 {
				t.Fatalf("score out of range: %+v", r)
			}
			if len(tt.want) == 0 {
				if r.Score < 0.99 {
					t.Errorf("undamaged page scores %.4f: %+v", r.Score, r.Diffs)
				}
				return
			}
			if r.Score >= 0.99 {
				t.Errorf("damage not caught: score %.4f, diffs %+v", r.Score, r.Diffs)
			}
			for _, what := range tt.want {
				if !hasDiff(r, what) {
					t.Errorf("no %q difference named: %+v", what, r.Diffs)
				}
			}
		})
	}
}

func hasDiff(r verify.Result, what string) bool {
	for _, d := range r.Diffs {
		if d.What == what && d.Cost > 0 {
			return true
		}
	}
	return false
}

// TestTypographyIsFree checks that what a typographer or an editor
// chooses differently costs nothing.
func TestTypographyIsFree(t *testing.T) {
	tests := []struct{ name, html, md string }{
		{"curly double quotes", "<p>He said “hello” to me.</p>", `He said "hello" to me.`},
		{"curly apostrophe", "<p>It’s Bob’s.</p>", "It's Bob's."},
		{"straight quotes both", "<p>It's \"fine\".</p>", `It's "fine".`},
		{"nbsp entity", "<p>ten&nbsp;km and&#160;more</p>", "ten km and more"},
		{"nbsp in markdown", "<p>ten km</p>", "ten&nbsp;km"},
		{"em dash", "<p>wait — what</p>", "wait --- what"},
		{"en dash", "<p>pages 1–10</p>", "pages 1--10"},
		{"double hyphen kept", "<p>a -- b</p>", "a -- b"},
		{"ellipsis", "<p>and so on…</p>", "and so on..."},
		{"angle quotes", "<p>&lt;&lt;quoted&gt;&gt;</p>", "<<quoted>>"},
		{"entities", "<p>Tom &amp; Jerry &copy; 2012</p>", "Tom & Jerry © 2012"},
		{"line breaks", "<p>one\ntwo   three</p>", "one two\nthree"},
		{"zero width space", "<p>a\u200bb</p>", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := verify.FromHTML(tt.html)
			if err != nil {
				t.Fatal(err)
			}
			got, err := verify.FromMarkdown(tt.md, verify.MarkdownOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r := verify.Compare(want, got); r.Score != 1 {
				t.Errorf("score %.4f for %q vs %q: %+v", r.Score, want.Text, got.Text, r.Diffs)
			}
		})
	}
}
