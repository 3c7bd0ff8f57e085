package convert

import (
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
		{"straße.md", "STRASSE.md", true}, // full folding: ß is ss
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
