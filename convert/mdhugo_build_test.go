package convert

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// TestMarkdownHugoBuild builds a site of the golden pages with a real Hugo
// (unsafe HTML on, as the site's config has it): every escape, shortcode
// and relref must pass Hugo, and the page must show what the post showed.
func TestMarkdownHugoBuild(t *testing.T) {
	hugo := testenv.Hugo(t)
	site := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"t\"\n"+
		"disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n"+
		"[markup.goldmark.renderer]\nunsafe = true\n")
	write("layouts/_default/single.html", "<main>{{ .Content }}</main><summary>{{ .Summary }}</summary>\n")
	write("layouts/_default/list.html", "{{ range .Pages }}{{ .Title }}{{ end }}\n")
	files, _ := filepath.Glob("testdata/markdown/*.md")
	targets := map[string]bool{}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		write("content/posts/"+name+".md", "---\ntitle: "+name+"\n---\n\n"+string(md))
		for _, m := range mdRelrefTarget.FindAllStringSubmatch(string(md), -1) {
			targets[m[1]] = true
		}
	}
	for target := range targets {
		write("content/"+target, "---\ntitle: target\n---\nx\n")
	}
	cmd := exec.Command(hugo, "--quiet", "--source", site, "--destination", filepath.Join(site, "public"))
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(site, "public", "posts", name, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, tc := range []struct{ page, want string }{
		{"basics", "<p>---</p>"},
		{"basics", "Dashes &mdash; typed mid-line"}, // Hugo's typographer, like WordPress's
		{"basics", "Second line after a break.</p>"},
		{"shortcodes", "{{&lt; youtube abc &gt;}} and {{% note %}}text{{% /note %}}"},
		{"shortcodes", "Unclosed {{&lt; here and {{% there."},
		{"shortcodes", "<code>{{&lt; relref &quot;x.md&quot; &gt;}}</code>"},
		{"shortcodes", "unclosed {&#123;&lt; in code"},
		{"shortcodes", "<p>Caption {{% c %}}</p>"},
		{"embeds", "<summary><p>Intro.</p></summary>"},
		{"embeds", "https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=0&amp;controls=1&amp;end=0&amp;loop=0&amp;mute=0&amp;start=42"},
		{"embeds", "https://player.vimeo.com/video/76979871"},
		{"embeds", `<a href="/posts/2019-05-06-cats/">a post link</a>`},
		{"links", `<a href="/posts/2008-09-16-bc2621-fault-tolerant-vms/#comments">comments</a>`},
		{"links-refs", `<a href="https://golang.org/">Go</a>`},
	} {
		if got := read(tc.page); !strings.Contains(got, tc.want) {
			t.Errorf("%s: no %q in\n%s", tc.page, tc.want, got)
		}
	}
}

// mdRelrefTarget finds the content files relrefs point at.
var mdRelrefTarget = regexp.MustCompile(`relref "([^"#]+)`)
