package rewrite

import (
	"strconv"
	"strings"
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// predicted is an unpublished post (draft, pending, future) whose pretty
// permalink WordPress had not given yet: its <link> is "?p=ID". Posts link to
// such posts (a scheduled post, a draft's link to itself) by the permalink
// they were going to have; the index predicts it from the site's structure.
type predicted struct {
	idx  int32
	id   int64
	slug string // raw post_name
	date time.Time
}

// addPrediction remembers an unpublished post to predict its permalink once
// the site's permalink structure is known (after the first pass).
func (ix *Index) addPrediction(it *wxr.Item, typ string, idx int32) {
	if typ != "post" || it.Status == "publish" || it.RawName == "" || it.Date.IsZero() {
		return
	}
	if !strings.Contains(it.Link, "?") {
		return // WordPress gave it a pretty link already
	}
	ix.pending = append(ix.pending, predicted{idx: idx, id: it.ID, slug: strings.Clone(it.RawName), date: it.Date})
}

// predict adds the predicted permalinks of unpublished posts, with the
// structure of the site's published posts. It runs once, before the first
// lookup.
func (ix *Index) predict() {
	shape := ix.arch.shape
	if shape == "" || strings.Contains(shape, "%category%") || strings.Contains(shape, "%author%") {
		return
	}
	for _, p := range ix.pending {
		if k, _, ok := ix.site.key(ix.site.base + expandShape(shape, p)); ok {
			ix.putKey(k, p.idx, weak)
		}
	}
	ix.pending = nil
}

// expandShape fills a permalink structure with a post's date, slug and ID.
func expandShape(shape string, p predicted) string {
	d := p.date
	return strings.NewReplacer(
		"%year%", d.Format("2006"), "%monthnum%", d.Format("01"), "%day%", d.Format("02"),
		"%hour%", d.Format("15"), "%minute%", d.Format("04"), "%second%", d.Format("05"),
		"%postname%", p.slug, "%post_id%", strconv.FormatInt(p.id, 10),
	).Replace(shape)
}
