package verify_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/verify"
)

// TestHugoHTML checks the shortcodes' stand-ins.
func TestHugoHTML(t *testing.T) {
	resolve := func(file string) (string, bool) {
		if file == "posts/a.md" {
			return "/2012/01/a/", true
		}
		return "", false
	}
	tests := []struct {
		name, md string
		want     []string // substrings of the HTML
		unknown  []string
	}{
		{"figure", `{{< figure src="/x.jpg" alt="A \"cat\"" caption="The *cat*" link="/big.jpg" >}}`,
			[]string{`<figure><a href="/big.jpg"><img src="/x.jpg" alt="A &#34;cat&#34;"></a><figcaption><p>The <em>cat</em></p></figcaption></figure>`}, nil},
		{"figure not wrapped in p", "a\n\n{{< figure src=\"/x.jpg\" >}}\n\nb", []string{"<p>a</p>\n<figure><img src=\"/x.jpg\"></figure>\n<p>b</p>"}, nil},
		{"youtube", `{{< youtube dQw4w9WgXcQ >}}`, []string{`src="https://www.youtube.com/embed/dQw4w9WgXcQ?`}, nil},
		{"youtube named", `{{< youtube id="dQw4w9WgXcQ" start="30" >}}`, []string{`embed/dQw4w9WgXcQ?`, `start=30"`}, nil},
		{"vimeo", `{{< vimeo 12345 >}}`, []string{`src="https://player.vimeo.com/video/12345?dnt=0"`}, nil},
		{"relref reference", "[x][1]\n\n[1]: {{< relref \"posts/a.md#c\" >}}\n", []string{`<a href="/2012/01/a/#c">x</a>`}, nil},
		{"relref unknown", "[x][1]\n\n[1]: {{< relref \"posts/b.md\" >}}\n", []string{`<a href="relref:posts/b.md">x</a>`}, nil},
		{"comment form", "Write `{{</* figure src=\"x\" */>}}` here", []string{`<code>{{&lt; figure src=&#34;x&#34; &gt;}}</code>`}, nil},
		{"comment form in fence", "```\n{{%/* x */%}}\n```", []string{"<pre><code>{{% x %}}\n</code></pre>"}, nil},
		{"unknown", "a {{< gist x >}} b", []string{"<p>a  b</p>"}, []string{"gist"}},
		{"not a shortcode", "a {{ b }} {{<", []string{"<p>a {{ b }} {{&lt;</p>"}, nil},
		{"typographer", `"a" -- b`, []string{"&ldquo;a&rdquo; &ndash; b"}, nil},
		{"no linkify, as in the written hugo.toml", "see www.example.com now", []string{"<p>see www.example.com now</p>"}, nil},
		{"raw html kept", "<div>x</div>", []string{"<div>x</div>"}, nil},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<td>1</td>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, unknown, err := verify.HugoHTML(tt.md, verify.MarkdownOptions{Resolve: resolve})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(h, w) {
					t.Errorf("HugoHTML(%q) =\n%s\nlacks %s", tt.md, h, w)
				}
			}
			if !slices.Equal(unknown, tt.unknown) {
				t.Errorf("unknown = %q; want %q", unknown, tt.unknown)
			}
		})
	}
}

// TestFromHTML checks what a Side holds.
func TestFromHTML(t *testing.T) {
	tests := []struct {
		name, html string
		text       string
		links      []string
		media      []string
		counts     verify.Counts
		code       []int
	}{
		{"paragraphs", "<p>a</p><p>b</p><div>c</div>text", "a\nb\nc\ntext", nil, nil, verify.Counts{Paragraphs: 4}, nil},
		{"double break", "<p>a<br><br>b<br>c</p>", "a\nb c", nil, nil, verify.Counts{Paragraphs: 2}, nil},
		{"break closing an inline", "<p><em>a<br></em>\n<br>b</p>", "a\nb", nil, nil, verify.Counts{Paragraphs: 2}, nil},
		{"empty things", "<p></p><ul><li></li><li>x</li></ul><table><tr><td></td><td>y</td></tr></table>", "x\ny", nil, nil, verify.Counts{ListItems: 1, TableCells: 1}, nil},
		{"links", `<a href="/a">A</a><a href="/empty"></a><a href="/img"><img src="/i.png"></a><a name="x">n</a>`, "An", []string{"/a", "/img"}, []string{"/i.png"}, verify.Counts{Paragraphs: 1}, nil},
		{"media", `<iframe src="/f">fallback</iframe><video src="/v"><source src="/s">no video</video><audio><source src="/au"></audio><object data="/o"></object>`, "", nil, []string{"/f", "/v", "/s", "/au", "/o"}, verify.Counts{}, nil},
		{"code", "<pre><code>a\n  b\n\n</code></pre><pre>x<br>y<br>z</pre><p>t</p>", "a\n  b\nx\ny\nz\nt", nil, nil, verify.Counts{Paragraphs: 1, CodeBlocks: 2}, []int{2, 3}},
		{"headings and captions", "<h2>H</h2><figure><img src=/x><figcaption>cap</figcaption></figure><table><caption>tc</caption><tr><th>h</th></tr></table>", "H\ncap\ntc\nh", nil, []string{"/x"}, verify.Counts{Paragraphs: 2, Headings: 1, TableCells: 1}, nil},
		{"hidden", "<script>x</script><style>y</style><title>t</title><p>z</p>", "z", nil, nil, verify.Counts{Paragraphs: 1}, nil},
		{"nested list", "<ul><li>a<ul><li>b</li></ul></li></ul>", "a\nb", nil, nil, verify.Counts{ListItems: 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := verify.FromHTML(tt.html)
			if err != nil {
				t.Fatal(err)
			}
			if s.Text != tt.text || !slices.Equal(s.Links, tt.links) || !slices.Equal(s.Media, tt.media) || s.Counts != tt.counts || !slices.Equal(s.CodeLines, tt.code) {
				t.Errorf("FromHTML(%q) =\n%q %q %q %+v %v\nwant\n%q %q %q %+v %v", tt.html,
					s.Text, s.Links, s.Media, s.Counts, s.CodeLines, tt.text, tt.links, tt.media, tt.counts, tt.code)
			}
		})
	}
}

// TestLinks checks the URL space: relrefs, page links, media, linkify.
func TestLinks(t *testing.T) {
	opts := fixtureOptions()
	tests := []struct {
		name, html, md string
		diff           bool
	}{
		{"page link", `<a href="http://blog.example.com/2012/02/14/older-post/">o</a>`, "[o][1]\n\n[1]: {{< relref \"posts/2012-02-14-older-post.md\" >}}", false},
		{"page link fragment", `<a href="http://blog.example.com/2012/02/14/older-post/#c">o</a>`, "[o][1]\n\n[1]: {{< relref \"posts/2012-02-14-older-post.md#c\" >}}", false},
		{"wrong page", `<a href="http://blog.example.com/2012/02/14/older-post/">o</a>`, "[o][1]\n\n[1]: {{< relref \"posts/2012-03-01-newer.md\" >}}", true},
		{"media", `<img src="http://blog.example.com/wp-content/uploads/a%20b.jpg">`, "![](/wp-content/uploads/a%20b.jpg)", false},
		{"encoded", `<a href="http://x.org/a b">x</a>`, "[x](http://x.org/a%20b)", false},
		{"bare URL stays text", `<p>see http://x.org/ now</p>`, "see http://x.org/ now", false},
		{"bare URL is not a link (no linkify)", `<p>see <a href="http://x.org/">http://x.org/</a> now</p>`, "see http://x.org/ now", true},
		{"autolink matches a link", `<p>see <a href="http://x.org/">http://x.org/</a> now</p>`, "see <http://x.org/> now", false},
		{"video parameters", `<iframe src="https://www.youtube.com/embed/abc?feature=oembed"></iframe>`, "{{< youtube abc >}}", false},
		{"other video", `<iframe src="https://www.youtube.com/embed/abc"></iframe>`, "{{< youtube abd >}}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := verify.Check(tt.html, []byte(tt.md), opts)
			if err != nil {
				t.Fatal(err)
			}
			got := hasDiff(r, "links") || hasDiff(r, "media")
			if got != tt.diff {
				t.Errorf("difference = %v; want %v: %+v", got, tt.diff, r.Diffs)
			}
		})
	}
}

// TestLinkKey checks the WordPress side's key function.
func TestLinkKey(t *testing.T) {
	key := verify.LinkKey(fixtureOptions().Link, fixtureOptions().Resolve)
	for raw, want := range map[string]string{
		"http://blog.example.com/2012/02/14/older-post/":      "/2012/02/14/older-post/",
		"http://blog.example.com/2012/03/01/newer/#comments":  "/2012/03/01/newer/#comments",
		"http://blog.example.com/wp-content/uploads/2012/x.j": "/wp-content/uploads/2012/x.j",
		"https://example.org/":                                "https://example.org/",
	} {
		if got := key(raw); got != want {
			t.Errorf("key(%q) = %q; want %q", raw, got, want)
		}
	}
	if got := verify.LinkKey(nil, nil)("x"); got != "x" {
		t.Errorf("nil link key = %q", got)
	}
	missing := verify.LinkKey(func(string) convert.Link { return convert.Link{Kind: convert.LinkMissing, Dest: "y"} }, nil)
	if got := missing("x"); got != "x" {
		t.Errorf("missing link key = %q; want the URL as stored", got)
	}
}

// TestBody checks front matter stripping.
func TestBody(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"---\ntitle: x\n---\n\nBody\n", "Body\n", false},
		{"+++\ntitle = 'x'\n+++\nBody", "Body", false},
		{"---\r\ntitle: x\r\n---\r\n\r\nBody", "Body", false},
		{"---\ntitle: x\n---", "", false},
		{"No front matter\n---\n", "No front matter\n---\n", false},
		{"---\ntitle: x\n", "", true},
	}
	for _, tt := range tests {
		got, err := verify.Body([]byte(tt.in))
		if (err != nil) != tt.err || string(got) != tt.want {
			t.Errorf("Body(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestReport checks the summary, the worst pages and the JSON.
func TestReport(t *testing.T) {
	rep := verify.NewReport(0)
	rep.Add(verify.PageResult{ID: 1, File: "posts/good.md", Result: verify.Result{Score: 1, TextScore: 1}})
	rep.Add(verify.PageResult{ID: 2, File: "posts/bad.md", Result: verify.Result{Score: 0.9, TextScore: 1,
		Diffs: []verify.Diff{{What: "table cells", Want: "6", Got: "0", Cost: 0.1}}}})
	rep.Add(verify.PageResult{ID: 3, File: "posts/broken.md", Error: "front matter not closed", Result: verify.Result{Score: 1}})
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"verify: 3 pages, 1 at or above 0.99 (33.3%), 2 below",
		"differences on the pages below: error 1, table cells 1",
		"0.000  3  posts/broken.md", "error: front matter not closed",
		"0.900  2  posts/bad.md", "table cells (-0.100): want 6; got 0",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "good.md") {
		t.Errorf("text report lists a good page:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Pages, Passed, Failed int
		Results               []verify.PageResult
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Pages != 3 || back.Passed != 1 || back.Failed != 2 || len(back.Results) != 3 || back.Results[1].Diffs[0].What != "table cells" {
		t.Errorf("json report: %+v\n%s", back, js.String())
	}
}

// TestSideBySide checks the --show view names a lost paragraph and link.
func TestSideBySide(t *testing.T) {
	want, _ := verify.FromHTML(`<p>one</p><p>two <a href="/x">x</a></p><p>three</p>`)
	got, _ := verify.FromMarkdown("one\n\nthree\n", verify.MarkdownOptions{})
	var b bytes.Buffer
	if err := verify.SideBySide(&b, want, got); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"  one", "- two x", "  three", "- /x", "! paragraphs           3     2"} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("view lacks %q:\n%s", line, b.String())
		}
	}
}

// ExampleCompare compares a post with a page that lost its table.
func ExampleCompare() {
	want, _ := verify.FromHTML(`<p>Prices:</p><table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>2</td></tr></table>`)
	got, _ := verify.FromMarkdown("Prices:\n\nItem Price Tea 2\n", verify.MarkdownOptions{})
	r := verify.Compare(want, got)
	fmt.Printf("score %.2f, text %.2f\n", r.Score, r.TextScore)
	for _, d := range r.Diffs {
		fmt.Printf("%s: want %s, got %s\n", d.What, d.Want, d.Got)
	}
	// Output:
	// score 0.84, text 1.00
	// paragraphs: want 1, got 2
	// table cells: want 4, got 0
}

// FuzzCompare checks that any Markdown and HTML compare without panic and
// score in [0, 1], and that a page compared with itself scores 1.
func FuzzCompare(f *testing.F) {
	f.Add("<p>a “b”</p>", "a \"b\"\n\n{{< figure src=\"x\" caption=\"c\" >}}")
	f.Add("<pre>x<br>y</pre>", "```\nx\n```\n[a][1]\n\n[1]: {{< relref \"p.md\" >}}")
	f.Add("<ul><li>a<table><tr><td>b", "{{</* x */>}} {{< youtube `a` >}} {{% y %}}")
	f.Fuzz(func(t *testing.T, html, md string) {
		want, err := verify.FromHTML(html)
		if err != nil {
			return
		}
		got, err := verify.FromMarkdown(md, verify.MarkdownOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r := verify.Compare(want, got)
		if r.Score < 0 || r.Score > 1 || r.TextScore < 0 || r.TextScore > 1 {
			t.Fatalf("score out of range: %+v", r)
		}
		if self := verify.Compare(want, want); self.Score != 1 {
			t.Fatalf("a side compared with itself: %+v", self)
		}
	})
}
