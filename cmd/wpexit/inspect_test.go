package main_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// inspection is the part of `inspect --json` the tests check.
type inspection struct {
	Inputs []struct {
		Name, Title, Link string
		Version           string `json:"wxr_version"`
		Generator         string
		BaseBlogURL       string `json:"base_blog_url"`
	}
	Items      int
	Types      map[string]map[string]int
	Authors    []struct{ Login string }
	Taxonomies []struct {
		Name           string
		Declared, Used int
	}
	Comments   map[string]map[string]int
	Shortcodes map[string]int
	Blocks     map[string]int
	Permalinks map[string]int
	First      string
	Last       string
	Warnings   []string
	Errors     []string
}

func TestInspectJSON(t *testing.T) {
	r := wpexit(t, nil, "inspect", "--json", sample)
	wantCode(t, r, 0, "inspect --json sample.xml")
	assertNoSecrets(t, "inspect --json", r.stdout)
	var in inspection
	if err := json.Unmarshal([]byte(r.stdout), &in); err != nil {
		t.Fatalf("inspect --json output is not JSON: %v\n%s", err, r.stdout)
	}
	if len(in.Inputs) != 1 || in.Inputs[0].Title != "Harbour Notes" || in.Inputs[0].Version != "1.2" ||
		in.Inputs[0].BaseBlogURL != "https://harbournotes.example" {
		t.Errorf("inputs = %+v, want one: Harbour Notes, WXR 1.2, https://harbournotes.example", in.Inputs)
	}
	if !strings.Contains(in.Inputs[0].Generator, "6.4.2") {
		t.Errorf("generator = %q, want WordPress 6.4.2", in.Inputs[0].Generator)
	}
	counts := []struct {
		typ, status string
		want        int
	}{
		{"post", "publish", 5}, {"post", "draft", 1}, {"post", "private", 1},
		{"page", "publish", 2}, {"attachment", "inherit", 1}, {"nav_menu_item", "publish", 1},
	}
	for _, c := range counts {
		if got := in.Types[c.typ][c.status]; got != c.want {
			t.Errorf("types[%s][%s] = %d, want %d", c.typ, c.status, got, c.want)
		}
	}
	if in.Items != 11 {
		t.Errorf("items = %d, want 11", in.Items)
	}
	if in.Comments["comment"]["approved"] != 3 || in.Comments["comment"]["pending"] != 1 || in.Comments["pingback"]["approved"] != 1 {
		t.Errorf("comments = %v, want comment: 3 approved, 1 pending; pingback: 1 approved", in.Comments)
	}
	if in.Shortcodes["caption"] != 1 || in.Shortcodes["code"] != 1 {
		t.Errorf("shortcodes = %v, want caption: 1, code: 1", in.Shortcodes)
	}
	for _, b := range []string{"core/paragraph", "core/heading", "core/list", "core/image", "core/code"} {
		if in.Blocks[b] != 1 {
			t.Errorf("blocks[%s] = %d, want 1 (blocks: %v)", b, in.Blocks[b], in.Blocks)
		}
	}
	if in.Permalinks["/%year%/%monthnum%/%day%/%postname%/"] < 4 {
		t.Errorf("permalinks = %v, want /%%year%%/%%monthnum%%/%%day%%/%%postname%%/ for the posts", in.Permalinks)
	}
	if !strings.HasPrefix(in.First, "2019-03-02") || !strings.HasPrefix(in.Last, "2019-05-18") {
		t.Errorf("dates = %s to %s, want 2019-03-02 to 2019-05-18", in.First, in.Last)
	}
	taxa := map[string][2]int{}
	for _, tx := range in.Taxonomies {
		taxa[tx.Name] = [2]int{tx.Declared, tx.Used}
	}
	if taxa["category"] != [2]int{3, 3} || taxa["post_tag"] != [2]int{2, 2} || taxa["series"] != [2]int{1, 1} {
		t.Errorf("taxonomies = %v, want category 3/3, post_tag 2/2, series 1/1 (declared/used)", taxa)
	}
	if len(in.Authors) != 2 || len(in.Errors) != 0 {
		t.Errorf("authors = %v, errors = %v; want maren and tobias, no errors", in.Authors, in.Errors)
	}
}

func TestInspectText(t *testing.T) {
	r := wpexit(t, nil, "inspect", sample)
	wantCode(t, r, 0, "inspect sample.xml")
	assertNoSecrets(t, "inspect", r.stdout)
	for _, want := range []string{
		"Harbour Notes https://harbournotes.example", "items: 11, dated 2019-03-02 to 2019-05-18",
		"5 publish, 1 draft, 1 private", "maren", "series", "caption", "core/image",
		"/%year%/%monthnum%/%day%/%postname%/", "warnings: 0", "errors: 0",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("inspect output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("inspect wrote to stderr: %q", r.stderr)
	}
}

func TestInspectStdinAndSeveralInputs(t *testing.T) {
	b := readFile(t, sample)
	r := wpexit(t, b, "inspect", "--json", "-")
	wantCode(t, r, 0, "inspect -")
	var in inspection
	if err := json.Unmarshal([]byte(r.stdout), &in); err != nil || in.Items != 11 {
		t.Fatalf("inspect - : items %d, err %v", in.Items, err)
	}
	r = wpexit(t, b, "inspect", "--json", sample, "-")
	wantCode(t, r, 0, "inspect sample.xml -")
	in = inspection{}
	if err := json.Unmarshal([]byte(r.stdout), &in); err != nil || in.Items != 22 || len(in.Inputs) != 2 {
		t.Fatalf("inspect sample.xml - : items %d, inputs %d, err %v; want 22 items from 2 inputs", in.Items, len(in.Inputs), err)
	}
}

func TestInspectBadInput(t *testing.T) {
	dir := t.TempDir()
	for name, p := range badInputs(t, dir) {
		t.Run(name, func(t *testing.T) {
			r := wpexit(t, nil, "inspect", p)
			wantCode(t, r, 1, "inspect "+name)
			assertOneSentence(t, r.stderr, p)
		})
	}
	r := wpexit(t, nil, "inspect", filepath.Join(dir, "missing.xml"))
	wantCode(t, r, 1, "inspect missing.xml")
	assertOneSentence(t, r.stderr, "missing.xml")
}

// assertOneSentence checks an error report: one line, "wpexit: …", naming
// the file (and for XML problems the line), no panic.
func assertOneSentence(t *testing.T, stderr, file string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "wpexit: ") {
		t.Fatalf("stderr = %q, want one line starting with \"wpexit: \"", stderr)
	}
	if !strings.Contains(lines[0], file) {
		t.Errorf("error %q does not name %s", lines[0], file)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Errorf("error looks like a crash: %q", stderr)
	}
	// An XML problem has a line; a missing or empty file has none.
	if strings.HasSuffix(file, ".xml") && !strings.Contains(file, "missing") && !strings.Contains(file, "empty") &&
		!regexp.MustCompile(regexp.QuoteMeta(file)+`:\d+: `).MatchString(lines[0]) {
		t.Errorf("error %q does not give the place in %s as file:line", lines[0], file)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "missing command"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"inspect"}, 2, "missing EXPORT"},
		{[]string{"convert", sample}, 2, "--out"},
		{[]string{"convert", sample, "--out", "x", "--link-style", "sideways"}, 2, "--link-style"},
		{[]string{"convert", sample, "--out", "x", "--redirects", "iis"}, 2, "--redirects"},
		{[]string{"convert", sample, "--out", "x", "--no-such-flag"}, 2, "no-such-flag"},
		{[]string{"inspect", "-", "-"}, 2, "stdin"},
		{[]string{"--help"}, 0, ""},
	}
	for _, tt := range tests {
		r := wpexit(t, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("wpexit %v: exit %d, stderr %q; want exit %d and %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat("x"); err == nil {
		t.Error("a usage error created the output folder")
	}
}

func TestInspectCompressed(t *testing.T) {
	dir := t.TempDir()
	whole := readFile(t, sample)
	var gz, zipped bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write(whole)
	gw.Close()
	zw := zip.NewWriter(&zipped)
	for _, name := range []string{"export-002.xml", "export-001.xml"} {
		f, _ := zw.Create(name)
		f.Write(whole)
	}
	zw.Close()
	os.WriteFile(filepath.Join(dir, "export.xml.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "parts.zip"), zipped.Bytes(), 0o644)
	tests := []struct {
		file   string
		items  int
		inputs []string
	}{
		{"export.xml.gz", 11, []string{"export.xml.gz"}},
		{"parts.zip", 22, []string{"export-001.xml", "export-002.xml"}},
	}
	for _, tt := range tests {
		r := wpexit(t, nil, "inspect", "--json", filepath.Join(dir, tt.file))
		wantCode(t, r, 0, "inspect "+tt.file)
		var in inspection
		if err := json.Unmarshal([]byte(r.stdout), &in); err != nil {
			t.Fatal(err)
		}
		if in.Items != tt.items || len(in.Inputs) != len(tt.inputs) {
			t.Fatalf("inspect %s: %d items from %d inputs, want %d from %d", tt.file, in.Items, len(in.Inputs), tt.items, len(tt.inputs))
		}
		for i, want := range tt.inputs {
			if !strings.Contains(in.Inputs[i].Name, want) {
				t.Errorf("inspect %s: input %d = %q, want %s (parts in name order)", tt.file, i, in.Inputs[i].Name, want)
			}
		}
	}
}
