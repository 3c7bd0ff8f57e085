package check_test

import (
	"context"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/wpexit/wpexit/check"
)

func ExampleSite() {
	site := fstest.MapFS{
		"hugo.toml": {Data: []byte(`baseURL = "https://blog.example.com/"` + "\n")},
		"content/posts/hello.md": {Data: []byte("---\ntitle: Hello\n" +
			"url: /2012/02/14/hello/\naliases: [/hello/]\n---\nHi.\n")},
		"static/_redirects": {Data: []byte("/ p=12 /2012/02/14/hello/ 301\n")},
	}
	urls := []check.OldURL{
		{Path: "/2012/02/14/hello/", Class: check.Posts, ItemID: 12, Type: "post", Title: "Hello"},
		{Path: "/hello", Class: check.Posts, ItemID: 12, Type: "post", Title: "Hello"},
		{Path: "/?p=12", Class: check.Shortlinks, ItemID: 12, Type: "post", Title: "Hello"},
		{Path: "/?p=13", Class: check.Shortlinks, ItemID: 13, Type: "post", Title: "Gone"},
	}
	res, err := check.Site(context.Background(), site, urls, check.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = res.WriteText(os.Stdout)
	fmt.Println("ok:", res.OK(nil), "with shortlinks:", res.OK([]check.Class{check.Posts, check.Shortlinks}))
	// Output:
	// class               total  covered  missing
	// posts (required)        2        2        0
	// pages (required)        0        0        0
	// shortlinks              2        1        1
	// all                     4        3        1
	//
	// missing (1):
	//   shortlinks  /?p=13  item 13 post "Gone": no redirect rule for this query form (a static host ignores the query and serves the path)
	// ok: true with shortlinks: false
}
