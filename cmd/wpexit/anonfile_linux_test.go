package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestLinkAnonModes writes, then replaces, a file both ways an unnamed
// temp file can be linked: the file holds the new bytes and the folder
// nothing else.
func TestLinkAnonModes(t *testing.T) {
	for _, byFD := range []bool{false, true} {
		dir := t.TempDir()
		d, err := os.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		for _, text := range []string{"first", "second"} {
			err := linkAnon(d, "a.md", byFD, func(w io.Writer) error {
				_, err := io.WriteString(w, text)
				return err
			})
			if err != nil && byFD && text == "first" {
				t.Logf("linking by descriptor is not allowed here: %v", err)
				break
			}
			if err != nil {
				t.Fatalf("byFD %v: %v", byFD, err)
			}
			got, err := os.ReadFile(filepath.Join(dir, "a.md"))
			if err != nil || string(got) != text {
				t.Errorf("byFD %v: file holds %q (%v), want %q", byFD, got, err, text)
			}
			if names, _ := os.ReadDir(dir); len(names) != 1 {
				t.Errorf("byFD %v: folder holds %d entries, want 1", byFD, len(names))
			}
		}
	}
}
