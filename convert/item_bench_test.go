package convert_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/internal/testenv"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// themeBench is the theme unit test export as the CLI's second pass sees
// it: every item learned and planned, the URL index filled, one converter.
type themeBench struct {
	conv  *convert.Converter
	items []*wxr.Item
	plans []convert.Plan
	copts convert.CommentOptions
}

// loadThemeBench reads the theme unit test data (the big benchmark
// exports repeat it) and prepares it the way `wpexit convert` does.
func loadThemeBench(b *testing.B) *themeBench {
	b.Helper()
	path := filepath.Join(testenv.SharedWXR(b), "theme-test-data", "themeunittestdata.wordpress.xml")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: path})
	if err != nil {
		b.Fatal(err)
	}
	var all []*wxr.Item
	for {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if it != nil {
			all = append(all, it)
		}
	}
	site, planner := convert.NewSite(), convert.NewPlanner(convert.Options{})
	ix := rewrite.NewIndex(r.Channel(), rewrite.Options{KeepPlanStrings: true})
	for _, it := range all {
		site.Add(it)
		planner.Learn(it)
	}
	tb := &themeBench{}
	byPath := map[string]int64{}
	for _, it := range all {
		p := planner.Plan(it)
		ix.Add(it, p)
		if p.Skip != "" {
			continue
		}
		tb.items = append(tb.items, it)
		tb.plans = append(tb.plans, p)
	}
	for i, p := range tb.plans {
		tb.plans[i].Aliases = ix.Aliases(p.ID)
		if p.Path != "" && ix.PageURL(p.ID) != "" {
			byPath[p.Path] = p.ID
		}
	}
	tb.copts.PageURL = func(contentPath string) string {
		if id, ok := byPath[contentPath]; ok {
			return ix.PageURL(id)
		}
		return ""
	}
	tb.conv = convert.New(site, convert.Options{Link: ix.Link, LinkFrom: ix.LinkFrom})
	if len(tb.items) == 0 {
		b.Fatal("no items to convert")
	}
	return tb
}

// BenchmarkConvertItems converts and writes every planned item of the theme
// unit test data (one op is the whole export): Convert and Page.Bytes, as
// the CLI's workers do.
func BenchmarkConvertItems(b *testing.B) {
	tb := loadThemeBench(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, it := range tb.items {
			page, err := tb.conv.Convert(it, tb.plans[i])
			if err != nil {
				b.Fatal(err)
			}
			if _, err := page.Bytes(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tb.items)), "ns/item")
}

// BenchmarkPageBytes writes the converted pages of the theme unit test data
// (front matter and body) again and again.
func BenchmarkPageBytes(b *testing.B) {
	tb := loadThemeBench(b)
	var pages []*convert.Page
	for i, it := range tb.items {
		page, err := tb.conv.Convert(it, tb.plans[i])
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := p.Bytes(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCommentItems converts and marshals the comments of every planned
// item of the theme unit test data.
func BenchmarkCommentItems(b *testing.B) {
	tb := loadThemeBench(b)
	n := 0
	for _, it := range tb.items {
		n += len(it.Comments)
	}
	if n == 0 {
		b.Fatal("no comments")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range tb.items {
			cs, _ := tb.conv.Comments(it, tb.copts)
			if len(cs) == 0 {
				continue
			}
			if _, err := convert.MarshalComments(cs); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/comment")
}
