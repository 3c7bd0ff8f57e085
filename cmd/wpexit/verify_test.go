package main_test

// Tests of `wpexit verify` with the built binary (TestMain in e2e_test.go
// builds it): the sample export against its own converted tree, then the
// same tree damaged one page at a time, --show, and bad command lines.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// verifyReport is the --json output, as the tests read it.
type verifyReport struct {
	Threshold float64 `json:"threshold"`
	Pages     int     `json:"pages"`
	Passed    int     `json:"passed"`
	Failed    int     `json:"failed"`
	Causes    []struct {
		What  string `json:"what"`
		Pages int    `json:"pages"`
	} `json:"causes"`
	Results []verifyPage `json:"results"`
}

type verifyPage struct {
	ID        int64   `json:"id"`
	File      string  `json:"file"`
	Score     float64 `json:"score"`
	TextScore float64 `json:"text_score"`
	Diffs     []struct {
		What string  `json:"what"`
		Want string  `json:"want"`
		Got  string  `json:"got"`
		Cost float64 `json:"cost"`
	} `json:"diffs"`
	Error string `json:"error"`
}

func parseVerify(t *testing.T, r result) verifyReport {
	t.Helper()
	var rep verifyReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("verify --json output: %v\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return rep
}

// whats lists what differs on a page.
func (p verifyPage) whats() []string {
	var out []string
	for _, d := range p.Diffs {
		out = append(out, d.What)
	}
	return out
}

// sampleTablePost is the sample's item 15, with a table added so that a
// flattened table can be tested too.
const (
	sampleTableFrom = `Impeller, fuel filter, anode. Write this up properly before the season.`
	sampleTableTo   = "<p>Impeller, fuel filter, anode.</p>\n" +
		"<table><tr><th>Part</th><th>Hours</th></tr><tr><td>Impeller</td><td>200</td></tr><tr><td>Fuel filter</td><td>100</td></tr></table>\n" +
		"<p>Write this up properly before the season.</p>"
)

// verifySample writes the sample export with a table in item 15, converts
// it with the binary, and returns the export and the site.
func verifySample(t *testing.T) (export, site string) {
	t.Helper()
	dir := t.TempDir()
	whole := readFile(t, sample)
	if !bytes.Contains(whole, []byte(sampleTableFrom)) {
		t.Fatalf("sample.xml no longer holds %q", sampleTableFrom)
	}
	export = filepath.Join(dir, "sample-table.xml")
	if err := os.WriteFile(export, bytes.Replace(whole, []byte(sampleTableFrom), []byte(sampleTableTo), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	site = filepath.Join(dir, "site")
	wantCode(t, wpexit(t, nil, "convert", export, "--out", site, "-q"), 0, "convert the sample")
	return export, site
}

// sampleVerified are the sample's pages (wordpress_id → content file).
var sampleVerified = map[int64]string{
	2:  "pages/about.md",
	3:  "pages/about/crew.md",
	10: "posts/2019-04-06-leaving-harbour-at-dawn.md",
	11: "posts/2019-04-13-mending-the-jib.md",
	12: "posts/2019-04-17-tide-table-python.md",
	14: "posts/2019-04-20-planning-the-winter-crossing.md",
	15: "posts/2019-05-02-notes-for-the-engine-service.md",
}

func TestVerifySample(t *testing.T) {
	export, site := verifySample(t)

	r := wpexit(t, nil, "verify", export, "--site", site)
	wantCode(t, r, 0, "verify the converted sample")
	if !strings.Contains(r.stdout, "verify: 7 pages, 7 at or above 0.99 (100.0%), 0 below") {
		t.Errorf("text summary wrong:\n%s", r.stdout)
	}
	// One line per page, in input order, each with its score, ID and file.
	var ids []int64
	for _, line := range strings.Split(r.stdout, "\n") {
		m := pageLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if m[1] != "1.000" {
			t.Errorf("page line %q: want a score of 1.000", line)
		}
		id := mustInt(t, m[2])
		if sampleVerified[id] != m[3] {
			t.Errorf("page line %q: item %d is in %q", line, id, sampleVerified[id])
		}
		ids = append(ids, id)
	}
	if want := []int64{2, 3, 10, 11, 12, 14, 15}; !slices.Equal(ids, want) {
		t.Errorf("page lines for items %v, want %v\n%s", ids, want, r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("a passing verify wrote on stderr:\n%s", r.stderr)
	}

	rep := parseVerify(t, wpexit(t, nil, "verify", export, "--site", site, "--json", "-j", "3"))
	if rep.Pages != 7 || rep.Passed != 7 || rep.Failed != 0 || rep.Threshold != 0.99 {
		t.Errorf("json counts: %d pages, %d passed, %d failed, threshold %g; want 7, 7, 0, 0.99", rep.Pages, rep.Passed, rep.Failed, rep.Threshold)
	}
	for _, p := range rep.Results {
		if p.Score < 0.99 || p.Error != "" || sampleVerified[p.ID] != p.File {
			t.Errorf("page %d %s: score %g, error %q, diffs %v", p.ID, p.File, p.Score, p.Error, p.whats())
		}
	}

	// The output does not depend on how many pages are compared at once.
	for _, j := range []string{"1", "4"} {
		if rj := wpexit(t, nil, "verify", export, "--site", site, "-j", j); rj.stdout != r.stdout {
			t.Errorf("-j %s prints otherwise:\n%s\nthan the default:\n%s", j, rj.stdout, r.stdout)
		}
	}

	q := wpexit(t, nil, "verify", export, "--site", site, "-q")
	wantCode(t, q, 0, "verify -q")
	if strings.Count(q.stdout, "\n") != 1 {
		t.Errorf("verify -q prints more than the summary:\n%s", q.stdout)
	}
}

var pageLineRE = regexp.MustCompile(`^(\d\.\d{3})  (\d+)  (\S+)`)

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// damage replaces old with new in one content file, failing when the file
// does not hold old, and returns a function that puts the file back.
func damage(t *testing.T, site string, id int64, old, new string) func() {
	t.Helper()
	p := filepath.Join(site, "content", filepath.FromSlash(sampleVerified[id]))
	orig := readFile(t, p)
	if !bytes.Contains(orig, []byte(old)) {
		t.Fatalf("%s does not hold %q:\n%s", p, old, orig)
	}
	if err := os.WriteFile(p, bytes.Replace(orig, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(p, orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerifyDamaged(t *testing.T) {
	export, site := verifySample(t)
	cases := []struct {
		name     string
		id       int64
		old, new string
		what     string // a difference the page must report
	}{
		{"lost paragraph", 10, "The tide turned at seven.\\\nBy eight the harbour wall was a grey line behind us.\n\n", "", "paragraphs"},
		{"dropped link", 10, "[about page][2]", "about page", "links"},
		{"collapsed code block", 12, "def high_waters(start, count):\n    \"\"\"Yield", "def high_waters(start, count): \"\"\"Yield", "code lines"},
		{"missing image", 11, `{{< figure src="/wp-content/uploads/2019/04/jib.jpg"`, `{{< comment src="/wp-content/uploads/2019/04/jib.jpg"`, "media"},
		{"flattened table", 15, "| Part        | Hours |\n|-------------|-------|\n| Impeller    | 200   |\n| Fuel filter | 100   |\n", "Part Hours Impeller 200 Fuel filter 100\n", "table cells"},
		{"lost heading", 14, "## The legs\n\n", "", "headings"},
		{"lost sentence", 2, " and, now and then, the scripts that keep my logbook in order", "", "text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			restore := damage(t, site, tc.id, tc.old, tc.new)
			defer restore()
			file := sampleVerified[tc.id]

			r := wpexit(t, nil, "verify", export, "--site", site, "--json")
			wantCode(t, r, 3, "verify with "+tc.name)
			rep := parseVerify(t, r)
			if rep.Failed != 1 || rep.Passed != 6 {
				t.Errorf("%d failed, %d passed; want 1 and 6", rep.Failed, rep.Passed)
			}
			for _, p := range rep.Results {
				below := p.Score < 0.99
				if below != (p.ID == tc.id) {
					t.Errorf("page %d %s scores %g (%v)", p.ID, p.File, p.Score, p.whats())
				}
				if p.ID == tc.id && !slices.Contains(p.whats(), tc.what) {
					t.Errorf("page %d differs by %v, want %q among them", p.ID, p.whats(), tc.what)
				}
			}
			if !strings.Contains(r.stderr, "1 of 7 pages score under 0.99") {
				t.Errorf("stderr does not say a page failed:\n%s", r.stderr)
			}

			// The text report names the page among the worst, with what differs.
			r = wpexit(t, nil, "verify", export, "--site", site, "-q")
			wantCode(t, r, 3, "verify -q with "+tc.name)
			if !strings.Contains(r.stdout, "worst 1:") || !strings.Contains(r.stdout, file) || !strings.Contains(r.stdout, tc.what+" (-") {
				t.Errorf("text report does not name %s and %q:\n%s", file, tc.what, r.stdout)
			}

			// A threshold of 0 lets it pass.
			wantCode(t, wpexit(t, nil, "verify", export, "--site", site, "--min-score", "0", "-q"), 0, "verify --min-score 0")
		})
	}
}

func TestVerifyMissingPage(t *testing.T) {
	export, site := verifySample(t)
	if err := os.Remove(filepath.Join(site, "content", filepath.FromSlash(sampleVerified[12]))); err != nil {
		t.Fatal(err)
	}
	r := wpexit(t, nil, "verify", export, "--site", site, "--json")
	wantCode(t, r, 3, "verify with a page deleted")
	rep := parseVerify(t, r)
	if rep.Pages != 7 || rep.Failed != 1 {
		t.Errorf("%d pages, %d failed; want 7 and 1", rep.Pages, rep.Failed)
	}
	for _, p := range rep.Results {
		if p.ID == 12 && (p.Score != 0 || !strings.Contains(p.Error, "missing") || !strings.Contains(p.Error, sampleVerified[12])) {
			t.Errorf("deleted page: score %g, error %q", p.Score, p.Error)
		}
	}
	if len(rep.Causes) != 1 || rep.Causes[0].What != "error" {
		t.Errorf("causes %+v, want error 1", rep.Causes)
	}
}

func TestVerifyShow(t *testing.T) {
	export, site := verifySample(t)

	r := wpexit(t, nil, "verify", export, "--site", site, "--show", "12")
	wantCode(t, r, 0, "verify --show 12")
	for _, want := range []string{
		"1.000  12  " + sampleVerified[12],
		"--- wordpress\n+++ hugo\n@@ text\n",
		"  def high_waters(start, count):\n",
		"@@ links\n  /2019/04/13/mending-the-jib/\n",
		"  code blocks          1     1\n",
		"  code lines   [7]  [7]\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--show lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, sampleVerified[10]) {
		t.Errorf("--show 12 prints other pages:\n%s", r.stdout)
	}

	// A damaged page shows each side's own lines.
	restore := damage(t, site, 12, "The printed tables are fine until you lose them overboard.", "The printed tables are fine.")
	r = wpexit(t, nil, "verify", export, "--site", site, "--show", "12")
	restore()
	wantCode(t, r, 3, "verify --show 12 on a damaged page")
	for _, want := range []string{
		"- The printed tables are fine until you lose them overboard. Here is the script I use instead:\n",
		"+ The printed tables are fine. Here is the script I use instead:\n",
		"  text (-",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--show of a damaged page lacks %q:\n%s", want, r.stdout)
		}
	}

	r = wpexit(t, nil, "verify", export, "--site", site, "--show", "20")
	wantCode(t, r, 1, "verify --show of an attachment")
	if !strings.Contains(r.stderr, "item 20 has no page") {
		t.Errorf("--show 20 does not say why there is no page:\n%s", r.stderr)
	}
	r = wpexit(t, nil, "verify", export, "--site", site, "--show", "999")
	wantCode(t, r, 1, "verify --show of an unknown item")
	if !strings.Contains(r.stderr, "no item has wordpress_id 999") {
		t.Errorf("--show 999: %s", r.stderr)
	}
}

func TestVerifyUsage(t *testing.T) {
	export, site := sample, t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"verify", export}, 2, "--site"},
		{[]string{"verify", "--site", site}, 2, "missing EXPORT"},
		{[]string{"verify", export, "--site", site, "--min-score", "1.5"}, 2, "--min-score"},
		{[]string{"verify", export, "--site", site, "--show", "12", "--json"}, 2, "--show and --json"},
		{[]string{"verify", export, "--site", filepath.Join(site, "nope")}, 1, "verify " + filepath.Join(site, "nope")},
		{[]string{"verify", export, "--site", export}, 1, "not a folder"},
	} {
		r := wpexit(t, nil, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
	// An empty site: every page is missing, and the run says so.
	r := wpexit(t, nil, "verify", export, "--site", site)
	wantCode(t, r, 3, "verify an empty folder")
	if !strings.Contains(r.stdout, "0 at or above") || !strings.Contains(r.stdout, "error: missing: content/") {
		t.Errorf("an empty site:\n%s", r.stdout)
	}
}

// TestVerifyMediaUploads verifies a site whose media convert took from an
// uploads folder: a thumbnail whose original was saved is written as the
// original, and verify must map the WordPress side the same way. Without
// media files (--media none) the thumbnail stays on both sides.
func TestVerifyMediaUploads(t *testing.T) {
	dir := t.TempDir()
	up := filepath.Join(dir, "uploads")
	if err := os.MkdirAll(filepath.Join(up, "2019", "05"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(up, "2019", "05", "boat.jpg"), []byte("\xff\xd8\xff\xe0 a boat, in JPEG"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "boat.xml")
	thumb := `<img src="https://harbournotes.example/wp-content/uploads/2019/05/boat-300x200.jpg" alt="boat"> `
	whole := readFile(t, sample)
	if !bytes.Contains(whole, []byte(sampleTableFrom)) {
		t.Fatalf("sample.xml no longer holds %q", sampleTableFrom)
	}
	if err := os.WriteFile(in, bytes.Replace(whole, []byte(sampleTableFrom), []byte(thumb+sampleTableFrom), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		flags []string
		want  string // the image the page shows
	}{
		{"uploads", []string{"--uploads", up}, "(/wp-content/uploads/2019/05/boat.jpg)"},
		{"none", nil, "(/wp-content/uploads/2019/05/boat-300x200.jpg)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := filepath.Join(t.TempDir(), "site")
			wantCode(t, wpexit(t, nil, append([]string{"convert", in, "--out", site, "-q"}, tc.flags...)...), 0, "convert "+tc.name)
			page := string(readFile(t, filepath.Join(site, "content", filepath.FromSlash(sampleVerified[15]))))
			if !strings.Contains(page, tc.want) {
				t.Fatalf("page does not show %s:\n%s", tc.want, page)
			}
			r := wpexit(t, nil, "verify", in, "--site", site, "--json")
			wantCode(t, r, 0, "verify "+tc.name)
			if rep := parseVerify(t, r); rep.Pages != 7 || rep.Passed != 7 {
				t.Errorf("%d of %d pages pass: %+v", rep.Passed, rep.Pages, rep.Results)
			}
		})
	}
}

// TestVerifyBundles: a site converted with --bundles verifies with
// --bundles (pages at posts/X/index.md, media linked by name), and without
// it every page is missing.
func TestVerifyBundles(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", site, "--bundles", "-q"), 0, "convert the sample as bundles")
	r := wpexit(t, nil, "verify", sample, "--site", site, "--bundles", "-q")
	wantCode(t, r, 0, "verify bundles with --bundles")
	if !strings.Contains(r.stdout, "7 pages, 7 at or above 0.99") {
		t.Errorf("bundles summary wrong:\n%s", r.stdout)
	}
	r = wpexit(t, nil, "verify", sample, "--site", site, "--json")
	wantCode(t, r, 3, "verify bundles without --bundles")
	if rep := parseVerify(t, r); rep.Failed != 7 {
		t.Errorf("without --bundles %d of %d pages failed, want all 7", rep.Failed, rep.Pages)
	}
}
