package rewrite_test

import (
	"errors"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// BenchmarkIndexBig builds the index of a big export the way the CLI's
// first pass does (content dropped as soon as the item is added) and reports
// the heap the finished index holds after its first lookup. The export is
// $WPEXIT_BIG_WXR, e.g. a 200 MB file from ../shared/tools/scale-wxr (see
// .ci/bench); the benchmark is skipped without it.
//
//	WPEXIT_BIG_WXR=/tmp/wpexit-bench/theme-200mb.xml go test ./rewrite -run X -bench IndexBig -benchtime 1x
func BenchmarkIndexBig(b *testing.B) {
	file := os.Getenv("WPEXIT_BIG_WXR")
	if file == "" {
		b.Skip("set WPEXIT_BIG_WXR to a big export")
	}
	if os.Getenv("WPEXIT_HEAP_PROFILE") != "" {
		runtime.MemProfileRate = 4096
	}
	for i := 0; i < b.N; i++ {
		ix, n := buildIndex(b, file)
		ix.Link("/") // the first lookup lists the entries by ID
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
		b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-MB")
		b.ReportMetric(float64(n), "items")
		b.ReportMetric(float64(len(ix.OldURLs())), "old-urls")
		if p := os.Getenv("WPEXIT_HEAP_PROFILE"); p != "" {
			if f, err := os.Create(p); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		runtime.KeepAlive(ix)
	}
}

func buildIndex(b *testing.B, file string) (*rewrite.Index, int) {
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: file})
	if err != nil {
		b.Fatal(err)
	}
	planner := convert.NewPlanner(convert.Options{})
	ix := rewrite.NewIndex(r.Channel(), rewrite.Options{})
	n := 0
	for {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			return ix, n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
		ix.Add(it, planner.Plan(it))
	}
}
