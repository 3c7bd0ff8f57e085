package verify_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/verify"
	"github.com/wpexit/wpexit/wxr"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/CORPUS.md from the corpus run")
	dump   = flag.String("dump", "", "write each page under the threshold, both sides, to this folder")
)

// export is one file of the corpus, read whole.
type export struct {
	channel *wxr.Channel
	items   []*wxr.Item
}

// readExport reads every item of one export; ok is false for a file that
// is not an export (the corpus has deliberately broken fixtures).
func readExport(t *testing.T, path string) (export, bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: path})
	if err != nil {
		return export{}, false
	}
	var ex export
	for {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if it != nil {
			ex.items = append(ex.items, it)
		}
	}
	ex.channel = r.Channel()
	return ex, true
}

// TestCorpus converts every export of the shared corpus as the CLI does and
// verifies every page. It logs, per export, the share of pages at or above
// the threshold and the five commonest causes under it; it asserts only
// that nothing fails and every score is in [0, 1]. -update writes the
// table to testdata/CORPUS.md.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("converts and verifies the whole corpus")
	}
	corpus := testenv.SharedWXR(t)
	var table bytes.Buffer
	all := verify.NewReport(verify.DefaultThreshold)
	err := filepath.WalkDir(corpus, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		name, _ := filepath.Rel(corpus, path)
		ex, ok := readExport(t, path)
		if !ok {
			return nil
		}
		rep := verifyExport(t, name, ex)
		if len(rep.Pages) == 0 {
			return nil
		}
		all.Pages = append(all.Pages, rep.Pages...)
		row := corpusRow(name, rep)
		t.Log(row)
		table.WriteString(row + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	total := corpusRow("**all**", all)
	t.Log(total)
	if len(all.Pages) == 0 && os.Getenv("CI") == "true" {
		t.Fatal("no page verified")
	}
	if *update {
		writeCorpusMD(t, table.String()+total+"\n", all)
	}
}

// verifyExport converts and verifies every page of one export.
func verifyExport(t *testing.T, name string, ex export) *verify.Report {
	t.Helper()
	site, planner := convert.NewSite(), convert.NewPlanner(convert.Options{})
	for _, it := range ex.items {
		planner.Learn(it)
		site.Add(it)
	}
	ix := rewrite.NewIndex(ex.channel, rewrite.Options{})
	plans := make([]convert.Plan, len(ex.items))
	oldURL := map[string]string{}
	for i, it := range ex.items {
		plans[i] = planner.Plan(it)
		ix.Add(it, plans[i])
		if plans[i].Skip == "" {
			oldURL[plans[i].Path] = plans[i].URL
		}
	}
	resolve := func(file string) (string, bool) {
		u, ok := oldURL[file]
		if ok && u == "" {
			u = "page:" + file // a page with no old path (query permalinks)
		}
		return u, ok
	}
	opts := verify.Options{Link: ix.Link, LinkFrom: ix.LinkFrom, Resolve: resolve}
	conv := convert.New(site, convert.Options{Link: ix.Link, LinkFrom: ix.LinkFrom})
	rep := verify.NewReport(verify.DefaultThreshold)
	for i, it := range ex.items {
		if plans[i].Skip != "" {
			continue
		}
		res := verify.PageResult{ID: it.ID, File: plans[i].Path}
		page, err := conv.Convert(it, plans[i])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		wp, _ := conv.WordPressHTML(it)
		file, err := page.Bytes()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		opts.Base = it.Link
		want, got, err := verify.Sides(wp, file, opts)
		if err != nil {
			res.Error = err.Error()
		} else {
			res.Result = verify.Compare(want, got)
		}
		if res.Score < 0 || res.Score > 1 || res.TextScore < 0 || res.TextScore > 1 {
			t.Errorf("%s %s: score out of range: %+v", name, res.File, res.Result)
		}
		if *dump != "" && res.Score < rep.Threshold {
			dumpPage(t, name, res, wp, page.Body, want, got)
		}
		rep.Add(res)
	}
	return rep
}

// corpusRow is one Markdown table row: export, pages, share at or above the
// threshold, the five commonest causes under it.
func corpusRow(name string, rep *verify.Report) string {
	below := len(rep.Below())
	ok := len(rep.Pages) - below
	var causes []string
	for i, c := range rep.Causes() {
		if i == 5 {
			break
		}
		causes = append(causes, fmt.Sprintf("%s %d", c.What, c.Pages))
	}
	return fmt.Sprintf("| %s | %d | %d | %.1f%% | %s |", name, len(rep.Pages), ok,
		100*float64(ok)/float64(max(1, len(rep.Pages))), strings.Join(causes, ", "))
}

// writeCorpusMD writes testdata/CORPUS.md.
func writeCorpusMD(t *testing.T, rows string, all *verify.Report) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# verify over the shared corpus\n\n")
	b.WriteString("Written by `go test ./verify -run TestCorpus -update`: every export of ../shared/wxr converted\n")
	b.WriteString("as the CLI does (learn, plan, URL index, convert with Index.Link and LinkFrom) and each page verified.\n")
	b.WriteString("Causes: how many of the pages under 0.99 have each kind of difference.\n\n")
	b.WriteString("| export | pages | ≥ 0.99 | share | commonest causes under 0.99 (pages) |\n|---|---|---|---|---|\n")
	b.WriteString(rows)
	b.WriteString("\n## All causes, all exports\n\n")
	for _, c := range all.Causes() {
		fmt.Fprintf(&b, "- %s: %d pages\n", c.What, c.Pages)
	}
	b.WriteString("\n## Every page under 0.99\n\n")
	for _, p := range all.Below() {
		fmt.Fprintf(&b, "- %.3f `%s` (id %d)", p.Score, p.File, p.ID)
		for _, d := range p.Diffs {
			fmt.Fprintf(&b, "; %s: want %s, got %s", d.What, clip(d.Want), clip(d.Got))
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile("testdata/CORPUS.md", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// clip shortens a difference for the listing, on one line.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:90]) + "…"
	}
	return strings.NewReplacer("|", "\\|", "`", "'").Replace(s)
}

// dumpPage writes one page's sides for study.
func dumpPage(t *testing.T, export string, res verify.PageResult, wp, md string, want, got verify.Side) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "export %s id %d file %s score %.4f\n", export, res.ID, res.File, res.Score)
	for _, d := range res.Diffs {
		fmt.Fprintf(&b, "DIFF %s (-%.3f): want %s; got %s\n", d.What, d.Cost, d.Want, d.Got)
	}
	b.WriteString("\n==== side by side\n")
	if err := verify.SideBySide(&b, want, got); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n==== wordpress html\n" + wp + "\n==== markdown\n" + md)
	dir := filepath.Join(*dump, strings.ReplaceAll(filepath.Dir(export), string(filepath.Separator), "_"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(res.ID)+".txt"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
