package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// samplePosts are the files the sample's public posts must land in.
var samplePosts = map[int64]string{
	10: "content/posts/2019-04-06-leaving-harbour-at-dawn.md",
	11: "content/posts/2019-04-13-mending-the-jib.md",
	12: "content/posts/2019-04-17-tide-table-python.md",
	14: "content/posts/2019-04-20-planning-the-winter-crossing.md",
}

var wordpressID = regexp.MustCompile(`(?m)^wordpress_id: (\d+)$`)

func TestConvertSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	rep := filepath.Join(t.TempDir(), "report.jsonl")
	r := wpexit(t, nil, "convert", sample, "--out", out, "--report", rep)
	wantCode(t, r, 0, "convert sample.xml")
	if r.stdout != "" {
		t.Errorf("convert wrote to stdout: %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "11 items in = 7 written + 4 skipped + 0 failed") {
		t.Errorf("summary lacks the item balance:\n%s", r.stderr)
	}
	files := tree(t, out)
	for id, p := range samplePosts {
		if !strings.Contains(files[p], fmt.Sprintf("wordpress_id: %d\n", id)) {
			t.Errorf("%s missing or not item %d", p, id)
		}
	}
	ids := map[string]string{}
	for p, text := range files {
		assertNoSecrets(t, p, text)
		if m := wordpressID.FindStringSubmatch(text); m != nil && strings.HasPrefix(p, "content/") {
			ids[m[1]] = p
		}
	}
	for _, id := range []string{"2", "3", "10", "11", "12", "14", "15"} {
		if ids[id] == "" {
			t.Errorf("item %s was not written (written: %v)", id, ids)
		}
	}
	for _, id := range []string{"16", "17", "20", "31"} {
		if ids[id] != "" {
			t.Errorf("item %s must not be a page, found %s", id, ids[id])
		}
	}
	if !strings.Contains(files[ids["15"]], "draft: true") {
		t.Errorf("draft item 15 not marked draft:\n%s", files[ids["15"]])
	}
	// A link to a later post resolves to its file.
	if !regexp.MustCompile(`relref "[^"]*2019-04-20-planning-the-winter-crossing\.md"`).MatchString(files[samplePosts[10]]) {
		t.Errorf("the link to the later post is not a relref:\n%s", files[samplePosts[10]])
	}
	for _, f := range []string{"hugo.toml", "static/_redirects", "layouts/_default/baseof.html",
		"layouts/_default/single.html", "layouts/_default/list.html", "layouts/index.html", ".wpexit/manifest.json"} {
		if _, ok := files[f]; !ok {
			t.Errorf("%s not written", f)
		}
	}
	for _, want := range []string{`baseURL = "https://harbournotes.example/"`, `title = "Harbour Notes"`,
		`locale = "en-GB"`, `"series" = "series"`, "unsafe = true", `refLinksErrorLevel = "ERROR"`} {
		if !strings.Contains(files["hugo.toml"], want) {
			t.Errorf("hugo.toml lacks %s:\n%s", want, files["hugo.toml"])
		}
	}
	assertReport(t, rep, map[string]int{"written": 7, "skipped": 4})
}

// assertReport checks that the report accounts for every sample item once,
// with the outcomes counted as want.
func assertReport(t *testing.T, rep string, want map[string]int) []reportLine {
	t.Helper()
	lines := readReport(t, rep)
	got := map[string]int{}
	seen := map[int64]bool{}
	for _, l := range lines {
		got[l.Outcome]++
		if seen[l.ID] {
			t.Errorf("report lists item %d twice", l.ID)
		}
		seen[l.ID] = true
		if l.Outcome == "skipped" && l.Reason == "" || l.Outcome == "failed" && l.Error == "" {
			t.Errorf("report line for item %d has no reason: %+v", l.ID, l)
		}
		if l.Outcome == "written" && l.Path != samplePosts[l.ID] && samplePosts[l.ID] != "" {
			t.Errorf("report: item %d written to %s, want %s", l.ID, l.Path, samplePosts[l.ID])
		}
	}
	for _, id := range []int64{2, 3, 10, 11, 12, 14, 15, 16, 17, 20, 31} {
		if !seen[id] {
			t.Errorf("report does not account for item %d", id)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("report outcomes = %v, want %v", got, want)
	}
	return lines
}

func TestConvertIsDeterministic(t *testing.T) {
	base := t.TempDir()
	a, b, c := filepath.Join(base, "a"), filepath.Join(base, "b"), filepath.Join(base, "c")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", a, "-j", "1", "-q"), 0, "convert -j 1")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", b, "-j", "2", "-q"), 0, "convert -j 2")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", c, "-j", "8", "-q"), 0, "convert -j 8")
	ta := tree(t, a)
	if d := diffTrees(ta, tree(t, b)); d != "" {
		t.Errorf("-j 1 and -j 2 trees differ:\n%s", d)
	}
	if d := diffTrees(ta, tree(t, c)); d != "" {
		t.Errorf("-j 1 and -j 8 trees differ:\n%s", d)
	}
	r := wpexit(t, nil, "convert", sample, "--out", a, "--force", "-q")
	wantCode(t, r, 0, "second convert --force")
	if d := diffTrees(ta, tree(t, a)); d != "" {
		t.Errorf("a second run changed the tree:\n%s", d)
	}
}

func TestConvertDryRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	rep := filepath.Join(t.TempDir(), "report.jsonl")
	r := wpexit(t, nil, "convert", sample, "--out", out, "--dry-run", "--report", rep)
	wantCode(t, r, 0, "convert --dry-run")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--dry-run created %s", out)
	}
	if !strings.Contains(r.stderr, "dry run") {
		t.Errorf("the summary does not say it was a dry run:\n%s", r.stderr)
	}
	assertReport(t, rep, map[string]int{"would-write": 7, "skipped": 4})
}

func TestConvertKeepsHandEdits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	wantCode(t, wpexit(t, nil, "convert", sample, "--out", out, "-q"), 0, "first convert")
	edited := filepath.Join(out, filepath.FromSlash(samplePosts[11]))
	mine := append(readFile(t, edited), "\nMy own note.\n"...)
	os.WriteFile(edited, mine, 0o644)
	config := filepath.Join(out, "hugo.toml")
	os.WriteFile(config, []byte("baseURL = \"https://new.example/\"\n"), 0o644)

	rep := filepath.Join(t.TempDir(), "report.jsonl")
	r := wpexit(t, nil, "convert", sample, "--out", out, "--report", rep)
	wantCode(t, r, 0, "second convert")
	if got := readFile(t, edited); string(got) != string(mine) {
		t.Error("a hand-edited page was overwritten without --force")
	}
	if got := readFile(t, config); !strings.Contains(string(got), "new.example") {
		t.Error("an edited hugo.toml was overwritten")
	}
	var reason string
	for _, l := range readReport(t, rep) {
		if l.ID == 11 {
			reason = l.Outcome + ": " + l.Reason
		}
	}
	if !strings.Contains(reason, "skipped: file changed since wpexit wrote it") {
		t.Errorf("report for the edited page = %q, want skipped because it changed", reason)
	}

	wantCode(t, wpexit(t, nil, "convert", sample, "--out", out, "--force", "-q"), 0, "convert --force")
	if got := readFile(t, edited); string(got) == string(mine) {
		t.Error("--force did not replace the hand-edited page")
	}
}

func TestConvertStaysInOutput(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	os.MkdirAll(outside, 0o755)
	export := strings.NewReplacer(
		"<wp:post_name><![CDATA[mending-the-jib]]></wp:post_name>", "<wp:post_name><![CDATA[../../../../outside/evil]]></wp:post_name>",
		"<wp:post_name><![CDATA[crew]]></wp:post_name>", "<wp:post_name><![CDATA[..%2F..%2F..%2Foutside%2Fevil2]]></wp:post_name>",
	).Replace(string(readFile(t, sample)))
	in := filepath.Join(base, "evil.xml")
	os.WriteFile(in, []byte(export), 0o644)
	out := filepath.Join(base, "site")
	r := wpexit(t, nil, "convert", in, "--out", out, "-q")
	if r.code != 0 && r.code != 3 {
		t.Fatalf("convert evil.xml: exit %d\n%s", r.code, r.stderr)
	}
	// A symlink planted in the output must not lead writes outside either.
	site2 := filepath.Join(base, "site2")
	os.MkdirAll(filepath.Join(site2, "content"), 0o755)
	os.Symlink(outside, filepath.Join(site2, "content", "posts"))
	r = wpexit(t, nil, "convert", sample, "--out", site2, "-q")
	wantCode(t, r, 3, "convert into a folder with a planted symlink")
	if files := tree(t, outside); len(files) != 0 {
		t.Errorf("files written outside the output folder: %v", files)
	}
	if entries, _ := os.ReadDir(base); len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("unexpected files next to the output folder: %v", names)
	}
}

func TestConvertTruncatedAccountsForEveryItem(t *testing.T) {
	dir := t.TempDir()
	in := badInputs(t, dir)["truncated.xml"]
	rep := filepath.Join(dir, "report.jsonl")
	r := wpexit(t, nil, "convert", in, "--out", filepath.Join(dir, "site"), "--report", rep)
	wantCode(t, r, 3, "convert truncated.xml")
	lines := readReport(t, rep)
	last := lines[len(lines)-1]
	if last.Outcome != "failed" || !strings.Contains(last.Error, "truncated.xml:") {
		t.Errorf("last report line = %+v, want the positioned read error", last)
	}
	if !strings.Contains(r.stderr, fmt.Sprintf("%d items in = ", len(lines))) {
		t.Errorf("summary does not count %d items:\n%s", len(lines), r.stderr)
	}
}

func TestConvertBadInput(t *testing.T) {
	dir := t.TempDir()
	for name, p := range badInputs(t, dir) {
		if name == "truncated.xml" {
			continue // readable up to the break: see TestConvertTruncatedAccountsForEveryItem
		}
		out := filepath.Join(dir, "site-"+name)
		r := wpexit(t, nil, "convert", p, "--out", out)
		wantCode(t, r, 1, "convert "+name)
		assertOneSentence(t, r.stderr, p)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("convert %s created the output folder", name)
		}
	}
}

func TestConvertInterrupted(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "big.xml")
	os.WriteFile(in, bigExport(t, 4000), 0o644)
	out := filepath.Join(dir, "site")
	cmd := exec.Command(wpexitBin, "convert", in, "--out", out, "-j", "1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	posts := filepath.Join(out, "content", "posts")
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if e, _ := os.ReadDir(posts); len(e) > 20 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code == 0 {
		t.Skip("the conversion finished before the signal")
	}
	if code != 130 {
		t.Fatalf("interrupted convert: exit %d (%v), want 130\n%s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "items not reached") || !strings.HasSuffix(stderr.String(), "wpexit: interrupted\n") {
		t.Errorf("interrupted convert: stderr does not say the run stopped early:\n%s", stderr.String())
	}
	files := tree(t, out)
	for p, text := range files {
		if strings.Contains(p, ".wpexit-tmp-") {
			t.Errorf("temp file left: %s", p)
		}
		if strings.HasPrefix(p, "content/") && (!strings.HasPrefix(text, "---\n") || !strings.HasSuffix(text, "\n")) {
			t.Errorf("half-written page %s", p)
		}
	}
	if len(files) >= 3*4000 || len(files) == 0 { // bigExport(4000) holds 3×4000 posts
		t.Errorf("interrupted run wrote %d files, want some but not all", len(files))
	}
}

// bigExport repeats the sample's public posts n times with new IDs and slugs.
func bigExport(t *testing.T, n int) []byte {
	t.Helper()
	s := string(readFile(t, sample))
	start := strings.Index(s, "\t<item>\n\t\t<title><![CDATA[Leaving Harbour")
	end := strings.Index(s, "\t<item>\n\t\t<title><![CDATA[Planning")
	tmpl := s[start:end]
	var b strings.Builder
	b.WriteString(s[:start])
	for i := range n {
		id := 1000 + i
		b.WriteString(strings.NewReplacer(
			"<wp:post_id>10</wp:post_id>", fmt.Sprintf("<wp:post_id>%d</wp:post_id>", id),
			"<wp:post_id>11</wp:post_id>", fmt.Sprintf("<wp:post_id>%d</wp:post_id>", id+n),
			"<wp:post_id>12</wp:post_id>", fmt.Sprintf("<wp:post_id>%d</wp:post_id>", id+2*n),
			"<![CDATA[leaving-harbour-at-dawn]]>", fmt.Sprintf("<![CDATA[leaving-%d]]>", id),
			"<![CDATA[mending-the-jib]]>", fmt.Sprintf("<![CDATA[mending-%d]]>", id),
			"<![CDATA[tide-table-python]]>", fmt.Sprintf("<![CDATA[tide-%d]]>", id),
		).Replace(tmpl))
	}
	b.WriteString("</channel>\n</rss>\n")
	return []byte(b.String())
}

func TestConvertProgress(t *testing.T) {
	tests := []struct {
		mode string
		want bool
	}{{"auto", false}, {"never", false}, {"always", true}}
	for _, tt := range tests {
		r := wpexit(t, nil, "convert", sample, "--out", filepath.Join(t.TempDir(), "site"), "--progress", tt.mode)
		wantCode(t, r, 0, "convert --progress "+tt.mode)
		if got := strings.Contains(r.stderr, "converting"); got != tt.want {
			t.Errorf("--progress %s with stderr in a pipe: bar shown = %v, want %v\n%s", tt.mode, got, tt.want, r.stderr)
		}
	}
}

func TestConvertIntoExistingSite(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "config.yaml"), []byte("theme: mine\n"), 0o644)
	r := wpexit(t, nil, "convert", sample, "--out", out)
	wantCode(t, r, 0, "convert into a site with its own config")
	files := tree(t, out)
	for _, f := range []string{"hugo.toml", "layouts/_default/single.html"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s written into a site that has its own configuration", f)
		}
	}
	if files["config.yaml"] != "theme: mine\n" || files[samplePosts[10]] == "" {
		t.Errorf("want the site's config kept and the posts written; got %d files", len(files))
	}
	if !strings.Contains(r.stderr, "config.yaml: the site has its own configuration") {
		t.Errorf("the summary does not say why no hugo.toml was written:\n%s", r.stderr)
	}
}

func TestConvertUnreadableItem(t *testing.T) {
	dir := t.TempDir()
	s := string(readFile(t, sample))
	// Item 11 loses its </item>: the reader skips it and reads on.
	i := strings.Index(s, "<wp:meta_value><![CDATA[20]]></wp:meta_value>")
	j := i + strings.Index(s[i:], "</item>")
	in := filepath.Join(dir, "broken.xml")
	os.WriteFile(in, []byte(s[:j]+s[j+len("</item>"):]), 0o644)
	rep := filepath.Join(dir, "report.jsonl")
	r := wpexit(t, nil, "convert", in, "--out", filepath.Join(dir, "site"), "--report", rep)
	wantCode(t, r, 3, "convert with an unreadable item")
	lines := assertReport(t, rep, map[string]int{"written": 6, "skipped": 4, "failed": 1})
	for _, l := range lines {
		if l.ID == 11 && (l.Outcome != "failed" || l.Line == 0 || !strings.Contains(l.Error, "broken.xml:")) {
			t.Errorf("report for the unreadable item = %+v, want failed with its place", l)
		}
	}
	if !strings.Contains(r.stderr, "11 items in = 6 written + 4 skipped + 1 failed") || !strings.Contains(r.stderr, "wpexit: convert "+in+":") {
		t.Errorf("stderr lacks the positioned failure or the balance:\n%s", r.stderr)
	}
	r = wpexit(t, nil, "inspect", in)
	wantCode(t, r, 3, "inspect with an unreadable item")
}
