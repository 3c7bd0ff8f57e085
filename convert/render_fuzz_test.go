package convert

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wpexit/wpexit/wxr"
)

// FuzzWordpressHTML: rendering never panics, keeps the text valid UTF-8
// when it was, and never leaks the placeholders it uses internally.
func FuzzWordpressHTML(f *testing.F) {
	for _, seed := range []string{
		"a\nb\n\nc",
		"[caption id=\"1\" width=\"3\"]<a href=x><img src=y></a> cap[/caption]",
		"[code lang=js]x<y\n\n[/code][[gallery]]",
		"[gallery ids=\"101,102\"] [embed]https://youtu.be/dQw4w9WgXcQ[/embed]",
		"<pre>a\n\nb</pre><!--more x--><!--nextpage-->",
		"<!-- wp:group --><div><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --></div><!-- /wp:group -->",
		"<!-- wp:block {\"ref\":901} /--><!-- wp:code --><pre><code>[x]</code></pre><!-- /wp:code -->",
		"<p>[caption]</p><div>[gallery]</div>",
		classicPost(2000),
	} {
		f.Add(seed)
	}
	c := &Converter{site: renderSite()}
	f.Fuzz(func(t *testing.T, content string) {
		out, _ := c.wordpressHTML(&wxr.Item{ID: 42, Content: content})
		if utf8.ValidString(content) && !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 out of valid input %q", content)
		}
		if strings.ContainsAny(out, codeMark+asideMark+hiddenNewline) {
			t.Errorf("placeholder leaked for %q: %q", content, out)
		}
	})
}

// FuzzParseShortcode: the parser never panics and its spans stay inside
// the input and in order.
func FuzzParseShortcode(f *testing.F) {
	for _, seed := range []string{"[a]", "[caption x=1]y[/caption]", "[[b]]", "[c='d' \"e\" f=g /]", "[youtube=http://x?y]"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] != '[' {
				continue
			}
			sc, ok := parseShortcode(s, i, encloses)
			if ok && !(sc.start == i && i < sc.openEnd && sc.openEnd <= sc.end && sc.end <= len(s)) {
				t.Fatalf("bad span %+v in %q", sc, s)
			}
		}
	})
}
