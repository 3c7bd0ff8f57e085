package convert

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/wpexit/wpexit/wxr"
)

// skippedTaxonomies hold site machinery, not terms a reader browses.
var skippedTaxonomies = map[string]bool{
	"nav_menu": true, "link_category": true, "wp_theme": true,
	"wp_template_part_area": true, "wp_pattern_category": true,
}

// frontMatter builds the page's front matter from the item and its plan.
func (c *Converter) frontMatter(it *wxr.Item, plan Plan) (FrontMatter, []Note) {
	fm := FrontMatter{
		Author:      AuthorKey(it.Creator), // authors.go: never an e-mail address
		Comments:    it.CommentStatus == "open",
		Draft:       plan.Draft,
		Slug:        plan.Slug,
		Summary:     plainText(it.Excerpt),
		Title:       titleText(it.Title),
		URL:         plan.URL,
		WordPressID: it.ID,
	}
	fm.Aliases = aliases(plan.Aliases, plan.URL)
	c.terms(&fm, it.Terms)
	fm.Date, fm.DateLocal = pageDate(it)
	fm.Lastmod = lastmod(it, fm.Date, fm.DateLocal)
	if plan.Type == "page" {
		fm.Weight = it.MenuOrder
	}
	var notes []Note
	if a, id, ok := c.site.Featured(it); ok {
		fm.FeaturedImage = cleanLine(c.mediaURL(a.URL))
	} else if id != 0 {
		notes = append(notes, Note{Kind: "missing-featured-image", Detail: strconv.FormatInt(id, 10)})
	}
	return fm, notes
}

// terms sorts the item's terms into categories, tags, the post format and
// custom taxonomies, each list in export order without duplicates.
func (c *Converter) terms(fm *FrontMatter, terms []wxr.ItemTerm) {
	for _, t := range terms {
		name := cleanLine(t.Name)
		if name == "" {
			name = cleanLine(t.Slug)
		}
		switch {
		case name == "" || skippedTaxonomies[t.Domain]:
		case t.Domain == "category":
			fm.Categories = appendNew(fm.Categories, name)
		case t.Domain == "post_tag" || t.Domain == "tag":
			fm.Tags = appendNew(fm.Tags, name)
		case t.Domain == "post_format":
			fm.PostFormat = strings.TrimPrefix(t.Slug, "post-format-")
		case t.Domain != "":
			if fm.Taxonomies == nil {
				fm.Taxonomies = map[string][]string{}
			}
			fm.Taxonomies[t.Domain] = appendNew(fm.Taxonomies[t.Domain], name)
		}
	}
}

// appendNew appends v unless list holds it already.
func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// aliases returns the distinct paths of as other than url, sorted, leaving
// out any with control characters (a decoded "%0A" is no path to keep).
func aliases(as []string, url string) []string {
	var out []string
	for _, a := range as {
		a = strings.TrimSpace(a)
		if a != "" && a != url && strings.IndexFunc(a, unicode.IsControl) < 0 {
			out = appendNew(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// mediaURL maps a media URL through Options.Link, so the featured image
// points where the media now live.
func (c *Converter) mediaURL(u string) string {
	if c.opts.Link == nil {
		return u
	}
	if l := c.opts.Link(u); l.Kind == LinkMedia && l.Dest != "" {
		return l.Dest
	}
	return u
}

// slugValue makes a slug safe for Hugo, which builds paths from it when a
// page has no url: control and bidi-override characters dropped, "/", "\",
// "#" and the characters Windows refuses in file names (<>:"|?*) turned into
// "-", dots and dashes trimmed from the ends ("../../x" → "x").
func slugValue(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`/\#<>:"|?*`, r):
			return '-'
		case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069', r == '\u200E', r == '\u200F':
			return -1
		}
		return r
	}, cleanLine(s))
	return strings.Trim(s, ".- ")
}
