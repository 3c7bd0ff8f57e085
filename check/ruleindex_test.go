package check

import (
	"regexp"
	"testing"
)

func TestAnchoredPrefix(t *testing.T) {
	tests := []struct{ in, want string }{
		{`^abc/def/?$`, "abc/def"},
		{`^(index\.php)?$`, ""},
		{`(?i)^abc`, ""},
		{`abc`, ""}, // not anchored: may match anywhere
		{`^/old/(.*)$`, "/old/"},
	}
	for _, tt := range tests {
		if got := anchoredPrefix(regexp.MustCompile(tt.in)); got != tt.want {
			t.Errorf("anchoredPrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRequiredLiteral(t *testing.T) {
	tests := []struct{ in, want string }{
		{`(^|&)p=12(&|$)`, "p=12"},
		{`^page_id=3$`, "page_id=3"},
		{`^p=([0-9]+)$`, "p="},
		{`(?i)^p=12$`, ""},
		{`a|b`, ""},
		{`x`, "x"},
	}
	for _, tt := range tests {
		if got := requiredLiteral(tt.in); got != tt.want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
