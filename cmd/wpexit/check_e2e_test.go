package main_test

// End-to-end test of `wpexit check` with a real, pinned Hugo (found through
// $WPEXIT_HUGO or PATH): a shared export is converted, built and served,
// and all three modes must find every post and page; then one post is
// deleted and all three must name exactly its URL.

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wpexit/wpexit/internal/testenv"
)

// checkExport is the shared export the test converts: small (52 items),
// with posts, pages, categories, tags and a /blog/ permalink prefix.
const checkExport = "real-fettblog/wordpress.xml"

func TestCheckE2EHugo(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	hugo := testenv.Hugo(t)
	export := testenv.SharedExport(t, checkExport)
	site := filepath.Join(t.TempDir(), "site")
	wantCode(t, wpexit(t, nil, "convert", export, "--out", site, "-q"), 0, "convert "+checkExport)

	// Every mode finds every post and page of the converted site.
	public := checkHugoBuild(t, hugo, site)
	srv := startCheckServer(t, hugo, site)
	modes := map[string][]string{
		"site":   {"--site", site},
		"public": {"--public", public},
		"live":   {"--base", srv.base},
	}
	for _, mode := range []string{"site", "public", "live"} {
		r := wpexit(t, nil, append([]string{"check", export, "--json"}, modes[mode]...)...)
		wantCode(t, r, 0, "check --"+mode+" of the converted site")
		rep := parseCheck(t, r)
		if !rep.OK || rep.Mode != mode {
			t.Errorf("%s: ok %v mode %q", mode, rep.OK, rep.Mode)
		}
		for _, class := range []string{"posts", "pages"} {
			total, covered := rep.row(t, class)
			if total == 0 || covered != total {
				t.Errorf("%s: %s %d of %d covered, want all of at least one", mode, class, covered, total)
			}
		}
	}
	srv.stop()

	// One post deleted: every mode names exactly its URL, and fails.
	file, url := checkDeletablePost(t, site)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	modes["public"][1] = checkHugoBuild(t, hugo, site)
	srv = startCheckServer(t, hugo, site)
	modes["live"][1] = srv.base
	for _, mode := range []string{"site", "public", "live"} {
		r := wpexit(t, nil, append([]string{"check", export, "--json"}, modes[mode]...)...)
		wantCode(t, r, 3, "check --"+mode+" with "+filepath.Base(file)+" deleted")
		rep := parseCheck(t, r)
		if got := rep.requiredMissing(); !slices.Equal(got, []string{url}) {
			t.Errorf("%s: missing posts and pages %v, want exactly [%s]", mode, got, url)
		}
		if rep.OK {
			t.Errorf("%s: ok is true with a post deleted", mode)
		}
	}
	srv.stop()
}

// checkHugoBuild builds site into a new folder and returns it.
func checkHugoBuild(t *testing.T, hugo, site string) string {
	t.Helper()
	public := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--source", site, "--destination", public, "--quiet")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo build of %s: %v\n%s", site, err, b)
	}
	return public
}

var (
	checkURLLine = regexp.MustCompile(`(?m)^url: (\S+)$`)
	checkRelref  = regexp.MustCompile(`relref "([^"]+)"`)
)

// checkDeletablePost picks the first post that no other page links to (Hugo
// would refuse to build a broken relref) and that has no aliases, so that
// its url is the only post URL that deleting it loses. It returns the
// file and that url.
func checkDeletablePost(t *testing.T, site string) (string, string) {
	t.Helper()
	linked := map[string]bool{}
	walkPages(t, site, func(_, text string) {
		for _, m := range checkRelref.FindAllStringSubmatch(text, -1) {
			linked[filepath.Base(m[1])] = true
		}
	})
	files, err := filepath.Glob(filepath.Join(site, "content", "posts", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	for _, f := range files {
		text := string(readFile(t, f))
		m := checkURLLine.FindStringSubmatch(text)
		if m == nil || linked[filepath.Base(f)] || strings.Contains(text, "\naliases:") || strings.Contains(text, "\ndraft: true") {
			continue
		}
		url, err := strconv.Unquote(m[1])
		if err != nil {
			url = m[1]
		}
		return f, url
	}
	t.Fatalf("no post of %s can be deleted without breaking a link", site)
	return "", ""
}

// checkServer is a running `hugo server`.
type checkServer struct {
	base string // http://127.0.0.1:PORT/
	stop func() // kills it and waits; later calls do nothing
}

// startCheckServer serves site on a free loopback port and waits until it
// answers. The server is killed when the test ends, whatever happens. A
// server that exits at once (the port was taken meanwhile) is tried again
// on another port, twice.
func startCheckServer(t *testing.T, hugo, site string) checkServer {
	t.Helper()
	var out string
	for range 3 {
		srv, early, ok := tryCheckServer(t, hugo, site)
		if ok {
			return srv
		}
		out = early
	}
	t.Fatalf("hugo server exited before answering, three times:\n%s", out)
	return checkServer{}
}

// tryCheckServer starts one hugo server. ok is false when it exited before
// answering; its output is then returned.
func tryCheckServer(t *testing.T, hugo, site string) (checkServer, string, bool) {
	t.Helper()
	// --renderToMemory: a server rendering to site/public would serve the
	// files an earlier server left there, deleted pages included.
	port := checkFreePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	cmd := exec.Command(hugo, "server", "--source", site, "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--baseURL", base, "--disableLiveReload", "--watch=false", "--renderToMemory")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	out := &checkOutput{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start hugo server: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			_ = cmd.Process.Kill()
			<-exited
		})
	}
	t.Cleanup(stop)

	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(45 * time.Second)
	for {
		select {
		case <-exited:
			return checkServer{}, out.String(), false
		default:
		}
		resp, err := client.Get(base)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return checkServer{base: base, stop: stop}, "", true
			}
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("hugo server did not answer %s within 45s (last error %v):\n%s", base, err, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkFreePort asks the system for a loopback port nobody listens on.
func checkFreePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		t.Fatalf("listener address %v is not TCP", l.Addr())
	}
	return addr.Port
}

// checkOutput collects a process's output from its copying goroutines.
type checkOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *checkOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *checkOutput) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
