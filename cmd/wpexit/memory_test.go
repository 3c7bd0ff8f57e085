//go:build linux

package main_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// memoryBudget is the peak resident memory allowed for converting a 200 MB
// export (issue #3's budget, which the URL index of issue #4 must keep).
const memoryBudget = 64 << 20

// TestConvertPeakMemory converts a 200 MB export made with
// ../shared/tools/scale-wxr from the theme unit test data (44,031 items,
// every post and page repeated with new ids and slugs, so every link
// between them resolves through the URL index) and checks the binary's
// peak resident memory against the budget, and that the report accounts
// for every item. It measures memory, never time.
func TestConvertPeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("converts a 200 MB export")
	}
	shared := testenv.SharedWXR(t)
	tool := filepath.Join(filepath.Dir(shared), "tools", "scale-wxr")
	src := filepath.Join(shared, "theme-test-data", "themeunittestdata.wordpress.xml")
	dir := t.TempDir()
	big := filepath.Join(dir, "theme-200mb.xml")
	if out, err := exec.Command("python3", tool, src, "--target-mb", "200", big).CombinedOutput(); err != nil {
		t.Fatalf("scale-wxr: %v\n%s", err, out)
	}
	report := filepath.Join(dir, "report.jsonl")
	cmd := exec.Command(wpexitBin, "convert", big, "--out", filepath.Join(dir, "site"), "-j", "2", "-q", "--report", report)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("convert: %v\n%s", err, out)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // Linux reports KiB
	t.Logf("peak RSS %.1f MiB (budget %d MiB)", float64(rss)/(1<<20), memoryBudget>>20)
	if rss >= memoryBudget {
		t.Errorf("peak RSS %.1f MiB, want under %d MiB", float64(rss)/(1<<20), memoryBudget>>20)
	}
	if items, lines := countItems(t, big), countLines(t, report); items == 0 || lines != items {
		t.Errorf("report has %d lines for %d items", lines, items)
	}
}

// countItems counts the <item> tags of an export.
func countItems(t *testing.T, name string) int {
	t.Helper()
	n := 0
	forEachLine(t, name, func(line string) { n += strings.Count(line, "<item>") })
	return n
}

// countLines counts the lines of a file.
func countLines(t *testing.T, name string) int {
	t.Helper()
	n := 0
	forEachLine(t, name, func(string) { n++ })
	return n
}

func forEachLine(t *testing.T, name string, f func(string)) {
	t.Helper()
	file, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		f(sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
