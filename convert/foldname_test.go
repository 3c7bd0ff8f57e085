package convert

import (
	"strings"
	"testing"

	"golang.org/x/text/cases"
)

// TestFoldName checks which names collide, and that the ASCII fast path
// hashes exactly as the full folding does.
func TestFoldName(t *testing.T) {
	fold := cases.Fold()
	tests := []struct {
		a, b string
		same bool
	}{
		{"hello-world.md", "Hello-World.md", true},
		{"ABC.md", "abc.md", true},
		{"a@[`{z.md", "A@[`{Z.md", true}, // the bytes around A-Z do not fold
		{"@.md", "`.md", false},
		{"strasse.md", "STRASSE.md", true},
		{"straße.md", "STRASSE.md", true},  // full folding: ß is ss
		{"café.md", "cafe\u0301.md", true}, // NFC first
		{"k.md", "\u212a.md", true},        // Kelvin sign folds to k
		{"a.md", "b.md", false},
	}
	for _, tt := range tests {
		if got := foldName(fold, tt.a) == foldName(fold, tt.b); got != tt.same {
			t.Errorf("foldName(%q) == foldName(%q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
		for _, s := range []string{tt.a, tt.b} {
			if got, want := foldName(fold, s), foldSlow(fold, s); got != want {
				t.Errorf("foldName(%q) = %x, want %x (foldSlow)", s, got, want)
			}
		}
	}
}

// FuzzFoldName checks the fast path against the full folding.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"", "Hello-World.md", "a@[`{z", "straße", "\x7f\x80", "ǅ"} {
		f.Add(s)
	}
	fold := cases.Fold()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldName(fold, s), foldSlow(fold, s); got != want {
			t.Errorf("foldName(%q) = %x, want %x (foldSlow)", s, got, want)
		}
	})
}

// TestFoldSuffixed checks that the planner's probe hashes the names it
// tries as foldName hashes them once built.
func TestFoldSuffixed(t *testing.T) {
	fold := cases.Fold()
	long := strings.Repeat("Long-Slug.", 13)
	for _, stem := range []string{"", "hello", "2012-02-14-Hello-World", long, long[:99] + "é-x", "straße", "日本語"} {
		for _, n := range []int{1, 2, 10, 12345} {
			if got, want := foldSuffixed(fold, stem, n), foldName(fold, withSuffix(stem, n)); got != want {
				t.Errorf("foldSuffixed(%q, %d) = %x, want %x (foldName of %q)", stem, n, got, want, withSuffix(stem, n))
			}
		}
	}
}

// FuzzFoldSuffixed checks the probe against foldName of the built name.
func FuzzFoldSuffixed(f *testing.F) {
	f.Add("hello-World", 1)
	f.Add(strings.Repeat("ab-", 60), 7)
	f.Add("straße", 2)
	fold := cases.Fold()
	f.Fuzz(func(t *testing.T, stem string, n int) {
		if got, want := foldSuffixed(fold, stem, n), foldName(fold, withSuffix(stem, n)); got != want {
			t.Errorf("foldSuffixed(%q, %d) = %x, want %x", stem, n, got, want)
		}
	})
}
