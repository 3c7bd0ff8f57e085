package convert

import (
	"reflect"
	"testing"
)

func TestParseShortcode(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		ok       bool
		tag      string
		attrs    map[string]string
		pos      []string
		content  string
		enclosed bool
		rest     string // what follows the use
	}{
		{name: "self-closing", in: "[gallery] x", ok: true, tag: "gallery", rest: " x"},
		{name: "slash", in: `[gallery ids="1,2" /]x`, ok: true, tag: "gallery", attrs: map[string]string{"ids": "1,2"}, rest: "x"},
		{name: "double quotes", in: `[caption id="attachment_1" align="alignnone" width="300"]<img src="a.jpg"> A cat[/caption]!`,
			ok: true, tag: "caption", attrs: map[string]string{"id": "attachment_1", "align": "alignnone", "width": "300"},
			content: `<img src="a.jpg"> A cat`, enclosed: true, rest: "!"},
		{name: "single quotes any order", in: `[caption width='300' id='x']c[/caption]`, ok: true, tag: "caption",
			attrs: map[string]string{"width": "300", "id": "x"}, content: "c", enclosed: true},
		{name: "unquoted", in: `[gallery columns=4 link=file]`, ok: true, tag: "gallery", attrs: map[string]string{"columns": "4", "link": "file"}},
		{name: "spaces around equals", in: `[gallery columns = "4"]`, ok: true, tag: "gallery", attrs: map[string]string{"columns": "4"}},
		{name: "upper-case attribute name", in: `[gallery IDS="1"]`, ok: true, tag: "gallery", attrs: map[string]string{"ids": "1"}},
		{name: "positional", in: `[youtube https://youtu.be/abcdefghijk w=640]`, ok: true, tag: "youtube",
			attrs: map[string]string{"w": "640"}, pos: []string{"https://youtu.be/abcdefghijk"}},
		{name: "positional quoted", in: `[embed "a b" 'c']`, ok: true, tag: "embed", pos: []string{"a b", "c"}},
		{name: "legacy equals form", in: `[youtube=http://www.youtube.com/watch?v=abcdefghijk&w=640]`, ok: true, tag: "youtube",
			pos: []string{"=http://www.youtube.com/watch?v=abcdefghijk&w=640"}},
		{name: "nbsp is a space", in: "[gallery\u00a0ids=\"3\"]", ok: true, tag: "gallery", attrs: map[string]string{"ids": "3"}},
		{name: "multi-line attributes", in: "[caption id=\"a\"\n width=\"1\"]c[/caption]", ok: true, tag: "caption",
			attrs: map[string]string{"id": "a", "width": "1"}, content: "c", enclosed: true},
		{name: "opener without closer is self-closing", in: "[caption id=\"a\"] text", ok: true, tag: "caption", attrs: map[string]string{"id": "a"}, rest: " text"},
		{name: "content runs to first closer", in: "[embed]a[/embed]b[/embed]", ok: true, tag: "embed", content: "a", enclosed: true, rest: "b[/embed]"},
		{name: "name runs on", in: "[gallery-x]", ok: true, tag: "gallery-x"},
		{name: "not a name", in: "[ gallery]"},
		{name: "unterminated", in: "[gallery ids=1"},
		{name: "name followed by punctuation", in: "[foo.bar]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, ok := parseShortcode(tt.in, 0, encloses)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if sc.name != tt.tag || sc.content != tt.content || sc.enclosed != tt.enclosed || tt.in[sc.end:] != tt.rest {
				t.Errorf("got name %q content %q enclosed %v rest %q", sc.name, sc.content, sc.enclosed, tt.in[sc.end:])
			}
			if len(sc.attrs)+len(tt.attrs) > 0 && !reflect.DeepEqual(sc.attrs, tt.attrs) {
				t.Errorf("attrs = %v, want %v", sc.attrs, tt.attrs)
			}
			if !reflect.DeepEqual(sc.pos, tt.pos) {
				t.Errorf("pos = %q, want %q", sc.pos, tt.pos)
			}
		})
	}
}

func TestShortcodes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"no shortcodes [sic] here", nil},
		{`[caption id="1"]<img src=x> a[/caption] [gallery] [caption]b[/caption]`, []string{"caption", "gallery"}},
		{"[code]x [gallery] y[/code] [php]z[/php]", []string{"code", "php"}},
		{"[[gallery]] is how you write it", nil},
		{"<code>[gallery]</code>", nil},
		{`[contact-form-7 id="5"] [b]bold[/b] [tweet 123]`, []string{"contact-form-7", "b", "tweet"}},
		{`<a href="x[gallery]">l</a>`, nil},
	}
	for _, tt := range tests {
		if got := Shortcodes(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Shortcodes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeLanguage(t *testing.T) {
	tests := map[string]string{"js": "javascript", "PY": "python", "shell": "bash", "c-sharp": "csharp",
		"plain": "text", "elixir": "elixir", "bad lang": "", "": ""}
	for in, want := range tests {
		if got := codeLanguage(in); got != want {
			t.Errorf("codeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYoutubeVimeoID(t *testing.T) {
	yt := map[string]string{
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ":             "dQw4w9WgXcQ",
		"http://www.youtube.com/watch?v=dQw4w9WgXcQ&w=640&h=385":  "dQw4w9WgXcQ",
		"http://www.youtube.com/watch?v=dQw4w9WgXcQ?rel=0":        "dQw4w9WgXcQ",
		"https://youtu.be/dQw4w9WgXcQ":                            "dQw4w9WgXcQ",
		"https://www.youtube.com/embed/dQw4w9WgXcQ?start=3":       "dQw4w9WgXcQ",
		"http://www.youtube.com/v/dQw4w9WgXcQ&hl=en":              "dQw4w9WgXcQ",
		"https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ": "dQw4w9WgXcQ",
		"https://www.youtube.com/#!v=dQw4w9WgXcQ":                 "dQw4w9WgXcQ",
		"https://www.youtube.com/channel/xyz":                     "",
		"https://example.com/watch?v=dQw4w9WgXcQ":                 "",
	}
	for in, want := range yt {
		if got := youtubeID(in); got != want {
			t.Errorf("youtubeID(%q) = %q, want %q", in, got, want)
		}
	}
	vm := map[string]string{
		"https://vimeo.com/76979871":                   "76979871",
		"https://player.vimeo.com/video/76979871?x=1":  "76979871",
		"https://vimeo.com/channels/staffpicks/123456": "123456",
		"https://vimeo.com/about":                      "",
	}
	for in, want := range vm {
		if got := vimeoID(in); got != want {
			t.Errorf("vimeoID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnknownShortcodeNotProse(t *testing.T) {
	in := `thanks to him [and the guy who posted <a href="x">this</a>] and [sic]`
	if got := Shortcodes(in); got != nil {
		t.Errorf("Shortcodes(%q) = %q, want none", in, got)
	}
}
