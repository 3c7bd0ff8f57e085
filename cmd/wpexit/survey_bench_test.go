package main

import (
	"context"
	"os"
	"runtime/debug"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
)

// BenchmarkSurvey runs the first pass of convert (read, plan, index, note
// media) over the export named by WPEXIT_BENCH_WXR; one op is the whole
// export. Besides wall time (ns/op) it reports the process's CPU time per
// op (cpu-ms/op, GC included). The collector runs at the first pass's GOGC,
// as in a conversion (heap.go). It is skipped when the variable is unset.
//
//	WPEXIT_BENCH_WXR=/tmp/big/theme-200mb.xml go test ./cmd/wpexit -run '^$' -bench Survey -benchtime 3x -benchmem
func BenchmarkSurvey(b *testing.B) {
	name := os.Getenv("WPEXIT_BENCH_WXR")
	if name == "" {
		b.Skip("WPEXIT_BENCH_WXR names no export")
	}
	ixOpts := rewrite.Options{OmitTitles: true}
	defer debug.SetGCPercent(debug.SetGCPercent(surveyGCPercent))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		exps, err := openExports([]string{name}, nil)
		if err != nil {
			b.Fatal(err)
		}
		sv, err := surveyExports(context.Background(), exps, ixOpts, convert.Options{}, func() {})
		closeExports(exps)
		if err != nil {
			b.Fatal(err)
		}
		if sv.entries == 0 {
			b.Fatal("no entries")
		}
	}
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
