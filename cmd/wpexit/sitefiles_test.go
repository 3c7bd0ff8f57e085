package main

import (
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

func TestHugoConfig(t *testing.T) {
	tests := []struct {
		name   string
		ch     *wxr.Channel
		custom []string
		want   []string
	}{
		{"full", &wxr.Channel{Title: `Quote "and" back\slash`, BaseBlogURL: "https://blog.example/sub", Language: "de-DE"}, []string{"genre", "date"},
			[]string{`baseURL = "https://blog.example/"`, "linkify = false", `title = "Quote \"and\" back\\slash"`, `locale = "de-DE"`,
				`"genre" = "genre"`, `"wp_date" = "wp_date"`, `refLinksErrorLevel = "ERROR"`, "[markup.goldmark.renderer]\n  unsafe = true"}},
		{"link only", &wxr.Channel{Title: "  ", Link: "http://old.example/"}, nil,
			[]string{`baseURL = "http://old.example/"`, `title = "Converted WordPress site"`}},
		{"no channel", nil, nil, []string{`baseURL = "/"`}},
		{"not a URL", &wxr.Channel{BaseBlogURL: "example.com"}, nil, []string{`baseURL = "/"`}},
	}
	for _, tt := range tests {
		got := string(hugoConfig(tt.ch, tt.custom))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: hugoConfig lacks %q:\n%s", tt.name, w, got)
			}
		}
		if tt.ch == nil || tt.ch.Language == "" {
			if strings.Contains(got, "locale") {
				t.Errorf("%s: hugoConfig writes a locale it does not know:\n%s", tt.name, got)
			}
		}
	}
}

func TestTOMLString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a "b" \c`, `"a \"b\" \\c"`},
		{"tab\tnl\n\x7f", `"tab\u0009nl\u000A\u007F"`},
		{"Ünïcödé ✓", `"Ünïcödé ✓"`},
	}
	for _, tt := range tests {
		if got := tomlString(tt.in); got != tt.want {
			t.Errorf("tomlString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
