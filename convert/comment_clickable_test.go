package convert

import "testing"

func TestClickable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no links", "no links"},
		{"see http://example.org/x.", `see <a href="http://example.org/x" rel="nofollow ugc">http://example.org/x</a>.`},
		{"(https://example.org/a_(b))", `(<a href="https://example.org/a_(b)" rel="nofollow ugc">https://example.org/a_(b)</a>)`},
		{`<a href="http://x.org/">http://x.org/</a>`, `<a href="http://x.org/">http://x.org/</a>`},
		{"<code>http://x.org/</code> http://y.org/", `<code>http://x.org/</code> <a href="http://y.org/" rel="nofollow ugc">http://y.org/</a>`},
		{"<pre>\nhttp://x.org/\n</pre>", "<pre>\nhttp://x.org/\n</pre>"},
		{`<img src="http://x.org/a.png" />`, `<img src="http://x.org/a.png" />`},
		{"http://x.org/?a=1&amp;b=2", `<a href="http://x.org/?a=1&amp;b=2" rel="nofollow ugc">http://x.org/?a=1&amp;b=2</a>`},
		{"http://", "http://"},
		{"<p>broken <a", "<p>broken <a"},
	}
	for _, tt := range tests {
		if got := clickable(tt.in); got != tt.want {
			t.Errorf("clickable(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
