package wxr_test

import (
	"encoding/xml"
	"io"
	"os"
	"testing"
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// benchInput is the export the benchmarks read, from WPEXIT_BENCH_WXR
// (make one with ../shared/tools/scale-wxr).
func benchInput(b *testing.B) (string, int64) {
	path := os.Getenv("WPEXIT_BENCH_WXR")
	if path == "" {
		b.Skip("WPEXIT_BENCH_WXR is not set")
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, fi.Size()
}

// reportCPU adds "cpu-MB/s": bytes per second of process CPU time (GC
// included), steadier than MB/s when other work shares the machine. Run
// with GOMAXPROCS=1 to compare it across benchmarks.
func reportCPU(b *testing.B, size int64, start time.Duration) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/used.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkReader reads every item of the export.
func BenchmarkReader(b *testing.B) {
	path, size := benchInput(b)
	b.SetBytes(size)
	defer reportCPU(b, size, cpuTime())
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := wxr.NewReader(f, wxr.Options{Name: path})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		b.ReportMetric(float64(n), "items/op")
	}
}

// BenchmarkTokenLoop is the baseline: a bare encoding/xml Token loop.
func BenchmarkTokenLoop(b *testing.B) {
	path, size := benchInput(b)
	b.SetBytes(size)
	defer reportCPU(b, size, cpuTime())
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		dec := xml.NewDecoder(f)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		f.Close()
	}
}
