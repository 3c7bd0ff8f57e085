package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// renderSite is the site every render test runs against: post 42 has four
// attached files (three images, one audio), and there are reusable blocks,
// one of which includes itself.
func renderSite() *Site {
	s := NewSite()
	for _, a := range []Attachment{
		{ID: 101, Parent: 42, MenuOrder: 2, URL: "https://example.com/wp-content/uploads/2019/03/b.jpg", Caption: "Second <em>by order</em>", Alt: "B"},
		{ID: 102, Parent: 42, MenuOrder: 1, URL: "https://example.com/wp-content/uploads/2019/03/a.jpg", Alt: "A"},
		{ID: 103, Parent: 42, MenuOrder: 2, URL: "https://example.com/wp-content/uploads/2019/03/c.png", Caption: "Third"},
		{ID: 104, Parent: 42, URL: "https://example.com/wp-content/uploads/2019/03/song.mp3"},
		{ID: 105, Parent: 7, URL: "https://example.com/wp-content/uploads/2019/03/other.jpg"},
	} {
		s.Attachments[a.ID] = a
	}
	s.Blocks[900] = "<!-- wp:paragraph -->\n<p>Reusable text.</p>\n<!-- /wp:paragraph -->"
	s.Blocks[901] = "<!-- wp:paragraph -->\n<p>Loop:</p>\n<!-- /wp:paragraph -->\n<!-- wp:block {\"ref\":901} /-->"
	return s
}

// renderItem is post 42 with the given content; a fixture whose name
// contains "encoded" carries SyntaxHighlighter's encoded flag, one whose
// name contains "footnotes" the footnotes meta of the block editor.
func renderItem(name, content string) *wxr.Item {
	it := &wxr.Item{ID: 42, Type: "post", Status: "publish", Content: content}
	if strings.Contains(name, "encoded") {
		it.Meta = append(it.Meta, wxr.Meta{Key: "_syntaxhighlighter_encoded", Value: "1"})
	}
	if strings.Contains(name, "footnotes") {
		it.Meta = append(it.Meta, wxr.Meta{Key: "footnotes", Value: `[{"id":"aa48","content":"A <em>note</em>"},{"id":"f51b","content":"Another note"}]`})
	}
	return it
}

// renderWithNotes renders content and appends the notes as comments, the
// form the golden files hold.
func renderWithNotes(name, content string) string {
	c := &Converter{site: renderSite()}
	out, notes := c.wordpressHTML(renderItem(name, content))
	for _, n := range notes {
		out += "<!-- note " + n.Kind + ": " + n.Detail + " -->\n"
	}
	return out
}

// TestRenderGolden renders testdata/render/*.txt and compares with the .html
// next to it; go test ./convert -run TestRenderGolden -update rewrites them.
func TestRenderGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "render", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no render fixtures")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := renderWithNotes(name, string(src))
			golden := strings.TrimSuffix(in, ".txt") + ".html"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", in, golden, got, want)
			}
		})
	}
}
