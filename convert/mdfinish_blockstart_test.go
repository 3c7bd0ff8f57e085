package convert

import (
	"regexp"
	"testing"
)

// mdBlockStartRef is the regular expression mdIsBlockStart spells out.
var mdBlockStartRef = regexp.MustCompile("^(1[.)]|[-+*]|#{1,6})( |$)|^(>|```|~~~)")

var mdBlockStartCases = []string{
	"", "1.", "1. x", "1.x", "1)", "2. x", "- x", "-", "-x", "+ ", "* *", "#", "# h", "###### h", "####### h",
	"#h", "> q", ">", "```go", "``", "~~~", "~~", "text", " - x", "11. x",
}

func TestMdIsBlockStartMatchesRef(t *testing.T) {
	for _, l := range mdBlockStartCases {
		if got, want := mdIsBlockStart(l), mdBlockStartRef.MatchString(l); got != want {
			t.Errorf("mdIsBlockStart(%q) = %v, want %v", l, got, want)
		}
	}
}

// FuzzMdIsBlockStartMatchesRef: the scanner agrees with the expression.
func FuzzMdIsBlockStartMatchesRef(f *testing.F) {
	for _, l := range mdBlockStartCases {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := mdIsBlockStart(l), mdBlockStartRef.MatchString(l); got != want {
			t.Errorf("mdIsBlockStart(%q) = %v, want %v", l, got, want)
		}
	})
}
