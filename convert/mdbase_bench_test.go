package convert

import "testing"

// BenchmarkMarkdownLibBase is BenchmarkMarkdown with the library's base
// plugin in place of mdBase: the cost mdBase saves.
func BenchmarkMarkdownLibBase(b *testing.B) {
	post := mdBenchPost(b)
	c := mdLibConverter(Options{Link: mdFakeLink})
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := c.markdown(post); err != nil {
			b.Fatal(err)
		}
	}
}
