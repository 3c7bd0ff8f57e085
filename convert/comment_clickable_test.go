package convert

import (
	"strings"
	"testing"
	"unicode"
)

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

// TestHasHTTPFolding checks the premise of hasHTTP: no character but the
// ASCII pair folds to h, t or p, so ASCII folding finds what (?i) finds.
func TestHasHTTPFolding(t *testing.T) {
	for _, c := range "htpHTP" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII {
				t.Errorf("%q folds to %q: hasHTTP would miss it", c, f)
			}
		}
	}
}

func FuzzHasHTTP(f *testing.F) {
	for _, s := range []string{"", "http", "HtTp://x", "htt", "xhttpx", "h\x00ttp", "\xc8ttp", "HTTPS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasHTTP(s), strings.Contains(strings.ToLower(s), "http"); got != want {
			t.Errorf("hasHTTP(%q) = %v, want %v", s, got, want)
		}
	})
}
