package convert

import (
	"strings"
	"testing"
)

// FuzzCollapseSpace compares collapseSpace with the strings.Fields form it
// replaces.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u0085b",
		"a\u2003b", "a\xffb", "\xc2", "é ü", "a\nb", "a\vb", "a\fb", "a\rb", "a \u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzTidyBody compares tidyBody with its definition.
func FuzzTidyBody(f *testing.F) {
	for _, s := range []string{"", "\n", "a", "a\n", "a\n\n", "\na\n", "a \n", "a\t\n", "ab\n", " a\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimRight(strings.TrimLeft(s, "\n"), "\n \t")
		if want != "" {
			want += "\n"
		}
		if got := tidyBody(s); got != want {
			t.Errorf("tidyBody(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzMarkFinder compares markFinder with strings.IndexAny as the render
// stage walks a string forward.
func FuzzMarkFinder(f *testing.F) {
	f.Add("a<b[c]<d", uint8(1))
	f.Add("[[[[<", uint8(0))
	f.Add("no marks", uint8(3))
	f.Fuzz(func(t *testing.T, s string, step uint8) {
		m := newMarkFinder(s)
		for i := 0; i <= len(s); i += int(step%4) + 1 {
			want := strings.IndexAny(s[i:], "<[")
			if want >= 0 {
				want += i
			}
			if got := m.next(i); got != want {
				t.Fatalf("next(%d) in %q = %d, want %d", i, s, got, want)
			}
		}
	})
}
