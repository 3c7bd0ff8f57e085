package check

import "testing"

// TestUrlize pins term paths listed from a Hugo v0.165.0 build.
func TestUrlize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"C++ & Go -- tips", "c++--go----tips"},
		{"Cloud  Computing", "cloud--computing"},
		{"Ünïcode Straße", "ünïcode-straße"},
		{"a/b c%d", "a/b-cd"},
		{"  -lead-", "---lead-"},
		{"中文 标签", "中文-标签"},
		{"Hello, World!", "hello-world"},
		{"News", "news"},
		{"%E4%B8%AD", "%e4%b8%ad"},
	}
	for _, tt := range tests {
		if got := urlize(tt.in); got != tt.want {
			t.Errorf("urlize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
