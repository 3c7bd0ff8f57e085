package rewrite_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// synthSite is a site of n items built in code with the URL forms of the
// theme test data the big benchmark exports are scaled from: dated post
// permalinks with guids on other paths, nested pages, a few drafts and
// scheduled posts with ?p= links, old slugs and attachments with size
// variants. plans are what a planner gives the items.
type synthSite struct {
	ch    wxr.Channel
	items []*wxr.Item
	plans []convert.Plan
}

func newSynthSite(n int) *synthSite {
	const home = "https://wpthemetestdata.wordpress.com"
	s := &synthSite{ch: wxr.Channel{Link: home, BaseSiteURL: "https://wordpress.com/", BaseBlogURL: home}}
	day := time.Date(2010, 1, 1, 9, 30, 0, 0, time.UTC)
	for i := range n {
		id := int64(1000 + i)
		d := day.Add(time.Duration(i) * 7 * time.Hour)
		slug := fmt.Sprintf("template-sticky-c%d", i)
		it := &wxr.Item{ID: id, Type: "post", Status: "publish", Name: slug, RawName: slug, Date: d,
			Title: fmt.Sprintf("Template: Sticky (copy %d)", i),
			Link:  fmt.Sprintf("%s/%s/%s/", home, d.Format("2006/01/02"), slug),
			GUID:  fmt.Sprintf("%s/2007/09/04/template-sticky/?copy=%d", home, i),
			Terms: []wxr.ItemTerm{{Domain: "category", Slug: "classic", Name: "Classic"},
				{Domain: "post_tag", Slug: "template", Name: "template"},
				{Domain: "category", Slug: "cat-" + strconv.Itoa(i%40), Name: "Cat " + strconv.Itoa(i%40)}}}
		switch {
		case i%3 == 1: // a page, every other one below the previous page
			it.Type, it.Terms = "page", nil
			it.Link = fmt.Sprintf("%s/level-%d/page-image-alignment-c%d/", home, i%7, i)
			it.Name, it.RawName = fmt.Sprintf("page-image-alignment-c%d", i), fmt.Sprintf("page-image-alignment-c%d", i)
			it.GUID = fmt.Sprintf("%s/?page_id=%d", home, id)
			if i%2 == 0 {
				it.Parent = id - 6
			}
		case i%37 == 5: // scheduled or draft: WordPress gave no pretty link yet
			it.Status = "future"
			if i%2 == 0 {
				it.Status = "draft"
			}
			it.Link = fmt.Sprintf("%s/?p=%d", home, id)
		case i%97 == 11: // an attachment with size variants
			it.Type, it.Status, it.Terms = "attachment", "inherit", nil
			file := fmt.Sprintf("https://wpthemetestdata.files.wordpress.com/%s/image-c%d.jpg", d.Format("2006/01"), i)
			it.AttachmentURL, it.GUID, it.Parent = file, file, id-2
			it.Link = fmt.Sprintf("%s/%s/image-c%d/", home, d.Format("2006/01/02"), i)
			it.Meta = []wxr.Meta{{Key: "_wp_attached_file", Value: d.Format("2006/01") + "/image-c" + strconv.Itoa(i) + ".jpg"},
				{Key: "_wp_attachment_metadata", Value: fmt.Sprintf(`a:3:{s:4:"file";s:20:"%s/image-c%d.jpg";`+
					`s:5:"sizes";a:2:{s:9:"thumbnail";a:1:{s:4:"file";s:20:"image-c%d-150x150.jpg";}`+
					`s:6:"medium";a:1:{s:4:"file";s:20:"image-c%d-300x200.jpg";}}}`, d.Format("2006/01"), i, i, i)}}
		case i%11 == 3: // renamed once
			it.Meta = []wxr.Meta{{Key: "_wp_old_slug", Value: fmt.Sprintf("template-old-c%d", i)}}
		}
		s.items = append(s.items, it)
	}
	planner := convert.NewPlanner(convert.Options{})
	for _, it := range s.items {
		planner.Learn(it)
	}
	for _, it := range s.items {
		s.plans = append(s.plans, planner.Plan(it))
	}
	return s
}

// index fills a new index with every item, as the CLI's first pass does,
// keeping the plans' strings like the CLI.
func (s *synthSite) index() *rewrite.Index {
	return s.indexWith(rewrite.Options{KeepPlanStrings: true})
}

func (s *synthSite) indexWith(opts rewrite.Options) *rewrite.Index {
	ix := rewrite.NewIndex(&s.ch, opts)
	for i, it := range s.items {
		ix.Add(it, s.plans[i])
	}
	return ix
}

// benchItems is the size of the synthetic site of the index benchmarks.
const benchItems = 20000

// BenchmarkIndexAdd measures Index.Add: one op fills an index with
// benchItems synthetic items; ns/item is the cost of one Add.
//
//	go test ./rewrite -run X -bench IndexAdd -benchmem
func BenchmarkIndexAdd(b *testing.B) {
	s := newSynthSite(benchItems)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.index()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchItems), "ns/item")
}

// BenchmarkIndexLive reports the heap a filled index of benchItems synthetic
// items holds after its first lookup (live-B/item), the items and plans
// not counted.
//
// With $WPEXIT_HEAP_PROFILE set, it writes a heap profile there.
//
//	go test ./rewrite -run X -bench IndexLive -benchtime 3x
func BenchmarkIndexLive(b *testing.B) {
	benchLive(b, rewrite.Options{KeepPlanStrings: true})
}

// BenchmarkIndexLiveOmitTitles is BenchmarkIndexLive for an index that
// keeps no titles (Options.OmitTitles), as a conversion needs.
func BenchmarkIndexLiveOmitTitles(b *testing.B) {
	benchLive(b, rewrite.Options{KeepPlanStrings: true, OmitTitles: true})
}

func benchLive(b *testing.B, opts rewrite.Options) {
	if os.Getenv("WPEXIT_HEAP_PROFILE") != "" {
		runtime.MemProfileRate = 512
	}
	s := newSynthSite(benchItems)
	for b.Loop() {
		before := liveHeap()
		ix := s.indexWith(opts)
		ix.Link("https://wpthemetestdata.wordpress.com/2010/01/01/template-sticky-c0/")
		after := liveHeap()
		b.ReportMetric(float64(after-before)/benchItems, "live-B/item")
		if p := os.Getenv("WPEXIT_HEAP_PROFILE"); p != "" {
			if f, err := os.Create(p); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		runtime.KeepAlive(ix)
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// BenchmarkWriteNetlify measures a redirect writer on the synthetic site:
// the walk over every old URL and the dropping of repeats.
//
//	go test ./rewrite -run X -bench WriteNetlify -benchmem
func BenchmarkWriteNetlify(b *testing.B) {
	ix := newSynthSite(benchItems).index()
	ix.Link("/")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := ix.WriteNetlify(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteNetlifyLive reports the heap a redirect writer holds at
// its largest beyond the index's, per rule written (live-B/rule).
func BenchmarkWriteNetlifyLive(b *testing.B) {
	ix := newSynthSite(benchItems).index()
	ix.Link("/")
	base := liveHeap()
	for b.Loop() {
		w := &heapWatch{}
		if err := ix.WriteNetlify(w); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.peak-base)/float64(w.lines), "live-B/rule")
	}
}

// heapWatch counts the lines written to it and samples the live heap at
// every 8th write, which are of a full buffer.
type heapWatch struct {
	writes, lines int
	peak          int64
}

func (w *heapWatch) Write(p []byte) (int, error) {
	w.lines += bytes.Count(p, []byte("\n"))
	if w.writes++; w.writes%8 == 0 {
		w.peak = max(w.peak, liveHeap())
	}
	return len(p), nil
}
