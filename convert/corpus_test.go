package convert

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// TestCorpusTitles writes every item title of the shared corpus, as the wxr
// reader gives it, as front matter and reads it back.
func TestCorpusTitles(t *testing.T) {
	titles := allCorpusTitles(t)
	for _, title := range titles {
		checkTitle(t, titleText(title))
	}
	if len(titles) < 5000 {
		t.Errorf("only %d titles in the corpus", len(titles))
	}
	t.Logf("%d titles round-tripped", len(titles))
}

// allCorpusTitles returns every item title in the shared corpus.
func allCorpusTitles(t *testing.T) []string {
	t.Helper()
	corpus := testenv.SharedWXR(t)
	var titles []string
	err := filepath.WalkDir(corpus, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		for _, it := range readExport(t, path) {
			titles = append(titles, it.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) == 0 && os.Getenv("CI") != "true" {
		t.Skip("the wxr reader gave no items (not implemented in this tree?)")
	}
	return titles
}
