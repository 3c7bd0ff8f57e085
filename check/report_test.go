package check

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleResult has covered and missing URLs in several classes.
func sampleResult() *Result {
	urls := []OldURL{
		{Path: "/2012/02/14/hello/", Class: Posts, ItemID: 2536, Type: "post", Title: "Hello"},
		{Path: "/2013/01/中文/", Class: Posts, ItemID: 2537, Type: "post", Title: `Quote "me", please`},
		{Path: "/about/", Class: Pages, ItemID: 3, Type: "page", Title: "About"},
		{Path: "/wp-content/uploads/x.jpg", Class: Media, ItemID: 5, Type: "attachment", Title: "x"},
		{Path: "/category/news/", Class: Archives, Type: "category", Title: "News"},
		{Path: "/feed/", Class: Feeds},
		{Path: "/?p=2537", Class: Shortlinks, ItemID: 2537, Type: "post", Title: "=cmd"},
	}
	reasons := []string{"", reasonNothing, "", "HTTP 404", "", "", reasonQuery}
	r := newResult("site", urls, reasons, Options{}.withDefaults())
	r.Warnings = []string{"static/_redirects:3: bad status \"30x\""}
	return r
}

func TestReports(t *testing.T) {
	r := sampleResult()
	for _, f := range []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return r.WriteText(b) }},
		{"report.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"report.csv", func(b *bytes.Buffer) error { return r.WriteCSV(b) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, f.golden, b.Bytes())
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./check -update)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestReportsParse(t *testing.T) {
	r := sampleResult()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back struct {
		OK      bool
		Summary []ClassCount
		Missing []Miss
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.OK || len(back.Missing) != 3 || len(back.Summary) != 6 {
		t.Errorf("json round trip: ok=%v missing=%d summary=%d", back.OK, len(back.Missing), len(back.Summary))
	}
	b.Reset()
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[2][4] != `Quote "me", please` && rows[1][4] != `Quote "me", please` {
		t.Errorf("csv rows %q", rows)
	}
}

func TestOK(t *testing.T) {
	r := sampleResult()
	tests := []struct {
		require []Class
		want    bool
	}{
		{nil, false}, // posts and pages: a post is missing
		{[]Class{Pages}, true},
		{[]Class{Pages, Archives, Feeds}, true},
		{[]Class{Media}, false},
		{[]Class{Shortlinks}, false},
		{[]Class{}, true},
	}
	for _, tt := range tests {
		if got := r.OK(tt.require); got != tt.want {
			t.Errorf("OK(%v) = %v, want %v", tt.require, got, tt.want)
		}
	}
}

func TestParseClasses(t *testing.T) {
	tests := []struct {
		in      string
		want    []Class
		wantErr bool
	}{
		{"posts,pages", []Class{Posts, Pages}, false},
		{"post, Page ,media", []Class{Posts, Pages, Media}, false},
		{"all", Classes(), false},
		{"shortlink,feeds,archive", []Class{Shortlinks, Feeds, Archives}, false},
		{"", nil, false},
		{"none", []Class{}, false},
		{"posts,comments", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseClasses(tt.in)
		if (err != nil) != tt.wantErr || !equalClasses(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("ParseClasses(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func equalClasses(a, b []Class) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
