package rewrite

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden writes, for each fixture site, every old URL with its class,
// answer and target, each page's aliases and permalink shape, and the three
// redirect files, and compares them with testdata/golden/SITE.txt.
func TestGolden(t *testing.T) {
	sites := []struct {
		name string
		f    *fixture
	}{
		{"subdir", subdirSite()}, {"pathinfo", pathinfoSite()}, {"numeric", numericSite()},
		{"html", htmlSite()}, {"front", frontSite()}, {"wpcom", wpcomSite()},
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			got := dumpSite(t, s.f)
			file := filepath.Join("testdata", "golden", s.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./rewrite -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output:\n%s", file, got)
			}
		})
	}
}

func dumpSite(t *testing.T, f *fixture) []byte {
	t.Helper()
	ix := f.index(Options{})
	var b bytes.Buffer
	b.WriteString("## old URLs\n")
	for _, u := range ix.OldURLs() {
		fmt.Fprintf(&b, "%-9s %-8s %s -> %s %d (id %d %s)\n", u.Class, u.Via, u.Path, u.Target, u.Status, u.ID, u.Type)
	}
	b.WriteString("## pages\n")
	for _, it := range f.items {
		fmt.Fprintf(&b, "%d shape %s aliases %q\n", it.ID, PermalinkShape(f.ch.BaseBlogURL, it), ix.Aliases(it.ID))
	}
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"netlify", func(b *bytes.Buffer) error { return ix.WriteNetlify(b) }},
		{"nginx", func(b *bytes.Buffer) error { return ix.WriteNginx(b) }},
		{"apache", func(b *bytes.Buffer) error { return ix.WriteApache(b) }},
	} {
		fmt.Fprintf(&b, "## %s\n", w.name)
		if err := w.write(&b); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}
