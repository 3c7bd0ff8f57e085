package rewrite

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// TestMove checks that a moved file gets one redirect in every format, and
// that a bundle's page is served at its folder's path when it has no url.
func TestMove(t *testing.T) {
	ix := NewIndex(&wxr.Channel{Link: "http://example.com"}, Options{})
	ix.Move("/wp-content/uploads/2012/02/x é.jpg", "/2012/02/14/a/x é.jpg")
	ix.Move("/wp-content/uploads/2012/02/x é.jpg", "/elsewhere/x.jpg") // a second move of the same file is ignored
	ix.Move("/same", "/same")
	var b bytes.Buffer
	if err := ix.WriteNetlify(&b); err != nil {
		t.Fatal(err)
	}
	want := "/wp-content/uploads/2012/02/x%20%C3%A9.jpg /2012/02/14/a/x%20%C3%A9.jpg 301\n"
	if !strings.HasSuffix(b.String(), want) || strings.Count(b.String(), "x.jpg") != 0 {
		t.Errorf("netlify:\n%s\nwant it to end with %q and hold one rule", b.String(), want)
	}
	b.Reset()
	if err := ix.WriteApache(&b); err != nil || !strings.Contains(b.String(), "RewriteRule ^wp-content/uploads/2012/02/x\\x20é\\.jpg/?$ /2012/02/14/a/x\\%20\\%C3\\%A9.jpg? [R=301,L,NE]") {
		t.Errorf("apache (%v):\n%s", err, b.String())
	}

	if got := ix.hugoURL(convert.Plan{Path: "posts/2012-02-14-a/index.md", Slug: "a b"}); got != "/posts/a-b/" {
		t.Errorf("bundle hugoURL: %q, want /posts/a-b/", got)
	}
}
