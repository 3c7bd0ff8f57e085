package convert

import "testing"

// tagEndRef is tagEnd as a plain byte loop: the reference for the version
// that jumps with IndexByte.
func tagEndRef(s string, i int) int {
	var quote byte
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if j > 0 && s[j-1] == '=' {
				quote = c
			}
		case c == '>':
			return j + 1
		}
	}
	return -1
}

var tagEndCases = []string{
	"<", "<a", "<a>", "<a>b>", `<a href="x>y">z`, `<a href='x>y'>z`, `<a href=x"y>z">`, `<a b = "c>d">`,
	`<a b="c`, `<a b="c"d='e>f'>`, `<a b="c"'d>'>`, `<a ="x>">`, `<img src="a.jpg" alt='it"s'/>after`,
	`<a b="">`, `<a b=''>`, `<a b=">`, `<br />`, `<a b=c'>d'>`, `<a b="x"='y>'>`, "<!-- a > b -->",
}

func TestTagEndMatchesRef(t *testing.T) {
	for _, s := range tagEndCases {
		if got, want := tagEnd(s, 0), tagEndRef(s, 0); got != want {
			t.Errorf("tagEnd(%q, 0) = %d, want %d", s, got, want)
		}
	}
}

// FuzzTagEndMatchesRef: tagEnd agrees with the byte loop at every "<".
func FuzzTagEndMatchesRef(f *testing.F) {
	for _, s := range tagEndCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] != '<' {
				continue
			}
			if got, want := tagEnd(s, i), tagEndRef(s, i); got != want {
				t.Fatalf("tagEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}
