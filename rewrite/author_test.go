package rewrite

import "testing"

func TestNicename(t *testing.T) {
	tests := []struct{ login, want string }{
		{"slowe", "slowe"},
		{"John.Doe", "john-doe"},
		{"jane doe", "jane-doe"},
		{"mail@example.com", "mailexample-com"},
		{"a_-b", "a_-b"},
		{"--x..y--", "x-y"},
		{"under_score", "under_score"},
		{"ünïcode", ""},
		{"@@@", ""},
		{"a23456789012345678901234567890123456789012345678901234", "a2345678901234567890123456789012345678901234567890"},
	}
	for _, tt := range tests {
		if got := nicename(tt.login); got != tt.want {
			t.Errorf("nicename(%q) = %q, want %q", tt.login, got, tt.want)
		}
	}
}
