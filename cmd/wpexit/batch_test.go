package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestBatchNames(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"a.xml", "b.xml.gz", "parts.zip"}, []string{"a", "b", "parts"}},
		{[]string{"x/wordpress.xml", "y/wordpress.xml", "z/WordPress.xml"}, []string{"wordpress", "wordpress-2", "WordPress-3"}},
		{[]string{"-", "my blog (old).xml"}, []string{"stdin", "my-blog--old"}},
		{[]string{".xml", "../..xml", "блог.xml"}, []string{"export", "export-2", "блог"}},
	}
	for _, tt := range tests {
		if got := batchNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("batchNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidateBatch(t *testing.T) {
	tests := []struct {
		c    convertConfig
		fail bool
	}{
		{convertConfig{OutEach: "d"}, false},
		{convertConfig{OutEach: "d", Report: "-"}, false},
		{convertConfig{OutEach: "d", Out: "o"}, true},
		{convertConfig{OutEach: "d", Report: "r.jsonl"}, true},
		{convertConfig{Out: "o", Report: "r.jsonl"}, false},
	}
	for _, tt := range tests {
		err := validateBatch(&tt.c)
		var ue *usageError
		if tt.fail != (err != nil) || (err != nil && !errors.As(err, &ue)) {
			t.Errorf("validateBatch(%+v) = %v, want failure %v (a usage error)", tt.c, err, tt.fail)
		}
	}
}

// TestBatchRun converts two good exports and a missing one in one batch:
// the good ones each get their own site, the missing one fails alone, and
// the run ends with exit code 3.
func TestBatchRun(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join("..", "..", "testdata", "sample.xml")
	copyTo := filepath.Join(t.TempDir(), "other.xml")
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyTo, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err = run(t.Context(), []string{"wpexit", "convert", sample, filepath.Join(dir, "missing.xml"), copyTo, "--out-each", dir, "--report", "-"},
		strings.NewReader(""), &stdout, &stderr)
	if got := exitCode(err); got != exitPartial {
		t.Fatalf("exit %d (%v), want %d\n%s", got, err, exitPartial, stderr.String())
	}
	for _, name := range []string{"sample", "other"} {
		if _, err := os.Stat(filepath.Join(dir, name, "hugo.toml")); err != nil {
			t.Errorf("site %s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("a folder was made for the missing export")
	}
	if !strings.Contains(stderr.String(), "3 exports = 2 converted + 1 failed") {
		t.Errorf("no batch summary:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "missing.xml") {
		t.Errorf("the failure is not named:\n%s", stderr.String())
	}
	lines := strings.Count(stdout.String(), "\n")
	if lines < 10 || strings.Count(stdout.String(), `"input":"`+sample+`"`) == 0 {
		t.Errorf("report lines missing: %d lines", lines)
	}
}
