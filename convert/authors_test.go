package convert

import (
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

func TestAuthors(t *testing.T) {
	ch := &wxr.Channel{Authors: []wxr.Author{
		{ID: 1, Login: "ann", Email: "ann@example.org", DisplayName: "Ann Smith", FirstName: "Ann", LastName: "Smith"},
		{ID: 2, Login: "bob", Email: "bob@example.org"},
		{ID: 3, Login: "", Email: "nobody@example.org", DisplayName: "No login"},
		{ID: 4, Login: "ann", DisplayName: "Duplicate"},
	}}
	tests := []struct {
		name     string
		ch       *wxr.Channel
		creators []string
		want     map[string]AuthorInfo
	}{
		{"channel", ch, nil, map[string]AuthorInfo{
			"ann": {ID: 1, DisplayName: "Ann Smith", FirstName: "Ann", LastName: "Smith"},
			"bob": {ID: 2, DisplayName: "bob"},
		}},
		{"creators added", ch, []string{"ann", "carl", " "}, map[string]AuthorInfo{
			"ann":  {ID: 1, DisplayName: "Ann Smith", FirstName: "Ann", LastName: "Smith"},
			"bob":  {ID: 2, DisplayName: "bob"},
			"carl": {DisplayName: "carl"},
		}},
		{"no channel (WXR 1.0)", nil, []string{"x"}, map[string]AuthorInfo{"x": {DisplayName: "x"}}},
		{"e-mail logins and names", &wxr.Channel{Authors: []wxr.Author{
			{ID: 5, Login: "harry@example.com", Email: "harry@example.com", DisplayName: "harry@example.com", FirstName: "Harry"},
		}}, []string{"hermione@example.com"}, map[string]AuthorInfo{
			"harry":    {ID: 5, DisplayName: "harry", FirstName: "Harry"},
			"hermione": {DisplayName: "hermione"},
		}},
	}
	for _, tt := range tests {
		got := Authors(tt.ch, tt.creators)
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: %s = %+v, want %+v", tt.name, k, got[k], v)
			}
		}
	}
}

func TestMarshalAuthors(t *testing.T) {
	ch := &wxr.Channel{Authors: []wxr.Author{
		{ID: 2, Login: "zed", Email: "zed@example.org", DisplayName: "Zed"},
		{ID: 1, Login: "123", Email: "n@example.org", DisplayName: "Numbers: \"quoted\""},
	}}
	b, err := MarshalAuthors(Authors(ch, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := `# Written by wpexit convert: the site's authors by login (no e-mail address).
"123":
  id: 1
  display_name: 'Numbers: "quoted"'
zed:
  id: 2
  display_name: Zed
`
	if string(b) != want {
		t.Errorf("got:\n%s\nwant:\n%s", b, want)
	}
	if strings.Contains(string(b), "@") {
		t.Error("an e-mail address was written")
	}
}

func TestAuthorKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ann", "ann"},
		{" ann\n", "ann"},
		{"harry@example.com", "harry"},
		{"@handle", "@handle"},
		{"a@b", "a@b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := AuthorKey(tt.in); got != tt.want {
			t.Errorf("AuthorKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
