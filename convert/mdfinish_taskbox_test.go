package convert

import (
	"strconv"
	"testing"
)

// mdNoTaskBoxRef is mdNoTaskBox with the regular expression asked of every
// line: the reference for the "[x]" check before it.
func mdNoTaskBoxRef(line string) string {
	m := mdTaskBox.FindStringSubmatchIndex(line)
	if m == nil {
		return line
	}
	return line[:m[4]] + "&#" + strconv.Itoa(int(line[m[4]])) + ";" + line[m[5]:]
}

var mdTaskBoxCases = []string{
	"- [x] done", "- [X] done", "> 1. [x]", "- [a](b)", "- [x](http://x) link", "text [x] here",
	"  * [x]", "- [ ] no", "[x]", "- x]", "- [x", "12345678901. [x]",
}

func TestMdNoTaskBoxMatchesRef(t *testing.T) {
	for _, l := range mdTaskBoxCases {
		if got, want := mdNoTaskBox(l), mdNoTaskBoxRef(l); got != want {
			t.Errorf("mdNoTaskBox(%q) = %q, want %q", l, got, want)
		}
	}
}

// FuzzMdNoTaskBoxMatchesRef: the "[x]" check never skips a line the
// regular expression would change.
func FuzzMdNoTaskBoxMatchesRef(f *testing.F) {
	for _, l := range mdTaskBoxCases {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := mdNoTaskBox(l), mdNoTaskBoxRef(l); got != want {
			t.Errorf("mdNoTaskBox(%q) = %q, want %q", l, got, want)
		}
	})
}
