package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// A golden case is a text file of sections, each opened by a line
// "-- NAME --" (the txtar shape, parsed here without the dependency):
//
//	item.json     the item under test (wxr.Item as JSON)
//	site.json     optional: earlier items (JSON array), added to the Site,
//	              learned and planned before the item
//	options.json  optional: Options
//	plan          expected: the plan's path or skip, url, draft, notes
//	page.md       expected: the written file (absent for skipped items)
//
// go test ./convert -run Golden -update rewrites plan and page.md.

// section is one named part of a golden file.
type section struct {
	name string
	data string
}

// parseSections splits a golden file into its sections; text before the
// first header is a comment and kept as section "".
func parseSections(b []byte) []section {
	var out []section
	cur := section{}
	for _, line := range strings.SplitAfter(string(b), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			out = append(out, cur)
			cur = section{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])}
			continue
		}
		cur.data += line
	}
	return append(out, cur)
}

// formatSections is the inverse of parseSections.
func formatSections(ss []section) []byte {
	var b bytes.Buffer
	for _, s := range ss {
		if s.name != "" {
			fmt.Fprintf(&b, "-- %s --\n", s.name)
		}
		b.WriteString(s.data)
		if s.data != "" && !strings.HasSuffix(s.data, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// get returns the named section's data and whether it exists.
func get(ss []section, name string) (string, bool) {
	for _, s := range ss {
		if s.name == name {
			return s.data, true
		}
	}
	return "", false
}

// set replaces or appends the named section; data "" with drop removes it.
func set(ss []section, name, data string, drop bool) []section {
	for i, s := range ss {
		if s.name == name {
			if drop {
				return append(ss[:i:i], ss[i+1:]...)
			}
			ss[i].data = data
			return ss
		}
	}
	if drop {
		return ss
	}
	return append(ss, section{name: name, data: data})
}

// describePlan is the plan's golden text.
func describePlan(pl Plan) string {
	var b strings.Builder
	if pl.Skip != "" {
		fmt.Fprintf(&b, "skip: %s\n", pl.Skip)
	} else {
		fmt.Fprintf(&b, "path: %s\n", pl.Path)
	}
	fmt.Fprintf(&b, "url: %s\ndraft: %v\n", pl.URL, pl.Draft)
	for _, n := range pl.Notes {
		fmt.Fprintf(&b, "note: %s: %s\n", n.Kind, n.Detail)
	}
	return b.String()
}

// runGolden plans and converts one golden case and returns the plan text,
// the page notes and the file (nil when skipped).
func runGolden(t *testing.T, ss []section) (plan string, page []byte, it *wxr.Item) {
	t.Helper()
	var opts Options
	if s, ok := get(ss, "options.json"); ok {
		if err := json.Unmarshal([]byte(s), &opts); err != nil {
			t.Fatalf("options.json: %v", err)
		}
	}
	var others []*wxr.Item
	if s, ok := get(ss, "site.json"); ok {
		if err := json.Unmarshal([]byte(s), &others); err != nil {
			t.Fatalf("site.json: %v", err)
		}
	}
	s, ok := get(ss, "item.json")
	if !ok {
		t.Fatal("no item.json section")
	}
	it = new(wxr.Item)
	if err := json.Unmarshal([]byte(s), it); err != nil {
		t.Fatalf("item.json: %v", err)
	}
	site, planner := NewSite(), NewPlanner(opts)
	all := append(others, it)
	for _, o := range all {
		site.Add(o)
		planner.Learn(o)
	}
	for _, o := range others {
		planner.Plan(o)
	}
	pl := planner.Plan(it)
	if pl.Skip != "" {
		return describePlan(pl), nil, it
	}
	p, err := New(site, opts).Convert(it, pl)
	if err != nil {
		t.Fatalf("convert: %v", err)
	}
	b, err := p.Bytes()
	if err != nil {
		t.Fatalf("bytes: %v", err)
	}
	var notes strings.Builder
	for _, n := range p.Notes {
		fmt.Fprintf(&notes, "page note: %s: %s\n", n.Kind, n.Detail)
	}
	return describePlan(pl) + notes.String(), b, it
}

// TestGolden runs every case in testdata/pages.
func TestGolden(t *testing.T) {
	eachGoldenCase(t, "pages", 10, func(t *testing.T, file string, ss []section) {
		plan, page, it := runGolden(t, ss)
		if it.Password != "" && bytes.Contains(page, []byte(it.Password)) {
			t.Errorf("the page contains the post's password")
		}
		if page != nil {
			checkFrontMatterParses(t, page)
		}
		if *update {
			ss = set(ss, "plan", plan, false)
			ss = set(ss, "page.md", string(page), page == nil)
			if err := os.WriteFile(file, formatSections(ss), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if want, _ := get(ss, "plan"); want != plan {
			t.Errorf("plan:\n got:\n%s\nwant:\n%s", plan, want)
		}
		want, ok := get(ss, "page.md")
		if page == nil && ok {
			t.Errorf("no page written, golden has one")
		}
		if page != nil && want != string(page) {
			t.Errorf("page.md:\n got:\n%s\nwant:\n%s", page, want)
		}
	})
}

// checkFrontMatterParses fails unless the file starts with a YAML front
// matter block that yaml.v3 reads.
func checkFrontMatterParses(t *testing.T, page []byte) {
	t.Helper()
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	if !ok {
		t.Fatalf("no opening ---:\n%s", page)
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		t.Fatalf("no closing ---:\n%s", page)
	}
	var m map[string]any
	if err := yamlUnmarshal(append(fm, '\n'), &m); err != nil {
		t.Errorf("front matter does not parse: %v\n%s", err, fm)
	}
}

// eachGoldenCase runs fn as a subtest for every testdata/DIR/*.txtar case,
// with its sections parsed; fewer than min cases fails the test (a glob that
// finds nothing must not pass).
func eachGoldenCase(t *testing.T, dir string, min int, fn func(t *testing.T, file string, ss []section)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < min {
		t.Fatalf("only %d golden cases", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fn(t, file, parseSections(raw))
		})
	}
}
