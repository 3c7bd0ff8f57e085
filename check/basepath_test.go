package check

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// A blog installed under /blog keeps that path: Hugo's baseURL carries it,
// and every page, alias and static file is served below it.
func TestSiteBasePath(t *testing.T) {
	site := map[string]string{
		"hugo.toml":           "baseURL = \"https://example.com/blog/\"\n",
		"content/posts/a.md":  "---\nurl: /2012/a/\naliases: [/old-a/]\n---\n",
		"content/posts/b.md":  "---\ntitle: B\n---\n",
		"static/img/p.png":    "png",
		"static/_redirects":   "/blog/ p=2 /blog/posts/b/ 301\n/blog/ p=3 https://example.com/blog/2012/a/ 301\n",
		"content/pages/c.md":  "---\ntitle: C\ndraft: true\n---\n",
		"content/pages/_x.md": "---\ntitle: X\n---\n",
	}
	tests := []struct{ path, want string }{
		{"/blog/2012/a/", ""},
		{"/blog/old-a", ""},
		{"/blog/posts/b/", ""},
		{"/blog/img/p.png", ""},
		{"/blog/?p=2", ""},
		{"/blog/?p=3", ""}, // absolute target on the site's own host
		{"/2012/a/", reasonNothing},
		{"/blog/pages/c/", reasonNothing},
	}
	res, err := Site(context.Background(), mapFS(site), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
}

func TestPublicBasePath(t *testing.T) {
	public := map[string]string{
		"index.xml":         `<?xml version="1.0"?><rss><channel><title>x</title><link>https://example.com/blog/</link></channel></rss>`,
		"index.html":        "home",
		"2012/a/index.html": "a",
		"_redirects":        "/blog/ p=3 https://example.com/blog/2012/a/ 301\n",
		"img/p.png":         "png",
	}
	tests := []struct{ path, want string }{
		{"/blog/2012/a/", ""},
		{"/blog/img/p.png", ""},
		{"/blog/?p=3", ""},
		{"/2012/a/", reasonNothing},
	}
	res, err := Public(context.Background(), mapFS(public), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)

	// An explicit BasePath wins over the feed.
	tests = []struct{ path, want string }{{"/2012/a/", ""}, {"/blog/2012/a/", reasonNothing}}
	res, err = Public(context.Background(), mapFS(public), oldURLs(tests), Options{BasePath: "/"})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
}

func TestLiveBasePath(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/blog/2012/a/", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/blog/")
	tests := []struct{ path, want string }{
		{"/blog/2012/a/", ""}, // already under the base path
		{"/2012/a/", ""},      // put under it
		{"/blog/2012/b/", "HTTP 404"},
	}
	res, err := Live(context.Background(), base, oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
}
