package convert

import (
	"strings"
	"testing"
)

// TestPermalinkPath checks permalink paths, on the plain-URL fast path and
// off it, against what net/url gives.
func TestPermalinkPath(t *testing.T) {
	tests := []struct{ link, want string }{
		{"", ""},
		{"http://example.com/", ""},
		{"http://example.com", ""},
		{"https://example.com/2012/02/14/hello-world/", "/2012/02/14/hello-world/"},
		{" https://example.com/2012/02/14/hello-world/ ", "/2012/02/14/hello-world/"},
		{"http://example.com/about", "/about"},
		{"http://example.com/a//b/./c/../d/", "/a/b/d/"},
		{"http://example.com/a/..//", ""},
		{"http://example.com/post.html", "/post.html"},
		{"http://example.com/?p=12", ""},
		{"http://example.com/?page_id=7", ""},
		{"http://example.com/a/?utm=x", "/a/"},
		{"http://example.com/caf%C3%A9/", "/café/"},
		{"http://example.com/cafe%CC%81/", "/café/"},
		{"http://example.com:8080/a/", "/a/"},
		{"/relative/path/", "/relative/path/"},
		{"relative/path/", "/relative/path/"},
		{"http://example.com/a#frag", "/a"},
		{"http://[bad/", ""},
	}
	for _, tt := range tests {
		if got := permalinkPath(tt.link); got != tt.want {
			t.Errorf("permalinkPath(%q) = %q, want %q", tt.link, got, tt.want)
		}
		checkPermalink(t, tt.link)
	}
}

// FuzzPermalinkPath checks the fast path against net/url on any link.
func FuzzPermalinkPath(f *testing.F) {
	for _, s := range []string{"http://example.com/a/b/", "https://x/./a//", "http://x/a/../../b", "http://x/?p=1", "http://x/%41/"} {
		f.Add(s)
	}
	f.Fuzz(checkPermalink)
}

// checkPermalink fails when permalinkPath and the net/url reading of the
// link disagree.
func checkPermalink(t *testing.T, link string) {
	trimmed := strings.TrimSpace(link)
	want := ""
	if trimmed != "" {
		want = parsedPermalink(trimmed)
	}
	if got := permalinkPath(link); got != want {
		t.Errorf("permalinkPath(%q) = %q, want %q (net/url)", link, got, want)
	}
}
