package convert

import (
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestConvertSkipped refuses items planned as skipped.
func TestConvertSkipped(t *testing.T) {
	it := item(1, "a", status("private"))
	pl := NewPlanner(Options{}).Plan(it)
	if _, err := New(nil, Options{}).Convert(it, pl); err == nil || !strings.Contains(err.Error(), "private") {
		t.Errorf("err = %v", err)
	}
	if _, err := New(nil, Options{}).Convert(nil, Plan{}); err == nil {
		t.Error("nil item converted")
	}
}

// TestConvertRecovers turns a panic in any stage into an error.
func TestConvertRecovers(t *testing.T) {
	site := NewSite()
	site.Add(&wxr.Item{ID: 9, Type: "attachment", AttachmentURL: "http://ex.com/a.jpg"})
	opts := Options{Link: func(string) Link { panic("boom") }}
	it := item(1, "a", func(it *wxr.Item) { it.Meta = []wxr.Meta{{Key: "_thumbnail_id", Value: "9"}} })
	p, err := New(site, opts).Convert(it, NewPlanner(opts).Plan(it))
	if err == nil || p != nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "item 1") {
		t.Errorf("page %v, err %v", p, err)
	}
}

// TestConvertFrontMatter checks the fields Convert fills from item, plan
// and site: aliases from the plan, the featured image mapped through
// Options.Link, the plan's notes left to the plan.
func TestConvertFrontMatter(t *testing.T) {
	site := NewSite()
	site.Add(&wxr.Item{ID: 9, Type: "attachment", AttachmentURL: "http://ex.com/wp-content/uploads/a.jpg"})
	opts := Options{Link: func(u string) Link {
		if strings.Contains(u, "/wp-content/") {
			return Link{Kind: LinkMedia, Dest: "/wp-content/uploads/a.jpg"}
		}
		return Link{Kind: LinkKeep, Dest: u}
	}}
	p := NewPlanner(opts)
	p.Plan(item(1, "a"))
	it := item(2, "a", func(it *wxr.Item) {
		it.Meta = []wxr.Meta{{Key: "_thumbnail_id", Value: "9"}}
		it.Title = "A\ttitle\x01"
		it.Creator = "joe"
		it.CommentStatus = "open"
		it.Content = "Hello"
		it.MenuOrder = 4 // not a page: no weight
	})
	pl := p.Plan(it)
	pl.Aliases = []string{"/old-a/", pl.URL, "/old-a/", " ", "/b/"}
	page, err := New(site, opts).Convert(it, pl)
	if err != nil {
		t.Fatal(err)
	}
	fm := page.FrontMatter
	if fm.FeaturedImage != "/wp-content/uploads/a.jpg" || fm.Title != "A title" || fm.Author != "joe" ||
		!fm.Comments || fm.Weight != 0 || fm.WordPressID != 2 || fm.URL != "/2012/02/14/a/" {
		t.Errorf("front matter %+v", fm)
	}
	if strings.Join(fm.Aliases, ",") != "/b/,/old-a/" {
		t.Errorf("aliases %q", fm.Aliases)
	}
	if page.Path != "posts/2012-02-14-a-2.md" || len(pl.Notes) != 1 || pl.Notes[0].Kind != "renamed" {
		t.Errorf("path %q plan notes %v", page.Path, pl.Notes)
	}
	for _, n := range page.Notes {
		if n.Kind == "renamed" {
			t.Errorf("page repeats the plan's note %v", n)
		}
	}
	if !strings.HasSuffix(page.Body, "\n") || strings.HasSuffix(page.Body, "\n\n") {
		t.Errorf("body %q", page.Body)
	}
}

// TestTidyBody checks the body's ends.
func TestTidyBody(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"\n\n", ""},
		{"a", "a\n"},
		{"\n\na\n\n\n", "a\n"},
		{"    code\n", "    code\n"},
	}
	for _, tt := range tests {
		if got := tidyBody(tt.in); got != tt.want {
			t.Errorf("tidyBody(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
