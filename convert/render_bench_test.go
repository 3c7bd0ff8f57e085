package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/wxr"
)

// classicPost builds a classic post of about size bytes from the
// constructs real exports hold: paragraphs with line breaks and inline
// markup, a list, a caption, a code shortcode, a bare video URL.
func classicPost(size int) string {
	unit := `I found a <a href="https://example.com/a?b=1&amp;c=2">link</a> worth <strong>reading</strong>, and then
another line of the same paragraph, with [brackets] in it.

<ul>
	<li>one item</li>
	<li>two <em>items</em></li>
</ul>
[caption id="attachment_43" align="alignnone" width="300"]<a href="https://example.com/cat.jpg"><img class="size-medium wp-image-43" src="https://example.com/cat-300x200.jpg" alt="cat" width="300" height="200" /></a> A cat[/caption]

[sourcecode language="python"]
def f(a, b):

    return a &lt; b
[/sourcecode]

https://www.youtube.com/watch?v=dQw4w9WgXcQ

`
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(unit)
	}
	return b.String()
}

func BenchmarkWordpressHTMLClassic20KB(b *testing.B) {
	c := &Converter{site: renderSite()}
	it := &wxr.Item{ID: 42, Type: "post", Content: classicPost(20 << 10)}
	b.SetBytes(int64(len(it.Content)))
	b.ReportAllocs()
	for b.Loop() {
		c.wordpressHTML(it)
	}
}

func BenchmarkWordpressHTMLBlocks(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 20<<10 {
		sb.WriteString("<!-- wp:paragraph -->\n<p>A paragraph with <strong>bold</strong> and [gallery ids=\"101\"].</p>\n<!-- /wp:paragraph -->\n\n" +
			"<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>One</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n" +
			"<!-- wp:code {\"language\":\"go\"} -->\n<pre class=\"wp-block-code\"><code>x := a &lt; b</code></pre>\n<!-- /wp:code -->\n\n")
	}
	c := &Converter{site: renderSite()}
	it := &wxr.Item{ID: 42, Type: "post", Content: sb.String()}
	b.SetBytes(int64(len(it.Content)))
	b.ReportAllocs()
	for b.Loop() {
		c.wordpressHTML(it)
	}
}

// BenchmarkWordpressHTMLCorpus renders every post and page of a few real
// exports of the shared corpus (classic, WordPress.com code, blocks).
func BenchmarkWordpressHTMLCorpus(b *testing.B) {
	corpus := testenv.SharedWXR(b)
	var items []*wxr.Item
	site := NewSite()
	size := 0
	for _, name := range []string{"real-cc-labs/wordpress.xml", "real-vincenttam-wpcom/wordpress.xml", "real-tightloosetight-de/wordpress-export.xml", "real-mbmccormick/wordpress.xml"} {
		fh, err := os.Open(filepath.Join(corpus, name))
		if err != nil {
			b.Fatal(err)
		}
		its, err := readCorpusItems(fh)
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range its {
			site.Add(it)
			if it.Type == "post" || it.Type == "page" {
				items = append(items, it)
				size += len(it.Content)
			}
		}
	}
	c := &Converter{site: site}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			c.wordpressHTML(it)
		}
	}
}
