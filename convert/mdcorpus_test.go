package convert

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/wxr"
)

// TestMarkdownCorpus converts the content of every post and page of the
// shared corpus: no conversion fails, every body ends in one newline, and
// Hugo's shortcode lexer (as hugoHTML imitates it) accepts every body.
func TestMarkdownCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	corpus := testenv.SharedWXR(t)
	var files []string
	filepath.WalkDir(corpus, func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".wxr")) {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no exports in the corpus")
	}
	c := New(NewSite(), Options{})
	posts := 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		r, err := wxr.NewReader(f, wxr.Options{Name: file})
		if err != nil {
			f.Close()
			continue // not an export the reader takes; its own tests say why
		}
		for {
			it, err := r.Next()
			if errors.Is(err, io.EOF) || (err != nil && it == nil) {
				break
			}
			if it == nil || (it.Type != "post" && it.Type != "page") {
				continue
			}
			posts++
			html, _ := c.wordpressHTML(it)
			body, _, err := c.markdown(html)
			if err != nil {
				t.Errorf("%s item %d: %v", filepath.Base(file), it.ID, err)
				continue
			}
			if body != "" && (!strings.HasSuffix(body, "\n") || strings.HasSuffix(body, "\n\n")) {
				t.Errorf("%s item %d: body does not end in one newline", filepath.Base(file), it.ID)
			}
			if _, err := hugoHTML(body); err != nil {
				t.Errorf("%s item %d: Hugo would fail: %v", file, it.ID, err)
			}
		}
		f.Close()
	}
	t.Logf("%d posts and pages in %d exports", posts, len(files))
	if posts == 0 {
		t.Error("no posts read")
	}
}
