package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestConvertRelativeLink: a relative link between posts resolves against
// the post's old URL to a relref, and verify finds the link the same.
func TestConvertRelativeLink(t *testing.T) {
	const abs = `<a href="https://harbournotes.example/2019/04/20/planning-the-winter-crossing/">`
	s := string(readFile(t, sample))
	if !strings.Contains(s, abs) {
		t.Fatalf("sample lacks %s", abs)
	}
	s = strings.Replace(s, abs, `<a href="../../20/planning-the-winter-crossing/">`, 1)
	in := filepath.Join(t.TempDir(), "relative.xml")
	if err := os.WriteFile(in, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	r := wpexit(t, nil, "convert", in, "--out", out)
	wantCode(t, r, 0, "convert an export with a relative link")
	page := tree(t, out)[samplePosts[10]]
	if !regexp.MustCompile(`relref "[^"]*2019-04-20-planning-the-winter-crossing\.md"`).MatchString(page) {
		t.Errorf("the relative link to the later post is not a relref:\n%s", page)
	}
	rep := parseVerify(t, wpexit(t, nil, "verify", in, "--site", out, "--json"))
	for _, p := range rep.Results {
		if p.ID == 10 && (p.Score < 0.99 || slices.Contains(p.whats(), "links")) {
			t.Errorf("verify: page %d %s: score %g, diffs %v", p.ID, p.File, p.Score, p.whats())
		}
	}
	if rep.Pages != 7 {
		t.Errorf("verify compared %d pages, want 7", rep.Pages)
	}
}
