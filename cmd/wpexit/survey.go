package main

import (
	"context"
	"slices"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// survey is what the first pass learns about the whole site, holding no
// post bodies: the site's attachments and reusable blocks, every item's plan
// (its file, or why it is skipped), and the URL index that lets a post link
// to one that comes later in the export.
type survey struct {
	channel    *wxr.Channel
	site       *convert.Site
	index      *rewrite.Index
	plans      planList // by entry seq; the zero Plan for unreadable entries
	entries    int      // items read, readable or not
	taxonomies []string // custom taxonomies used by items, sorted
	extras     *extras  // comments, authors, archive: set by runConvert (comments.go)

	mediaUses *mediaUses // media URLs the items name (media.go)
	bundles   *bundles   // --bundles: media files placed in page bundles (bundle.go)
}

// surveyState is the first pass at work.
type surveyState struct {
	*survey
	planner  *convert.Planner
	media    *mediaNoter     // notes the items' media on its own goroutine
	parents  map[int64]int64 // every item seen: its parent
	deferred []deferredItem  // items whose ancestors were not seen yet
	taxa     map[string]bool
}

// deferredItem is an item planned after the pass, stripped of its bodies.
type deferredItem struct {
	seq  int
	item *wxr.Item
}

// surveyExports runs the first pass over every export, calling tick after
// each entry. The index keeps the plan strings planList holds (one copy of
// each); ixOpts says what else it keeps.
func surveyExports(ctx context.Context, exps []*export, ixOpts rewrite.Options, opts convert.Options, tick func()) (*survey, error) {
	ixOpts.KeepPlanStrings = true
	s := &surveyState{
		survey:  &survey{site: convert.NewSite()},
		planner: convert.NewPlanner(opts),
		parents: map[int64]int64{},
		taxa:    map[string]bool{},
	}
	sc := &scanner{exports: exps, onHeader: func(_ string, ch *wxr.Channel, _ []string) {
		if s.channel == nil {
			// A copy: ch points into the reader, which would keep the whole
			// first pass (reader, scanner, planner) alive for the run.
			own := *ch
			s.channel, ch = &own, &own
			s.index = rewrite.NewIndex(ch, ixOpts)
		}
	}}
	defer sc.close()
	s.media = startMediaNoter(s.survey) // medianoter.go
	for batch := range readAhead(ctx, sc) {
		for _, r := range batch {
			if r.err != nil {
				s.media.wait()
				return nil, r.err
			}
			s.add(r.entry)
			tick()
		}
	}
	s.media.wait()
	for _, d := range s.deferred {
		s.plan(d.seq, d.item)
	}
	s.taxonomies = sortedKeys(s.taxa)
	return s.survey, nil
}

// scanned is one step of readAhead: an entry, or the fatal error that ends
// the scan.
type scanned struct {
	entry
	err error
}

// readBatch is how many entries readAhead hands over at once: one
// hand-over per entry would wake the caller for each.
const readBatch = 16

// readAhead reads sc's entries on a goroutine of its own, a few batches
// ahead of the caller, so that parsing the export and surveying its items
// share the machine's cores. The channel closes after the last entry or an
// error, which ends the last batch; the caller must drain it.
func readAhead(ctx context.Context, sc *scanner) <-chan []scanned {
	ch := make(chan []scanned, 4)
	go func() {
		defer close(ch)
		batch := make([]scanned, 0, readBatch)
		for {
			e, ok, err := sc.next(ctx)
			if err != nil {
				batch = append(batch, scanned{err: err})
			}
			if err != nil || !ok {
				if len(batch) > 0 {
					ch <- batch
				}
				return
			}
			batch = append(batch, scanned{entry: e})
			if len(batch) == readBatch {
				ch <- batch
				batch = make([]scanned, 0, readBatch)
			}
		}
	}()
	return ch
}

// add takes one entry of the first pass.
func (s *surveyState) add(e entry) {
	s.entries++
	s.plans.add(convert.Plan{})
	it := e.item
	if it == nil {
		return
	}
	s.site.Add(it)
	s.media.add(e.seq, it)
	s.planner.Learn(it)
	s.parents[it.ID] = it.Parent
	for _, t := range it.Terms {
		if customTaxonomy(t.Domain) {
			s.taxa[t.Domain] = true
		}
	}
	if !s.ancestorsKnown(it) {
		light := *it
		light.Content, light.Excerpt, light.Description, light.Comments = "", "", "", nil
		s.deferred = append(s.deferred, deferredItem{e.seq, &light})
		return
	}
	s.plan(e.seq, it)
}

// plan decides the item's file and records all its URLs.
func (s *surveyState) plan(seq int, it *wxr.Item) {
	s.plans.set(seq, s.planner.Plan(it))
	p, _ := s.plans.at(seq) // its strings now planList's own, which the index keeps
	s.index.Add(it, p)
}

// ancestorsKnown reports whether every ancestor of it has been seen, so that
// its plan (pages nest under their parents) is final.
func (s *surveyState) ancestorsKnown(it *wxr.Item) bool {
	seen := map[int64]bool{it.ID: true}
	for p := it.Parent; p != 0 && !seen[p]; {
		seen[p] = true
		next, ok := s.parents[p]
		if !ok {
			return false
		}
		p = next
	}
	return true
}

// customTaxonomy reports whether an item term's domain is a taxonomy of its
// own in Hugo (not categories, tags, or WordPress machinery).
func customTaxonomy(domain string) bool {
	switch domain {
	case "", "category", "post_tag", "tag", "post_format", "nav_menu", "link_category", "wp_theme", "wp_template_part_area", "wp_pattern_category":
		return false
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
