package rewrite

import "testing"

// TestPageURLAsOldURLs checks PageURL against a scan of OldURLs: the first
// post, page or short-link URL of the item that has a target.
func TestPageURLAsOldURLs(t *testing.T) {
	for name, f := range map[string]*fixture{
		"subdir": subdirSite(), "pathinfo": pathinfoSite(), "numeric": numericSite(), "html": htmlSite(),
	} {
		ix := f.index(Options{})
		want := map[int64]string{}
		for _, u := range ix.OldURLs() {
			switch u.Class {
			case ClassPost, ClassPage, ClassShortlink:
				if _, ok := want[u.ID]; !ok && u.ID != 0 && u.Target != "" {
					want[u.ID] = u.Target
				}
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: no page URL to compare", name)
		}
		for _, it := range f.items {
			if got := ix.PageURL(it.ID); got != want[it.ID] {
				t.Errorf("%s: PageURL(%d) = %q, want %q", name, it.ID, got, want[it.ID])
			}
		}
		if got := ix.PageURL(-1); got != "" {
			t.Errorf("%s: PageURL(-1) = %q, want \"\"", name, got)
		}
	}
}
