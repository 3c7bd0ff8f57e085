package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mdBenchPost builds a post of about 20 KB from the golden inputs:
// paragraphs, lists, links, figures, embeds, code and tables.
func mdBenchPost(b *testing.B) string {
	return goldenPost(b, func(in string) (string, bool) { return in, true })
}

// goldenPost joins the golden Markdown inputs, each as pick makes it and
// only those it keeps, until the post has 20 KB.
func goldenPost(b *testing.B, pick func(string) (string, bool)) string {
	files, _ := filepath.Glob("testdata/markdown/*.html")
	var sb strings.Builder
	for sb.Len() < 20_000 {
		for _, f := range files {
			in, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if src, ok := pick(string(in)); ok {
				sb.WriteString(src)
			}
		}
	}
	return sb.String()
}

// BenchmarkMarkdown converts a 20 KB post with one Converter (one per
// worker, as the pipeline does) and the fake link mapper.
func BenchmarkMarkdown(b *testing.B) {
	post := mdBenchPost(b)
	c := New(NewSite(), Options{Link: mdFakeLink})
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := c.markdown(post); err != nil {
			b.Fatal(err)
		}
	}
}
