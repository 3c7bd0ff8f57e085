package wxr_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// result is everything a Reader reported for one input.
type result struct {
	ch       *wxr.Channel
	items    []*wxr.Item
	warnings []wxr.Warning
	skipped  []*wxr.ItemError
	fatal    *wxr.Error
	openErr  error // from NewReader
}

// item finds an item by id; with t nil a missing item is an empty one.
func (r *result) item(t *testing.T, id int64) *wxr.Item {
	for _, it := range r.items {
		if it.ID == id {
			return it
		}
	}
	if t != nil {
		t.Helper()
		t.Fatalf("no item %d among %d items", id, len(r.items))
	}
	return &wxr.Item{}
}

// read drains a Reader, checking the Next contract on the way.
func read(t testing.TB, name string, in io.Reader) *result {
	t.Helper()
	res := &result{}
	r, err := wxr.NewReader(in, wxr.Options{Name: name, OnWarning: func(w wxr.Warning) {
		res.warnings = append(res.warnings, w)
	}})
	if err != nil {
		res.openErr = err
		return res
	}
	res.ch = r.Channel()
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("Next never returned io.EOF")
		}
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		var ie *wxr.ItemError
		var fe *wxr.Error
		switch {
		case errors.As(err, &ie):
			res.skipped = append(res.skipped, ie)
		case errors.As(err, &fe):
			if res.fatal != nil {
				t.Fatalf("second fatal error %v after %v", err, res.fatal)
			}
			res.fatal = fe
		case err != nil:
			t.Fatalf("Next returned an untyped error: %v", err)
		case it == nil:
			t.Fatal("Next returned neither an item nor an error")
		default:
			if res.fatal != nil {
				t.Fatalf("item %d after the fatal error %v", it.ID, res.fatal)
			}
			res.items = append(res.items, it)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("Next after io.EOF = %v, want io.EOF", err)
	}
	return res
}

func readFile(t testing.TB, path string) *result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return read(t, filepath.Base(path), f)
}

func ids(items []*wxr.Item) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func warningTexts(ws []wxr.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.String())
	}
	return out
}

// TestFixtures reads every quirk fixture and checks what came out: the
// items, each warning (exact "file:line: item N: msg" text), each skipped
// item and the fatal error.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file     string
		ids      []int64
		warnings []string
		skipped  []string
		fatal    string
		openErr  string
	}{
		{file: "wxr10.xml", ids: []int64{4}},
		{file: "wxr11.xml", ids: []int64{1}},
		{file: "wxr12-full.xml", ids: []int64{42, 44, 43}},
		{file: "https-namespace.xml", ids: []int64{1}},
		{file: "split-cdata.xml", ids: []int64{1, 2}},
		{file: "item-in-content.xml", ids: []int64{1, 2}},
		{file: "channel-after-items.xml", ids: []int64{1}},
		{file: "lookalike-namespace.xml", ids: []int64{1, 0}},
		{file: "formfeed.xml", ids: []int64{1, 2, 3}, warnings: []string{
			"formfeed.xml:24: item 2: dropped 2 characters XML forbids (U+000C)",
			"formfeed.xml:24: item 2: replaced 1 invalid UTF-8 byte with U+FFFD",
		}},
		{file: "raw-amp.xml", ids: []int64{1, 2}, warnings: []string{
			`raw-amp.xml:22: item 2: escaped 1 bare "&"`,
			"raw-amp.xml:22: item 2: replaced 2 HTML entities XML does not define (&nbsp;, &mdash;)",
			`raw-amp.xml:23: item 2: escaped 1 bare "&"`,
		}},
		{file: "unbound-atom.xml", ids: []int64{1, 2}, warnings: []string{
			`unbound-atom.xml:12: namespace prefix "atom" is used but not declared; declared it as an unknown namespace (its elements are ignored)`,
		}},
		{file: "undeclared-wp.xml", ids: []int64{1}, warnings: []string{
			`undeclared-wp.xml:5: namespace prefix "wp" is used but not declared; read it as the usual WXR namespace`,
			`undeclared-wp.xml:9: item 1: namespace prefix "content" is used but not declared; read it as the usual WXR namespace`,
		}},
		{file: "early-cdata.xml", ids: []int64{1, 2, 3, 4}, warnings: []string{
			`early-cdata.xml:24: item 2: recovered 1 element whose CDATA section ended early (unescaped "]]>" in its text) (<content:encoded>)`,
			`early-cdata.xml:37: item 3: recovered 1 element whose CDATA section ended early (unescaped "]]>" in its text) (<content:encoded>)`,
		}},
		{file: "latin1.xml", ids: []int64{1}, warnings: []string{
			"latin1.xml:4: decoded 1 byte that is not UTF-8 in the declared encoding (Windows 1252)",
			"latin1.xml:7: item 1: decoded 3 bytes that are not UTF-8 in the declared encoding (Windows 1252)",
			"latin1.xml:8: item 1: decoded 2 bytes that are not UTF-8 in the declared encoding (Windows 1252)",
		}},
		{file: "broken-item.xml", ids: []int64{1, 3}, skipped: []string{
			"broken-item.xml:25: item 2: skipped the item that starts on line 21: element <wp:status> closed by </wp:post_type>",
		}},
		{file: "unclosed-item.xml", ids: []int64{1, 3}, skipped: []string{
			"unclosed-item.xml:21: item 2: skipped the item: it has no </item> before the next <item> on line 25",
		}},
		{file: "truncated.xml", ids: []int64{1, 2},
			fatal: "truncated.xml:35: the file ends inside the item that starts on line 30: the export is truncated"},
		{file: "truncated-after-items.xml", ids: []int64{1, 2},
			fatal: "truncated-after-items.xml:29: the file ends before </channel>: the export is truncated"},
		{file: "export.xml.gz", ids: []int64{1}},
		{file: "truncated.xml.gz", openErr: "truncated.xml.gz:14: reading stopped: the gzip data ends early: the file is truncated"},
		{file: "corrupt.xml.gz", openErr: "corrupt.xml.gz: reading failed: the gzip data is corrupt: flate: corrupt input before offset 5"},
		{file: "empty.xml", openErr: "empty.xml: the file is empty"},
		{file: "whitespace.xml", openErr: "whitespace.xml: the file holds only whitespace"},
		{file: "not-xml.xml", openErr: `not-xml.xml:1: not XML: it begins with "Error establishi"`},
		{file: "html-page.xml", openErr: `html-page.xml:1: an HTML page, not a WXR export (titled "502 Bad Gateway"); was an error or login page saved instead of the export?`},
		{file: "atom-feed.xml", openErr: "atom-feed.xml:1: the root element is <feed>, not <rss>: this is not a WXR export"},
		{file: "rss-not-wxr.xml", openErr: "rss-not-wxr.xml:1: an RSS feed without <wp:wxr_version> or the WXR namespace: this is not a WordPress export"},
		{file: "no-channel.xml", openErr: "no-channel.xml:1: <rss> has no <channel>: this is not a WXR export"},
		{file: "parts.zip", openErr: "parts.zip: a zip archive: read it with Sources, which opens each .xml part"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, filepath.Join("testdata", tt.file))
			if tt.openErr != "" {
				var fe *wxr.Error
				if res.openErr == nil || !errors.As(res.openErr, &fe) || res.openErr.Error() != tt.openErr {
					t.Fatalf("NewReader error = %v, want *wxr.Error %q", res.openErr, tt.openErr)
				}
				return
			}
			if res.openErr != nil {
				t.Fatalf("NewReader: %v", res.openErr)
			}
			if got := ids(res.items); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("item ids = %v, want %v", got, tt.ids)
			}
			if got := warningTexts(res.warnings); !reflect.DeepEqual(got, tt.warnings) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.warnings, "\n"))
			}
			var skipped []string
			for _, e := range res.skipped {
				skipped = append(skipped, e.Error())
			}
			if !reflect.DeepEqual(skipped, tt.skipped) {
				t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(skipped, "\n"), strings.Join(tt.skipped, "\n"))
			}
			fatal := ""
			if res.fatal != nil {
				fatal = res.fatal.Error()
			}
			if fatal != tt.fatal {
				t.Errorf("fatal = %q, want %q", fatal, tt.fatal)
			}
			for _, it := range res.items {
				if it.File != tt.file || it.Line <= 0 {
					t.Errorf("item %d: File, Line = %q, %d", it.ID, it.File, it.Line)
				}
			}
		})
	}
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestFullItem checks every field of a WXR 1.2 item and its channel.
func TestFullItem(t *testing.T) {
	res := readFile(t, "testdata/wxr12-full.xml")
	wantCh := &wxr.Channel{
		Title: "Tips & Tricks", Link: "https://example.com", Description: "A  site",
		Language: "en-US", Version: "1.2", Generator: "WordPress/6.4.2",
		BaseSiteURL: "https://wordpress.com/", BaseBlogURL: "https://example.com",
		Authors: []wxr.Author{{ID: 1, Login: "alice", Email: "alice@example.com", DisplayName: "Alice & Co", FirstName: "Alice", LastName: "Liddell"}},
		Categories: []wxr.Term{
			{ID: 3, Taxonomy: "category", Slug: "how-to", Name: "How & To", Description: "Guides", Meta: []wxr.Meta{{Key: "color", Value: " blue "}}},
			{ID: 4, Taxonomy: "category", Slug: "中文", Parent: "how-to", Name: "中文"},
		},
		Tags:  []wxr.Term{{ID: 5, Taxonomy: "post_tag", Slug: "cats", Name: "Cats"}},
		Terms: []wxr.Term{{ID: 6, Taxonomy: "nav_menu", Slug: "main", Name: "Main"}},
	}
	if !reflect.DeepEqual(res.ch, wantCh) {
		t.Errorf("channel:\n%+v\nwant\n%+v", res.ch, wantCh)
	}
	want := &wxr.Item{
		Line: 34, File: "wxr12-full.xml", ID: 42, Title: "Tips & Tricks",
		Link: "https://example.com/2019/03/tips-tricks/", PubDate: "Tue, 05 Mar 2019 14:30:00 +0000",
		Creator: "alice", GUID: "http://old.example.com/?p=42",
		Content: "Intro line\nsecond line <code>a[b[0]]>c</code>\n\n<!--more-->\n  indented",
		Excerpt: " An excerpt ",
		Date:    date("2019-03-05 15:30:00"), DateGMT: date("2019-03-05 14:30:00"),
		Modified: date("2019-03-06 09:00:00"), ModifiedGMT: date("2019-03-06 08:00:00"),
		CommentStatus: "open", PingStatus: "closed",
		Name: "日本語-tips", RawName: "%e6%97%a5%e6%9c%ac%e8%aa%9e-tips",
		Status: "publish", Parent: 7, MenuOrder: 3, Type: "post", Password: "secret", Sticky: true,
		Terms: []wxr.ItemTerm{
			{Domain: "category", Slug: "how-to", Name: "How & To"},
			{Domain: "post_tag", Slug: "cats", Name: "Cats"},
			{Domain: "post_format", Slug: "post-format-aside", Name: "Aside"},
		},
		Meta: []wxr.Meta{{Key: "_thumbnail_id", Value: "43"}, {Key: "_wp_old_slug", Value: "  old slug  "}},
		Comments: []wxr.Comment{
			{ID: 7, Author: "Bob & Carol", Email: "bob@example.com", URL: "https://bob.example.com/?a=1&b=2", IP: "192.0.2.1",
				Date: date("2019-03-05 16:00:00"), DateGMT: date("2019-03-05 15:00:00"),
				Content: "Nice post!\nThanks.", Approved: "1", Type: "comment",
				Meta: []wxr.Meta{{Key: "akismet_result", Value: "false"}}},
			{ID: 8, Author: "alice", Date: date("2019-03-05 17:00:00"), Content: "Reply", Approved: "0", Parent: 7, UserID: 1},
		},
	}
	if got := res.item(t, 42); !reflect.DeepEqual(got, want) {
		t.Errorf("item 42:\n%+v\nwant\n%+v", got, want)
	}
	draft := res.item(t, 44)
	if !draft.Date.IsZero() || !draft.DateGMT.IsZero() || draft.Name != "" || draft.PubDate != "" {
		t.Errorf("draft: Date %v, DateGMT %v, Name %q, PubDate %q: want zero dates and empty slug", draft.Date, draft.DateGMT, draft.Name, draft.PubDate)
	}
	if draft.Title != "Draft with <b>no</b> date" {
		t.Errorf("draft title = %q (entities must be decoded once)", draft.Title)
	}
	att := res.item(t, 43)
	if att.AttachmentURL != "https://example.com/wp-content/uploads/2019/03/photo.jpg" || att.Excerpt != "A caption" || att.Parent != 42 {
		t.Errorf("attachment = %+v", att)
	}
}

// TestQuirkValues checks the values the repairs and version rules produce.
func TestQuirkValues(t *testing.T) {
	tests := []struct {
		file  string
		id    int64
		check func(*result, *wxr.Item) string
	}{
		{"wxr10.xml", 4, func(r *result, it *wxr.Item) string {
			want := []wxr.ItemTerm{{Domain: "category", Slug: "alpha", Name: "alpha"}, {Domain: "post_tag", Slug: "news", Name: "news"}}
			if !reflect.DeepEqual(it.Terms, want) {
				return "terms (WXR 1.0 duplicates dropped, tag → post_tag)"
			}
			if it.Creator != "Admin Display Name" || it.Comments[0].Approved != "spam" || r.ch.Generator != "WordPress/3.0.1" || r.ch.Version != "1.0" {
				return "creator, spam comment, generator or version"
			}
			return ""
		}},
		{"wxr11.xml", 1, func(r *result, it *wxr.Item) string {
			if it.Creator != "admin" || len(r.ch.Authors) != 1 || r.ch.Authors[0].Login != "admin" || r.ch.BaseBlogURL != "http://localhost" {
				return "multi-line creator trimmed, author list, base_blog_url fallback"
			}
			return ""
		}},
		{"https-namespace.xml", 1, func(r *result, it *wxr.Item) string {
			if it.Type != "page" || it.Name != "hello-world" || r.ch.Version != "1.2" {
				return "https namespace fields"
			}
			return ""
		}},
		{"split-cdata.xml", 1, func(r *result, it *wxr.Item) string {
			if it.Content != "a]]>b" || r.item(nil, 2).Content != "line oneline two" {
				return "split CDATA joined"
			}
			return ""
		}},
		{"item-in-content.xml", 1, func(r *result, it *wxr.Item) string {
			if it.Content != "<p>Write </item> and <item> in a post</p>" {
				return "</item> inside CDATA"
			}
			return ""
		}},
		{"channel-after-items.xml", 1, func(r *result, it *wxr.Item) string {
			if len(r.ch.Terms) != 1 || r.ch.Terms[0].Slug != "jazz" || r.ch.Terms[0].Taxonomy != "genre" {
				return "term after the items added to the channel"
			}
			return ""
		}},
		{"lookalike-namespace.xml", 1, func(r *result, it *wxr.Item) string {
			var logins []string
			for _, a := range r.ch.Authors {
				logins = append(logins, a.Login)
			}
			if !reflect.DeepEqual(logins, []string{"real", "other-prefix"}) {
				return "authors: " + strings.Join(logins, ",")
			}
			if !reflect.DeepEqual(it.Meta, []wxr.Meta{{Key: "good", Value: "good"}}) || it.Name != "default-ns" {
				return "look-alike meta ignored, default-namespace post_name read"
			}
			if h := r.item(nil, 0); h.Title != "Hijacked" || h.Type != "" {
				return "hijacked wp prefix must not be read as WXR"
			}
			return ""
		}},
		{"formfeed.xml", 2, func(r *result, it *wxr.Item) string {
			if it.Content != "confixed caf\uFFFD ok" {
				return "content " + it.Content
			}
			return ""
		}},
		{"raw-amp.xml", 2, func(r *result, it *wxr.Item) string {
			if it.Title != "Fish & Chips\u00a0— & more" || it.Link != "https://example.com/?a=1&b=2" || it.Content != "Body & more" {
				return "title " + it.Title + " link " + it.Link
			}
			return ""
		}},
		{"early-cdata.xml", 2, func(r *result, it *wxr.Item) string {
			want := "<p>Before</p>\n<script type=\"text/javascript\">//<![CDATA[\nvar x = 1;\n//]]></script>\n<p>After</p>"
			if it.Content != want || r.item(nil, 3).Content != "Nested <![CDATA[ tags ]]> :)" {
				return "content " + it.Content
			}
			return ""
		}},
		{"latin1.xml", 1, func(r *result, it *wxr.Item) string {
			if r.ch.Title != "Café" || it.Title != "Crème brûlée" || it.Content != "UTF-8 as well: été, and “quoted”" {
				return "title " + r.ch.Title + " / " + it.Title + " / " + it.Content
			}
			return ""
		}},
		{"unbound-atom.xml", 1, func(r *result, it *wxr.Item) string {
			if r.ch.Title != "Quirks" || it.Title != "Post 1" {
				return "channel after atom:link"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, filepath.Join("testdata", tt.file))
			if msg := tt.check(res, res.item(t, tt.id)); msg != "" {
				t.Errorf("%s: wrong %s", tt.file, msg)
			}
		})
	}
}

// TestChunkBoundaries reads every fixture one byte at a time and in odd
// pieces: the result must not depend on how the input arrives.
func TestChunkBoundaries(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xml")
	files = append(files, "big")
	for _, f := range files {
		var data []byte
		if f == "big" {
			data = bigExport(300, 7000)
		} else {
			var err error
			if data, err = os.ReadFile(f); err != nil {
				t.Fatal(err)
			}
		}
		name := filepath.Base(f)
		want := read(t, name, bytes.NewReader(data))
		for _, in := range []io.Reader{iotest.OneByteReader(bytes.NewReader(data)), iotest.HalfReader(bytes.NewReader(data)), iotest.DataErrReader(bytes.NewReader(data))} {
			got := read(t, name, in)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: reading in pieces differs: %d items, %d warnings, %v / want %d items, %d warnings, %v",
					name, len(got.items), len(got.warnings), got.openErr, len(want.items), len(want.warnings), want.openErr)
			}
		}
	}
}

// bigExport builds an export of n items with size-byte bodies, big
// enough to make the reader's buffer grow and compact.
func bigExport(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Big</title><wp:wxr_version>1.2</wp:wxr_version>
`)
	body := strings.Repeat("<p>Lorem ipsum ]] dolor <!-- c --> sit amet &amp; </item></p>\n", size/64+1)
	for i := 1; i <= n; i++ {
		b.WriteString("<item><title>Post</title><wp:post_id>")
		b.WriteString(strings.Repeat("0", i%3) + itoa(i))
		b.WriteString("</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[")
		b.WriteString(body[:size*(1+i%5)%len(body)])
		b.WriteString("]]></content:encoded></item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestBigExport checks that large bodies spanning many reads come out
// whole.
func TestBigExport(t *testing.T) {
	data := bigExport(300, 7000)
	res := read(t, "big.xml", bytes.NewReader(data))
	if len(res.items) != 300 || res.fatal != nil || len(res.warnings) != 0 {
		t.Fatalf("%d items, fatal %v, %d warnings", len(res.items), res.fatal, len(res.warnings))
	}
	for i, it := range res.items {
		if it.ID != int64(i+1) || !strings.HasPrefix(it.Content, "<p>Lorem") && it.Content != "" {
			t.Fatalf("item %d: id %d content %.40q", i, it.ID, it.Content)
		}
	}
}
