package verify

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// lcs is the textbook O(NM) longest common subsequence length.
func lcs(a, b []uint32) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			default:
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestDistanceAndScript checks Myers against the textbook LCS on random
// sequences, and that the script turns a into b.
func TestDistanceAndScript(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		a := make([]uint32, r.IntN(30))
		b := make([]uint32, r.IntN(30))
		for i := range a {
			a[i] = uint32(r.IntN(4))
		}
		for i := range b {
			b[i] = uint32(r.IntN(4))
		}
		want := len(a) + len(b) - 2*lcs(a, b)
		d, ok := distance(a, b, len(a)+len(b))
		if !ok || d != want {
			t.Fatalf("distance(%v, %v) = %d, %v; want %d", a, b, d, ok, want)
		}
		if want > 0 {
			if d, ok := distance(a, b, want-1); ok || d != want {
				t.Fatalf("bounded distance(%v, %v) = %d, %v; want a bound of %d", a, b, d, ok, want)
			}
		}
		ops, ok := script(a, b, len(a)+len(b))
		if !ok {
			t.Fatalf("script(%v, %v) failed", a, b)
		}
		var got []uint32
		edits := 0
		for _, o := range ops {
			switch o.kind {
			case '=':
				if a[o.i] != b[o.j] {
					t.Fatalf("script(%v, %v) keeps %d=%d", a, b, a[o.i], b[o.j])
				}
				got = append(got, a[o.i])
			case '+':
				got = append(got, b[o.j])
				edits++
			default:
				edits++
			}
		}
		if !slices.Equal(got, b) || edits != want {
			t.Fatalf("script(%v, %v) gives %v in %d edits; want %v in %d", a, b, got, edits, b, want)
		}
	}
}

// TestTokens checks tokenisation and typography.
func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world", []string{"Hello", ",", "world"}},
		{"it’s “x” — y…", []string{"it", "'", "s", `"`, "x", `"`, "-", "y", ".", ".", "."}},
		{"a -- b --- c - d", []string{"a", "-", "b", "-", "c", "-", "d"}},
		{"non\u00a0breaking", []string{"non", "breaking"}},
		{"soft\u00adhyphen", []string{"softhyphen"}},
		{"中文字", []string{"中", "文", "字"}},
		{"café naïve", []string{"café", "naïve"}},
		{"cafe\u0301", []string{"café"}},
		{"«quote»", []string{"<", "<", "quote", ">", ">"}},
		{"x\xffy", []string{"x", "\xff", "y"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkCompare50KBUnrelated compares two unrelated 50 KB texts: the
// worst case, where the distance bound stops the search.
func BenchmarkCompare50KBUnrelated(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"alpha", "beta", "gamma", "delta", "word", "text", "the", "a", "of", "and"}
	text := func() string {
		var t []byte
		for len(t) < 50_000 {
			t = append(t, words[r.IntN(len(words))]...)
			t = append(t, ' ')
		}
		return string(t)
	}
	wa, ga := Side{Text: text()}, Side{Text: text()}
	b.ResetTimer()
	for b.Loop() {
		Compare(wa, ga)
	}
}

// BenchmarkCompare50KB compares two 50 KB texts that differ in a few
// places.
func BenchmarkCompare50KB(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"alpha", "beta", "gamma", "delta", "word", "text", "the", "a", "of", "and"}
	var want []byte
	for len(want) < 50_000 {
		want = append(want, words[r.IntN(len(words))]...)
		want = append(want, ' ')
	}
	got := slices.Clone(want)
	for i := 0; i < 20; i++ {
		got[r.IntN(len(got))] = 'x'
	}
	wa, ga := Side{Text: string(want)}, Side{Text: string(got)}
	b.ResetTimer()
	for b.Loop() {
		Compare(wa, ga)
	}
}
