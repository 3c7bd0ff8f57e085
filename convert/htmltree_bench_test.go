package convert

import (
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
	return goldenPost(b, func(in string) (string, bool) {
		src := mdSanitize(in)
		return src, treeTakes(src)
	})
}

// treeTakes reports whether htmlTree takes src.
func treeTakes(src string) bool {
	_, ok := htmlTree(src, false)
	return ok
}
