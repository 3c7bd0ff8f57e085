package main

import (
	"path"
	"reflect"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/convert"
)

func TestPlanList(t *testing.T) {
	var l planList
	for i := range 3*planChunk + 5 {
		if got := l.add(convert.Plan{ID: int64(i)}); got != i {
			t.Fatalf("add #%d = %d", i, got)
		}
	}
	l.set(planChunk+1, convert.Plan{ID: -1})
	for _, tt := range []struct {
		i  int
		id int64
		ok bool
	}{{0, 0, true}, {planChunk, planChunk, true}, {planChunk + 1, -1, true}, {3*planChunk + 4, 3*planChunk + 4, true}, {3*planChunk + 5, 0, false}, {-1, 0, false}} {
		p, ok := l.at(tt.i)
		if ok != tt.ok || p.ID != tt.id {
			t.Errorf("at(%d) = %d, %v; want %d, %v", tt.i, p.ID, ok, tt.id, tt.ok)
		}
	}
}

func TestPlanListKeepsEveryField(t *testing.T) {
	long := strings.Repeat("x", textChunk+10) // bigger than a block
	plans := []convert.Plan{
		{},
		{ID: 1, Type: "post", Path: "posts/2012-01-01-a.md", URL: "/2012/01/01/a/", Slug: "a"},
		{ID: 2, Type: "attachment", Skip: "not a page: attachment"},
		{ID: 3, Type: "page", Path: "pages/" + long + ".md", Draft: true, Notes: []convert.Note{{Kind: "renamed", Detail: "wanted x"}}},
		{ID: 4, Type: "page", Path: "pages/b.md", Slug: "b", Aliases: []string{"/old-b/"}},
		{ID: 5, Type: "post", Skip: "private"},
	}
	var l planList
	for range 3000 { // several blocks of text
		for _, p := range plans {
			l.add(p)
		}
	}
	l.set(1, plans[3])
	for i := range l.len() {
		want := plans[i%len(plans)]
		if i == 1 {
			want = plans[3]
		}
		got, ok := l.at(i)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("at(%d) = %+v, %v; want %+v", i, got, ok, want)
		}
		if out, want := l.outPath(i), path.Join("content", want.Path); out != want {
			t.Fatalf("outPath(%d) = %q, want %q", i, out, want)
		}
	}
}

func TestPlanListOutPathIsJoin(t *testing.T) {
	var l planList
	for _, p := range []string{"", "posts/a.md", "pages/x/./y.md", "../../etc/x", "posts//b.md", "pages/a/../b.md"} {
		i := l.add(convert.Plan{Path: p, URL: "/u/"})
		if got, want := l.outPath(i), path.Join("content", p); got != want {
			t.Errorf("outPath(Path %q) = %q, want %q", p, got, want)
		}
	}
}
