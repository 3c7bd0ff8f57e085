package main_test

// End-to-end: the built binary converts every export of the shared corpus and
// a real, pinned Hugo builds each converted tree. Hugo is found through
// $WPEXIT_HUGO (set by .ci/run) or on PATH.

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/wxr"
)

var hugoBinOnce struct {
	sync.Once
	path string
	err  error
}

// hugoWpexit builds the wpexit binary once for the Hugo tests.
func hugoWpexit(t *testing.T) string {
	t.Helper()
	hugoBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wpexit-hugo-e2e")
		if err != nil {
			hugoBinOnce.err = err
			return
		}
		hugoBinOnce.path = filepath.Join(dir, "wpexit")
		out, err := exec.Command("go", "build", "-o", hugoBinOnce.path, ".").CombinedOutput()
		if err != nil {
			hugoBinOnce.err = errors.New(string(out))
		}
	})
	if hugoBinOnce.err != nil {
		t.Fatalf("build wpexit: %v", hugoBinOnce.err)
	}
	return hugoBinOnce.path
}

// sharedExports lists every export under ../shared/wxr, or skips (never
// under CI=true) when the shared corpus is absent.
func sharedExports(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(testenv.SharedWXR(t), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestHugoBuildsSample(t *testing.T) {
	hugo := testenv.Hugo(t)
	bin := hugoWpexit(t)
	site := convertForHugo(t, bin, filepath.Join("..", "..", "testdata", "sample.xml"))
	buildWithHugo(t, hugo, site)
}

func TestHugoBuildsSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	hugo := testenv.Hugo(t)
	files := sharedExports(t)
	bin := hugoWpexit(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(filepath.Dir(f))+"-"+filepath.Base(f), ".xml")
		t.Run(name, func(t *testing.T) {
			site := convertForHugo(t, bin, f)
			if site == "" {
				return
			}
			buildWithHugo(t, hugo, site)
			assertNoRawShortcodes(t, site)
			assertNothingPrivate(t, f, site)
		})
	}
}

// convertForHugo runs wpexit convert; exit 0 or 3 (some items failed) are
// acceptable, anything else fails the test.
func convertForHugo(t *testing.T, bin, export string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	cmd := exec.Command(bin, "convert", export, "--out", out, "-q", "--report", filepath.Join(t.TempDir(), "report.jsonl"))
	b, err := cmd.CombinedOutput()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run wpexit: %v", err)
	}
	switch {
	case code == 0 || code == 3:
		return out
	case code == 1 && hugoPositioned.Match(b):
		// A malformed export that stops before any site can be built: the
		// run must say where, in one positioned sentence.
		t.Logf("stopped with a positioned error: %s", b)
		return ""
	}
	t.Fatalf("wpexit convert %s: exit %d\n%s", export, code, b)
	return ""
}

var hugoPositioned = regexp.MustCompile(`\.xml:\d+: `)

func buildWithHugo(t *testing.T, hugo, site string) {
	t.Helper()
	cmd := exec.Command(hugo, "--source", site, "--destination", filepath.Join(t.TempDir(), "public"), "--quiet", "--buildDrafts=false")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo build of %s: %v\n%s", site, err, b)
	}
}

var (
	rawShortcode = regexp.MustCompile(`\[(caption|gallery|code|sourcecode)\b[^\]\n]*\]($|[^(\[])`) // a shortcode, not link text
	fencedBlock  = regexp.MustCompile("(?s)(```+|~~~+).*?\n(```+|~~~+)")
	inlineCode   = regexp.MustCompile("`[^`\n]*`")
)

// assertNoRawShortcodes: no [caption, [gallery, [code or [sourcecode left
// outside code in any written page.
func assertNoRawShortcodes(t *testing.T, site string) {
	t.Helper()
	walkPages(t, site, func(path, text string) {
		text = fencedBlock.ReplaceAllString(text, "")
		text = inlineCode.ReplaceAllString(text, "")
		if m := rawShortcode.FindString(text); m != "" {
			t.Errorf("%s: raw shortcode %q left outside code", path, m)
		}
	})
}

// assertNothingPrivate: no private or password-protected item was written.
func assertNothingPrivate(t *testing.T, export, site string) {
	t.Helper()
	hidden := hiddenIDs(t, export)
	if len(hidden) == 0 {
		return
	}
	idLine := regexp.MustCompile(`(?m)^wordpress_id: (\d+)$`)
	walkPages(t, site, func(path, text string) {
		if m := idLine.FindStringSubmatch(text); m != nil && hidden[m[1]] {
			t.Errorf("%s: private or password-protected item %s was written", path, m[1])
		}
	})
}

func hiddenIDs(t *testing.T, export string) map[string]bool {
	t.Helper()
	f, err := os.Open(export)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := map[string]bool{}
	r, err := wxr.NewReader(f, wxr.Options{Name: export})
	if err != nil {
		return ids // unreadable exports are covered by the convert run itself
	}
	for errs := 0; errs < 10000; {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs++ // a skipped item or the final positioned error: read on
			continue
		}
		if it.Status == "private" || it.Password != "" {
			ids[strconv.FormatInt(it.ID, 10)] = true
		}
	}
	return ids
}

// walkPages calls fn with every Markdown page under site/content.
func walkPages(t *testing.T, site string, fn func(path, text string)) {
	t.Helper()
	root := filepath.Join(site, "content")
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fn(p, string(b))
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}
