package rewrite

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/convert"
)

// TestHugoResolves proves the index's page targets and aliases with a real
// Hugo: every fixture page links to every other page with relref to the
// Dest that Link gives (fragments included) and carries its Aliases; the
// site must build with refLinksErrorLevel ERROR, and every alias must be
// written at its decoded path.
func TestHugoResolves(t *testing.T) {
	hugo := testenv.Hugo(t)
	for name, f := range map[string]*fixture{"pathinfo": pathinfoSite(), "html": htmlSite(), "front": frontSite(),
		"wpcom": wpcomSite(), "numeric": numericSite()} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ix := f.index(Options{})
			writeHugoSite(t, dir, f, ix)
			cmd := exec.Command(hugo, "--quiet", "-s", dir)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("hugo: %v\n%s", err, out)
			}
			for i, it := range f.items {
				if f.plans[i].Skip != "" {
					continue
				}
				for _, a := range ix.Aliases(it.ID) {
					p := filepath.Join(dir, "public", filepath.FromSlash(a))
					if !strings.HasSuffix(a, ".html") {
						p = filepath.Join(p, "index.html")
					}
					if _, err := os.Stat(p); err != nil {
						t.Errorf("alias %q of %d not written: %v", a, it.ID, err)
					}
				}
			}
		})
	}
}

func writeHugoSite(t *testing.T, dir string, f *fixture, ix *Index) {
	t.Helper()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "baseURL = \"https://example.org/\"\nrefLinksErrorLevel = \"ERROR\"\n"+
		"disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n")
	write("layouts/single.html", "{{ .Content }}\n")
	write("layouts/list.html", "list\n")
	for i, it := range f.items {
		p := f.plans[i]
		if p.Skip != "" {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\n", strconv.Quote(it.Title))
		if p.URL != "" {
			fmt.Fprintf(&b, "url: %s\n", strconv.Quote(p.URL))
		}
		if as := ix.Aliases(it.ID); len(as) > 0 {
			b.WriteString("aliases:\n")
			for _, a := range as {
				fmt.Fprintf(&b, "- %s\n", strconv.Quote(a))
			}
		}
		b.WriteString("---\n\n")
		n := 0
		for _, other := range f.items {
			l := ix.Link(other.Link + "#comments")
			if l.Kind != convert.LinkPage {
				continue
			}
			n++
			fmt.Fprintf(&b, "See [%d][%d].\n\n[%d]: {{< relref %s >}}\n\n", n, n, n, strconv.Quote(l.Dest))
		}
		write("content/"+p.Path, b.String())
	}
}
