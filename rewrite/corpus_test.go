package rewrite_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// attrURL finds href and src values in post HTML (srcset is split below).
var (
	attrURL   = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	srcsetURL = regexp.MustCompile(`(?i)\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// site is one export read into memory for the test: the first pass builds
// the index; the items are kept to play the second pass.
type corpusSite struct {
	ix    *rewrite.Index
	items []*wxr.Item
	plans []convert.Plan
}

func readSite(t *testing.T, file string) (*corpusSite, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := wxr.NewReader(f, wxr.Options{Name: file})
	if err != nil {
		return nil, err
	}
	s := &corpusSite{}
	for {
		it, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var we *wxr.Error
			if errors.As(err, &we) && it == nil && len(s.items) > 0 && !strings.Contains(err.Error(), "EOF") {
				continue // one broken item; the reader goes on
			}
			return nil, err
		}
		s.items = append(s.items, it)
	}
	planner := convert.NewPlanner(convert.Options{})
	for _, it := range s.items {
		planner.Learn(it)
	}
	s.ix = rewrite.NewIndex(r.Channel(), rewrite.Options{})
	for _, it := range s.items {
		p := planner.Plan(it)
		s.plans = append(s.plans, p)
		s.ix.Add(it, p)
	}
	return s, nil
}

// linkCounts counts the links of published pages that point at the old
// site, by what the index made of them.
type linkCounts struct {
	pages, posts, page, media, archive, missing int
	missed                                      []string
}

func (c *linkCounts) own() int { return c.page + c.media + c.archive + c.missing }

// TestCorpus builds the index of every shared export, plays the second pass
// over the published pages' links, and reports how many links to the old
// site resolve. Every published page's own link must resolve to itself.
func TestCorpus(t *testing.T) {
	corpus := testenv.SharedWXR(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.xml"))
	if len(files) == 0 {
		t.Fatalf("no exports under %s", corpus)
	}
	sort.Strings(files)
	var total linkCounts
	for _, file := range files {
		name := strings.TrimPrefix(file, corpus+string(filepath.Separator))
		s, err := readSite(t, file)
		if err != nil {
			t.Logf("%-55s unreadable: %v", name, firstLine(err))
			continue
		}
		c := playSecondPass(t, name, s)
		if c.own() == 0 && c.pages == 0 {
			continue
		}
		t.Logf("%-55s pages %4d  own-site links %4d: page %4d media %4d archive/feed %3d missing %3d (%.0f%% resolved)",
			name, c.pages, c.own(), c.page, c.media, c.archive, c.missing, pct(c.own()-c.missing, c.own()))
		for i, m := range c.missed {
			if i == 20 {
				t.Logf("    … %d more", len(c.missed)-20)
				break
			}
			t.Logf("    missing: %s", m)
		}
		total.pages += c.pages
		total.page += c.page
		total.media += c.media
		total.archive += c.archive
		total.missing += c.missing
	}
	t.Logf("TOTAL pages %d, own-site links %d: page %d media %d archive/feed %d missing %d (%.1f%% resolved)",
		total.pages, total.own(), total.page, total.media, total.archive, total.missing, pct(total.own()-total.missing, total.own()))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// playSecondPass maps every link of every published page, checks that each
// page's own link comes back to it, and counts the links to the old site.
func playSecondPass(t *testing.T, name string, s *corpusSite) linkCounts {
	var c linkCounts
	first := map[string]bool{} // links already claimed by an earlier item (duplicate ids, test files)
	for i, it := range s.items {
		p := s.plans[i]
		if p.Skip != "" || it.Status != "publish" {
			continue
		}
		c.pages++
		if it.Link == "" || first[it.Link] {
			continue
		}
		first[it.Link] = true
		if l := s.ix.Link(it.Link); l.Kind != convert.LinkPage || l.Dest != p.Path {
			t.Errorf("%s: item %d: own link %q → %v %q, want page %q", name, it.ID, it.Link, l.Kind, l.Dest, p.Path)
		}
		for _, raw := range pageURLs(it.Content) {
			l := s.ix.LinkFrom(it.Link, raw)
			switch {
			case l.Kind == convert.LinkPage:
				c.page++
			case l.Kind == convert.LinkMedia:
				c.media++
			case l.Kind == convert.LinkMissing:
				c.missing++
				c.missed = append(c.missed, raw+" (in "+it.Link+")")
			case l.Dest != raw:
				c.archive++ // an archive or feed made root-relative
			}
		}
	}
	return c
}

// pageURLs returns every href, src and srcset URL in HTML.
func pageURLs(html string) []string {
	var out []string
	for _, m := range attrURL.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1]+m[2])
	}
	for _, m := range srcsetURL.FindAllStringSubmatch(html, -1) {
		for _, part := range strings.Split(m[1]+m[2], ",") {
			if f := strings.Fields(part); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	return out
}
