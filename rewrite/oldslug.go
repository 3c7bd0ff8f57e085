package rewrite

import (
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

// oldSlugLinks returns the item's link with its slug replaced by each of its
// earlier slugs (_wp_old_slug), which WordPress kept redirecting. The slug
// is matched in the link's last path segment that holds it, written raw or
// decoded, with or without a suffix such as ".html".
func oldSlugLinks(it *wxr.Item) []string {
	olds := it.MetaValues("_wp_old_slug")
	if len(olds) == 0 || it.Link == "" {
		return nil
	}
	cut := strings.IndexAny(it.Link, "?#")
	if cut < 0 {
		cut = len(it.Link)
	}
	head, tail := it.Link[:cut], it.Link[cut:]
	if strings.Contains(tail, "?") {
		return nil // a query-form link has no slug in its path
	}
	start, end := slugSpan(head, slugForms(it))
	if start < 0 {
		return nil
	}
	var out []string
	for _, o := range olds {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, head[:start]+o+head[end:]+tail)
		}
	}
	return out
}

// slugSpan finds the byte range of the slug in the last segment of link's
// path that starts with one of forms (case-insensitively); -1 if none.
func slugSpan(link string, forms []string) (int, int) {
	end := len(link)
	for end > 0 {
		seg := strings.TrimRight(link[:end], "/")
		i := strings.LastIndexByte(seg, '/')
		if i < 0 || strings.HasSuffix(seg[:i], "/") {
			return -1, -1 // reached the host
		}
		s := seg[i+1:]
		for _, f := range forms {
			if len(f) <= len(s) && strings.EqualFold(s[:len(f)], f) && (len(f) == len(s) || s[len(f)] == '.') {
				return i + 1, i + 1 + len(f)
			}
		}
		end = i
	}
	return -1, -1
}
