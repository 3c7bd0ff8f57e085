package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// bundleExport has two posts and a page: post a uses a thumbnail of a file
// only it uses, and a file post b uses too; a links to b; the page uses a
// file with a name that needs encoding. Each file is an attachment, so its
// old URL and its attachment page are media URLs that check must find.
const bundleExport = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bundle Test</title>
<link>https://bundle.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bundle.example</wp:base_site_url>
<wp:base_blog_url>https://bundle.example</wp:base_blog_url>
<item>
<title>A</title>
<link>https://bundle.example/2020/05/a/</link>
<guid isPermaLink="false">https://bundle.example/?p=10</guid>
<content:encoded><![CDATA[<a href="https://bundle.example/wp-content/uploads/2020/05/only-a.jpg"><img src="https://bundle.example/wp-content/uploads/2020/05/only-a-300x200.jpg" alt="only a"></a>

<img src="/wp-content/uploads/2020/05/shared.jpg" alt="shared">

See <a href="https://bundle.example/2020/05/b/">post b</a>.]]></content:encoded>
<wp:post_id>10</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2020-05-01 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[a]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
<item>
<title>B</title>
<link>https://bundle.example/2020/05/b/</link>
<guid isPermaLink="false">https://bundle.example/?p=20</guid>
<content:encoded><![CDATA[<img src="https://bundle.example/wp-content/uploads/2020/05/shared.jpg" alt="shared too">]]></content:encoded>
<wp:post_id>20</wp:post_id>
<wp:post_date><![CDATA[2020-05-02 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2020-05-02 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[b]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
</item>
<item>
<title>About</title>
<link>https://bundle.example/about/</link>
<guid isPermaLink="false">https://bundle.example/?page_id=30</guid>
<content:encoded><![CDATA[<img src="https://bundle.example/wp-content/uploads/2020/05/caf%C3%A9%20au%20lait.jpg" alt="café">]]></content:encoded>
<wp:post_id>30</wp:post_id>
<wp:post_date><![CDATA[2020-05-03 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2020-05-03 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[about]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[page]]></wp:post_type>
</item>
<item>
<title>only-a</title>
<link>https://bundle.example/2020/05/a/only-a/</link>
<guid isPermaLink="false">https://bundle.example/wp-content/uploads/2020/05/only-a.jpg</guid>
<wp:post_id>11</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[only-a]]></wp:post_name>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>10</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://bundle.example/wp-content/uploads/2020/05/only-a.jpg]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2020/05/only-a.jpg]]></wp:meta_value></wp:postmeta>
</item>
<item>
<title>shared</title>
<link>https://bundle.example/2020/05/b/shared/</link>
<guid isPermaLink="false">https://bundle.example/wp-content/uploads/2020/05/shared.jpg</guid>
<wp:post_id>21</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[shared]]></wp:post_name>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>20</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://bundle.example/wp-content/uploads/2020/05/shared.jpg]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2020/05/shared.jpg]]></wp:meta_value></wp:postmeta>
</item>
<item>
<title>cafe</title>
<link>https://bundle.example/about/cafe/</link>
<guid isPermaLink="false">https://bundle.example/wp-content/uploads/2020/05/caf%C3%A9%20au%20lait.jpg</guid>
<wp:post_id>31</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[cafe]]></wp:post_name>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>30</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://bundle.example/wp-content/uploads/2020/05/caf%C3%A9%20au%20lait.jpg]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2020/05/caf%C3%A9%20au%20lait.jpg]]></wp:meta_value></wp:postmeta>
</item>
</channel>
</rss>
`

// convertBundles converts bundleExport with --bundles --uploads from a
// generated uploads tree and returns the export and the site.
func convertBundles(t *testing.T) (string, string) {
	t.Helper()
	up := t.TempDir()
	for name, b := range map[string][]byte{
		"2020/05/only-a.jpg":         mediaJPEG,
		"2020/05/only-a-300x200.jpg": mediaJPEG[:12],
		"2020/05/shared.jpg":         mediaJPEG,
		"2020/05/café au lait.jpg":   mediaJPEG,
	} {
		f := filepath.Join(up, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(t.TempDir(), "bundle.xml")
	if err := os.WriteFile(in, []byte(bundleExport), 0o644); err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	if code, stderr := runMediaCLI(t, "convert", in, "-o", site, "--uploads", up, "--bundles", "--progress", "never"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	return in, site
}

func TestBundlesLayout(t *testing.T) {
	_, site := convertBundles(t)
	exists := func(rel string) bool {
		_, err := os.Stat(filepath.Join(site, filepath.FromSlash(rel)))
		return err == nil
	}
	for _, want := range []string{
		"content/posts/2020-05-01-a/index.md",
		"content/posts/2020-05-01-a/only-a.jpg",
		"content/posts/2020-05-02-b/index.md",
		"content/pages/about/index.md",
		"content/pages/about/café au lait.jpg",
		"static/wp-content/uploads/2020/05/shared.jpg",
	} {
		if !exists(want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, not := range []string{
		"content/posts/2020-05-01-a.md",
		"static/wp-content/uploads/2020/05/only-a.jpg",
		"static/wp-content/uploads/2020/05/café au lait.jpg",
		"content/posts/2020-05-01-a/shared.jpg",
		"content/posts/2020-05-02-b/shared.jpg",
	} {
		if exists(not) {
			t.Errorf("%s should not be written", not)
		}
	}
	a := string(mustRead(t, filepath.Join(site, "content/posts/2020-05-01-a/index.md")))
	for _, want := range []string{"[![only a](only-a.jpg)](only-a.jpg)", "![shared](/wp-content/uploads/2020/05/shared.jpg)",
		`relref "posts/2020-05-02-b/index.md"`} {
		if !strings.Contains(a, want) {
			t.Errorf("post a lacks %q:\n%s", want, a)
		}
	}
	about := string(mustRead(t, filepath.Join(site, "content/pages/about/index.md")))
	if !strings.Contains(about, "(caf%C3%A9%20au%20lait.jpg)") {
		t.Errorf("page about does not link its file by name:\n%s", about)
	}
	redirects := string(mustRead(t, filepath.Join(site, "static/_redirects")))
	for _, want := range []string{
		"/wp-content/uploads/2020/05/only-a.jpg /2020/05/a/only-a.jpg 301\n",
		"/wp-content/uploads/2020/05/caf%C3%A9%20au%20lait.jpg /about/caf%C3%A9%20au%20lait.jpg 301\n",
	} {
		if !strings.Contains(redirects, want) {
			t.Errorf("_redirects lacks %q:\n%s", want, redirects)
		}
	}
	if strings.Contains(redirects, "\n/wp-content/uploads/2020/05/shared.jpg ") {
		t.Errorf("a file left in static/ is redirected:\n%s", redirects)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// htmlRefRE finds the src and href values of a built page.
var htmlRefRE = regexp.MustCompile(`(?:src|href)="([^"#?]+)`)

func TestBundlesHugo(t *testing.T) {
	hugo := testenv.Hugo(t)
	in, site := convertBundles(t)
	public := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--source", site, "--destination", public, "--quiet")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo build: %v\n%s", err, b)
	}
	images := 0
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(public, filepath.Dir(p))
		dir := "/" + filepath.ToSlash(rel)
		for _, m := range htmlRefRE.FindAllStringSubmatch(string(b), -1) {
			ref := m[1]
			if !strings.HasSuffix(ref, ".jpg") {
				continue
			}
			images++
			ref = strings.TrimPrefix(ref, "https://bundle.example")
			if !strings.HasPrefix(ref, "/") {
				ref = path.Join(dir, ref)
			}
			file := decodedPath(ref)
			if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(file))); err != nil {
				t.Errorf("%s: image %s: no file %s in public/", p, m[1], file)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if images < 4 {
		t.Errorf("found %d image references in the built site, want at least 4", images)
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"wpexit", "check", in, "--public", public, "--require", "posts,pages,media", "--progress", "never"}, nil, &stdout, &stderr)
	out := stdout.String() + stderr.String()
	if code := exitCode(err); code != 0 {
		t.Errorf("check --public: exit %d\n%s", code, out)
	}
	m := regexp.MustCompile(`media \(required\)\s+(\d+)\s+(\d+)\s+0\n`).FindStringSubmatch(out)
	if m == nil || m[1] != m[2] || m[1] != "6" {
		t.Errorf("check --public does not cover the media URLs (want 6: 3 files, 3 attachment pages):\n%s", out)
	}
}

// TestBundlesNone checks --bundles with --media none: the same layout and
// links, nothing written but the pages, the missing files reported.
func TestBundlesNone(t *testing.T) {
	in := filepath.Join(t.TempDir(), "bundle.xml")
	if err := os.WriteFile(in, []byte(bundleExport), 0o644); err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	code, stderr := runMediaCLI(t, "convert", in, "-o", site, "--bundles", "--progress", "never")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "files the posts use are not in static/ or the page bundles") {
		t.Errorf("missing files not reported:\n%s", stderr)
	}
	a := string(mustRead(t, filepath.Join(site, "content/posts/2020-05-01-a/index.md")))
	if !strings.Contains(a, "[![only a](only-a.jpg)](only-a.jpg)") {
		t.Errorf("post a does not link its files by name:\n%s", a)
	}
	if _, err := os.Stat(filepath.Join(site, "content/posts/2020-05-01-a/only-a.jpg")); err == nil {
		t.Error("media none wrote a media file")
	}
}

// TestBundlesDownload checks --bundles with --media download: files land in
// the same places as from an uploads folder, and a re-run finds them there
// and requests nothing.
func TestBundlesDownload(t *testing.T) {
	up := "/wp-content/uploads/2020/05/"
	srv := newMediaServer(t, map[string][]byte{
		up + "only-a.jpg": mediaJPEG, up + "only-a-300x200.jpg": mediaJPEG[:12],
		up + "shared.jpg": mediaJPEG, up + "café au lait.jpg": mediaJPEG,
	})
	in := filepath.Join(t.TempDir(), "bundle.xml")
	if err := os.WriteFile(in, []byte(bundleExport), 0o644); err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	args := []string{"convert", in, "-o", site, "--bundles", "--media", "download", "--media-base", srv.URL, "--progress", "never"}
	if code, stderr := runMediaCLI(t, args...); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"content/posts/2020-05-01-a/only-a.jpg", "content/pages/about/café au lait.jpg", "static/wp-content/uploads/2020/05/shared.jpg"} {
		if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(want))); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	before := srv.requests()
	if code, stderr := runMediaCLI(t, args...); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if n := srv.requests() - before; n != 0 {
		t.Errorf("second run made %d requests, want none", n)
	}
}
