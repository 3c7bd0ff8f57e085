package rewrite

import (
	"hash/maphash"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// Options configure an Index. The zero value is valid.
type Options struct {
	// AliasHosts are other hosts the site was known by (--alias-host).
	AliasHosts []string
	// KeepPlanStrings says that the Path and URL of every Plan given to
	// Add are the caller's own strings, never changed and sharing no
	// memory with an item: the index then keeps them instead of copying
	// them, so a caller that stores its plans does not hold them twice.
	KeepPlanStrings bool
	// OmitTitles says that no one reads OldURL.Title: the index does not
	// keep the items' titles, and OldURLs leaves Title empty. A caller
	// that never calls OldURLs (a conversion) saves the memory.
	OmitTitles bool
}

// Index maps old URLs to their new targets. Fill it with Add in a first
// pass over the export; after that it is read-only and safe for concurrent
// use by Link, LinkFrom, Aliases, PageURL, OldURLs and the redirect
// writers. The first lookup lists the entries by item ID; an Add after
// that still works, but costs a pass over the whole index.
type Index struct {
	opts    Options
	site    site
	home    string // home URL as the export gives it
	seed    maphash.Seed
	keys    keyTable // hash of a normalised URL → entries index; ^index when the claim is weak
	byID    idTable  // item ID → its entries; built by ready
	entries entryList
	olds    chunkList[oldRef]   // the entries' other old URLs, entry by entry
	titles  chunkList[text]     // the entries' titles, by entry; none with OmitTitles
	tos     chunkList[toRef]    // the entries' to when it is not their url, by entry
	text    textArena           // the entries' strings
	types   []string            // post types, by entry.typ
	names   map[string]int      // post type → index in types
	media   map[string]string   // hosts that served the site's uploads → path prefix on the new site
	roots   map[string][]string // media host → upload folders (key paths ending in "/") its attachments live in
	pending []predicted         // unpublished posts whose permalink is predicted before the first lookup
	once    sync.Once
	listed  bool                    // ready has run: byID lists the entries
	slugs   map[string][]attachment // attachment slug → attachments, for attachment pages under old permalinks
	arch    archives
	moves   []rule // files moved after the index was filled (Move)
	memo    keyMemo
	learnt  string // the host (as written) learnHost last learnt
	qbuf    []byte // putQueryForms's key being built
}

// entry is one item that answers old URLs: a page or a media file. It is
// kept small (48 bytes): a big site has one per item. Its title and the
// path Hugo serves a page at (when that is not its url) are kept apart.
type entry struct {
	id    int64
	dest  string // page: content file (relative to content/); media: path on the new site
	url   string // page: its old permalink path, kept as front matter url; "" when none
	old   int32  // its other old URLs are olds[old:], up to the next entry's
	typ   uint16 // with typHi, the index of its post type in Index.types
	typHi uint8
	flags uint8 // isMedia, isDraft, toIsURL, hasTo
}

// Entry flags.
const (
	isMedia = 1 << iota // a media file (LinkMedia), else a page (LinkPage)
	isDraft             // page written as a draft: loses a shared URL to a published page
	toIsURL             // the path Hugo serves the page at is its url
	hasTo               // the path Hugo serves the page at is in Index.tos
)

// toRef is the path Hugo serves a page at, when it is not the page's url.
type toRef struct {
	idx int32
	to  text
}

// kind is LinkPage or LinkMedia.
func (e *entry) kind() convert.LinkKind {
	if e.flags&isMedia != 0 {
		return convert.LinkMedia
	}
	return convert.LinkPage
}

func (e *entry) draft() bool { return e.flags&isDraft != 0 }

// entryData is an entry as Add finds it, before newEntry stores it.
type entryData struct {
	id                    int64
	kind                  convert.LinkKind // LinkPage or LinkMedia
	typ, title, dest, url string
	to                    string // page: the path Hugo serves it at; "" for drafts
	draft                 bool
}

// attachment is an attachment entry and the item it was uploaded to.
type attachment struct {
	idx   int32
	owner int64
}

// oldRef is one old URL of an entry.
type oldRef struct {
	path  text  // decoded path (and query) on the old host
	class uint8 // see wordCode
	via   uint8
}

// NewIndex returns an empty index for the site the channel describes: its
// hosts (base_blog_url, base_site_url, the channel link and opts.AliasHosts)
// and the directory it was installed in, taken from base_blog_url.
func NewIndex(ch *wxr.Channel, opts Options) *Index {
	ix := &Index{
		opts:  opts,
		site:  site{hosts: map[string]bool{}},
		seed:  maphash.MakeSeed(),
		media: map[string]string{},
		slugs: map[string][]attachment{},
		names: map[string]int{},
		roots: map[string][]string{},
	}
	ix.arch.init()
	if ch == nil {
		ch = &wxr.Channel{}
	}
	ix.home = firstNonEmpty(ch.BaseBlogURL, ch.Link, ch.BaseSiteURL)
	for _, h := range []string{ch.BaseBlogURL, ch.Link, ch.BaseSiteURL} {
		ix.learnHost(h)
	}
	for _, h := range opts.AliasHosts {
		if !strings.Contains(h, "/") {
			h = "//" + h
		}
		ix.learnHost(h)
	}
	if u, ok := splitURL(ix.home); ok && u.host != "" {
		ix.site.base = strings.TrimSuffix(strings.ToLower(cleanPath(decodePath(u.path))), "/")
		ix.site.base = strings.TrimSuffix(stripIndexPHP(ix.site.base), "/")
	}
	ix.arch.addChannel(ch)
	return ix
}

// learnHost adds the host of a site URL, and its WordPress.com uploads host.
func (ix *Index) learnHost(raw string) {
	u, ok := splitURL(strings.TrimSpace(raw))
	if !ok || u.host == "" || u.host == ix.learnt {
		return // every item's link names a host: most often the last one learnt
	}
	defer func() { ix.learnt = strings.Clone(u.host) }()
	h := normHost(u.host)
	if h == "" || h == "wordpress.com" {
		return // the network home of every WordPress.com site is not this site
	}
	if !ix.site.hosts[h] {
		ix.site.hosts[h] = true
		ix.memo = keyMemo{} // keys on h change
	}
	if sub, ok := strings.CutSuffix(h, ".wordpress.com"); ok && !strings.Contains(sub, ".") {
		ix.media[sub+".files.wordpress.com"] = "/wp-content/uploads"
		ix.roots[sub+".files.wordpress.com"] = []string{"/"}
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// Add records every URL form of the item and what now answers it: for an
// item that becomes a page (plan.Skip == ""), its link, guid, query forms and
// old slugs; for an attachment, its file and size variants, its attachment
// page and query form. Other skipped items are not recorded, so links to
// them are reported as missing.
func (ix *Index) Add(it *wxr.Item, plan convert.Plan) {
	if it == nil {
		return
	}
	if ix.listed { // added after a lookup: byID is listed again
		defer ix.byID.build(&ix.entries)
	}
	switch {
	case plan.Skip == "":
		ix.addPage(it, plan)
	case it.Type == "attachment":
		ix.addMedia(it)
	}
	ix.memo = keyMemo{} // holds the item's strings
}

// ready prepares the filled index for lookups, once: it adds the
// predicted permalinks and lists the entries by item ID.
func (ix *Index) ready() {
	ix.predict()
	ix.byID.build(&ix.entries)
	ix.listed = true
}

// keyMemo remembers the keys of the last URLs one Add normalised: Add asks
// for most of them several times (putURL, pathOf, isHome, sameKey). It is
// emptied when the site learns a host, which changes keys.
type keyMemo struct {
	raw [8]string
	key [8]string
	ok  [8]bool
	n   int // keys stored so far; the oldest is replaced when full
}

// fillKey is site.key(raw) without the fragment, for Add and what it calls.
func (ix *Index) fillKey(raw string) (string, bool) {
	m := &ix.memo
	for i := range min(m.n, len(m.raw)) {
		if m.raw[i] == raw {
			return m.key[i], m.ok[i]
		}
	}
	k, _, ok := ix.site.key(raw)
	i := m.n % len(m.raw)
	m.raw[i], m.key[i], m.ok[i] = raw, k, ok
	m.n++
	return k, ok
}

// addPage records a page's URL forms.
func (ix *Index) addPage(it *wxr.Item, plan convert.Plan) {
	ix.learnHost(it.Link) // <link> is the permalink WordPress served: its host is the site's
	ix.learnGUIDHost(it)
	typ := plan.Type
	if typ == "" {
		typ = firstNonEmpty(it.Type, "post")
	}
	e := entryData{id: it.ID, kind: convert.LinkPage, typ: typ, title: it.Title, dest: plan.Path, url: plan.URL,
		to: ix.hugoURL(plan), draft: plan.Draft}
	class := ClassPost
	if typ == "page" {
		class = ClassPage
	}
	idx := ix.newEntry(e, ix.opts.KeepPlanStrings)
	ix.putURL(it.Link, idx, strong)
	if p := ix.pathOf(it.Link); p != "" && !ix.fillHome(p) && !sameKey(ix, p, plan.URL) {
		ix.addOldPage(idx, p, class)
	}
	if ix.putURL(it.GUID, idx, weak) {
		if p := ix.pathOf(it.GUID); p != "" && !ix.fillHome(p) && !sameKey(ix, p, it.Link) && !sameKey(ix, p, plan.URL) {
			ix.addOldPage(idx, p, class)
		}
	}
	ix.putQueryForms(it.ID, typ, idx)
	if q := ix.nameForm(it, typ); q != "" {
		ix.putKey(q, idx, strong)
	}
	for _, o := range oldSlugLinks(it) {
		ix.putURL(o, idx, weak)
		if p := ix.pathOf(o); p != "" && !ix.fillHome(p) {
			ix.addOldPage(idx, p, class)
		}
	}
	if typ == "post" {
		ix.arch.addItem(it)
		if it.Status == "publish" && ix.arch.front == "" { // learnFront takes the first front only
			ix.arch.learnFront(PermalinkShape(ix.home, it))
		}
	}
	ix.addPrediction(it, typ, idx)
}

// queryForms returns the query URLs (with the install directory) that
// WordPress answered for an item: ?p=ID always, ?page_id=ID for pages,
// ?attachment_id=ID for attachments.
func (ix *Index) queryForms(itemID int64, typ string) []string {
	if itemID <= 0 {
		return nil
	}
	qs := []string{string(appendQueryForm(nil, ix.site.base, "p", itemID))}
	if name := typeQuery(typ); name != "" {
		qs = append(qs, string(appendQueryForm(nil, ix.site.base, name, itemID)))
	}
	return qs
}

// putQueryForms maps the item's queryForms to the entry, strongly, without
// building their strings: Add does it for every item.
func (ix *Index) putQueryForms(itemID int64, typ string, idx int32) {
	if itemID <= 0 {
		return
	}
	ix.qbuf = appendQueryForm(ix.qbuf[:0], ix.site.base, "p", itemID)
	ix.putHash(maphash.Bytes(ix.seed, ix.qbuf), idx, strong)
	if name := typeQuery(typ); name != "" {
		ix.qbuf = appendQueryForm(ix.qbuf[:0], ix.site.base, name, itemID)
		ix.putHash(maphash.Bytes(ix.seed, ix.qbuf), idx, strong)
	}
}

// typeQuery is the query parameter besides p that names an item of the
// type: page_id for pages, attachment_id for attachments; "" for others.
func typeQuery(typ string) string {
	switch typ {
	case "page":
		return "page_id"
	case "attachment":
		return "attachment_id"
	}
	return ""
}

// appendQueryForm appends the query form base/?name=id.
func appendQueryForm(b []byte, base, name string, id int64) []byte {
	b = append(append(append(b, base...), "/?"...), name...)
	return strconv.AppendInt(append(b, '='), id, 10)
}

// nameForm returns the ?name=slug (posts) or ?pagename=path (pages) key of
// the item, or "".
func (ix *Index) nameForm(it *wxr.Item, typ string) string {
	v, name := it.RawName, "name"
	if typ == "page" {
		k, ok := ix.fillKey(it.Link)
		if !ok || strings.HasPrefix(k, "//") || strings.Contains(k, "?") {
			return ""
		}
		v, name = strings.Trim(ix.site.rel(k), "/"), "pagename"
	}
	if v == "" {
		return ""
	}
	k, ok := ix.fillKey("?" + name + "=" + v)
	if !ok || !strings.Contains(k, "?") {
		return ""
	}
	return k
}

// learnGUIDHost trusts a guid host as the site's own when the guid is the
// item's own ?p=ID (or ?page_id=ID) at the install directory, or the same
// path as its link: the item was created on that host. Such hosts (an old
// domain, the wordpress.com address of a custom domain) are common in real
// exports.
func (ix *Index) learnGUIDHost(it *wxr.Item) {
	u, ok := splitURL(unescapeAmp(strings.TrimSpace(it.GUID)))
	if !ok || u.host == "" || it.ID <= 0 {
		return
	}
	h := normHost(u.host)
	if ix.site.hosts[h] || h == "wordpress.com" {
		return
	}
	if q := queryKey(u.query, true); q == "p="+itoa(it.ID) || q == "page_id="+itoa(it.ID) {
		dir := strings.TrimSuffix(strings.ToLower(stripIndexPHP(cleanPath(decodePath(u.path)))), "/")
		if dir == ix.site.base {
			ix.learnHost("//" + h)
		}
		return
	}
	trial := site{hosts: map[string]bool{h: true}, base: ix.site.base}
	gk, _, ok1 := trial.key(it.GUID)
	lk, ok2 := ix.fillKey(it.Link)
	if ok1 && ok2 && gk == lk && !strings.Contains(lk, "?") && !ix.isHome(lk) {
		ix.learnHost("//" + h)
	}
}

// slugKey is the item's slug as a key segment.
func slugKey(it *wxr.Item) string {
	return foldText(decodePath(firstNonEmpty(it.RawName, it.Name)), true)
}

// newEntry stores e with private copies of its strings: strings read from an
// item may share memory with the whole item (content included), which the
// index must not keep alive. With keepPlan, dest and url are a plan's, kept
// as they are (Options.KeepPlanStrings).
func (ix *Index) newEntry(d entryData, keepPlan bool) int32 {
	t := ix.intern(d.typ)
	e := entry{id: d.id, dest: d.dest, url: d.url, old: int32(ix.olds.len()), typ: uint16(t), typHi: uint8(t >> 16)}
	if !keepPlan {
		e.dest, e.url = ix.text.clone(d.dest), ix.text.clone(d.url)
	}
	idx := int32(ix.entries.len())
	switch {
	case d.to == d.url:
		e.flags |= toIsURL
	case d.to != "":
		e.flags |= hasTo
		ix.tos.add(toRef{idx, ix.text.add(d.to)})
	}
	if !ix.opts.OmitTitles {
		ix.titles.add(ix.text.add(d.title))
	}
	if d.kind == convert.LinkMedia {
		e.flags |= isMedia
	}
	if d.draft {
		e.flags |= isDraft
	}
	ix.entries.add(e)
	return idx
}

// typeOf is the entry's post type.
func (ix *Index) typeOf(e *entry) string { return ix.types[int(e.typHi)<<16|int(e.typ)] }

// toOf is the path Hugo serves the page idx at; "" for drafts and media.
func (ix *Index) toOf(idx int32) string {
	e := ix.entries.at(idx)
	switch {
	case e.flags&toIsURL != 0:
		return e.url
	case e.flags&hasTo == 0:
		return ""
	}
	i := sort.Search(ix.tos.len(), func(i int) bool { return ix.tos.at(int32(i)).idx >= idx })
	return ix.text.get(ix.tos.at(int32(i)).to)
}

// titleOf is the title of the entry idx; "" with OmitTitles.
func (ix *Index) titleOf(idx int32) string {
	if ix.opts.OmitTitles {
		return ""
	}
	return ix.text.get(*ix.titles.at(idx))
}

// oldsOf returns where the entry's other old URLs are in olds.
func (ix *Index) oldsOf(idx int32) (from, to int32) {
	from, to = ix.entries.at(idx).old, int32(ix.olds.len())
	if int(idx)+1 < ix.entries.len() {
		to = ix.entries.at(idx + 1).old
	}
	return from, to
}

// addOld records an extra old URL of an entry, which must be the last one
// added (an entry's old URLs are stored together, after the previous
// entry's). class and via are Class* and Via* constants. The ?p=,
// ?page_id= and ?attachment_id= forms of its own ID are not stored: OldURLs
// derives them.
func (ix *Index) addOld(idx int32, p, class, via string) {
	e := ix.entries.at(idx)
	if strings.Contains(p, "?") {
		for _, q := range ix.queryForms(e.id, ix.typeOf(e)) {
			if q == p {
				return
			}
		}
	}
	from, to := ix.oldsOf(idx)
	for i := from; i < to; i++ {
		if ix.text.get(ix.olds.at(i).path) == p {
			return
		}
	}
	ix.olds.add(oldRef{path: ix.text.add(p), class: wordCode(class), via: wordCode(via)})
}

// intern returns the index in types of a post type (an entry holds 24
// bits of it: far more types than any export has).
func (ix *Index) intern(s string) int {
	if i, ok := ix.names[s]; ok {
		return i
	}
	s = strings.Clone(s)
	ix.names[s] = len(ix.types)
	ix.types = append(ix.types, s)
	return len(ix.types) - 1
}

// wordCode is the code an oldRef stores for a Class* or Via* constant;
// word is its inverse.
func wordCode(w string) uint8 {
	switch w {
	case ClassPost:
		return 1
	case ClassPage: // also ViaPage
		return 2
	case ClassMedia:
		return 3
	case ClassArchive:
		return 4
	case ClassFeed:
		return 5
	case ClassShortlink:
		return 6
	case ClassHome:
		return 7
	case ViaAlias:
		return 8
	case ViaFile:
		return 9
	case ViaRedirect:
		return 10
	}
	panic("rewrite: no code for " + w)
}

func word(c uint8) string {
	switch c {
	case 1:
		return ClassPost
	case 2:
		return ClassPage
	case 3:
		return ClassMedia
	case 4:
		return ClassArchive
	case 5:
		return ClassFeed
	case 6:
		return ClassShortlink
	case 7:
		return ClassHome
	case 8:
		return ViaAlias
	case 9:
		return ViaFile
	case 10:
		return ViaRedirect
	}
	return ""
}

// Claims on a URL: an item's current link, its query and name forms and its
// file are strong; guids, old slugs, size variants and predictions are weak,
// and give way to a strong claim of another item whatever the order.
const (
	weak   = false
	strong = true
)

// putURL records raw (when it is one of the site's URLs, or media on another
// host) for the entry; it reports whether raw is on the site's hosts.
func (ix *Index) putURL(raw string, idx int32, claim bool) bool {
	k, ok := ix.fillKey(raw)
	if !ok || raw == "" {
		return false
	}
	if strings.HasPrefix(k, "//") && ix.entries.at(idx).kind() == convert.LinkPage {
		return false // a page's guid on another site says nothing about this one
	}
	ix.putKey(k, idx, claim)
	return !strings.HasPrefix(k, "//")
}

// putKey maps k to the entry unless an earlier item holds it: a strong
// claim takes a URL over from a weak one, and a published page from a draft
// (duplicate ids in damaged exports).
func (ix *Index) putKey(k string, idx int32, claim bool) {
	ix.putHash(maphash.String(ix.seed, k), idx, claim)
}

// putHash is putKey of the key whose hash is h.
func (ix *Index) putHash(h uint64, idx int32, claim bool) {
	old, taken := ix.keys.get(h)
	switch {
	case !taken:
	case claim && old < 0:
	case ix.entries.at(holder(old)).draft() && !ix.entries.at(idx).draft():
	default:
		return
	}
	if claim {
		ix.keys.put(h, idx)
	} else {
		ix.keys.put(h, ^idx)
	}
}

// holder is the entry a keys value names, whatever its claim.
func holder(v int32) int32 {
	if v < 0 {
		return ^v
	}
	return v
}

// find returns the entry that answers the key k.
func (ix *Index) find(k string) (int32, bool) {
	v, ok := ix.keys.get(maphash.String(ix.seed, k))
	return holder(v), ok
}

// pathOf returns the decoded path and query of raw on the old site, with the
// install directory, when raw is one of the site's URLs; else "".
func (ix *Index) pathOf(raw string) string {
	k, ok := ix.fillKey(raw)
	if !ok || strings.HasPrefix(k, "//") {
		return ""
	}
	u, _ := splitURL(unescapeAmp(strings.TrimSpace(raw)))
	if strings.Contains(k, "?") {
		return k
	}
	p := decodeAlias(u.path)
	if p == "" {
		p = "/"
	}
	return p
}

// sameKey reports whether two URLs or paths normalise to the same key.
func sameKey(ix *Index, a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ka, oka := ix.fillKey(a)
	kb, okb := ix.fillKey(b)
	return oka && okb && ka == kb
}

// hugoURL is the path Hugo serves a planned page at: its url when it has
// one, else Hugo's default for a page with a slug and no url (the
// folder of its file, then its slug, below the install directory that the
// written hugo.toml's baseURL keeps); "" for drafts, which Hugo does not
// publish.
func (ix *Index) hugoURL(plan convert.Plan) string {
	switch {
	case plan.URL != "":
		return plan.URL
	case plan.Draft || plan.Path == "":
		return ""
	}
	dir, file := path.Split(plan.Path)
	if b, ok := strings.CutSuffix(plan.Path, "/index.md"); ok {
		dir, file = path.Split(b) // a leaf bundle is named by its folder
	}
	slug := plan.Slug
	if slug == "" {
		slug = strings.TrimSuffix(file, path.Ext(file))
	}
	var segs []string
	for _, s := range strings.Split(strings.Trim(dir, "/"), "/") {
		segs = append(segs, hugoPath(s))
	}
	return ix.site.base + "/" + strings.Join(append(segs, hugoPath(slug)), "/") + "/"
}

// isHome reports whether an old path is the site's home page.
func (ix *Index) isHome(p string) bool {
	k, _, ok := ix.site.key(p)
	return ok && (k == ix.site.base || k == "/")
}

// fillHome is isHome for Add and what it calls.
func (ix *Index) fillHome(p string) bool {
	k, ok := ix.fillKey(p)
	return ok && (k == ix.site.base || k == "/")
}

// addOldPage records an extra old URL of a page: query forms are short
// links and need a redirect; paths become Hugo aliases.
func (ix *Index) addOldPage(idx int32, p, class string) {
	if strings.Contains(p, "?") {
		ix.addOld(idx, p, ClassShortlink, ViaRedirect)
		return
	}
	ix.addOld(idx, p, class, ViaAlias)
}

// Aliases returns the extra paths (Hugo aliases) of the item's page: old
// slugs, and the guid and link paths when they differ from its url. They are
// decoded Unicode paths on the old host (install directory included), like
// the page's url. Query forms are not aliases; the redirect files hold them.
func (ix *Index) Aliases(id int64) []string {
	ix.once.Do(ix.ready) // owns reads the keys predict writes
	idx, ok := ix.byID.first(id)
	if !ok || ix.entries.at(idx).kind() != convert.LinkPage {
		return nil
	}
	var out []string
	from, to := ix.oldsOf(idx)
	for i := from; i < to; i++ {
		o := ix.olds.at(i)
		if p := ix.text.get(o.path); word(o.via) == ViaAlias && ix.owns(idx, p) {
			out = append(out, p)
		}
	}
	return out
}

// owns reports whether the old path leads to the entry, not to another page
// that took it over (an old slug reused by a newer post).
func (ix *Index) owns(idx int32, p string) bool {
	k, _, ok := ix.site.key(p)
	if !ok {
		return false
	}
	i, found := ix.find(k)
	return !found || i == idx
}

// decodeAlias percent-decodes a path to NFC Unicode, keeping the raw path
// when it does not decode to valid UTF-8.
func decodeAlias(p string) string {
	d, err := url.PathUnescape(p)
	if err != nil || !validText(d) {
		return p
	}
	return nfc(d)
}
