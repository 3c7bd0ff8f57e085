package convert

import "github.com/wpexit/wpexit/wxr"

// Plan is what happens to one item, decided before any content is converted
// so that every page's file is known when links are rewritten.
type Plan struct {
	ID   int64
	Skip string // non-empty: the item is not written, and this is why
	Path string // content file relative to content/, unique in the site
	URL  string // the old permalink's path, for front matter url
}

// Planner assigns files to items in input order. STUB: owned by the page work.
type Planner struct {
	opts Options
	used map[string]bool
}

// NewPlanner returns a Planner for one site.
func NewPlanner(opts Options) *Planner { return &Planner{opts: opts, used: map[string]bool{}} }

// Plan decides the item's fate. STUB.
func (p *Planner) Plan(it *wxr.Item) Plan {
	return Plan{ID: it.ID, Path: "posts/" + it.Name + ".md"}
}
