package convert

import (
	"encoding/json"
	"html"
	"net"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/wpexit/wpexit/wxr"
)

// A comments golden case (testdata/comments/*.txtar) has sections:
//
//	item.json     the item and its comments (wxr.Item as JSON)
//	options.json  optional: CommentOptions (NoPingbacks, IncludeUnapproved)
//	comments.yaml expected: the data file (absent when nothing is written)
//	notes         expected: the notes, one per line
//
// Links are mapped by goldenCommentLink: https://example.com/2020/01/02/other/
// is the page posts/2020-01-02-other.md served at /2020/01/02/other/, and
// https://example.com/wp-content/uploads/a.png a media file.
// go test ./convert -run CommentsGolden -update rewrites the expectations.

func goldenCommentLink(raw string) Link {
	switch {
	case strings.HasPrefix(raw, "https://example.com/2020/01/02/other/"):
		_, frag, _ := strings.Cut(raw, "#")
		if frag != "" {
			frag = "#" + frag
		}
		return Link{Kind: LinkPage, Dest: "posts/2020-01-02-other.md" + frag}
	case raw == "https://example.com/wp-content/uploads/a.png":
		return Link{Kind: LinkMedia, Dest: "/wp-content/uploads/a.png"}
	case strings.HasPrefix(raw, "https://example.com/"):
		return Link{Kind: LinkMissing}
	}
	return Link{Kind: LinkKeep}
}

func goldenPageURL(p string) string {
	if p == "posts/2020-01-02-other.md" {
		return "/2020/01/02/other/"
	}
	return ""
}

// runCommentsGolden converts one case's comments.
func runCommentsGolden(t *testing.T, ss []section) (data []byte, notes string, it *wxr.Item) {
	t.Helper()
	var opts CommentOptions
	if s, ok := get(ss, "options.json"); ok {
		if err := json.Unmarshal([]byte(s), &opts); err != nil {
			t.Fatalf("options.json: %v", err)
		}
	}
	opts.PageURL = goldenPageURL
	s, ok := get(ss, "item.json")
	if !ok {
		t.Fatal("no item.json section")
	}
	it = new(wxr.Item)
	if err := json.Unmarshal([]byte(s), it); err != nil {
		t.Fatalf("item.json: %v", err)
	}
	c := New(NewSite(), Options{Link: goldenCommentLink})
	cs, ns := c.Comments(it, opts)
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.Kind + ": " + n.Detail + "\n")
	}
	if len(cs) == 0 {
		return nil, b.String(), it
	}
	data, err := MarshalComments(cs)
	if err != nil {
		t.Fatal(err)
	}
	return data, b.String(), it
}

func TestCommentsGolden(t *testing.T) {
	eachGoldenCase(t, "comments", 4, func(t *testing.T, file string, ss []section) {
		data, notes, it := runCommentsGolden(t, ss)
		checkNoPersonalData(t, it, data)
		if data != nil {
			checkCommentsParse(t, data)
		}
		if *update {
			ss = set(ss, "comments.yaml", string(data), data == nil)
			ss = set(ss, "notes", notes, notes == "")
			if err := os.WriteFile(file, formatSections(ss), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, ok := get(ss, "comments.yaml")
		if data == nil && ok {
			t.Errorf("no comments written, golden has some")
		}
		if data != nil && want != string(data) {
			t.Errorf("comments.yaml:\n got:\n%s\nwant:\n%s", data, want)
		}
		if wantNotes, _ := get(ss, "notes"); wantNotes != notes {
			t.Errorf("notes:\n got:\n%s\nwant:\n%s", notes, wantNotes)
		}
	})
}

// checkNoPersonalData fails when an e-mail, IP or user agent of any comment
// (written or not) is in the data file.
func checkNoPersonalData(t *testing.T, it *wxr.Item, data []byte) {
	t.Helper()
	for _, cm := range it.Comments {
		for _, secret := range []string{cm.Email, cm.IP} {
			if secret != "" && strings.Contains(string(data), secret) {
				t.Errorf("comment %d: %q is in the data file", cm.ID, secret)
			}
		}
		for _, m := range cm.Meta {
			if m.Value != "" && strings.Contains(string(data), m.Value) {
				t.Errorf("comment %d: meta %s is in the data file", cm.ID, m.Key)
			}
		}
	}
}

// checkCommentsParse reads the data file back: a list whose every parent is
// 0 or an earlier comment of the list that is not a ping.
func checkCommentsParse(t *testing.T, data []byte) {
	t.Helper()
	var cs []Comment
	if err := yaml.Unmarshal(data, &cs); err != nil {
		t.Fatalf("data file does not parse: %v\n%s", err, data)
	}
	thread := map[int64]bool{}
	for _, c := range cs {
		if c.Parent != 0 && !thread[c.Parent] {
			t.Errorf("comment %d: parent %d is not an earlier written comment", c.ID, c.Parent)
		}
		if IsPing(c.Type) && c.Parent != 0 {
			t.Errorf("ping %d has a parent", c.ID)
		}
		if !IsPing(c.Type) {
			thread[c.ID] = true
		}
	}
}

func TestPublishedComment(t *testing.T) {
	tests := []struct {
		approved, typ string
		opts          CommentOptions
		want          bool
	}{
		{"1", "", CommentOptions{}, true},
		{"1", "comment", CommentOptions{}, true},
		{"1", "pingback", CommentOptions{}, true},
		{"1", "trackback", CommentOptions{NoPingbacks: true}, false},
		{"1", "pingback", CommentOptions{NoPingbacks: true}, false},
		{"1", "", CommentOptions{NoPingbacks: true}, true},
		{"0", "", CommentOptions{}, false},
		{"0", "", CommentOptions{IncludeUnapproved: true}, true},
		{"spam", "", CommentOptions{IncludeUnapproved: true}, false},
		{"trash", "", CommentOptions{IncludeUnapproved: true}, false},
		{"post-trashed", "", CommentOptions{IncludeUnapproved: true}, false},
		{" 1 ", "", CommentOptions{}, true},
		{"1", "order_note", CommentOptions{}, false},
		{"1", "note", CommentOptions{}, false},
		{"1", "webmention", CommentOptions{}, true},
	}
	for _, tt := range tests {
		cm := &wxr.Comment{Approved: tt.approved, Type: tt.typ}
		if got := PublishedComment(cm, tt.opts); got != tt.want {
			t.Errorf("PublishedComment(approved %q, type %q, %+v) = %v, want %v", tt.approved, tt.typ, tt.opts, got, tt.want)
		}
	}
}

func TestCommentAuthorURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"http://", ""},
		{"https://example.org/", "https://example.org/"},
		{" HTTP://Example.org ", "HTTP://Example.org"},
		{"mailto:a@example.org", ""},
		{"javascript:alert(1)", ""},
		{"example.org", ""},
		{"http://a b", ""},
	}
	for _, tt := range tests {
		if got := commentAuthorURL(tt.in); got != tt.want {
			t.Errorf("commentAuthorURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

func TestCommentDate(t *testing.T) {
	gmt := mustTime(t, "2020-01-02T10:00:00Z")
	local := mustTime(t, "2020-01-02T12:00:00Z") // UTC+2 wall time
	tests := []struct {
		name string
		cm   wxr.Comment
		it   wxr.Item
		want string
	}{
		{"gmt", wxr.Comment{Date: local, DateGMT: gmt}, wxr.Item{}, "2020-01-02T10:00:00Z"},
		{"post offset", wxr.Comment{Date: local}, wxr.Item{Date: local, DateGMT: gmt}, "2020-01-02T10:00:00Z"},
		{"no offset", wxr.Comment{Date: local}, wxr.Item{}, "2020-01-02T12:00:00Z"},
		{"none", wxr.Comment{}, wxr.Item{}, ""},
	}
	for _, tt := range tests {
		got := commentDate(&tt.cm, &tt.it)
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		if got != "" && !rfc3339UTC.MatchString(got) {
			t.Errorf("%s: %q is not RFC 3339 UTC", tt.name, got)
		}
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestCommentAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ann", "Ann"},
		{"Blog &raquo; Post", "Blog » Post"},
		{"AT&T", "AT&T"},
		{"ann@example.org", "ann"},
		{" Two\nLines ", "Two Lines"},
	}
	for _, tt := range tests {
		if got := commentAuthor(tt.in); got != tt.want {
			t.Errorf("commentAuthor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzComments: whatever the comments hold, the data file parses, every
// parent is an earlier written comment, and no e-mail or IP address of the
// export's comment fields is in it.
func FuzzComments(f *testing.F) {
	f.Add("Hello <a href=\"https://example.com/2020/01/02/other/\">x</a>", "1", "", int64(0), "a@example.org", "192.0.2.1")
	f.Add("[...] ping [...]", "1", "pingback", int64(1), "", "2001:db8::1")
	f.Add("<p>a\n\nb</p><pre>{{< x >}}</pre>", "0", "comment", int64(2), "b@example.org", "198.51.100.7")
	f.Fuzz(func(t *testing.T, content, approved, typ string, parent int64, email, ip string) {
		if !strings.Contains(email, "@") || len(email) < 6 || net.ParseIP(ip) == nil {
			return
		}
		shown := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\n' {
				return -1
			}
			return r
		}, html.UnescapeString(content))
		if strings.Contains(shown, email) || strings.Contains(shown, ip) {
			return // an address the comment's own text shows is not hidden by design
		}
		it := &wxr.Item{ID: 1, Comments: []wxr.Comment{
			{ID: 1, Author: "A", Content: "root", Approved: "1"},
			{ID: 2, Author: "B", Email: email, IP: ip, Content: content, Approved: approved, Type: typ, Parent: parent},
			{ID: 3, Author: "C", Content: content, Approved: "1", Parent: 2},
		}}
		for _, opts := range []CommentOptions{{}, {IncludeUnapproved: true, NoPingbacks: true, PageURL: goldenPageURL}} {
			c := New(NewSite(), Options{Link: goldenCommentLink})
			cs, _ := c.Comments(it, opts)
			data, err := MarshalComments(cs)
			if err != nil {
				t.Fatal(err)
			}
			checkCommentsParse(t, data)
			if strings.Contains(string(data), email) || strings.Contains(string(data), ip) {
				t.Fatalf("personal data written:\n%s", data)
			}
		}
	})
}
