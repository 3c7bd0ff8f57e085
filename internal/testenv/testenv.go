// Package testenv finds what the tests of every package share and cannot
// ship in the repository: the real exports in ../shared/wxr and the pinned
// Hugo binary. It exists so that the rule "skip when absent, but never under
// CI=true" lives in one place instead of a copy per package; only tests
// import it.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where nothing they
// need may be missing.
func InCI() bool { return os.Getenv("CI") == "true" }

// missing skips the test, or fails it under CI=true.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatalf("under CI=true: "+format, args...)
	}
	t.Skipf(format, args...)
}

// RepoRoot returns the folder holding go.mod, walking up from the test's
// package folder.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package folder")
		}
		dir = parent
	}
}

// SharedWXR returns ../shared/wxr next to the repository root. The test is
// skipped when it is absent, and fails instead under CI=true.
func SharedWXR(t testing.TB) string {
	t.Helper()
	corpus := filepath.Join(RepoRoot(t), "..", "shared", "wxr")
	if _, err := os.Stat(filepath.Join(corpus, "INDEX.md")); err != nil {
		missing(t, "shared corpus not found at %s", corpus)
	}
	return corpus
}

// SharedExport returns one file of the shared corpus, by its path below
// ../shared/wxr ("real-fettblog/wordpress.xml"), with SharedWXR's rules.
func SharedExport(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(SharedWXR(t), filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		missing(t, "shared export %s not found", name)
	}
	return p
}

// Hugo returns the pinned Hugo: $WPEXIT_HUGO or $HUGO (both set by
// .ci/run), else hugo on PATH. The test is skipped without one, and fails
// instead under CI=true.
func Hugo(t testing.TB) string {
	t.Helper()
	for _, env := range []string{"WPEXIT_HUGO", "HUGO"} {
		if p := os.Getenv(env); p != "" {
			return p
		}
	}
	if p, err := exec.LookPath("hugo"); err == nil {
		return p
	}
	missing(t, "no hugo: set WPEXIT_HUGO or put hugo on PATH (.ci/run installs the pinned one)")
	return ""
}
