package media

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
)

// BenchmarkFetchUploads copies 500 files, a third of them thumbnails whose
// original is preferred, from an uploads copy in memory: the cost of the
// planning, the checks and the bookkeeping, without the network.
func BenchmarkFetchUploads(b *testing.B) {
	uploads := fstest.MapFS{}
	var refs []Ref
	for i := range 500 {
		name := fmt.Sprintf("2020/05/img%d.jpg", i)
		if i%3 == 0 {
			name = fmt.Sprintf("2020/05/img%d-300x200.jpg", i)
			uploads[fmt.Sprintf("2020/05/img%d.jpg", i)] = &fstest.MapFile{Data: jpeg}
		}
		uploads[name] = &fstest.MapFile{Data: jpeg}
		refs = append(refs, Ref{URL: "https://blog.example/wp-content/uploads/" + name,
			Dest: "/wp-content/uploads/" + name, Users: []string{"posts/p.md"}})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fetch(context.Background(), refs, newMemOutput(), Options{Uploads: uploads, Prefix: "static"}); err != nil {
			b.Fatal(err)
		}
	}
}
