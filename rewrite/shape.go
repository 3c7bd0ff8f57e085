package rewrite

import (
	"strconv"
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

// PermalinkShape describes the item's link as a WordPress permalink
// structure relative to home, e.g. "/%year%/%monthnum%/%day%/%postname%/",
// "/index.php/%year%/%monthnum%/%postname%/", "/%post_id%.html" or
// "/?p=%post_id%": date parts from the item's local date, its slug and its
// ID are replaced by their tags; other segments stay as written. It returns
// "" when the link is empty or not under home.
func PermalinkShape(home string, it *wxr.Item) string {
	if it == nil {
		return ""
	}
	lu, ok := splitURL(unescapeAmp(strings.TrimSpace(it.Link)))
	if !ok {
		return ""
	}
	if q := queryShape(lu.query); q != "" {
		return "/?" + q
	}
	p := decodeAlias(lu.path)
	if hu, ok := splitURL(strings.TrimSpace(home)); ok {
		hp := strings.TrimSuffix(decodeAlias(hu.path), "/")
		if hp != "" {
			if p != hp && !strings.HasPrefix(p, hp+"/") {
				return ""
			}
			p = strings.TrimPrefix(p, hp)
		}
	}
	if p == "" {
		p = "/"
	}
	segs := strings.Split(p, "/")
	sh := shaper{it: it, slugs: slugForms(it)}
	for i, s := range segs {
		segs[i] = sh.segment(s)
	}
	return strings.Join(segs, "/")
}

// queryShape turns a plain-permalink query into its structure.
func queryShape(q string) string {
	if q == "" {
		return ""
	}
	var parts []string
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "p", "page_id", "attachment_id":
			parts = append(parts, k+"=%post_id%")
		case "post_type":
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, "&")
}

// shaper replaces the parts of one link's segments it can name.
type shaper struct {
	it               *wxr.Item
	slugs            []string
	year, month, day bool
	name, id         bool
}

// segment returns the structure of one path segment.
func (s *shaper) segment(seg string) string {
	if seg == "" {
		return seg
	}
	stem, suffix := seg, ""
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		stem, suffix = seg[:i], seg[i:]
	}
	d := s.it.Date
	switch {
	case !d.IsZero() && !s.year && seg == strconv.Itoa(d.Year()):
		s.year = true
		return "%year%"
	case !d.IsZero() && s.year && !s.month && seg == d.Format("01"):
		s.month = true
		return "%monthnum%"
	case !d.IsZero() && s.month && !s.day && seg == d.Format("02"):
		s.day = true
		return "%day%"
	case !s.name && s.isSlug(stem):
		s.name = true
		return s.nameTag() + suffix
	case !s.id && stem == strconv.FormatInt(s.it.ID, 10):
		s.id = true
		return "%post_id%" + suffix
	}
	return seg
}

// nameTag is %pagename% for pages, %postname% for everything else.
func (s *shaper) nameTag() string {
	if s.it.Type == "page" {
		return "%pagename%"
	}
	return "%postname%"
}

func (s *shaper) isSlug(seg string) bool {
	for _, f := range s.slugs {
		if strings.EqualFold(seg, f) {
			return true
		}
	}
	return false
}

// slugForms are the ways the item's slug may appear in its link.
func slugForms(it *wxr.Item) []string {
	var out []string
	for _, f := range []string{it.Name, it.RawName, decodeAlias(it.RawName)} {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
