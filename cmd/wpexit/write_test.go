package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteWriter runs with unnamed temp files linked into place (where the
// system has them) and with named temp files renamed into place.
func TestSiteWriter(t *testing.T) {
	for _, anon := range []bool{true, false} {
		t.Run(fmt.Sprintf("anon=%v", anon), func(t *testing.T) {
			if anon && !mustWriter(t, t.TempDir(), false, false).anon {
				t.Skip("no unnamed temp files on this system")
			}
			testSiteWriter(t, anon)
		})
	}
}

func testSiteWriter(t *testing.T, anon bool) {
	dir := t.TempDir()
	mustWriter := func(t *testing.T, dir string, force, dryRun bool) *siteWriter {
		w := mustWriter(t, dir, force, dryRun)
		w.anon = w.anon && anon
		return w
	}
	w := mustWriter(t, dir, false, false)
	write(t, w, "content/posts/a.md", "one", wrote)
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	assertFile(t, dir, "content/posts/a.md", "one")

	// A re-run replaces what it wrote earlier.
	w = mustWriter(t, dir, false, false)
	write(t, w, "content/posts/a.md", "two", wrote)
	w.close()
	assertFile(t, dir, "content/posts/a.md", "two")

	// A hand-edited file is kept, unless --force.
	os.WriteFile(filepath.Join(dir, "content/posts/a.md"), []byte("mine"), 0o644)
	w = mustWriter(t, dir, false, false)
	if _, reason := write(t, w, "content/posts/a.md", "three", kept); !strings.Contains(reason, "changed since wpexit wrote it") {
		t.Errorf("write(hand-edited) reason = %q, want it to say the file changed", reason)
	}
	w.close()
	assertFile(t, dir, "content/posts/a.md", "mine")
	w = mustWriter(t, dir, true, false)
	write(t, w, "content/posts/a.md", "three", wrote)
	w.close()
	assertFile(t, dir, "content/posts/a.md", "three")

	// A file wpexit never wrote is kept; writeIfAbsent keeps it silently.
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("theirs"), 0o644)
	w = mustWriter(t, dir, false, false)
	if _, reason := write(t, w, "hugo.toml", "ours", kept); !strings.Contains(reason, "not written by wpexit") {
		t.Errorf("write(foreign file) reason = %q", reason)
	}
	if out, reason, err := w.writeIfAbsent("hugo.toml", []byte("ours")); err != nil || out != kept || reason != "exists" {
		t.Errorf("writeIfAbsent(existing) = %v, %q, %v; want kept, \"exists\", nil", out, reason, err)
	}
	w.close()
	assertFile(t, dir, "hugo.toml", "theirs")
	assertNoTemp(t, dir)
}

func TestSiteWriterDryRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	w := mustWriter(t, dir, false, true)
	write(t, w, "content/posts/a.md", "one", wrote)
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("dry run created %s (stat err %v)", dir, err)
	}
}

func TestSiteWriterConfined(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	os.MkdirAll(dir, 0o755)
	os.Symlink(parent, filepath.Join(dir, "link"))
	w := mustWriter(t, dir, true, false)
	for _, p := range []string{"../escaped.md", "content/../../escaped.md", "/etc/escaped.md", "link/escaped.md"} {
		_, _, err := w.write(p, []byte("x"))
		if err == nil || !isEscape(err) {
			t.Errorf("write(%q) = %v, want a path-escape error", p, err)
		}
	}
	w.close()
	if _, err := os.Stat(filepath.Join(parent, "escaped.md")); err == nil {
		t.Error("a file was written outside the output folder")
	}
}

func TestContained(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"content/posts/a.md", true},
		{"content/../a.md", false},
		{"content/../../etc/x", false},
		{"/content/a.md", false},
		{"content", false},
		{"contents/a.md", false},
	}
	for _, tt := range tests {
		if got := contained(tt.p, "content"); got != tt.want {
			t.Errorf("contained(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func mustWriter(t *testing.T, dir string, force, dryRun bool) *siteWriter {
	t.Helper()
	w, err := openSiteWriter(dir, force, dryRun)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func write(t *testing.T, w *siteWriter, rel, data string, want writeOutcome) (writeOutcome, string) {
	t.Helper()
	out, reason, err := w.write(rel, []byte(data))
	if err != nil || out != want {
		t.Fatalf("write(%q) = %v, %q, %v; want %v", rel, out, reason, err, want)
	}
	return out, reason
}

func assertFile(t *testing.T, dir, rel, want string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil || string(b) != want {
		t.Errorf("%s = %q, %v; want %q", rel, b, err, want)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.Contains(d.Name(), ".wpexit-tmp-") || strings.Contains(d.Name(), ".wpexit-link-")) {
			t.Errorf("temp file left: %s", p)
		}
		return nil
	})
}

// BenchmarkSiteWriter measures one new page written: the file placed
// atomically (an unnamed temp file linked into place, or a named one
// renamed) and its manifest entry. On a slow disk this, not conversion,
// bounds a run.
func BenchmarkSiteWriter(b *testing.B) {
	for _, anon := range []bool{true, false} {
		b.Run(fmt.Sprintf("anon=%v", anon), func(b *testing.B) {
			w, err := openSiteWriter(b.TempDir(), false, false)
			if err != nil {
				b.Fatal(err)
			}
			if anon && !w.anon {
				b.Skip("no unnamed temp files on this system")
			}
			w.anon = anon
			data := bytes.Repeat([]byte("word "), 800) // a 4 KB page
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := range b.N {
				if _, _, err := w.write(fmt.Sprintf("content/posts/%d.md", i), data); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			w.close()
		})
	}
}
