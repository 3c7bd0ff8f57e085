package check

import (
	"reflect"
	"testing"
)

func TestParseTOML(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]any
		wantErr bool
	}{
		{"scalars", "baseURL = \"https://x.example/\" # home\nuglyURLs = true\nn = 1_000\nd = 2012-02-14T13:40:24Z\ns = 'C:\\path'",
			map[string]any{"baseurl": "https://x.example/", "uglyurls": true, "n": 1000.0, "d": "2012-02-14T13:40:24Z", "s": `C:\path`}, false},
		{"tables", "[permalinks]\n  posts = \"/:year/:slug/\"\n[permalinks.page]\nnotes = \"/n/:slug/\"\n[\"taxonomies\"]\ntag = \"tags\"",
			map[string]any{"permalinks.posts": "/:year/:slug/", "permalinks.page.notes": "/n/:slug/", "taxonomies.tag": "tags"}, false},
		{"arrays", "aliases = [\n  \"/a/\", # first\n  \"/b]/\",\n]\nempty = []",
			map[string]any{"aliases": []any{"/a/", "/b]/"}, "empty": []any(nil)}, false},
		{"array tables skipped", "[[menu.main]]\nname = \"x\"\n[params]\ny = \"z\"", map[string]any{"params.y": "z"}, false},
		{"escapes", `title = "say \"hi\" \u00e9"`, map[string]any{"title": `say "hi" é`}, false},
		{"inline table ignored", "build = { render = \"never\" }", map[string]any{"build": nil}, false},
		{"no value", "a =", nil, true},
		{"no equals", "just words", nil, true},
		{"unclosed", "a = \"x", nil, true},
		{"unclosed array", "a = [\"x\"", nil, true},
	}
	for _, tt := range tests {
		got, err := parseTOML(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want error %v", tt.name, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.name, got, tt.want)
		}
	}
}

func TestReadFrontMatter(t *testing.T) {
	tests := []struct {
		name, in         string
		url, slug, title string
		aliases          []string
		unpublished      bool
		year             int
		wantErr          bool
	}{
		{"yaml", "---\ntitle: Hi\nURL: /x/\nSlug: s\naliases: [/a/, b]\ndate: 2012-02-14T13:40:24Z\n---\nbody", "/x/", "s", "Hi", []string{"/a/", "b"}, false, 2012, false},
		{"yaml crlf bom", "\ufeff---\r\ntitle: Hi\r\ndraft: true\r\n---\r\n", "", "", "Hi", nil, true, 1, false},
		{"yaml build", "---\nbuild:\n  render: never\n---\n", "", "", "", nil, true, 1, false},
		{"yaml headless", "---\nheadless: true\n---\n", "", "", "", nil, true, 1, false},
		{"yaml date string", "---\ndate: \"2015-03-04\"\n---\n", "", "", "", nil, false, 2015, false},
		{"toml", "+++\ntitle = \"T\"\nurl = \"/t/\"\ndraft = false\ndate = 2016-01-02T00:00:00Z\n+++\n", "/t/", "", "T", nil, false, 2016, false},
		{"json", "{\"title\": \"J\", \"url\": \"/j/\", \"aliases\": [\"/k/\"]}\nbody", "/j/", "", "J", []string{"/k/"}, false, 1, false},
		{"none", "just text", "", "", "", nil, false, 1, false},
		{"empty yaml", "---\n---\n", "", "", "", nil, false, 1, false},
		{"unclosed", "---\ntitle: x\n", "", "", "", nil, false, 1, true},
		{"bad yaml", "---\ntitle: [x\n---\n", "", "", "", nil, false, 1, true},
	}
	for _, tt := range tests {
		fm, err := readFrontMatter([]byte(tt.in))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want error %v", tt.name, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if fm.url != tt.url || fm.slug != tt.slug || fm.title != tt.title || fm.unpublished != tt.unpublished ||
			!reflect.DeepEqual(fm.aliases, tt.aliases) || fm.date.Year() != tt.year {
			t.Errorf("%s: got url %q slug %q title %q aliases %q unpublished %v year %d", tt.name,
				fm.url, fm.slug, fm.title, fm.aliases, fm.unpublished, fm.date.Year())
		}
	}
}

func TestParseTOMLMultiLine(t *testing.T) {
	in := "a = \"\"\"x\"\"\"\nb = '''\nline # not a comment\nc = 1\n'''\nd = 2\ne =\nf = \"kept\"\n"
	got, err := parseTOML(in)
	want := map[string]any{"a": "x", "b": "line # not a comment\nc = 1\n", "d": 2.0, "f": "kept"}
	if err == nil {
		t.Error("no error for `e =`")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}
