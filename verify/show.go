package verify

import (
	"fmt"
	"io"
	"strings"
)

// showMaxEdits bounds the line diff SideBySide computes; beyond it the two
// texts are printed one after the other.
const showMaxEdits = 1000

// SideBySide writes both sides of one page for --show, as a unified view
// rather than two columns (blocks are often longer than half a terminal):
// the text block by block, "  " on both sides, "- " only WordPress, "+ "
// only Hugo (blocks compared after typography is normalised); then the
// links and the media the same way, and the structure counts.
func SideBySide(w io.Writer, want, got Side) error {
	ew := &errWriter{w: w}
	ew.printf("--- wordpress\n+++ hugo\n")
	ew.printf("@@ text\n")
	unified(ew, lines(want.Text), lines(got.Text), func(s string) string { return strings.Join(tokens(s), " ") })
	ew.printf("@@ links\n")
	unified(ew, want.Links, got.Links, canonLink)
	ew.printf("@@ media\n")
	unified(ew, want.Media, got.Media, canonMedia)
	ew.printf("@@ counts      wordpress  hugo\n")
	for _, c := range []struct {
		what string
		a, b int
	}{
		{"paragraphs", want.Counts.Paragraphs, got.Counts.Paragraphs},
		{"headings", want.Counts.Headings, got.Counts.Headings},
		{"list items", want.Counts.ListItems, got.Counts.ListItems},
		{"table cells", want.Counts.TableCells, got.Counts.TableCells},
		{"code blocks", want.Counts.CodeBlocks, got.Counts.CodeBlocks},
	} {
		mark := " "
		if c.a != c.b {
			mark = "!"
		}
		ew.printf("%s %-12s %9d  %4d\n", mark, c.what, c.a, c.b)
	}
	ew.printf("  code lines   %v  %v\n", want.CodeLines, got.CodeLines)
	if len(got.Shortcodes) > 0 {
		ew.printf("! shortcodes not rendered: %s\n", strings.Join(got.Shortcodes, ", "))
	}
	return ew.err
}

// lines splits text into lines; "" has none.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// unified writes a unified diff of a and b, comparing the keys of their
// lines.
func unified(ew *errWriter, a, b []string, key func(string) string) {
	ids := interner{}
	ka, kb := ids.all(mapAll(a, key)), ids.all(mapAll(b, key))
	ops, ok := script(ka, kb, showMaxEdits)
	if !ok {
		for _, l := range a {
			ew.printf("- %s\n", l)
		}
		for _, l := range b {
			ew.printf("+ %s\n", l)
		}
		return
	}
	for _, o := range ops {
		switch o.kind {
		case '=':
			ew.printf("  %s\n", a[o.i])
		case '-':
			ew.printf("- %s\n", a[o.i])
		default:
			ew.printf("+ %s\n", b[o.j])
		}
	}
}

// String is a short summary of a Side, for logs and tests.
func (s Side) String() string {
	return fmt.Sprintf("%d tokens, %d links, %d media, %+v, code %v", len(tokens(s.Text)), len(s.Links), len(s.Media), s.Counts, s.CodeLines)
}
