package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// runMediaCLI runs the command line in-process and returns the exit code
// and stderr.
func runMediaCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), append([]string{"wpexit"}, args...), nil, &out, &errb)
	if err != nil {
		errb.WriteString(err.Error())
	}
	return exitCode(err), errb.String()
}

// mediaLines reads the media lines of a --report file.
func mediaLines(t *testing.T, report string) map[string]mediaRecord {
	t.Helper()
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	recs := map[string]mediaRecord{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r mediaRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		if r.Media != "" {
			recs[r.Media] = r
		}
	}
	return recs
}

// mediaServer serves files by path and counts requests.
type mediaServer struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	files map[string][]byte
}

func newMediaServer(t *testing.T, files map[string][]byte) *mediaServer {
	s := &mediaServer{hits: map[string]int{}, files: files}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		b, ok := s.files[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *mediaServer) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

var mediaJPEG = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00 a test image")

// mediaExport is a small export whose posts use media in every way issue 6
// lists: a thumbnail whose original is not in the export, srcset, a link to
// the full-size file, a PDF, audio, a non-ASCII name, a missing file, a
// file on another host, and an attachment with a featured-image use.
const mediaExport = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Media Test</title>
<link>https://media.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://media.example</wp:base_site_url>
<wp:base_blog_url>https://media.example</wp:base_blog_url>
<item>
<title>Pictures</title>
<link>https://media.example/2020/05/pictures/</link>
<dc:creator><![CDATA[ann]]></dc:creator>
<guid isPermaLink="false">https://media.example/?p=10</guid>
<content:encoded><![CDATA[<img src="https://media.example/wp-content/uploads/2020/05/boat-300x200.jpg" srcset="https://media.example/wp-content/uploads/2020/05/boat-300x200.jpg 300w, https://media.example/wp-content/uploads/2020/05/boat-1024x683.jpg 1024w" alt="boat">

<a href="https://media.example/wp-content/uploads/2020/05/sail.jpg"><img src="https://media.example/wp-content/uploads/2020/05/sail-150x150.jpg" alt="sail"></a>

<img src="/wp-content/uploads/2020/05/caf%C3%A9.jpg" alt="café">

<img src="https://media.example/wp-content/uploads/2020/05/missing.png" alt="gone">

<a href="https://media.example/wp-content/uploads/2020/05/chart.pdf">the chart</a>

[audio mp3="https://media.example/wp-content/uploads/2020/05/wind.mp3"][/audio]

<img src="https://cdn.other.example/pics/gull.jpg" alt="gull">]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>10</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2020-05-01 10:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[pictures]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[11]]></wp:meta_value></wp:postmeta>
</item>
<item>
<title>mast</title>
<link>https://media.example/2020/05/pictures/mast/</link>
<guid isPermaLink="false">https://media.example/wp-content/uploads/2020/05/mast.jpg</guid>
<content:encoded><![CDATA[]]></content:encoded>
<wp:post_id>11</wp:post_id>
<wp:post_date><![CDATA[2020-05-01 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[mast]]></wp:post_name>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>10</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://media.example/wp-content/uploads/2020/05/mast.jpg]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2020/05/mast.jpg]]></wp:meta_value></wp:postmeta>
</item>
</channel>
</rss>
`

// oldSiteFiles are the files the old site had, by path.
func oldSiteFiles() map[string][]byte {
	return map[string][]byte{
		"/wp-content/uploads/2020/05/boat.jpg":         mediaJPEG,
		"/wp-content/uploads/2020/05/boat-300x200.jpg": mediaJPEG[:12],
		"/wp-content/uploads/2020/05/sail.jpg":         mediaJPEG,
		"/wp-content/uploads/2020/05/sail-150x150.jpg": mediaJPEG[:12],
		"/wp-content/uploads/2020/05/café.jpg":         mediaJPEG,
		"/wp-content/uploads/2020/05/chart.pdf":        []byte("%PDF-1.4 chart"),
		"/wp-content/uploads/2020/05/wind.mp3":         []byte("ID3\x03 wind"),
		"/wp-content/uploads/2020/05/mast.jpg":         mediaJPEG,
	}
}

func writeMediaExport(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "media.xml")
	if err := os.WriteFile(p, []byte(mediaExport), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantMedia is what becomes of each file, in both modes.
var wantMedia = map[string]struct{ outcome, saved string }{
	"/wp-content/uploads/2020/05/boat-300x200.jpg":  {"original", "/wp-content/uploads/2020/05/boat.jpg"},
	"/wp-content/uploads/2020/05/boat-1024x683.jpg": {"original", "/wp-content/uploads/2020/05/boat.jpg"},
	"/wp-content/uploads/2020/05/sail.jpg":          {"saved", ""},
	"/wp-content/uploads/2020/05/sail-150x150.jpg":  {"original", "/wp-content/uploads/2020/05/sail.jpg"},
	"/wp-content/uploads/2020/05/caf%C3%A9.jpg":     {"saved", ""},
	"/wp-content/uploads/2020/05/missing.png":       {"failed", ""},
	"/wp-content/uploads/2020/05/chart.pdf":         {"saved", ""},
	"/wp-content/uploads/2020/05/wind.mp3":          {"saved", ""},
	"/wp-content/uploads/2020/05/mast.jpg":          {"saved", ""},
}

func checkMediaSite(t *testing.T, site, report string) {
	t.Helper()
	recs := mediaLines(t, report)
	for dest, want := range wantMedia {
		r, ok := recs[dest]
		if !ok {
			t.Errorf("report has no line for %s", dest)
			continue
		}
		if (r.Outcome != want.outcome && !(want.outcome == "saved" && r.Outcome == "present")) || r.Saved != want.saved {
			t.Errorf("%s: %s saved %q (%s), want %s saved %q", dest, r.Outcome, r.Saved, r.Error, want.outcome, want.saved)
		}
		if r.Outcome == "failed" && (r.Error == "" || !slices.Contains(r.UsedBy, "content/posts/2020-05-01-pictures.md")) {
			t.Errorf("%s: failure without a reason or the post using it: %+v", dest, r)
		}
	}
	for _, f := range []string{"boat.jpg", "sail.jpg", "café.jpg", "chart.pdf", "wind.mp3", "mast.jpg"} {
		if _, err := os.Stat(filepath.Join(site, "static/wp-content/uploads/2020/05", f)); err != nil {
			t.Errorf("static file %s: %v", f, err)
		}
	}
	for _, f := range []string{"boat-300x200.jpg", "sail-150x150.jpg", "missing.png"} {
		if _, err := os.Stat(filepath.Join(site, "static/wp-content/uploads/2020/05", f)); err == nil {
			t.Errorf("static file %s written: its original was saved, or it failed", f)
		}
	}
	post, err := os.ReadFile(filepath.Join(site, "content/posts/2020-05-01-pictures.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"-300x200", "-150x150", "-1024x683", "media.example/wp-content"} {
		if bytes.Contains(post, []byte(bad)) {
			t.Errorf("post still names %q:\n%s", bad, post)
		}
	}
	for _, good := range []string{"/wp-content/uploads/2020/05/boat.jpg", "/wp-content/uploads/2020/05/sail.jpg", "featured_image: /wp-content/uploads/2020/05/mast.jpg"} {
		if !bytes.Contains(post, []byte(good)) {
			t.Errorf("post does not name %q:\n%s", good, post)
		}
	}
}

func TestMediaDownload(t *testing.T) {
	srv := newMediaServer(t, oldSiteFiles())
	srv.files["/pics/gull.jpg"] = mediaJPEG
	in, site := writeMediaExport(t), t.TempDir()
	report := filepath.Join(t.TempDir(), "report.jsonl")
	args := []string{"convert", in, "-o", site, "--media", "download", "--media-base", srv.URL,
		"--media-hosts", "cdn.other.example", "--media-timeout", "2s", "--report", report}
	code, stderr := runMediaCLI(t, args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	checkMediaSite(t, site, report)
	if !strings.Contains(stderr, "media: /wp-content/uploads/2020/05/missing.png") {
		t.Errorf("summary does not name the failed file:\n%s", stderr)
	}
	// The file on --media-hosts is saved under /media/HOST/ and linked there.
	if _, err := os.Stat(filepath.Join(site, "static/media/cdn.other.example/pics/gull.jpg")); err != nil {
		t.Errorf("file from --media-hosts: %v", err)
	}
	post, _ := os.ReadFile(filepath.Join(site, "content/posts/2020-05-01-pictures.md"))
	if !bytes.Contains(post, []byte("/media/cdn.other.example/pics/gull.jpg")) {
		t.Errorf("post does not link the file from --media-hosts:\n%s", post)
	}
	// A re-run asks only for what failed before.
	before := srv.requests()
	failed := srv.hits["/wp-content/uploads/2020/05/missing.png"]
	if code, stderr := runMediaCLI(t, args...); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if n, f := srv.requests()-before, srv.hits["/wp-content/uploads/2020/05/missing.png"]-failed; n != f || n != 1 {
		t.Errorf("second run made %d requests, %d of them for the missing file; want only 1 for it", n, f)
	}
	checkMediaSite(t, site, report)
}

func TestMediaUploads(t *testing.T) {
	up := t.TempDir()
	for p, b := range oldSiteFiles() {
		f := filepath.Join(up, filepath.FromSlash(strings.TrimPrefix(p, "/wp-content/uploads/")))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, site := writeMediaExport(t), t.TempDir()
	report := filepath.Join(t.TempDir(), "report.jsonl")
	code, stderr := runMediaCLI(t, "convert", in, "-o", site, "--uploads", up, "--report", report)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	checkMediaSite(t, site, report)
}

func TestMediaNone(t *testing.T) {
	in, site := writeMediaExport(t), t.TempDir()
	code, stderr := runMediaCLI(t, "convert", in, "-o", site)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "media: 9 of 9 files the posts use are not under static/") {
		t.Errorf("summary does not list the missing media:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "static/wp-content")); err == nil {
		t.Error("media none wrote media files")
	}
	post, _ := os.ReadFile(filepath.Join(site, "content/posts/2020-05-01-pictures.md"))
	if bytes.Contains(post, []byte("media.example/wp-content")) {
		t.Errorf("links not rewritten to where the media would live:\n%s", post)
	}
}

func TestMediaUsage(t *testing.T) {
	in := writeMediaExport(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad mode", []string{"--media", "all"}, "--media must be none or download"},
		{"uploads and download", []string{"--media", "download", "--uploads", "."}, "cannot be used with --media download"},
		{"uploads not a folder", []string{"--uploads", filepath.Join(t.TempDir(), "nope")}, "not a folder"},
		{"zero concurrency", []string{"--media-concurrency", "0"}, "at least 1"},
		{"bad host", []string{"--media-hosts", "http://x/"}, "host names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stderr := runMediaCLI(t, append([]string{"convert", in, "-o", t.TempDir()}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

func TestContentURLs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`<img src="a.jpg" srcset="b.jpg 300w, c.jpg 2x">`, []string{"a.jpg", "b.jpg", "c.jpg"}},
		{`<a href='x.pdf?a=1&amp;b=2'>`, []string{"x.pdf?a=1&b=2"}},
		{`[audio mp3="s.mp3" ogg=s.ogg][/audio]`, []string{"s.mp3", "s.ogg"}},
		{`<video poster="p.jpg"><source src="v.mp4"></video>`, []string{"p.jpg", "v.mp4"}},
		{`<img data-orig-file="o.jpg" data-lazy-src="l.jpg">`, []string{"o.jpg", "l.jpg"}},
		{`no links, src alone`, nil},
		{`<IMG SRC = "U.JPG">`, []string{"U.JPG"}},
		{`x-src="no.jpg" 1+1=2 <img src="ok.jpg">`, []string{"ok.jpg"}},
		{`<img src="unterminated.jpg`, nil},
		{`<img src=bare.jpg alt=x>`, []string{"bare.jpg"}},
		{`[video mp4="v.mp4" webm='w.webm']`, []string{"v.mp4", "w.webm"}},
		{`src=`, nil},
	}
	for _, tt := range tests {
		if got := contentURLs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("contentURLs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAbsoluteURL(t *testing.T) {
	tests := []struct{ page, raw, want string }{
		{"https://h/2020/05/x/", "/wp-content/uploads/a.jpg", "https://h/wp-content/uploads/a.jpg"},
		{"https://h/2020/05/x/", "a.jpg", "https://h/2020/05/x/a.jpg"},
		{"", "//cdn/a.jpg", "https://cdn/a.jpg"},
		{"https://h/", "mailto:a@b", ""},
	}
	for _, tt := range tests {
		if got := absoluteURL(tt.page, "https://home/", tt.raw); got != tt.want {
			t.Errorf("absoluteURL(%q, %q) = %q, want %q", tt.page, tt.raw, got, tt.want)
		}
	}
}

// generatedMedia serves, for any path with a file extension, a few bytes
// of the kind the extension promises: the old site's uploads, made up.
func generatedMedia(t *testing.T) *mediaServer {
	s := &mediaServer{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch strings.ToLower(path.Ext(r.URL.Path)) {
		case "":
			http.NotFound(w, r)
		case ".jpg", ".jpeg", ".png", ".gif", ".webp":
			w.Write(append(slices.Clone(mediaJPEG), r.URL.Path...))
		case ".pdf":
			w.Write([]byte("%PDF-1.4 " + r.URL.Path))
		default:
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte("\x00\x01" + r.URL.Path))
		}
	}))
	t.Cleanup(s.Close)
	return s
}

var imgAttrRE = regexp.MustCompile(`(?is)<img\b[^>]*>`)
var imgURLRE = regexp.MustCompile(`(?i)\b(?:src|srcset)="([^"]*)"`)

// TestMediaSharedExportHugo converts shared exports with their media
// downloaded from a local server standing in for the old hosts; the pinned
// Hugo builds the site; no image is left on an old host, every image file
// the pages use is in the build, and check --public finds every media URL
// of the old site covered.
func TestMediaSharedExportHugo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds shared exports with Hugo")
	}
	hugo := testenv.Hugo(t)
	for _, tc := range []struct{ name, oldHost string }{
		{"real-tightloosetight-de/wordpress-export.xml", "tight-loose-tight"},
		{"real-albal-wpcom/wordpress.xml", "files.wordpress.com"},
	} {
		t.Run(path.Dir(tc.name), func(t *testing.T) {
			in := testenv.SharedExport(t, tc.name)
			srv := generatedMedia(t)
			site := t.TempDir()
			code, stderr := runMediaCLI(t, "convert", in, "-o", site, "-q", "--media", "download", "--media-base", srv.URL)
			if code != 0 {
				t.Fatalf("convert: exit %d\n%s", code, stderr)
			}
			if srv.requests() == 0 {
				t.Fatal("no media requested")
			}
			public := filepath.Join(t.TempDir(), "public")
			cmd := exec.Command(hugo, "--source", site, "--destination", public, "--quiet")
			cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("hugo: %v\n%s", err, b)
			}
			imgs, local := 0, 0
			filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
					return err
				}
				b, _ := os.ReadFile(p)
				for _, tag := range imgAttrRE.FindAll(b, -1) {
					for _, m := range imgURLRE.FindAllSubmatch(tag, -1) {
						for _, c := range strings.Split(string(m[1]), ",") {
							f := strings.Fields(c)
							if len(f) == 0 {
								continue
							}
							imgs++
							u, err := url.Parse(f[0])
							switch {
							case err != nil:
							case u.Host != "" && (strings.Contains(u.Host, tc.oldHost) || strings.HasSuffix(u.Host, ".wp.com")):
								t.Errorf("%s: image still on the old host: %s", p, f[0])
							case u.Host == "" && strings.HasPrefix(u.Path, "/"):
								local++
								if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(u.Path))); err != nil {
									t.Errorf("%s: image %s not in the build", p, u.Path)
								}
							}
						}
					}
				}
				return nil
			})
			if local == 0 {
				t.Errorf("no local image in %d image references", imgs)
			}
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"wpexit", "check", in, "--public", public, "--json", "--require", "posts,pages,media"}, nil, &out, &errb)
			if err != nil {
				t.Errorf("check --public: %v\n%s\n%s", err, errb.String(), out.String())
			}
			t.Logf("%d image references, %d local; %d media requests", imgs, local, srv.requests())
		})
	}
}

// BenchmarkContentURLs is the first pass's added cost per post: finding the
// media URLs of a 12 KB body with 30 images (srcset included) and links.
func BenchmarkContentURLs(b *testing.B) {
	var body strings.Builder
	for i := range 30 {
		fmt.Fprintf(&body, `<p>Some text about picture %d, long enough to be a paragraph of a real post, with a <a href="https://media.example/2020/05/other-post-%d/">link</a>.</p>`, i, i)
		fmt.Fprintf(&body, `<img src="https://media.example/wp-content/uploads/2020/05/p%d-300x200.jpg" srcset="https://media.example/wp-content/uploads/2020/05/p%d-300x200.jpg 300w, https://media.example/wp-content/uploads/2020/05/p%d.jpg 1024w" alt="">`, i, i, i)
	}
	s := body.String()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if len(contentURLs(s)) != 120 {
			b.Fatal("wrong count")
		}
	}
}

// FuzzContentURLs: any body is scanned without a panic, and every URL
// found is in it (entities aside).
func FuzzContentURLs(f *testing.F) {
	for _, s := range []string{`<img src="a.jpg" srcset="b.jpg 1x, c.jpg 2x">`, `src=`, `='`, `a=b=c`, `[audio mp3=x.mp3]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, u := range contentURLs(body) {
			if !strings.Contains(body, u) && !strings.Contains(body, "&") {
				t.Errorf("contentURLs(%q) found %q, which is not in it", body, u)
			}
		}
	})
}

// TestMediaDryRun: a dry run asks nothing of the network and writes
// nothing, but reports the files it would fetch.
func TestMediaDryRun(t *testing.T) {
	srv := newMediaServer(t, oldSiteFiles())
	in, site := writeMediaExport(t), filepath.Join(t.TempDir(), "site")
	report := filepath.Join(t.TempDir(), "report.jsonl")
	code, stderr := runMediaCLI(t, "convert", in, "-o", site, "-n", "--media", "download", "--media-base", srv.URL, "--report", report)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if n := srv.requests(); n != 0 {
		t.Errorf("dry run made %d requests", n)
	}
	if _, err := os.Stat(site); err == nil {
		t.Errorf("dry run created %s", site)
	}
	recs := mediaLines(t, report)
	if r := recs["/wp-content/uploads/2020/05/chart.pdf"]; r.Outcome != "missing" {
		t.Errorf("dry run reports chart.pdf as %q, want missing", r.Outcome)
	}
}
