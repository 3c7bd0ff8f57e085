package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkHTMLTree parses a post of about 20 KB made of the golden
// inputs htmlTree takes with html.Parse ("parse") and with parseHTML
// ("tree"); "fallback" is parseHTML's worst case, a post htmlTree gives up
// on at its very end (an unclosed p), so that both ways run.
func BenchmarkHTMLTree(b *testing.B) {
	post := treeBenchPost(b)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(post)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := html.Parse(strings.NewReader(post)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.SetBytes(int64(len(post)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseHTML(post, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fallback", func(b *testing.B) {
		post := post + "<p>"
		b.SetBytes(int64(len(post)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseHTML(post, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// treeBenchPost joins the golden Markdown inputs that htmlTree takes until
// the post has 20 KB.
func treeBenchPost(b *testing.B) string {
	files, _ := filepath.Glob("testdata/markdown/*.html")
	var sb strings.Builder
	for sb.Len() < 20_000 {
		for _, f := range files {
			in, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if src := mdSanitize(string(in)); treeTakes(src) {
				sb.WriteString(src)
			}
		}
	}
	return sb.String()
}

// treeTakes reports whether htmlTree takes src.
func treeTakes(src string) bool {
	_, ok := htmlTree(src, false)
	return ok
}
