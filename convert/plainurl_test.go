package convert

import (
	"net/url"
	"testing"
)

// TestPlainURLPath checks which URLs take the fast path, and that each one
// that does agrees with net/url.
func TestPlainURLPath(t *testing.T) {
	tests := []struct {
		in, path string
		ok       bool
	}{
		{"https://example.com/wp-content/uploads/2012/02/a-150x150.jpg", "/wp-content/uploads/2012/02/a-150x150.jpg", true},
		{"http://example.com", "", true},
		{"http://Example.COM/A_b~c/", "/A_b~c/", true},
		{"http://example.com/a+b,c;d=e:f@g$h&i", "/a+b,c;d=e:f@g$h&i", true},
		{"http://example.com//a/../b/./c", "//a/../b/./c", true}, // Parse does not clean
		{"HTTP://example.com/a.jpg", "", false},
		{"ftp://example.com/a.jpg", "", false},
		{"http:///a.jpg", "", false},
		{"//example.com/a.jpg", "", false},
		{"/wp-content/a.jpg", "", false},
		{"http://example.com:8080/a.jpg", "", false},
		{"http://user@example.com/a.jpg", "", false},
		{"http://example.com/a%20b.jpg", "", false},
		{"http://example.com/a.jpg?w=300", "", false},
		{"http://example.com/a.jpg#x", "", false},
		{"http://example.com/a b.jpg", "", false},
		{"http://example.com/a!b.jpg", "", false},
		{"http://exämple.com/a.jpg", "", false},
		{"http://example.com/café.jpg", "", false},
		{"http://[::1]/a.jpg", "", false},
	}
	for _, tt := range tests {
		p, ok := PlainURLPath(tt.in)
		if p != tt.path || ok != tt.ok {
			t.Errorf("PlainURLPath(%q) = %q, %v, want %q, %v", tt.in, p, ok, tt.path, tt.ok)
		}
		checkPlainURL(t, tt.in)
	}
}

// FuzzPlainURLPath checks the fast path against net/url on any string.
func FuzzPlainURLPath(f *testing.F) {
	for _, s := range []string{"https://example.com/a.jpg", "http://a", "http://a/b;c=d@e", "http://a:1/b", "http://a/%41"} {
		f.Add(s)
	}
	f.Fuzz(checkPlainURL)
}

// checkPlainURL fails when PlainURLPath accepts s but net/url parses it
// to another path, host or scheme, or does not give it back unchanged.
func checkPlainURL(t *testing.T, s string) {
	p, ok := PlainURLPath(s)
	if !ok {
		return
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		t.Fatalf("PlainURLPath(%q) ok, but url.Parse fails: %v", s, err)
	case u.Path != p:
		t.Errorf("PlainURLPath(%q) = %q, want %q (net/url)", s, p, u.Path)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || !u.IsAbs():
		t.Errorf("PlainURLPath(%q) ok, but net/url reads scheme %q host %q", s, u.Scheme, u.Host)
	case u.String() != s:
		t.Errorf("PlainURLPath(%q) ok, but url.Parse(s).String() = %q", s, u.String())
	}
}
