package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRepoRootHoldsGoMod(t *testing.T) {
	if _, err := os.Stat(filepath.Join(RepoRoot(t), "go.mod")); err != nil {
		t.Fatalf("RepoRoot has no go.mod: %v", err)
	}
}

func TestHugoPrefersWPEXITHUGO(t *testing.T) {
	t.Setenv("WPEXIT_HUGO", "/opt/hugo-a")
	t.Setenv("HUGO", "/opt/hugo-b")
	if got := Hugo(t); got != "/opt/hugo-a" {
		t.Errorf("Hugo = %q, want /opt/hugo-a", got)
	}
	t.Setenv("WPEXIT_HUGO", "")
	if got := Hugo(t); got != "/opt/hugo-b" {
		t.Errorf("Hugo = %q, want /opt/hugo-b", got)
	}
}
