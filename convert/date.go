package convert

import (
	"time"

	"github.com/wpexit/wpexit/wxr"
)

// pageDate is the page's date: the GMT post date when the export has one,
// else the local post date, whose offset is then unknown (local is true).
// Both are zero for floating drafts without any date.
func pageDate(it *wxr.Item) (t time.Time, local bool) {
	if !it.DateGMT.IsZero() {
		return it.DateGMT.UTC(), false
	}
	if !it.Date.IsZero() {
		return it.Date, true
	}
	return time.Time{}, false
}

// lastmod is the GMT modification date when it is later than the page date
// (a post edited after publication), else zero. A modification before the
// date (a scheduled post) says nothing a reader needs. With a local page
// date, the local modification date is compared and written.
func lastmod(it *wxr.Item, date time.Time, local bool) time.Time {
	m := it.ModifiedGMT
	if local || m.IsZero() {
		if !local {
			return time.Time{}
		}
		m = it.Modified
	}
	if m.IsZero() || date.IsZero() || !m.After(date) {
		return time.Time{}
	}
	return m
}
