package main_test

// End-to-end tests of the built binary: TestMain builds it once, each test
// runs it with exec.Command and checks exit codes, streams and the tree.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// wpexitBin is the binary TestMain built.
var wpexitBin string

func TestMain(m *testing.M) {
	if launchMeasured() { // memory_test.go: this process only starts a command
		return
	}
	dir, err := os.MkdirTemp("", "wpexit-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	wpexitBin = filepath.Join(dir, "wpexit")
	if out, err := exec.Command("go", "build", "-o", wpexitBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build wpexit: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sample is the sample export of the repository.
var sample = filepath.Join("..", "..", "testdata", "sample.xml")

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// wpexit runs the binary with args and stdin (may be nil).
func wpexit(t *testing.T, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(wpexitBin, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("run wpexit %v: %v", args, err)
	}
	return r
}

// wantCode fails the test when r did not exit with code.
func wantCode(t *testing.T, r result, code int, what string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", what, r.code, code, r.stdout, r.stderr)
	}
}

// secrets must never appear in anything wpexit writes or prints.
var secrets = []string{
	"maren@harbournotes.example", "ines@mail.example", "lars@mail.example", "offers@spam.example",
	"198.51.100.23", "203.0.113.99", "192.0.2.14", "mooring14",
}

func assertNoSecrets(t *testing.T, where, text string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("%s contains %q", where, s)
		}
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tree returns every file under dir by slash path, with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(readFile(t, p))
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

// diffTrees describes how two trees differ, or returns "".
func diffTrees(a, b map[string]string) string {
	var out []string
	for p, x := range a {
		y, ok := b[p]
		switch {
		case !ok:
			out = append(out, "only in first: "+p)
		case x != y:
			out = append(out, "differs: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, "only in second: "+p)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// reportLine is one --report line, as the tests read it.
type reportLine struct {
	Input    string   `json:"input"`
	Line     int      `json:"line"`
	ID       int64    `json:"id"`
	Type     string   `json:"type"`
	Status   string   `json:"status"`
	Title    string   `json:"title"`
	Outcome  string   `json:"outcome"`
	Path     string   `json:"path"`
	Reason   string   `json:"reason"`
	Error    string   `json:"error"`
	Warnings []string `json:"warnings"`
}

func readReport(t *testing.T, p string) []reportLine {
	t.Helper()
	var lines []reportLine
	sc := bufio.NewScanner(bytes.NewReader(readFile(t, p)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l reportLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return lines
}

// badInputs writes the broken exports of issue 2 into dir and returns their
// paths by name.
func badInputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	whole := readFile(t, sample)
	cut := bytes.Index(whole, []byte("<title><![CDATA[Mending the Jib]]></title>"))
	var zipBuf, gzBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	f, _ := zw.Create("README.txt")
	f.Write([]byte("these are my photos\n"))
	zw.Close()
	gz := gzip.NewWriter(&gzBuf)
	gz.Write(whole)
	gz.Close()
	corrupt := append([]byte(nil), gzBuf.Bytes()[:len(gzBuf.Bytes())/2]...)
	for i := 40; i < len(corrupt); i += 7 {
		corrupt[i] ^= 0x5a
	}
	files := map[string][]byte{
		"empty.xml":     nil,
		"truncated.xml": whole[:cut+30],
		"error-page.xml": []byte("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n" +
			"<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>\n"),
		"photos.zip":    zipBuf.Bytes(),
		"export.xml.gz": corrupt,
		"not-xml.xml":   []byte("post_id,title\n1,Hello\n"),
		"binary.xml":    {0x00, 0x01, 0x02, 0xff, 0xfe, 0x00},
	}
	paths := map[string]string{}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}
