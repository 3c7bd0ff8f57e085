package rewrite

import "testing"

// The expected paths were read off a Hugo v0.165.0 build of a page with
// these tags (public/tags/<path>/).
func TestHugoPath(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Cloud  Computing", "cloud--computing"},
		{"C++ & Go -- tips", "c++--go----tips"},
		{" lead space", "-lead-space"},
		{"a - b", "a---b"},
		{"x&y", "xy"},
		{"Café Olé", "café-olé"},
		{"a@b", "a@b"},
		{"100%", "100"},
		{"a%20b", "a%20b"},
		{"end-", "end-"},
		{"q?r", "qr"},
		{"Über.Straße", "über.straße"},
	}
	for _, tt := range tests {
		if got := hugoPath(tt.name); got != tt.want {
			t.Errorf("hugoPath(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
