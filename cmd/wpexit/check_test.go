package main_test

// Tests of `wpexit check` with the built binary (TestMain in e2e_test.go
// builds it): the sample export against its own converted tree, a live
// site served by the test, and bad command lines.

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// checkReport is the --json output, as the tests read it.
type checkReport struct {
	OK      bool     `json:"ok"`
	Mode    string   `json:"mode"`
	Require []string `json:"require"`
	Summary []struct {
		Class   string `json:"class"`
		Total   int    `json:"total"`
		Covered int    `json:"covered"`
		Missing int    `json:"missing"`
	} `json:"summary"`
	Missing []struct {
		Path   string `json:"path"`
		Class  string `json:"class"`
		ItemID int64  `json:"item_id"`
		Type   string `json:"type"`
		Title  string `json:"title"`
		Reason string `json:"reason"`
	} `json:"missing"`
}

func parseCheck(t *testing.T, r result) checkReport {
	t.Helper()
	var rep checkReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("check --json output: %v\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return rep
}

// row returns the summary row of class, failing when there is none.
func (rep checkReport) row(t *testing.T, class string) (total, covered int) {
	t.Helper()
	for _, s := range rep.Summary {
		if s.Class == class {
			return s.Total, s.Covered
		}
	}
	t.Fatalf("no %s row in the summary: %+v", class, rep.Summary)
	return 0, 0
}

// requiredMissing lists the missing paths of the posts and pages classes.
func (rep checkReport) requiredMissing() []string {
	var out []string
	for _, m := range rep.Missing {
		if m.Class == "posts" || m.Class == "pages" {
			out = append(out, m.Path)
		}
	}
	return out
}

// convertSampleForCheck converts the sample export with the binary into a new folder.
func convertSampleForCheck(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", out, "-q"), 0, "convert sample.xml")
	return out
}

func TestCheckSiteSample(t *testing.T) {
	site := convertSampleForCheck(t)

	r := wpexit(t, nil, "check", sample, "--site", site)
	wantCode(t, r, 0, "check --site on the converted sample")
	for _, want := range []string{"class", "posts (required)", "pages (required)", "shortlinks", "all"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, r.stdout)
		}
	}

	rep := parseCheck(t, wpexit(t, nil, "check", sample, "--site", site, "--json"))
	if !rep.OK || rep.Mode != "site" || !slices.Equal(rep.Require, []string{"posts", "pages"}) {
		t.Errorf("ok %v mode %q require %v, want true site [posts pages]", rep.OK, rep.Mode, rep.Require)
	}
	for _, class := range []string{"posts", "pages"} {
		total, covered := rep.row(t, class)
		if total == 0 || covered != total {
			t.Errorf("%s: %d of %d covered, want all of at least one", class, covered, total)
		}
	}
	// The sample's media files are not part of the converted tree: they are
	// reported, with what they were, but not required.
	found := false
	for _, m := range rep.Missing {
		if m.Path == "/wp-content/uploads/2019/04/jib.jpg" && m.Class == "media" && m.ItemID == 20 && m.Type == "attachment" && m.Title == "jib" {
			found = true
		}
	}
	if !found {
		t.Errorf("the jib.jpg attachment (item 20) is not reported missing: %+v", rep.Missing)
	}

	// Requiring media makes the same tree fail, with exit 3.
	r = wpexit(t, nil, "check", sample, "--site", site, "--require", "posts,pages,media")
	wantCode(t, r, 3, "check --site --require media")
	if !strings.Contains(r.stdout, "media (required)") || !strings.Contains(r.stderr, "required old URLs") {
		t.Errorf("a failing check does not say so:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

func TestCheckSiteMissingPost(t *testing.T) {
	site := convertSampleForCheck(t)
	victim := filepath.Join(site, filepath.FromSlash(samplePosts[11]))
	if err := os.Remove(victim); err != nil {
		t.Fatal(err)
	}
	r := wpexit(t, nil, "check", sample, "--site", site, "--json")
	wantCode(t, r, 3, "check --site with a post deleted")
	rep := parseCheck(t, r)
	if rep.OK {
		t.Error("ok is true with a post deleted")
	}
	if got, want := rep.requiredMissing(), []string{"/2019/04/13/mending-the-jib/"}; !slices.Equal(got, want) {
		t.Errorf("missing posts and pages %v, want %v", got, want)
	}
	for _, m := range rep.Missing {
		if m.Class == "posts" && (m.ItemID != 11 || m.Type != "post" || m.Title != "Mending the Jib") {
			t.Errorf("the missing post is described as item %d %s %q", m.ItemID, m.Type, m.Title)
		}
	}

	// The same as CSV: one row per missing URL under a header.
	r = wpexit(t, nil, "check", sample, "--site", site, "--csv")
	wantCode(t, r, 3, "check --site --csv with a post deleted")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("csv output: %v\n%s", err, r.stdout)
	}
	if len(rows) < 2 || strings.Join(rows[0], ",") != "path,class,item_id,type,title,reason" {
		t.Fatalf("csv output lacks its header or rows:\n%s", r.stdout)
	}
	want := []string{"/2019/04/13/mending-the-jib/", "posts", "11", "post", "Mending the Jib"}
	if !slices.ContainsFunc(rows[1:], func(row []string) bool { return slices.Equal(row[:5], want) }) {
		t.Errorf("csv has no row %v:\n%s", want, r.stdout)
	}

	// The text report names the URL and its item.
	r = wpexit(t, nil, "check", sample, "--site", site)
	wantCode(t, r, 3, "check --site (text) with a post deleted")
	if !strings.Contains(r.stdout, `/2019/04/13/mending-the-jib/  item 11 post "Mending the Jib"`) {
		t.Errorf("text report does not name the missing post:\n%s", r.stdout)
	}
}

// TestCheckLive runs the live mode against a server of the test's own that
// answers every page of the converted sample except one post, redirects the
// short links within its host, and records every request.
func TestCheckLive(t *testing.T) {
	site := convertSampleForCheck(t)
	rep := parseCheck(t, wpexit(t, nil, "check", sample, "--site", site, "--json"))
	if !rep.OK {
		t.Fatalf("the converted sample does not pass --site: %+v", rep.Missing)
	}
	var mu sync.Mutex
	var hosts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hosts = append(hosts, r.Host)
		mu.Unlock()
		switch {
		case r.URL.Path == "/2019/04/13/mending-the-jib/":
			http.NotFound(w, r)
		case r.URL.Query().Get("p") == "12":
			http.Redirect(w, r, "https://elsewhere.example/tide/", http.StatusMovedPermanently)
		case r.URL.RawQuery != "":
			http.Redirect(w, r, "/", http.StatusMovedPermanently)
		default:
			w.WriteHeader(http.StatusOK)
		}
	}))
	defer srv.Close()

	r := wpexit(t, nil, "check", sample, "--base", srv.URL+"/", "--json", "--concurrency", "2", "--rps", "500", "--timeout", "5s")
	wantCode(t, r, 3, "check --base with one post answering 404")
	live := parseCheck(t, r)
	if got, want := live.requiredMissing(), []string{"/2019/04/13/mending-the-jib/"}; !slices.Equal(got, want) {
		t.Errorf("live: missing posts and pages %v, want %v", got, want)
	}
	offHost := false
	for _, m := range live.Missing {
		if m.Path == "/?p=12" && strings.Contains(m.Reason, "off-host") {
			offHost = true
		}
	}
	if !offHost {
		t.Errorf("the off-host redirect of /?p=12 is not reported: %+v", live.Missing)
	}
	want := strings.TrimPrefix(srv.URL, "http://")
	mu.Lock() // a request the check gave up on may still be in the handler
	seen := slices.Clone(hosts)
	mu.Unlock()
	for _, h := range seen {
		if h != want {
			t.Errorf("a request reached host %q, want only %q", h, want)
		}
	}
	if len(seen) == 0 {
		t.Error("the live check sent no request")
	}
	if strings.Contains(r.stderr, "checking") {
		t.Errorf("a progress bar was drawn though stderr is not a terminal:\n%s", r.stderr)
	}

	// --progress always draws the bar on stderr; stdout keeps the result.
	r = wpexit(t, nil, "check", sample, "--base", srv.URL+"/", "--json", "--progress", "always")
	wantCode(t, r, 3, "check --base --progress always")
	if !strings.Contains(r.stderr, "checking") || !strings.Contains(r.stderr, "100 %") {
		t.Errorf("no finished progress bar on stderr:\n%s", r.stderr)
	}
	if again := parseCheck(t, r); !slices.Equal(again.requiredMissing(), live.requiredMissing()) {
		t.Errorf("with a progress bar: missing %v, without: %v", again.requiredMissing(), live.requiredMissing())
	}
}

func TestCheckUsage(t *testing.T) {
	site := convertSampleForCheck(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"no mode", []string{sample}, 2, "exactly one of --site"},
		{"two modes", []string{sample, "--site", site, "--public", site}, 2, "exactly one of --site"},
		{"three modes", []string{sample, "--site", site, "--public", site, "--base", "http://127.0.0.1:1/"}, 2, "exactly one of --site"},
		{"no export", []string{"--site", site}, 2, "missing EXPORT"},
		{"json and csv", []string{sample, "--site", site, "--json", "--csv"}, 2, "--json and --csv"},
		{"unknown class", []string{sample, "--site", site, "--require", "posts,widgets"}, 2, `"widgets"`},
		{"base without host", []string{sample, "--base", "127.0.0.1:8080"}, 2, "--base must be"},
		{"zero concurrency", []string{sample, "--base", "http://127.0.0.1:1/", "--concurrency", "0"}, 2, "--concurrency"},
		{"negative rps", []string{sample, "--base", "http://127.0.0.1:1/", "--rps", "-1"}, 2, "--rps"},
		{"unknown flag", []string{sample, "--site", site, "--sight"}, 2, "sight"},
		{"site is missing", []string{sample, "--site", filepath.Join(site, "nope")}, 1, "nope"},
		{"export is missing", []string{filepath.Join(site, "nope.xml"), "--site", site}, 1, "nope.xml"},
		{"site is down", []string{sample, "--base", "http://127.0.0.1:1/", "--timeout", "2s"}, 1, "127.0.0.1:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := wpexit(t, nil, append([]string{"check"}, tc.args...)...)
			wantCode(t, r, tc.code, "wpexit check "+strings.Join(tc.args, " "))
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("a check that did not run printed a result:\n%s", r.stdout)
			}
		})
	}
}

// TestCheckBadExport: a check cannot prove anything about items it could
// not read, so a truncated export fails it (exit 3, saying so) even when
// every URL it did read has a target; what is not an export stops it.
func TestCheckBadExport(t *testing.T) {
	site := convertSampleForCheck(t)
	bad := badInputs(t, t.TempDir())

	r := wpexit(t, nil, "check", bad["truncated.xml"], "--site", site, "--json")
	wantCode(t, r, 3, "check of a truncated export")
	if rep := parseCheck(t, r); !rep.OK {
		t.Errorf("the items that were read are not all covered: %+v", rep.Missing)
	}
	if !strings.Contains(r.stderr, "could not be read") {
		t.Errorf("stderr does not say some items could not be read:\n%s", r.stderr)
	}

	r = wpexit(t, nil, "check", bad["error-page.xml"], "--site", site)
	wantCode(t, r, 1, "check of an HTML error page")
	if r.stdout != "" || !strings.Contains(r.stderr, "error-page.xml") {
		t.Errorf("stdout %q, stderr %q: want no result and the file named", r.stdout, r.stderr)
	}
}
