package verify_test

import (
	"net/url"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/verify"
)

// TestLinkFrom checks that a relative link the converter resolved with
// Options.LinkFrom is compared resolved: with LinkFrom and Base the page
// matches, without them the link differs.
func TestLinkFrom(t *testing.T) {
	const wp = `<p>See <a href="../../../../2012/02/14/older-post/">older</a>.</p>`
	page := []byte("See [older][1].\n\n[1]: {{< relref \"posts/2012-02-14-older-post.md\" >}}\n")
	opts := fixtureOptions()
	opts.LinkFrom = func(base, raw string) convert.Link {
		b, _ := url.Parse(base)
		r, _ := url.Parse(raw)
		return opts.Link(b.ResolveReference(r).String())
	}
	for _, tc := range []struct {
		base      string
		linksDiff bool
	}{
		{"http://blog.example.com/2012/03/01/newer/", false},
		{"", true},
	} {
		o := opts
		o.Base = tc.base
		r, err := verify.Check(wp, page, o)
		if err != nil {
			t.Fatal(err)
		}
		diff := false
		for _, d := range r.Diffs {
			diff = diff || d.What == "links"
		}
		if diff != tc.linksDiff {
			t.Errorf("base %q: links differ %v, want %v (%+v)", tc.base, diff, tc.linksDiff, r.Diffs)
		}
	}
}
