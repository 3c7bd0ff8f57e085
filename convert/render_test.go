package convert

import (
	"reflect"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// render renders content as post 42 of the test site.
func render(content string, meta ...wxr.Meta) (string, []Note) {
	c := &Converter{site: renderSite()}
	return c.wordpressHTML(&wxr.Item{ID: 42, Type: "post", Content: content, Meta: meta})
}

func TestWordpressHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"classic", "a\nb\n\nc", "<p>a<br />\nb</p>\n<p>c</p>\n"},
		{"more with text", "a\n<!--more Read on-->\nb", "<p>a</p>\n<!--more-->\n<p>b</p>\n"},
		{"noteaser dropped", "a<!--noteaser-->", "<p>a</p>\n"},
		{"nextpage joins", "a\n<!--nextpage-->\nb", "<p>a</p>\n<p>b</p>\n"},
		{"other comments kept", "a <!-- hi --> b", "<p>a <!-- hi --> b</p>\n"},
		{"code keeps blank lines", "[code]a\n\n\nb[/code]", "<pre><code>a\n\n\nb</code></pre>\n"},
		{"code not decoded when raw", "[code lang=html]<b>&amp;</b>[/code]", "<pre><code class=\"language-html\">&lt;b&gt;&amp;amp;&lt;/b&gt;</code></pre>\n"},
		{"escaped code shortcode", "[[code]x[/code]]", "<p>[code]x[/code]</p>\n"},
		{"escape runs to the closer as in WordPress", "[[code]]x[[/code]]", "<p>[code]]x[[/code]</p>\n"},
		{"escaped enclosing", "[[caption]a[/caption]]", "<p>[caption]a[/caption]</p>\n"},
		{"shortcode in inline code untouched", "<code>[gallery]</code>", "<p><code>[gallery]</code></p>\n"},
		{"shortcode in attribute untouched", `<a title="[gallery]" href="x">y</a>`, "<p><a title=\"[gallery]\" href=\"x\">y</a></p>\n"},
		{"nested caption in link text", `[caption width="1"]<img src="a.jpg"> See [youtube https://youtu.be/dQw4w9WgXcQ][/caption]`,
			"<figure><img src=\"a.jpg\"><figcaption>See <iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe></figcaption></figure>\n"},
		{"caption in paragraph text", "Look: [caption]<img src=\"a.jpg\"> A[/caption] there",
			"<p>Look:</p>\n<figure><img src=\"a.jpg\"><figcaption>A</figcaption></figure>\n<p>there</p>\n"},
		{"wp_caption alias", "[wp_caption caption=\"C\"]<img src=\"a.jpg\">[/wp_caption]", "<figure><img src=\"a.jpg\"><figcaption>C</figcaption></figure>\n"},
		{"bare youtube in p", "<p>https://youtu.be/dQw4w9WgXcQ</p>", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n"},
		{"linked embed url", `[embed]<a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a>[/embed]`,
			"<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n"},
		{"unknown url line stays text", "https://example.com/page", "<p>https://example.com/page</p>\n"},
		{"video without source", "[video]", ""},
		{"url paragraph block embedded", "<!-- wp:paragraph -->\n<p>https://youtu.be/dQw4w9WgXcQ</p>\n<!-- /wp:paragraph -->",
			"<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n"},
		{"block and classic mixed", "<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->\n\nb\nc",
			"<p>a</p>\n\n<p>b<br />\nc</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := render(tt.in); got != tt.want {
				t.Errorf("wordpressHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordpressHTMLNotes(t *testing.T) {
	tests := []struct {
		in   string
		want []Note
	}{
		{"[foo a=1] [foo a=2] [bar]x[/bar]", []Note{{"unknown-shortcode", "foo"}, {"unknown-shortcode", "bar"}}},
		{"a<!--nextpage-->b<!--nextpage-->c", []Note{{"nextpage", "3 pages joined"}}},
		{`[gallery ids="7777"]`, []Note{{"missing-attachment", "7777"}, {"empty-gallery", "no images found"}}},
		{`<!-- wp:block {"ref":5} /-->`, []Note{{"missing-reusable-block", "5"}}},
		{`<!-- wp:archives /--><!-- wp:x/y --><p>k</p><!-- /wp:x/y -->`, []Note{{"dynamic-block", "core/archives"}, {"unknown-block", "x/y"}}},
		{"plain [sic] text", nil},
	}
	for _, tt := range tests {
		if _, got := render(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("notes of %q = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestWordpressHTMLEncodedFlag: SyntaxHighlighter's flag decides whether
// code holding markup was stored escaped.
func TestWordpressHTMLEncodedFlag(t *testing.T) {
	in := "[code]<b>&lt;i&gt;</b>[/code]"
	raw, _ := render(in)
	enc, _ := render(in, wxr.Meta{Key: "_syntaxhighlighter_encoded", Value: "1"})
	if want := "<pre><code>&lt;b&gt;&amp;lt;i&amp;gt;&lt;/b&gt;</code></pre>\n"; raw != want {
		t.Errorf("unflagged: got %q, want %q", raw, want)
	}
	if want := "<pre><code>&lt;b&gt;&lt;i&gt;&lt;/b&gt;</code></pre>\n"; enc != want {
		t.Errorf("flagged: got %q, want %q", enc, want)
	}
}

func TestClassLanguage(t *testing.T) {
	tests := map[string]string{
		"brush: php; gutter: false": "php",
		"lang:js decode:true":       "javascript",
		"language-go":               "go",
		"wp-block-code lang-ruby":   "ruby",
		"wp-block-preformatted":     "",
	}
	for in, want := range tests {
		if got := classLanguage(in); got != want {
			t.Errorf("classLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitCaption(t *testing.T) {
	tests := []struct{ in, media, text string }{
		{`<img src="a"> Cap`, `<img src="a">`, " Cap"},
		{` <a href="b"> <img src="a" /> </a>Cap <b>x</b>`, `<a href="b"> <img src="a" /> </a>`, "Cap <b>x</b>"},
		{`Just text`, `Just text`, ""},
		{`<a href="b">link</a> text`, `<a href="b">link</a> text`, ""},
	}
	for _, tt := range tests {
		media, text := splitCaption(tt.in)
		if media != tt.media || text != tt.text {
			t.Errorf("splitCaption(%q) = %q, %q; want %q, %q", tt.in, media, text, tt.media, tt.text)
		}
	}
}

func TestEmbedLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://youtu.be/dQw4w9WgXcQ\n", "\n[embed]https://youtu.be/dQw4w9WgXcQ[/embed]\n\n"},
		{"  https://twitter.com/a/status/1  ", "[embed]https://twitter.com/a/status/1[/embed]"},
		{"see https://youtu.be/dQw4w9WgXcQ", "see https://youtu.be/dQw4w9WgXcQ"},
		{"https://example.com/x", "https://example.com/x"},
		{"<p>https://vimeo.com/1</p>", "\n<p>[embed]https://vimeo.com/1[/embed]</p>\n"},
	}
	for _, tt := range tests {
		if got := embedLines(tt.in); got != tt.want {
			t.Errorf("embedLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAttrValueAndStripTags(t *testing.T) {
	tag := `<img class='a b' data-x=1 alt="Tom &amp; Jerry" src=x.jpg />`
	for name, want := range map[string]string{"class": "a b", "data-x": "1", "alt": "Tom & Jerry", "src": "x.jpg", "title": ""} {
		if got := attrValue(tag, name); got != want {
			t.Errorf("attrValue(%s) = %q, want %q", name, got, want)
		}
	}
	if got := stripTags("a<br>b <i>c</i> d < e<!-- x -->"); got != "a\nb c d < e" {
		t.Errorf("stripTags = %q", got)
	}
	if !strings.HasPrefix(codeHTML("go", `a<"b">`), `<pre><code class="language-go">a&lt;&#34;b&#34;&gt;`) {
		t.Errorf("codeHTML = %q", codeHTML("go", `a<"b">`))
	}
}
