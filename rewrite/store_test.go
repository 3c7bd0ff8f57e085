package rewrite

import (
	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
	"reflect"
	"testing"
)

// TestKeepPlanStrings checks that an index keeping the plans' strings
// answers exactly as one that copies them.
func TestKeepPlanStrings(t *testing.T) {
	for name, site := range map[string]func() *fixture{
		"subdir": subdirSite, "pathinfo": pathinfoSite, "numeric": numericSite,
		"html": htmlSite, "front": frontSite, "wpcom": wpcomSite,
	} {
		copied, kept := site().index(Options{}), site().index(Options{KeepPlanStrings: true})
		if got, want := kept.OldURLs(), copied.OldURLs(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: OldURLs differ:\n%v\n%v", name, got, want)
		}
		for _, u := range copied.OldURLs() {
			if got, want := kept.Link(u.Path), copied.Link(u.Path); got != want {
				t.Errorf("%s: Link(%q) = %+v, want %+v", name, u.Path, got, want)
			}
			if got, want := kept.Aliases(u.ID), copied.Aliases(u.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Aliases(%d) = %v, want %v", name, u.ID, got, want)
			}
		}
	}
}

// TestTextArena checks that strings cloned into the arena keep their bytes
// while more are added, across blocks.
func TestTextArena(t *testing.T) {
	var a textArena
	var want, got []string
	for i := range 5000 {
		s := itoa(int64(i)) + "-" + string(rune('a'+i%26))
		if i%1000 == 0 {
			s += string(make([]byte, textBlock/4)) // longer than a block takes
		}
		want = append(want, s)
		got = append(got, a.clone(s))
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("arena strings changed")
	}
}

// TestTextArenaRefs checks that texts name the strings added, across
// blocks and for strings kept on their own.
func TestTextArenaRefs(t *testing.T) {
	var a textArena
	var want []string
	var refs []text
	for i := range 20000 {
		s := itoa(int64(i)) + "/" + string(rune('a'+i%26))
		switch i % 1000 {
		case 0:
			s += string(make([]byte, textBlock/4)) // longer than a block takes
		case 1:
			s = ""
		}
		want = append(want, s)
		refs = append(refs, a.add(s))
	}
	for i, r := range refs {
		if got := a.get(r); got != want[i] {
			t.Fatalf("get(add(%q)) = %q", want[i], got)
		}
	}
}

// TestKeyTable checks the key table against a map, through many splits,
// updates and misses, and that its segments stay sorted and in place.
func TestKeyTable(t *testing.T) {
	for _, n := range []int{0, 1, 255, 256, 257, 5000, 100000} {
		var tab keyTable
		want := map[uint64]int32{}
		h := uint64(0x9e3779b97f4a7c15)
		for i := range n {
			h = h*6364136223846793005 + 1442695040888963407
			k := h ^ h>>29
			if i%7 == 3 {
				k = h & (1<<(64-maxDirBits) - 1) // hashes that share their top bits: a segment that cannot split
			}
			v := int32(i)
			if i%3 == 0 {
				v = ^v
			}
			tab.put(k, v)
			want[k] = v
			if i%5 == 0 { // an update
				tab.put(k, v+1)
				want[k] = v + 1
			}
		}
		if got := tab.len(); got != len(want) {
			t.Fatalf("n=%d: len = %d, want %d", n, got, len(want))
		}
		for k, v := range want {
			if got, ok := tab.get(k); !ok || got != v {
				t.Fatalf("n=%d: get(%x) = %d, %v; want %d", n, k, got, ok, v)
			}
			if _, ok := want[k^1]; !ok {
				if _, ok := tab.get(k ^ 1); ok {
					t.Fatalf("n=%d: get(%x) found a hash never put", n, k^1)
				}
			}
		}
		for d, si := range tab.dir {
			s := tab.segs[si]
			for i, k := range s.hash {
				if top(k, s.depth) != uint64(d)>>(tab.depth-s.depth) {
					t.Fatalf("n=%d: hash %x in the segment of slot %d", n, k, d)
				}
				if i > 0 && s.hash[i-1] >= k {
					t.Fatalf("n=%d: segment %d not sorted", n, si)
				}
			}
		}
	}
}

// TestIDTable checks that the entries of an ID are listed in entry order,
// those of ID 0 not at all.
func TestIDTable(t *testing.T) {
	var l entryList
	for _, id := range []int64{5, 3, 0, 5, 9, 3, 5, -2} {
		l.add(entry{id: id})
	}
	var tab idTable
	tab.build(&l)
	for id, want := range map[int64][]int32{5: {0, 3, 6}, 3: {1, 5}, 9: {4}, -2: {7}, 0: nil, 4: nil} {
		if got := tab.entries(id); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("entries(%d) = %v, want %v", id, got, want)
		}
	}
}

// TestAddAfterLookup checks that an item added after the first lookup
// (which lists the entries by ID) is found like the others.
func TestAddAfterLookup(t *testing.T) {
	f := pathinfoSite()
	ix := f.index(Options{})
	if got := ix.Link("/index.php/2011/05/install/"); got.Kind != convert.LinkPage {
		t.Fatalf("Link before the late Add = %+v", got)
	}
	late := &wxr.Item{ID: 20, Type: "post", Status: "publish", Name: "late", RawName: "late",
		Link: "http://www.cacti.example/index.php/2011/06/late/", GUID: "http://www.cacti.example/?p=20"}
	ix.Add(late, convert.Plan{ID: 20, Type: "post", Path: "posts/late.md", URL: "/index.php/2011/06/late/"})
	for _, raw := range []string{"/index.php/2011/06/late/", "/?p=20", "/index.php/2011/05/install/"} {
		full := f.index(Options{})
		full.Add(late, convert.Plan{ID: 20, Type: "post", Path: "posts/late.md", URL: "/index.php/2011/06/late/"})
		if got, want := ix.Link(raw), full.Link(raw); got != want {
			t.Errorf("Link(%q) = %+v, want %+v", raw, got, want)
		}
	}
	if got := ix.PageURL(20); got != "/index.php/2011/06/late/" {
		t.Errorf("PageURL(20) = %q", got)
	}
}

// TestOmitTitles checks that an index without titles answers as one with
// them, but for the titles of OldURLs.
func TestOmitTitles(t *testing.T) {
	for name, site := range map[string]func() *fixture{
		"subdir": subdirSite, "pathinfo": pathinfoSite, "numeric": numericSite,
		"html": htmlSite, "front": frontSite, "wpcom": wpcomSite,
	} {
		full, bare := site().index(Options{}), site().index(Options{OmitTitles: true})
		want := full.OldURLs()
		got := bare.OldURLs()
		for i := range want {
			if want[i].Title == "" && want[i].ID != 0 {
				t.Errorf("%s: OldURLs()[%d] has no title to omit", name, i)
			}
			if want[i].ID != 0 {
				want[i].Title = ""
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: OldURLs differ:\n%v\n%v", name, got, want)
		}
		for _, u := range want {
			if got, want := bare.Link(u.Path), full.Link(u.Path); got != want {
				t.Errorf("%s: Link(%q) = %+v, want %+v", name, u.Path, got, want)
			}
			if got, want := bare.PageURL(u.ID), full.PageURL(u.ID); got != want {
				t.Errorf("%s: PageURL(%d) = %q, want %q", name, u.ID, got, want)
			}
		}
	}
}
