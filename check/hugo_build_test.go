package check

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// TestSiteAgreesWithHugo builds the Site fixture with a real Hugo and checks
// that Public mode on the result gives the same verdicts as Site mode on the
// sources: Site mode predicts what Hugo builds.
func TestSiteAgreesWithHugo(t *testing.T) {
	hugo := testenv.Hugo(t)
	src := t.TempDir()
	files := map[string]string{
		"layouts/_default/single.html": "{{ .Title }}",
		"layouts/_default/list.html":   "{{ .Title }}",
	}
	for k, v := range hugoSite {
		files[k] = v
	}
	for k, v := range redirectFiles["netlify"] {
		files[k] = v
	}
	for k, v := range pctPage {
		files[k] = v
	}
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	public := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--quiet", "--source", src, "--destination", public)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	var urls []OldURL
	for _, p := range []string{
		"/2012/02/14/hello", "/old-hello/", "/2013/01/%E4%B8%AD%E6%96%87/", "/2014/draft/", "/hidden/",
		"/2015/03/04/perm-slug/", "/posts/perm-slug/", "/2016/bundle/pic.png", "/about-us", "/notes/plain/",
		"/notes/index.xml", "/notes/deep/rel-c/", "/up/", "/2012/rel-a/", "/only/", "/only/nested/",
		"/category/liveblog/", "/tags/cloud-computing/index.xml", "/categories/", "/feed/atom/",
		"/wp-content/uploads/2012/02/%C3%BC.jpg", "/Foo/Bar/", "/foo/bar/", "/2013/%e4%b8%ad-pct/", "/2013/%25e4%25b8%25ad-pct/", "/notes/mixedcase/", "/notes/MixedCase/", "/?p=12", "/?p=99", "/chain-a/", "/nowhere/", "/sitemap.xml",
	} {
		urls = append(urls, OldURL{Path: p})
	}
	ctx := context.Background()
	site, err := Site(ctx, os.DirFS(src), urls, Options{})
	if err != nil {
		t.Fatal(err)
	}
	built, err := Public(ctx, os.DirFS(public), urls, Options{Hosts: []string{"blog.example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/2014/draft/", "/hidden/", "/posts/perm-slug/", "/only/nested/", "/foo/bar/", "/2013/%e4%b8%ad-pct/", "/notes/MixedCase/", "/?p=99", "/nowhere/"}
	if got := missingPaths(site); !slices.Equal(got, want) {
		t.Errorf("Site mode misses %q, want %q", got, want)
	}
	if got, want := missingPaths(built), missingPaths(site); !slices.Equal(got, want) {
		t.Errorf("built site misses %q\nSite mode predicted %q", got, want)
	}
}

func missingPaths(r *Result) []string {
	var out []string
	for _, m := range r.Missing {
		out = append(out, m.Path)
	}
	return out
}
