package verify_test

import (
	"fmt"
	"os"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/verify"
)

// ExampleCheck shows how `wpexit verify` checks one written page: the
// item's WordPress rendering against the page file, both sides' links
// brought into old-URL space by the URL index's mapper and the plans'
// URLs, collected in a Report.
func ExampleCheck() {
	oldURL := map[string]string{"posts/2012-02-14-older-post.md": "/2012/02/14/older-post/"} // Plan.Path -> Plan.URL
	opts := verify.Options{
		Link: func(raw string) convert.Link { // rewrite.Index.Link in the CLI
			if raw == "http://blog.example.com/2012/02/14/older-post/" {
				return convert.Link{Kind: convert.LinkPage, Dest: "posts/2012-02-14-older-post.md"}
			}
			return convert.Link{Kind: convert.LinkKeep, Dest: raw}
		},
		Resolve: func(file string) (string, bool) { u, ok := oldURL[file]; return u, ok },
	}
	wordpress := `<p>See my <a href="http://blog.example.com/2012/02/14/older-post/">older post</a>.</p>`
	page := []byte("---\ntitle: New\n---\n\nSee my [older post][1].\n\n[1]: {{< relref \"posts/2012-02-14-older-post.md\" >}}\n")

	rep := verify.NewReport(verify.DefaultThreshold)
	res, err := verify.Check(wordpress, page, opts)
	pr := verify.PageResult{ID: 7, File: "posts/2012-03-01-new.md", Result: res}
	if err != nil {
		pr.Error = err.Error()
	}
	rep.Add(pr)
	if err := rep.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	fmt.Println("exit non-zero:", len(rep.Below()) > 0)
	// Output:
	// verify: 1 pages, 1 at or above 0.99 (100.0%), 0 below
	// exit non-zero: false
}
