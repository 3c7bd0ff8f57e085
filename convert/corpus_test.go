package convert

import (
	"encoding/xml"
	"errors"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedWXR returns the shared corpus folder ../shared/wxr next to the
// repository root. It skips the test when the folder is absent, unless
// CI=true, where the corpus must be there.
func sharedWXR(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "wxr")
	if _, err := os.Stat(corpus); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus missing under CI: %v", err)
		}
		t.Skipf("shared corpus not found: %v", err)
	}
	return corpus
}

// corpusTitles returns the <title> of every <item> in an export, entities
// decoded once as the wxr reader does, up to the first XML error (some
// corpus files are deliberately broken).
func corpusTitles(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var titles []string
	depth, itemDepth := 0, -1
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return titles, nil
		}
		if err != nil {
			return titles, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case tok.Name.Local == "item":
				itemDepth = depth
			case tok.Name.Local == "title" && tok.Name.Space == "" && depth == itemDepth+1:
				var s string
				if err := d.DecodeElement(&s, &tok); err != nil {
					return titles, err
				}
				depth--
				titles = append(titles, html.UnescapeString(strings.TrimSpace(s)))
			}
		case xml.EndElement:
			if depth == itemDepth {
				itemDepth = -1
			}
			depth--
		}
	}
}

// TestCorpusTitles writes every item title of the shared corpus as front
// matter and reads it back.
func TestCorpusTitles(t *testing.T) {
	corpus := sharedWXR(t)
	n := 0
	err := filepath.WalkDir(corpus, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		titles, err := corpusTitles(f)
		if err != nil {
			t.Logf("%s: read %d titles, stopped: %v", path, len(titles), err)
		}
		for _, title := range titles {
			checkTitle(t, title)
		}
		n += len(titles)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Errorf("only %d titles in the corpus", n)
	}
	t.Logf("%d titles round-tripped", n)
}
