package rewrite_test

import (
	"fmt"
	"os"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

var kinds = map[convert.LinkKind]string{convert.LinkKeep: "keep", convert.LinkPage: "page",
	convert.LinkMedia: "media", convert.LinkMissing: "missing"}

// The index is filled in a first pass, then answers links and writes
// redirects.
func Example() {
	ch := &wxr.Channel{Link: "https://example.com", BaseBlogURL: "https://example.com"}
	ix := rewrite.NewIndex(ch, rewrite.Options{AliasHosts: []string{"old.example.org"}})

	post := &wxr.Item{ID: 2536, Type: "post", Status: "publish", Name: "pex-day-1", Date: time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC),
		Link: "https://example.com/2012/02/14/pex-day-1/", GUID: "https://example.com/?p=2536",
		Meta: []wxr.Meta{{Key: "_wp_old_slug", Value: "pex-2012"}}}
	ix.Add(post, convert.Plan{ID: 2536, Type: "post", Path: "posts/2012-02-14-pex-day-1.md",
		URL: "/2012/02/14/pex-day-1/"})

	for _, raw := range []string{
		"http://www.old.example.org/2012/02/14/pex-day-1#comments",
		"https://example.com/?p=2536",
		"https://example.com/2012/02/14/deleted/",
		"https://example.com/category/vmware/",
		"https://gohugo.io/",
	} {
		l := ix.Link(raw)
		fmt.Println(kinds[l.Kind], l.Dest)
	}
	fmt.Println(ix.Aliases(2536))
	_ = ix.WriteNetlify(os.Stdout)
	// Output:
	// page posts/2012-02-14-pex-day-1.md#comments
	// page posts/2012-02-14-pex-day-1.md
	// missing https://example.com/2012/02/14/deleted/
	// keep /category/vmware/
	// keep https://gohugo.io/
	// [/2012/02/14/pex-2012/]
	// # Redirects for the old WordPress URLs, written by wpexit.
	// / p=2536 /2012/02/14/pex-day-1/ 301
	// /index.php p=2536 /2012/02/14/pex-day-1/ 301
	// /2012/02/ / 302
	// /feed/ /index.xml 301
}
