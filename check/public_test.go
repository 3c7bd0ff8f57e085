package check

import (
	"context"
	"os"
	"testing"
)

// publicSite is what Hugo builds from hugoSite (listed from a real build),
// plus shipped redirect files.
var publicSite = map[string]string{
	"2012/02/14/hello-2/index.html":    `<meta http-equiv="refresh" content="0; url=https://blog.example.com/2012/02/14/hello/">`,
	"2012/02/14/hello/index.html":      "hello",
	"2013/01/中文/index.html":            "cjk",
	"2015/03/04/perm-slug/index.html":  "perm",
	"2016/bundle/index.html":           "bundle",
	"2016/bundle/pic.png":              "png",
	"about-us/index.html":              "alias",
	"about/index.html":                 "about",
	"category/liveblog/index.html":     "term",
	"category/liveblog/index.xml":      "feed",
	"index.html":                       "home",
	"index.xml":                        "feed",
	"notes/plain/index.html":           "plain",
	"old-hello/index.html":             "alias",
	"tags/cloud-computing/index.html":  "term",
	"wp-content/uploads/2012/02/x.jpg": "jpg",
	"wp-content/uploads/2012/02/ü.jpg": "jpg",
	"legacy.html":                      "a file",
	"_redirects":                       "/ p=12 /2012/02/14/hello/ 301\n/feed/* /index.xml 301\n/gone/ /deleted/ 301\n",
	".htaccess":                        "RewriteCond %{QUERY_STRING} ^page_id=3$\nRewriteRule ^$ /about/? [R=301,L]\n",
}

func TestPublic(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"/2012/02/14/hello/", ""},
		{"/2012/02/14/hello", ""},
		{"/2012/02/14/hello-2/", ""}, // Hugo alias page
		{"/2013/01/%e4%b8%ad%e6%96%87/", ""},
		{"/2013/01/%E4%B8%AD%E6%96%87", ""},
		{"/2013/01/中文/", ""},
		{"/2016/bundle/pic.png", ""},
		{"/legacy.html", ""},
		{"/wp-content/uploads/2012/02/%c3%bc.jpg", ""},
		{"/", ""},
		{"/?p=12", ""},          // _redirects
		{"/?page_id=3", ""},     // .htaccess
		{"/feed/", ""},          // splat to a file
		{"/?p=13", reasonQuery}, // home exists, but not for ?p=13
		{"/2014/draft/", reasonNothing},
		{"/gone/", "no target"},
		{"/tags/", reasonNothing}, // not in this build
	}
	res, err := Public(context.Background(), mapFS(publicSite), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
}

func TestModesRefuseMissingTrees(t *testing.T) {
	dir := t.TempDir() + "/nope"
	if _, err := Public(context.Background(), os.DirFS(dir), nil, Options{}); err == nil {
		t.Error("Public on a missing directory: no error")
	}
	if _, err := Site(context.Background(), os.DirFS(dir), nil, Options{}); err == nil {
		t.Error("Site on a missing directory: no error")
	}
	if _, err := Site(context.Background(), mapFS(map[string]string{"hugo.toml": "x = 1\n"}), nil, Options{}); err == nil {
		t.Error("Site without content/: no error")
	}
	// A config line this reader cannot read is a warning; the rest applies.
	res, err := Site(context.Background(), mapFS(map[string]string{
		"hugo.toml": "x = \nbaseURL = \"https://e.example/b/\"\n", "content/a.md": "---\nurl: /a/\n---\n"}),
		[]OldURL{{Path: "/b/a/"}}, Options{})
	if err != nil || len(res.Warnings) != 1 || len(res.Missing) != 0 {
		t.Errorf("Site with a broken hugo.toml line: %v, warnings %q, missing %v", err, res.Warnings, res.Missing)
	}
}
