package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// archiveFixture is an item holding every kind of data the archive must
// keep or withhold.
func archiveFixture() *wxr.Item {
	at := time.Date(2020, 1, 2, 10, 0, 0, 0, time.UTC)
	return &wxr.Item{Line: 7, ID: 5, Title: "Hello", Link: "https://example.com/hello/", Creator: "ann@example.org",
		Content: `Write to <a href="mailto:me@example.org">me@example.org</a>; seen from 192.0.2.9.`,
		Excerpt: "Short", Date: at.Add(2 * time.Hour), DateGMT: at, Status: "publish", Type: "post", Name: "hello",
		Password: "", Terms: []wxr.ItemTerm{{Domain: "category", Slug: "news", Name: "News"}},
		Meta: []wxr.Meta{{Key: "_wp_old_slug", Value: "hi"}, {Key: "_contact", Value: `a:1:{s:2:"to";s:15:"owner@example.org";}`}},
		Comments: []wxr.Comment{
			{ID: 1, Author: "Bob", Email: "bob@example.org", IP: "192.0.2.9", URL: "https://bob.example.org/", DateGMT: at,
				Content: "Nice", Approved: "1", Meta: []wxr.Meta{
					{Key: "akismet_result", Value: "false"},
					{Key: "akismet_as_submitted", Value: `a:1:{s:10:"user_agent";s:11:"Mozilla/5.0";}`},
				}},
			{ID: 2, Author: "Spam", Email: "spam@example.net", IP: "203.0.113.2", Content: "Buy", Approved: "spam"},
		},
	}
}

func TestArchiveRecord(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*wxr.Item)
		plan    convert.Plan
		private bool
		has     []string // in the line
		hasNot  []string // never in the line
	}{
		{"public post", nil, convert.Plan{ID: 5, Path: "posts/2020-01-02-hello.md"}, false,
			[]string{`"path":"content/posts/2020-01-02-hello.md"`, `"creator":"ann"`, `"_wp_old_slug"`, `"akismet_result"`,
				`"content":"Nice"`, `"1 comments not approved"`, `"date_gmt":"2020-01-02T10:00:00Z"`, `"date":"2020-01-02T12:00:00"`,
				`"terms":[{"domain":"category","slug":"news","name":"News"}]`, `mailto:[withheld]`},
			[]string{"@example", "192.0.2.9", "203.0.113.2", "Mozilla", "as_submitted", `"Buy"`}},
		{"private post withheld", func(it *wxr.Item) { it.Status = "private" }, convert.Plan{ID: 5, Skip: "private"}, false,
			[]string{`"withheld":["title","content","excerpt","description","meta","comments"]`, `"skipped":"private"`},
			[]string{"Hello", "Write to", "_wp_old_slug", "Nice", "@example", "192.0.2.9"}},
		{"protected post with --archive-private", func(it *wxr.Item) { it.Password = "sesame" }, convert.Plan{ID: 5, Skip: "protected"}, true,
			[]string{`"protected":true`, `"title":"Hello"`, `"content":"Buy"`, `"approved":"spam"`},
			[]string{"sesame", "@example", "192.0.2.9", "203.0.113.2", "Mozilla"}},
		{"feedback always withheld", func(it *wxr.Item) { it.Type = "feedback" }, convert.Plan{ID: 5, Skip: "not a page"}, true,
			[]string{`"type":"feedback"`, "personal data"},
			[]string{"Hello", "Write to", "Nice", "@example", "192.0.2.9", "_contact"}},
	}
	for _, tt := range tests {
		it := archiveFixture()
		if tt.edit != nil {
			tt.edit(it)
		}
		line, err := archiveLine(it, tt.plan, "site.xml", tt.private)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !bytes.HasSuffix(line, []byte("\n")) || bytes.Count(line, []byte("\n")) != 1 {
			t.Errorf("%s: not one line: %q", tt.name, line)
		}
		var back map[string]any
		if err := json.Unmarshal(line, &back); err != nil {
			t.Errorf("%s: not JSON: %v", tt.name, err)
		}
		for _, s := range tt.has {
			if !bytes.Contains(line, []byte(s)) {
				t.Errorf("%s: %s missing from\n%s", tt.name, s, line)
			}
		}
		for _, s := range tt.hasNot {
			if bytes.Contains(line, []byte(s)) {
				t.Errorf("%s: %s must not be in\n%s", tt.name, s, line)
			}
		}
	}
}

// archiveExcluded are the wxr.Item and wxr.Comment fields the archive
// never writes, on purpose.
var archiveExcluded = map[string]bool{
	"Item.Password": true, "Item.File": true, // protected: true stands for it; Input names the file
	"Comment.Email": true, "Comment.IP": true,
}

// TestArchiveKeepsEveryField fails when the reader gains a field the
// archive neither writes nor excludes on purpose.
func TestArchiveKeepsEveryField(t *testing.T) {
	check := func(typ reflect.Type, prefix string, rec any) {
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		var keys map[string]any
		if err := json.Unmarshal(b, &keys); err != nil {
			t.Fatal(err)
		}
		for i := range typ.NumField() {
			f := typ.Field(i).Name
			if archiveExcluded[prefix+"."+f] {
				continue
			}
			if _, ok := keys[snake(f)]; !ok {
				t.Errorf("%s.%s is not in the archive (field %q) and not excluded on purpose", prefix, f, snake(f))
			}
		}
	}
	it := fullItem()
	a := archiveRecord(it, convert.Plan{ID: it.ID, Path: "posts/x.md"}, "x.xml", true)
	check(reflect.TypeOf(wxr.Item{}), "Item", a)
	check(reflect.TypeOf(wxr.Comment{}), "Comment", a.Comments[0])
}

// fullItem has every field set.
func fullItem() *wxr.Item {
	at := time.Date(2020, 1, 2, 10, 0, 0, 0, time.UTC)
	return &wxr.Item{Line: 1, File: "x.xml", ID: 1, Title: "t", Link: "l", PubDate: "p", Creator: "c", GUID: "g",
		Description: "d", Content: "c", Excerpt: "e", Date: at, DateGMT: at, Modified: at, ModifiedGMT: at,
		CommentStatus: "open", PingStatus: "open", Name: "n", RawName: "r", Status: "publish", Parent: 2, MenuOrder: 3,
		Type: "post", Password: "pw", Sticky: true, AttachmentURL: "a", Terms: []wxr.ItemTerm{{Domain: "d", Slug: "s", Name: "n"}},
		Meta: []wxr.Meta{{Key: "k", Value: "v"}},
		Comments: []wxr.Comment{{ID: 1, Author: "a", Email: "e@x.org", URL: "u", IP: "192.0.2.1", Date: at, DateGMT: at,
			Content: "c", Approved: "1", Type: "comment", Parent: 2, UserID: 3, Meta: []wxr.Meta{{Key: "k", Value: "v"}}}},
	}
}

// snake is the archive's JSON name of a Go field: ID → id, DateGMT →
// date_gmt, AttachmentURL → attachment_url, Approved → approved.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		upper := r >= 'A' && r <= 'Z'
		if upper && i > 0 {
			prev := rune(s[i-1])
			nextLower := i+1 < len(s) && s[i+1] >= 'a' && s[i+1] <= 'z'
			if (prev >= 'a' && prev <= 'z') || nextLower {
				b.WriteByte('_')
			}
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// TestArchiveFile runs convert --archive in-process and reads the file
// back: one line per item, in input order, the temp file gone, and nothing
// of it under content/.
func TestArchiveFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"wpexit", "convert", filepath.Join("..", "..", "testdata", "sample.xml"), "--out", out, "--archive", "-q"},
		strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if err != nil {
		t.Fatalf("convert: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "archive", "items.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) < 5 {
		t.Fatalf("%d archive lines", len(lines))
	}
	prev := 0
	for _, l := range lines {
		var rec struct {
			Line int   `json:"line"`
			ID   int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		if rec.Line <= prev {
			t.Errorf("item %d (line %d) out of input order", rec.ID, rec.Line)
		}
		prev = rec.Line
	}
	entries, _ := os.ReadDir(filepath.Join(out, "archive"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"items.jsonl", "site.json"}) {
		t.Errorf("archive folder holds %q, want items.jsonl and site.json (no temp file)", names)
	}
	m, err := os.ReadFile(filepath.Join(out, manifestPath))
	if err != nil || !strings.Contains(string(m), archivePath) {
		t.Errorf("manifest does not list the archive: %v", err)
	}
}

// TestArchiveUnreadableItem: an item the reader cannot read still has its
// line, with its place and the error, so the archive accounts for every
// item.
func TestArchiveUnreadableItem(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.xml"))
	if err != nil {
		t.Fatal(err)
	}
	items := strings.Count(string(b), "<item>")
	broken := strings.Replace(string(b), "<wp:post_id>3</wp:post_id>", "<wp:post_id>3</wp:post_idx>", 1)
	if broken == string(b) {
		t.Fatal("sample.xml changed: no post 3 to break")
	}
	in := filepath.Join(t.TempDir(), "broken.xml")
	if err := os.WriteFile(in, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	err = run(t.Context(), []string{"wpexit", "convert", in, "--out", out, "--archive", "-q"},
		strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
	if exitCode(err) != exitPartial {
		t.Fatalf("exit %d (%v), want %d", exitCode(err), err, exitPartial)
	}
	a, err := os.ReadFile(filepath.Join(out, "archive", "items.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(a), "\n"); got != items {
		t.Errorf("%d archive lines for %d items", got, items)
	}
	if !strings.Contains(string(a), `"error":"`+in+`:`) {
		t.Errorf("no positioned error line:\n%s", a)
	}
}

// TestArchiveSiteKeepsEveryField fails when the reader gains a channel,
// author or term field that archive/site.json neither writes nor excludes
// on purpose, and checks that no e-mail address is written.
func TestArchiveSiteKeepsEveryField(t *testing.T) {
	ch := &wxr.Channel{Title: "t", Link: "l", Description: "write to me@example.org", Language: "en", Version: "1.2",
		Generator: "g", BaseSiteURL: "s", BaseBlogURL: "b",
		Authors:    []wxr.Author{{ID: 1, Login: "ann@example.org", Email: "ann@example.org", DisplayName: "d", FirstName: "f", LastName: "l"}},
		Categories: []wxr.Term{{ID: 1, Taxonomy: "category", Slug: "s", Parent: "p", Name: "n", Description: "d", Meta: []wxr.Meta{{Key: "k", Value: "x@example.org"}}}},
		Tags:       []wxr.Term{{ID: 2, Taxonomy: "post_tag", Slug: "s", Name: "n"}},
		Terms:      []wxr.Term{{ID: 3, Taxonomy: "genre", Slug: "s", Name: "n"}},
	}
	b, err := archiveSiteJSON(ch)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "@example.org") {
		t.Errorf("an e-mail address was written:\n%s", b)
	}
	var top map[string]any
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	has := func(m map[string]any, typ reflect.Type, prefix string, excluded ...string) {
		for i := range typ.NumField() {
			f := typ.Field(i).Name
			if slices.Contains(excluded, f) {
				continue
			}
			if _, ok := m[snake(f)]; !ok {
				t.Errorf("%s.%s is not in archive/site.json (%q)", prefix, f, snake(f))
			}
		}
	}
	has(top, reflect.TypeOf(wxr.Channel{}), "Channel")
	has(top["authors"].([]any)[0].(map[string]any), reflect.TypeOf(wxr.Author{}), "Author", "Email")
	has(top["categories"].([]any)[0].(map[string]any), reflect.TypeOf(wxr.Term{}), "Term")
}
