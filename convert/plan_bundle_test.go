package convert

import (
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestPlanBundles covers Options.Bundles: every page is a leaf bundle's
// index.md, folder names unique without case, pages not nested.
func TestPlanBundles(t *testing.T) {
	items := []*wxr.Item{
		item(1, "a"),
		item(2, "A"),   // same folder name but for case
		item(3, "a-2"), // the name the second one took
		item(4, "about", typ("page")),
		item(5, "team", typ("page"), parent(4)), // would nest under about/
		item(6, "index", typ("page")),           // reserved as a file name, fine as a folder
		item(7, "x", typ("product")),
		item(8, "a", typ("page")), // folder "a" is taken by no page folder
		item(9, "a.b", status("draft")),
	}
	want := []string{
		"posts/2012-02-14-a/index.md",
		"posts/2012-02-14-A-2/index.md",
		"posts/2012-02-14-a-2-2/index.md",
		"pages/about/index.md",
		"pages/team/index.md",
		"pages/index-2/index.md",
		"product/x/index.md",
		"pages/a/index.md",
		"posts/2012-02-14-a-b/index.md",
	}
	p := NewPlanner(Options{Bundles: true})
	for _, it := range items {
		p.Learn(it)
	}
	for i, it := range items {
		got := p.Plan(it)
		if got.Path != want[i] {
			t.Errorf("item %d: path %q, want %q", it.ID, got.Path, want[i])
		}
		if it.ID == 2 && (len(got.Notes) != 1 || got.Notes[0].Detail != "wanted posts/2012-02-14-A/index.md") {
			t.Errorf("item 2: notes %+v, want one renamed note naming the bundle it wanted", got.Notes)
		}
	}
	// Without the option nothing changes: the same items as files.
	q := NewPlanner(Options{})
	for _, it := range items {
		q.Learn(it)
	}
	if got := q.Plan(items[4]).Path; got != "pages/about/team.md" {
		t.Errorf("without bundles: %q, want pages/about/team.md", got)
	}
}
