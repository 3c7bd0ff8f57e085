package convert

import (
	"strings"
	"testing"
)

// blockTagsRef is the list isBlockTag spells out as a switch.
var blockTagsRef = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`table thead tfoot caption col colgroup tbody tr td th div dl dd dt
		ul ol li pre form map area blockquote address style p h1 h2 h3 h4 h5 h6 hr fieldset legend
		section article aside hgroup header footer nav figure figcaption details menu summary math
		audio video iframe`) {
		m[t] = true
	}
	return m
}()

func TestIsBlockTag(t *testing.T) {
	for _, name := range append(strings.Fields("a span br img b h7 Div P script svg main"), func() []string {
		var all []string
		for k := range blockTagsRef {
			all = append(all, k)
		}
		return all
	}()...) {
		if got, want := isBlockTag(name), blockTagsRef[name]; got != want {
			t.Errorf("isBlockTag(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzIsBlockTag: the switch agrees with the list.
func FuzzIsBlockTag(f *testing.F) {
	for _, s := range []string{"div", "p", "span", "h6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := isBlockTag(name), blockTagsRef[name]; got != want {
			t.Errorf("isBlockTag(%q) = %v, want %v", name, got, want)
		}
	})
}

// TestMayBeAside: every element setAside keeps starts with a byte
// mayBeAside lets through.
func TestMayBeAside(t *testing.T) {
	for _, n := range []string{"pre", "script", "style", "svg", "math", "PRE", "Script", "STYLE", "Svg", "MATH"} {
		if !mayBeAside(n[0]) {
			t.Errorf("mayBeAside(%q) = false", n[0])
		}
	}
}

// FuzzSetAsideMatchesRef: setAside, which skips a "<" mayBeAside rules
// out, sets aside what setAsideRef does.
func FuzzSetAsideMatchesRef(f *testing.F) {
	for _, s := range autopDiffCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var kept, keptRef []string
		got, want := setAside(s, &kept), setAsideRef(s, &keptRef)
		if got != want || strings.Join(kept, "\x00") != strings.Join(keptRef, "\x00") {
			t.Errorf("setAside(%q) = %q %q, want %q %q", s, got, kept, want, keptRef)
		}
	})
}
