package check

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// mapFS builds a file tree from path -> content.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// hugoSite is a small converted site: url front matter, aliases, a
// permalink-built page, a draft, a TOML page, CJK slugs, media, terms.
var hugoSite = map[string]string{
	"hugo.toml": `baseURL = "https://blog.example.com/"
title = "x"  # comment

[permalinks]
  posts = "/:year/:month/:day/:slug/"
  categories = "/category/:slug/"
[taxonomies]
  category = "categories"
  tag = "tags"
`,
	"content/posts/2012-02-14-hello.md": `---
title: Hello
url: /2012/02/14/hello/
aliases:
- /old-hello/
- /2012/02/14/hello-2/
categories:
- Liveblog
tags: [Cloud Computing]
---
body
`,
	"content/posts/2013-01-01-cjk.md":         "---\ntitle: 中文\nurl: /2013/01/中文/\n---\n",
	"content/posts/2014-draft.md":             "---\ntitle: Draft\nurl: /2014/draft/\ndraft: true\n---\n",
	"content/posts/2015-perm.md":              "---\ntitle: Perm\nslug: perm-slug\ndate: 2015-03-04T10:00:00Z\n---\n",
	"content/posts/bundle/index.md":           "---\ntitle: Bundle\nurl: /2016/bundle/\n---\n",
	"content/posts/bundle/pic.png":            "png",
	"content/about.md":                        "+++\ntitle = \"About\"\nurl = \"/about/\"\naliases = [\n  \"/about-us/\",\n]\n+++\n",
	"content/notes/plain.md":                  "---\ntitle: Plain Note\n---\n",
	"content/posts/case.md":                   "---\ntitle: Case\nurl: /Foo/Bar/\n---\n",
	"content/notes/mixed.md":                  "---\ntitle: Mixed\nslug: MixedCase\n---\n",
	"content/only/nested/n.md":                "---\ntitle: N\n---\n",
	"content/notes/deep/b.md":                 "---\ntitle: B\naliases: [rel-c, ../../up]\n---\n",
	"content/notes/rel.md":                    "---\nurl: /2012/x/\naliases: [rel-a]\n---\n",
	"content/hidden.md":                       "---\ntitle: Hidden\nurl: /hidden/\nbuild:\n  render: never\n---\n",
	"static/wp-content/uploads/2012/02/x.jpg": "jpg",
	"static/wp-content/uploads/2012/02/ü.jpg": "jpg",
}

func TestSiteContent(t *testing.T) {
	tests := []struct {
		path string
		want string // "" covered, else a substring of the reason
	}{
		{"/2012/02/14/hello/", ""},
		{"/2012/02/14/hello", ""},            // no trailing slash
		{"/old-hello/", ""},                  // alias
		{"/2012/02/14/hello-2", ""},          // alias without slash
		{"/2013/01/中文/", ""},                 // decoded Unicode
		{"/2013/01/%E4%B8%AD%E6%96%87/", ""}, // upper-case hex
		{"/2013/01/%e4%b8%ad%e6%96%87", ""},  // lower-case hex, no slash
		{"/2014/draft/", reasonNothing},      // drafts are not served
		{"/hidden/", reasonNothing},          // build.render never
		{"/2015/03/04/perm-slug/", ""},       // [permalinks] posts
		{"/posts/perm-slug/", reasonNothing}, // permalinks replace the default
		{"/2016/bundle/", ""},                // leaf bundle with url
		{"/2016/bundle/pic.png", ""},         // bundle resource
		{"/about", ""},                       // TOML front matter
		{"/about-us/", ""},                   // TOML multi-line array
		{"/notes/plain/", ""},                // default /section/name/
		{"/notes/", ""},                      // section page
		{"/Foo/Bar/", ""},                    // url keeps its case (as in Hugo)
		{"/foo/bar/", reasonNothing},
		{"/notes/mixedcase/", ""}, // generated paths are lower-cased
		{"/notes/MixedCase/", reasonNothing},
		{"/only/", ""},                          // a section with nested pages only
		{"/only/nested/", reasonNothing},        // no _index.md: not a section
		{"/notes/deep/b/", ""},                  // nested directory, no _index.md
		{"/notes/deep/rel-c/", ""},              // relative alias: beside the page (as Hugo v0.165.0 does)
		{"/up/", ""},                            // relative alias going up
		{"/2012/rel-a/", ""},                    // relative alias of a page with url
		{"/notes/index.xml", ""},                // section feed
		{"/category/liveblog/", ""},             // term with permalink
		{"/tags/cloud-computing/", ""},          // term, default URL, urlized
		{"/tags/cloud-computing/index.xml", ""}, // term feed
		{"/index.xml", ""},
		{"/feed/", reasonNothing},
		{"/wp-content/uploads/2012/02/x.jpg", ""},
		{"/wp-content/uploads/2012/02/%C3%BC.jpg", ""},
		{"/wp-content/uploads/2012/02/y.jpg", reasonNothing},
		{"/?p=12", reasonQuery}, // a query form needs a redirect
	}
	res, err := Site(context.Background(), mapFS(hugoSite), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	assertVerdicts(t, res, tests)
}

// oldURLs makes one post URL per test row; the item id is the row index+1.
func oldURLs[T interface{ ~struct{ path, want string } }](rows []T) []OldURL {
	var out []OldURL
	for i, r := range rows {
		row := struct{ path, want string }(r)
		out = append(out, OldURL{Path: row.path, Class: Posts, ItemID: int64(i + 1)})
	}
	return out
}

func assertVerdicts[T interface{ ~struct{ path, want string } }](t *testing.T, res *Result, rows []T) {
	t.Helper()
	got := map[int64]string{}
	for _, m := range res.Missing {
		got[m.ItemID] = m.Reason
	}
	for i, r := range rows {
		row := struct{ path, want string }(r)
		reason, missing := got[int64(i+1)]
		switch {
		case row.want == "" && missing:
			t.Errorf("%s: missing (%s), want covered", row.path, reason)
		case row.want != "" && !missing:
			t.Errorf("%s: covered, want missing (%s)", row.path, row.want)
		case row.want != "" && !strings.Contains(reason, row.want):
			t.Errorf("%s: reason %q, want %q", row.path, reason, row.want)
		}
	}
}

func TestSiteDisableKinds(t *testing.T) {
	site := map[string]string{
		"hugo.toml":          "disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n",
		"content/posts/a.md": "---\ntitle: A\ntags: [x]\n---\n",
	}
	tests := []struct{ path, want string }{
		{"/posts/a/", ""},
		{"/posts/", ""},
		{"/", ""},
		{"/tags/x/", reasonNothing},
		{"/tags/", reasonNothing},
		{"/index.xml", reasonNothing},
		{"/posts/index.xml", reasonNothing},
	}
	res, err := Site(context.Background(), mapFS(site), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
}

// pctPage has a url with percent-escapes, which Hugo writes literally.
var pctPage = map[string]string{"content/posts/pct.md": "---\ntitle: Pct\nurl: /2013/%e4%b8%ad-pct/\n---\n"}

func TestSitePercentURL(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/2013/%e4%b8%ad-pct/", reasonNothing}, // the server decodes this and finds no such file
		{"/2013/中-pct/", reasonNothing},
		{"/2013/%25e4%25b8%25ad-pct/", ""}, // where the page really answers
	}
	res, err := Site(context.Background(), mapFS(pctPage), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
	want := `content/posts/pct.md: url "/2013/%e4%b8%ad-pct/" holds percent-escapes`
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], want) {
		t.Errorf("warnings: %q, want one starting %q", res.Warnings, want)
	}
}
