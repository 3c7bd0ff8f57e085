package convert

import (
	"strconv"
	"strings"

	"golang.org/x/text/cases"

	"github.com/wpexit/wpexit/wxr"
)

// Plan is what happens to one item, decided before any content is converted
// so that every page's file is known when links are rewritten.
type Plan struct {
	ID    int64
	Type  string // post type; "post" when the export has none
	Skip  string // non-empty: the item is not written, and this is why
	Path  string // content file relative to content/, unique in the site
	URL   string // the old permalink's path, decoded; "" for query forms
	Slug  string // front matter slug: decoded post_name (or one made from the title or the ID), made safe for Hugo; may be ""
	Draft bool   // written with draft: true
	// Aliases are the page's other old paths (old slugs, guid path). The
	// planner leaves it empty; the caller fills it from the URL index before
	// Convert.
	Aliases []string
	Notes   []Note // e.g. "renamed" when the wanted file was taken
}

// Planner assigns files to items. Plan is sequential and deterministic: the
// same items in the same order get the same files. A page's folder comes
// from its ancestors, which Learn records; call Learn for every item in a
// first pass so that a child listed before its parent still nests.
type Planner struct {
	opts  Options
	nodes map[int64]node    // learned items: type, slug segment, parent
	used  map[uint64]bool   // hashes of the folded base names given out so far
	fold  cases.Caser       // case folding for base names; not safe for concurrent use
	skips map[string]string // post type -> its "not a page" reason, shared by every plan
	types map[string]string // post type -> one copy of its name, shared by every plan
}

// node is what the planner remembers of an item to build its children's
// folders.
type node struct {
	typ    string
	seg    string
	parent int64
}

// NewPlanner returns a Planner for one site.
func NewPlanner(opts Options) *Planner {
	p := &Planner{opts: opts, nodes: map[int64]node{}, used: map[uint64]bool{}, fold: cases.Fold(), skips: map[string]string{}, types: map[string]string{}}
	for _, b := range reservedBase {
		p.used[foldName(p.fold, b)] = true
	}
	return p
}

// Learn records the item's slug and parent so that its descendants can be
// placed under it, whatever order Plan sees them in.
func (p *Planner) Learn(it *wxr.Item) {
	if it == nil || it.ID == 0 {
		return
	}
	typ := itemType(it)
	if typ == "post" || !isPageType(typ) {
		return // posts never nest: no need to remember them
	}
	p.nodes[it.ID] = node{typ: typ, seg: p.segment(it, pageSlug(it)), parent: it.Parent}
}

// Plan decides the item's fate: skipped with a reason, or written to a file
// no other item of the site has, named after its slug (posts also after
// their date).
func (p *Planner) Plan(it *wxr.Item) Plan {
	if it == nil {
		return Plan{Skip: "no item"}
	}
	pl := Plan{ID: it.ID, Type: p.intern(itemType(it)), URL: permalinkPath(it.Link)}
	if !isPageType(pl.Type) {
		pl.Skip = p.notPage(pl.Type)
		return pl
	}
	pl.Draft, pl.Skip = statusPolicy(it.Status, it.Password, p.opts)
	if pl.Skip != "" {
		return pl
	}
	if _, ok := p.nodes[it.ID]; !ok {
		p.Learn(it)
	}
	slug := pageSlug(it)
	pl.Slug = slugValue(slug)
	dir, stem := p.place(it, pl.Type, p.segment(it, slug))
	var renamed bool
	pl.Path, renamed = p.claim(dir, stem)
	if renamed {
		wanted := dir + "/" + withSuffix(stem, 1)
		if p.opts.Bundles {
			wanted = strings.TrimSuffix(wanted, ".md") + "/index.md"
		}
		pl.Notes = append(pl.Notes, Note{Kind: "renamed", Detail: "wanted " + wanted})
	}
	if pl.URL == "" && isHomeLink(it.Link) {
		pl.Notes = append(pl.Notes, Note{Kind: "front-page", Detail: "served at the home URL " + it.Link + "; no url written"})
	}
	return pl
}

// claim gives out the file dir/stem.md, or dir/stem-N.md with the smallest
// N > 1 whose base name no earlier page has in any folder, compared without
// case: Hugo's relref finds a page by its base name alone, and macOS and
// Windows fold case.
func (p *Planner) claim(dir, stem string) (path string, renamed bool) {
	n := 1
	h := foldSuffixed(p.fold, stem, n)
	for p.used[h] {
		n++
		h = foldSuffixed(p.fold, stem, n)
	}
	p.used[h] = true
	base := withSuffix(stem, n)
	if p.opts.Bundles {
		return dir + "/" + strings.TrimSuffix(base, ".md") + "/index.md", n > 1
	}
	return dir + "/" + base, n > 1
}

// notPage is the skip reason of a post type that is not a page. One string
// per type serves every plan, which the caller may keep for a whole run.
func (p *Planner) notPage(typ string) string {
	r, ok := p.skips[typ]
	if !ok {
		r = "not a page: " + typ
		p.skips[typ] = r
	}
	return r
}

// intern returns one shared copy of a post type's name, so that plans kept
// for a whole run do not each hold their own.
func (p *Planner) intern(typ string) string {
	if s, ok := p.types[typ]; ok {
		return s
	}
	p.types[typ] = typ
	return typ
}

// place returns the folder (relative to content/) and the file stem of an
// item whose slug segment is seg.
func (p *Planner) place(it *wxr.Item, typ, seg string) (dir, stem string) {
	switch typ {
	case "post":
		return "posts", datePrefix(it) + "-" + seg
	case "page":
		dir = "pages"
	default:
		if dir = safeSegment(typ, 60); dir == "" {
			dir = "other"
		}
	}
	if p.opts.Bundles {
		return dir, seg // a leaf bundle cannot hold its children's pages
	}
	if anc := p.ancestors(it.ID, typ, it.Parent); len(anc) > 0 {
		dir += "/" + strings.Join(anc, "/")
	}
	return dir, seg
}

// maxDepth bounds page hierarchies, which may cycle in damaged exports.
const maxDepth = 16

// ancestors returns the slug segments of the item's learned ancestors of the
// same type, outermost first. A missing parent or a cycle ends the chain.
func (p *Planner) ancestors(id int64, typ string, parent int64) []string {
	var segs []string
	seen := map[int64]bool{id: true}
	for parent != 0 && !seen[parent] && len(segs) < maxDepth {
		n, ok := p.nodes[parent]
		if !ok || n.typ != typ {
			break
		}
		seen[parent] = true
		segs = append(segs, n.seg)
		parent = n.parent
	}
	for i, j := 0, len(segs)-1; i < j; i, j = i+1, j-1 {
		segs[i], segs[j] = segs[j], segs[i]
	}
	return segs
}

// segment is the file-system-safe form of slug, or the ID when nothing of
// the slug is safe.
func (p *Planner) segment(it *wxr.Item, slug string) string {
	if s := safeSegment(slug, maxBase-20); s != "" {
		return s
	}
	return strconv.FormatInt(it.ID, 10)
}

// pageSlug is the item's slug: its decoded post_name (decoded here only when
// the item carries nothing but the raw one), else one made from its
// title, else its ID (what WordPress gives an untitled post). A trashed
// item's slug is the one it had before it was trashed.
func pageSlug(it *wxr.Item) string {
	name := it.Name // decoded by the reader
	if name == "" && it.RawName != "" {
		name = decodeName(it.RawName)
	}
	if it.Status == "trash" {
		if d := it.MetaValue("_wp_desired_post_slug"); d != "" {
			name = d
		}
		name = strings.TrimSuffix(name, "__trashed")
	}
	if name != "" {
		return name
	}
	if s := slugify(it.Title); s != "" {
		return s
	}
	return strconv.FormatInt(it.ID, 10)
}

// datePrefix is "YYYY-MM-DD" of the local post date (the date WordPress puts
// in permalinks), the GMT date when the local one is missing, or "undated".
func datePrefix(it *wxr.Item) string {
	switch {
	case !it.Date.IsZero():
		return it.Date.Format("2006-01-02")
	case !it.DateGMT.IsZero():
		return it.DateGMT.Format("2006-01-02")
	}
	return "undated"
}

// itemType is the item's post type; exports that omit it mean "post".
func itemType(it *wxr.Item) string {
	if it.Type == "" {
		return "post"
	}
	return it.Type
}

// machineryTypes are post types that hold site machinery or private data,
// not pages: media, menus, revisions, styles and templates, form entries,
// orders, plugin configuration.
var machineryTypes = map[string]bool{
	"attachment": true, "revision": true, "nav_menu_item": true,
	"custom_css": true, "customize_changeset": true, "oembed_cache": true,
	"user_request": true, "feedback": true, "shop_order": true,
	"shop_order_refund": true, "shop_order_placehold": true, "shop_coupon": true,
	"shop_webhook": true, "product_variation": true, "scheduled-action": true,
	"jp_pay_order": true, "jp_pay_product": true, "jetpack_migration": true,
	"amp_validated_url": true, "elementor_library": true, "nf_sub": true,
	"mc4wp-form": true, "wpforms": true, "wpcf7_contact_form": true,
	"safecss": true, "postman_sent_mail": true, "wp_log": true,
}

// machineryPrefixes catch families of machinery types: core's wp_block,
// wp_template, wp_template_part, wp_global_styles, wp_navigation,
// wp_font_family…; ACF's field groups; WooCommerce's and Flamingo's records.
var machineryPrefixes = []string{"wp_", "acf-", "acf_", "shop_", "flamingo_", "edd_", "_"}

// isPageType reports whether items of the post type become pages.
func isPageType(typ string) bool {
	if machineryTypes[typ] {
		return false
	}
	for _, pre := range machineryPrefixes {
		if strings.HasPrefix(typ, pre) {
			return false
		}
	}
	return true
}
