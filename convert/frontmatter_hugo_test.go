package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/wpexit/wpexit/internal/testenv"
)

// TestHugoReadsFrontMatter writes the tricky titles and, when the shared
// corpus is there, every title in it as front matter, builds the pages with
// the pinned Hugo (whose YAML reader is not yaml.v3) and checks that Hugo
// reads back each title, tag list and date exactly.
func TestHugoReadsFrontMatter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	hugo := testenv.Hugo(t)
	titles := append([]string(nil), trickyTitles...)
	if os.Getenv("CI") == "true" || sharedPresent() {
		seen := map[string]bool{}
		for _, title := range allCorpusTitles(t) {
			if !seen[title] && !plainWords(title) {
				seen[title] = true
				titles = append(titles, title)
			}
		}
	}
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy','term','rss','sitemap','robotstxt','404']\n")
	write("layouts/home.html", "home")
	write("layouts/list.html", "list")
	write("layouts/single.html", `{"id":{{ .Params.wordpress_id }},"title":{{ .Params.title | jsonify }},"tags":{{ .Params.tags | jsonify }},"date":{{ .Date.UTC.Format "2006-01-02T15:04:05Z07:00" | jsonify }}}`)
	date := time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC)
	want := map[int64]string{}
	for i, title := range titles {
		id := int64(i + 1)
		clean := titleText(title)
		fm := FrontMatter{Title: clean, Tags: []string{clean, "yes", "1.0"}, Date: date, WordPressID: id,
			URL: fmt.Sprintf("/t/%d/", id)}
		p := Page{FrontMatter: fm, Body: "x\n"}
		b, err := p.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		write(fmt.Sprintf("content/posts/%d.md", id), string(b))
		want[id] = clean
	}
	// A date of unknown offset, written without one, is read in the site's
	// time zone (UTC here).
	localID := int64(len(titles) + 1)
	local := Page{FrontMatter: FrontMatter{Title: "local", Tags: []string{"local", "yes", "1.0"}, Date: date.Add(-7 * time.Hour),
		DateLocal: true, WordPressID: localID, URL: fmt.Sprintf("/t/%d/", localID)}, Body: "x\n"}
	lb, err := local.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	write(fmt.Sprintf("content/posts/%d.md", localID), string(lb))
	want[localID] = "local"
	wantDate := map[int64]string{localID: "2012-02-14T06:40:24Z"}
	cmd := exec.Command(hugo, "--quiet", "--source", dir, "--destination", filepath.Join(dir, "public"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	got := 0
	err = filepath.WalkDir(filepath.Join(dir, "public", "t"), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var r struct {
			ID    int64
			Title string
			Tags  []string
			Date  string
		}
		if err := json.Unmarshal(bytes.TrimSpace(b), &r); err != nil {
			t.Errorf("%s: %v: %s", path, err, b)
			return nil
		}
		got++
		w := want[r.ID]
		d, ok := wantDate[r.ID]
		if !ok {
			d = "2012-02-14T13:40:24Z"
		}
		if r.Title != w || len(r.Tags) != 3 || r.Tags[0] != w || r.Tags[1] != "yes" || r.Tags[2] != "1.0" || r.Date != d {
			t.Errorf("id %d: Hugo read title %q tags %q date %s, want %q", r.ID, r.Title, r.Tags, r.Date, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != len(want) {
		t.Errorf("Hugo wrote %d pages for %d", got, len(want))
	}
	t.Logf("%d titles read back by Hugo", got)
}

// sharedPresent reports whether the shared corpus is next to the repository.
func sharedPresent() bool {
	_, err := os.Stat(filepath.Join("..", "..", "shared", "wxr"))
	return err == nil
}

// plainWords reports titles of several words of letters and digits alone:
// strings to every YAML reader (a bool, null or number is one word), so
// the Hugo build need not spend time on them.
func plainWords(s string) bool {
	return strings.Contains(strings.TrimSpace(s), " ") && strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' '
	}) < 0
}
