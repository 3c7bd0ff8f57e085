package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mdFakeLink stands in for the rewrite package: URLs on old.example are the
// old site. "/YYYY/MM/DD/slug/" is a post, "/wp-content/uploads/…" media,
// "/?p=ID" a post by ID, anything else there is missing; other hosts and
// relative links are kept. "/category/…" and "/feed/" there are archives
// and feeds: kept, Dest their root-relative old path (as rewrite answers).
func mdFakeLink(raw string) Link {
	rest, ok := strings.CutPrefix(raw, "https://old.example")
	if !ok {
		rest, ok = strings.CutPrefix(raw, "http://old.example")
	}
	if !ok {
		return Link{Kind: LinkKeep}
	}
	path, frag, _ := strings.Cut(rest, "#")
	if frag != "" {
		frag = "#" + frag
	}
	switch {
	case strings.HasPrefix(path, "/category/") || path == "/feed/":
		return Link{Kind: LinkKeep, Dest: path + frag}
	case strings.HasPrefix(path, "/wp-content/uploads/"):
		return Link{Kind: LinkMedia, Dest: path}
	case path == "/?p=7":
		return Link{Kind: LinkPage, Dest: "posts/2008-09-16-seven.md" + frag}
	case len(path) > 12 && path[0] == '/' && path[5] == '/' && path[8] == '/' && path[11] == '/':
		slug := strings.Trim(path[12:], "/")
		return Link{Kind: LinkPage, Dest: "posts/" + path[1:5] + "-" + path[6:8] + "-" + path[9:11] + "-" + slug + ".md" + frag}
	}
	return Link{Kind: LinkMissing}
}

// mdGoldenOptions are the options of a golden case: the fake link mapper,
// and reference links for every link when the name says "refs".
func mdGoldenOptions(name string) Options {
	return Options{Link: mdFakeLink, ReferenceLinks: strings.Contains(name, "refs")}
}

// TestMarkdownGolden converts testdata/markdown/NAME.html and compares the
// body with NAME.md and the notes with NAME.notes (absent when none).
func TestMarkdownGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/markdown/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c := New(NewSite(), mdGoldenOptions(name))
			body, notes, err := c.markdown(string(in))
			if err != nil {
				t.Fatal(err)
			}
			var nb strings.Builder
			for _, n := range notes {
				nb.WriteString(n.Kind + " " + n.Detail + "\n")
			}
			mdGolden(t, strings.TrimSuffix(f, ".html")+".md", body)
			mdGolden(t, strings.TrimSuffix(f, ".html")+".notes", nb.String())
		})
	}
}

// mdGolden compares got with the golden file (a missing file is empty) or
// rewrites it under -update.
func mdGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if got == "" {
			os.Remove(path)
			return
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
	}
}
