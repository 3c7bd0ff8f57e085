package convert

import (
	"strconv"
	"testing"
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// BenchmarkPlan plans distinct posts and pages, as a big export does.
func BenchmarkPlan(b *testing.B) {
	p := NewPlanner(Options{})
	it := &wxr.Item{Type: "post", Status: "publish", Date: day, DateGMT: day,
		Link: "http://example.com/2012/02/14/some-post-name/"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		it.ID = int64(i + 1)
		it.Name = "some-post-name-" + strconv.Itoa(i)
		if i%10 == 0 {
			it.Type = "page"
		} else {
			it.Type = "post"
		}
		p.Learn(it)
		if pl := p.Plan(it); pl.Path == "" {
			b.Fatal("no path")
		}
	}
}

// BenchmarkFrontMatter writes a typical post's front matter.
func BenchmarkFrontMatter(b *testing.B) {
	fm := FrontMatter{Author: "slowe", Categories: []string{"Liveblog", "Events"},
		Tags: []string{"Virtualization", "VMware", "yes"}, Comments: true,
		Date: time.Date(2012, 2, 14, 13, 40, 24, 0, time.UTC), Slug: "general-session-at-vmware-pex-2012-day-1",
		Title: "General Session at VMware PEX 2012: Day 1", URL: "/2012/02/14/general-session-at-vmware-pex-2012-day-1/",
		Summary: "A summary of the day's general session.", WordPressID: 2536}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fm.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}
