package rewrite

import (
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
