package media

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestPerHostLimit: never more requests in flight to one host than
// PerHost, however many files are fetched at once overall.
func TestPerHostLimit(t *testing.T) {
	var now, most atomic.Int32
	slow := func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		defer now.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(20 * time.Millisecond)
		file("image/jpeg", jpeg)(w, r)
	}
	routes := map[string]http.HandlerFunc{}
	var refs []Ref
	for i := range 12 {
		p := fmt.Sprintf("/wp-content/uploads/f%d.jpg", i)
		routes[p] = slow
		refs = append(refs, Ref{Dest: p})
	}
	s := newSite(t, routes)
	for i := range refs {
		refs[i].URL = s.srv.URL + refs[i].Dest
	}
	opts := testOptions(s)
	opts.Concurrency, opts.PerHost = 8, 2
	results, err := Fetch(context.Background(), refs, newMemOutput(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Outcome != Saved {
			t.Errorf("%s: %s %v", r.Dest, r.Outcome, r.Err)
		}
	}
	if m := most.Load(); m > 2 || m < 1 {
		t.Errorf("%d requests in flight at once to one host, want at most 2", m)
	}
}

// FuzzOutName: a dest never names a file outside the output prefix.
func FuzzOutName(f *testing.F) {
	for _, s := range []string{"/wp-content/uploads/a.jpg", "/../x", "/a/%2e%2e/b", "//x", "/a\\b", "/caf%C3%A9.jpg", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		n := outName(dest)
		if n == "" {
			return
		}
		if path.IsAbs(n) || n == ".." || strings.HasPrefix(n, "../") || strings.Contains(n, "/../") || path.Clean(n) != n {
			t.Errorf("outName(%q) = %q leaves the prefix", dest, n)
		}
		if strings.ContainsAny(n, "\x00\\") {
			t.Errorf("outName(%q) = %q", dest, n)
		}
	})
}
