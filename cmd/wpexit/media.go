package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/media"
	"github.com/wpexit/wpexit/wxr"
)

// mediaConfig is what `wpexit convert` was asked to do with media files.
type mediaConfig struct {
	Mode        string        // "none" or "download"
	Uploads     string        // a copy of wp-content/uploads to take files from
	Hosts       []string      // hosts to fetch from besides the site's own
	Concurrency int           // files fetched at once
	Timeout     time.Duration // per request
	MaxBytes    int64         // largest file accepted
	Base        string        // testing: fetch every file from this base URL instead of its host
	Bundles     bool          // every page a leaf bundle, holding the files only it uses (bundle.go)
}

// mediaStatePath is where, under --out, the media state is kept.
const mediaStatePath = ".wpexit/media.json"

// mediaFlags are the media flags of convert.
func mediaFlags(c *mediaConfig) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "media", Value: "none", Usage: "media files: `MODE` none (list what is missing) or download (fetch them from the site's hosts)", Destination: &c.Mode},
		&cli.StringFlag{Name: "uploads", Usage: "take media files from `DIR`, a copy of wp-content/uploads (no network)", Destination: &c.Uploads},
		&cli.StringSliceFlag{Name: "media-hosts", Usage: "also download media from `HOST` (repeatable); files go to static/media/HOST/", Destination: &c.Hosts},
		&cli.IntFlag{Name: "media-concurrency", Value: 8, Usage: "download `N` files at once (at most 4 from one host)", Destination: &c.Concurrency},
		&cli.DurationFlag{Name: "media-timeout", Value: 60 * time.Second, Usage: "give up one request after `DURATION`", Destination: &c.Timeout},
		&cli.Int64Flag{Name: "media-max-bytes", Value: 512 << 20, Usage: "refuse media files larger than `N` bytes", Destination: &c.MaxBytes},
		&cli.BoolFlag{Name: "bundles", Usage: "write every page as a page bundle (posts/X/index.md) holding the media files only it uses; shared files go to static/", Destination: &c.Bundles},
		&cli.StringFlag{Name: "media-base", Hidden: true, Usage: "fetch every media file from `URL` + its path (testing)", Destination: &c.Base},
	}
}

// validate checks the media flags.
func (c *mediaConfig) validate() error {
	switch {
	case c.Mode != "none" && c.Mode != "download":
		return usagef("--media must be none or download, not %q", c.Mode)
	case c.Uploads != "" && c.Mode == "download":
		return usagef("--uploads takes files from a folder: it cannot be used with --media download")
	case c.Concurrency <= 0:
		return usagef("--media-concurrency must be at least 1")
	case c.Timeout <= 0:
		return usagef("--media-timeout must be positive")
	case c.MaxBytes <= 0:
		return usagef("--media-max-bytes must be positive")
	}
	if c.Uploads != "" {
		if st, err := os.Stat(c.Uploads); err != nil || !st.IsDir() {
			return usagef("--uploads %s: not a folder", c.Uploads)
		}
	}
	for _, h := range c.Hosts {
		if h == "" || strings.ContainsAny(h, "/ ") {
			return usagef("--media-hosts takes host names, not %q", h)
		}
	}
	return nil
}

// fetching reports whether files are to be brought into the site.
func (c *mediaConfig) fetching() bool { return c.Mode == "download" || c.Uploads != "" }

// runMedia is the media step, between the first and the second pass: it
// finds every media file the site uses, brings them under static/ (or, in
// mode none, checks which are there), reports them, and returns the link
// mapper for the second pass, as the change it makes to the index's
// answers (nil: none): thumbnails pointed at the originals saved instead
// and files from --media-hosts at their new place.
func runMedia(ctx context.Context, c convertConfig, sv *survey, w *siteWriter,
	rep *report, prog *progress,
) (linkAdjust, error) {
	var link linkAdjust // linkfrom.go
	refs := collectMedia(sv, c.Media.Hosts)
	if len(refs) == 0 {
		return link, nil
	}
	out := &mediaOutput{w: w}
	if c.Media.Bundles {
		sv.bundles = planBundles(sv, refs) // bundle.go
		out.bundles = sv.bundles
	}
	if !c.Media.fetching() || c.DryRun {
		results := media.Check(refs, out, "static")
		var missing []string
		for _, r := range results {
			if r.Outcome == media.Missing {
				missing = append(missing, r.Dest)
			}
		}
		if len(missing) > 0 {
			where := "under static/"
			if c.Media.Bundles {
				where = "in static/ or the page bundles"
			}
			rep.warn(fmt.Sprintf("media: %d of %d files the posts use are not %s: %s (--media download or --uploads DIR brings them)",
				len(missing), len(results), where, shortList(missing, 3)))
		}
		if c.Media.fetching() { // a dry run that would fetch: list them
			reportMedia(rep, results)
		}
		return link, nil
	}
	state := loadMediaState(w)
	opts, err := mediaOptions(c, refs, state)
	if err != nil {
		return link, err
	}
	bar := prog.mediaBar(len(refs), &opts)
	results, err := media.Fetch(ctx, mediaBase(refs, c.Media.Base), out, opts)
	bar.done()
	if serr := saveMediaState(w, state); err == nil {
		err = serr // an interrupted run keeps what it saved, for the next one
	}
	if err != nil {
		return link, err
	}
	reportMedia(rep, results)
	return mediaLink(results, refs, c.Media.Base), nil
}

// mediaOptions sets up fetching: the client, the allowed hosts (those of
// the site's media, and --media-hosts), the uploads folder.
func mediaOptions(c convertConfig, refs []media.Ref, state *media.State) (media.Options, error) {
	opts := media.Options{
		Prefix: "static", Concurrency: c.Media.Concurrency, PerHost: min(4, c.Media.Concurrency),
		Timeout: c.Media.Timeout, MaxBytes: c.Media.MaxBytes, State: state,
	}
	if c.Media.Uploads != "" {
		root, err := os.OpenRoot(c.Media.Uploads)
		if err != nil {
			return opts, fmt.Errorf("open uploads folder: %w", err)
		}
		opts.Uploads = root.FS()
		return opts, nil
	}
	opts.Client = &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: c.Media.Timeout,
		MaxIdleConnsPerHost:   4,
		ForceAttemptHTTP2:     true,
	}}
	hosts := map[string]bool{}
	for _, r := range refs {
		if u, err := url.Parse(r.URL); err == nil && u.Host != "" {
			hosts[strings.ToLower(u.Host)] = true
		}
	}
	if c.Media.Base != "" {
		u, err := url.Parse(c.Media.Base)
		if err != nil || u.Host == "" {
			return opts, usagef("--media-base %q is not a URL", c.Media.Base)
		}
		hosts = map[string]bool{strings.ToLower(u.Host): true}
	}
	opts.Hosts = sortedKeys(hosts)
	return opts, nil
}

// mediaBase points every ref at base (--media-base), keeping its path.
func mediaBase(refs []media.Ref, base string) []media.Ref {
	if base == "" {
		return refs
	}
	out := make([]media.Ref, len(refs))
	for i, r := range refs {
		r.URL = rebase(r.URL, base)
		out[i] = r
	}
	return out
}

func rebase(raw, base string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimSuffix(base, "/") + u.EscapedPath()
}

// mediaLink is the second pass's change to the index's link answers: every
// thumbnail whose original was saved pointed at the original, and files
// fetched from --media-hosts at their place under /media/HOST/.
func mediaLink(results []media.Result, refs []media.Ref, base string) linkAdjust {
	rewrites := media.Rewrites(results)
	saved := map[string]bool{}
	for _, r := range results {
		if r.Saved != "" {
			saved[r.Saved] = true
		}
	}
	foreign := map[string]string{} // external key of a URL on --media-hosts → its dest
	for _, r := range refs {
		if strings.HasPrefix(r.Dest, "/media/") && saved[r.Dest] {
			foreign[externalKey(r.URL)] = r.Dest
		}
	}
	return func(raw string, l convert.Link) convert.Link {
		switch l.Kind {
		case convert.LinkMedia:
			d, frag, _ := strings.Cut(l.Dest, "#")
			if to, ok := rewrites[d]; ok {
				l.Dest = to
				if frag != "" {
					l.Dest += "#" + frag
				}
			}
		case convert.LinkKeep:
			if d, ok := foreign[externalKey(raw)]; ok && len(foreign) > 0 {
				return convert.Link{Kind: convert.LinkMedia, Dest: d}
			}
		}
		return l
	}
}

// externalKey is a URL without scheme, query and fragment, host in lower
// case: how a file on another host is recognised in the second pass.
func externalKey(raw string) string {
	raw = html.UnescapeString(strings.TrimSpace(raw))
	if strings.HasPrefix(raw, "//") {
		raw = "https:" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Host) + u.EscapedPath()
}

// mediaRecord is one line of --report about a media file.
type mediaRecord struct {
	Media   string   `json:"media"` // its path on the new site, as the posts name it
	URL     string   `json:"url,omitempty"`
	Outcome string   `json:"outcome"`         // saved, present, original, missing, failed
	Saved   string   `json:"saved,omitempty"` // the path the posts now link to, when not media
	Bytes   int64    `json:"bytes,omitempty"`
	Error   string   `json:"error,omitempty"`
	UsedBy  []string `json:"used_by,omitempty"`
}

// reportMedia writes a line per file to --report, a warning per failure and
// a line of counts to the summary.
func reportMedia(rep *report, results []media.Result) {
	counts := map[string]int{}
	var bytes int64
	for _, r := range results {
		counts[string(r.Outcome)]++
		bytes += r.Bytes
		rec := mediaRecord{Media: r.Dest, URL: r.URL, Outcome: string(r.Outcome), Bytes: r.Bytes, UsedBy: r.Users}
		if r.Saved != r.Dest {
			rec.Saved = r.Saved
		}
		if r.Err != nil {
			rec.Error = r.Err.Error()
		}
		if r.Outcome == media.Failed {
			rep.warn(fmt.Sprintf("media: %s: %s (used by %s)", r.Dest, rec.Error, shortList(usersOr(r.Users), 3)))
		}
		if rep.lines != nil && rep.err == nil {
			b, err := json.Marshal(rec)
			if err == nil {
				_, err = rep.lines.Write(append(b, '\n'))
			}
			rep.err = err
		}
	}
	rep.files = append(rep.files, fmt.Sprintf("static/ media (%s; %s written)", countList(counts), byteCount(bytes)))
}

func usersOr(u []string) []string {
	if len(u) == 0 {
		return []string{"nothing known"}
	}
	return u
}

// byteCount renders n bytes for people.
func byteCount(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// mediaAttrs are the attributes of HTML tags and of the audio and video
// shortcodes that name a file: src, href, srcset, poster, lazy-loading and
// Jetpack data attributes, and the shortcodes' format attributes.
var mediaAttrs = map[string]bool{
	"src": true, "href": true, "srcset": true, "poster": true, "data-src": true, "data-srcset": true,
	"data-orig-file": true, "data-large-file": true, "data-medium-file": true, "data-lazy-src": true,
	"mp3": true, "m4a": true, "ogg": true, "oga": true, "wav": true, "wma": true,
	"mp4": true, "m4v": true, "webm": true, "ogv": true, "wmv": true, "flv": true,
}

// contentURLs lists the URLs a body names in those attributes, each
// srcset entry on its own, entities decoded. It scans for "=" and reads
// the name before it and the value after it: no parse, and no regular
// expression, as it runs over every post in the first pass.
func contentURLs(body string) []string {
	var out []string
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '=')
		if j < 0 {
			break
		}
		eq := i + j
		i = eq + 1
		name := attrNameBefore(body, eq)
		if name == "" || !mediaAttrs[strings.ToLower(name)] {
			continue
		}
		v, end := attrValueAfter(body, eq+1)
		i = end
		if v == "" {
			continue
		}
		v = html.UnescapeString(v)
		if !strings.HasSuffix(strings.ToLower(name), "srcset") {
			out = append(out, strings.TrimSpace(v))
			continue
		}
		for _, c := range strings.Split(v, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	return out
}

// attrNameBefore is the attribute name that ends (spaces allowed) before
// body[eq], "" when there is none.
func attrNameBefore(body string, eq int) string {
	k := eq
	for k > 0 && isSpace(body[k-1]) {
		k--
	}
	st := k
	for st > 0 && st > k-20 && isNameByte(body[st-1]) {
		st--
	}
	if st == k || (st > 0 && isNameByte(body[st-1])) {
		return ""
	}
	return body[st:k]
}

// attrValueAfter reads a quoted or bare value starting at body[i] (spaces
// allowed) and returns it and where it ends.
func attrValueAfter(body string, i int) (string, int) {
	for i < len(body) && isSpace(body[i]) {
		i++
	}
	if i >= len(body) {
		return "", i
	}
	if q := body[i]; q == '"' || q == '\'' {
		end := strings.IndexByte(body[i+1:], q)
		if end < 0 {
			return "", i + 1
		}
		return body[i+1 : i+1+end], i + 2 + end
	}
	st := i
	for i < len(body) && !isSpace(body[i]) && !strings.ContainsRune("\"'>]", rune(body[i])) {
		i++
	}
	return body[st:i], i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// mediaUses is what the first pass notes of the media the items name:
// every URL that looks like a file, made absolute, with the entries that
// name it. Which of them are media, and which entries become pages, is
// known only after the pass. It holds no content, only the URLs.
type mediaUses struct {
	byURL map[string]int // absolute URL → urls index
	urls  []mediaUse
	kinds map[int]string // entry seq → "attachment" or "block" when not a possible page
	ids   map[int]int64  // entry seq → item id, for attachments and blocks
}

// mediaUse is one URL and the entries that name it.
type mediaUse struct {
	url  string
	seqs []int
}

// noteMedia records the media URLs an item names (first pass): an
// attachment's file, and in a post's content and excerpt every src, href,
// srcset and audio/video shortcode URL that names a file, and its podcast
// enclosures.
func (s *survey) noteMedia(seq int, it *wxr.Item) {
	if s.mediaUses == nil {
		s.mediaUses = &mediaUses{byURL: map[string]int{}, kinds: map[int]string{}, ids: map[int]int64{}}
	}
	m := s.mediaUses
	home := ""
	if s.channel != nil {
		home = firstOf(s.channel.Link, s.channel.BaseBlogURL)
	}
	switch it.Type {
	case "attachment":
		m.kinds[seq], m.ids[seq] = "attachment", it.ID
		m.add(seq, absoluteURL(it.Link, home, firstOf(it.AttachmentURL, it.GUID)))
		return
	case "wp_block":
		m.kinds[seq], m.ids[seq] = "block", it.ID
	}
	for _, body := range []string{it.Content, it.Excerpt} {
		for _, u := range contentURLs(body) {
			m.add(seq, absoluteURL(it.Link, home, u))
		}
	}
	for _, v := range it.MetaValues("enclosure") {
		if u, _, _ := strings.Cut(strings.TrimSpace(v), "\n"); u != "" {
			m.add(seq, absoluteURL(it.Link, home, strings.TrimSpace(u)))
		}
	}
}

// add notes one use of an absolute URL whose last segment has a file
// extension other than a page's.
func (m *mediaUses) add(seq int, abs string) {
	if abs == "" {
		return
	}
	p, ok := convert.PlainURLPath(abs)
	if !ok {
		u, err := url.Parse(abs)
		if err != nil {
			return
		}
		p = u.Path
	}
	switch strings.ToLower(path.Ext(p)) {
	case "", ".html", ".htm", ".php", ".asp", ".aspx":
		return
	}
	i, ok := m.byURL[abs]
	if !ok {
		i = len(m.urls)
		m.byURL[abs] = i
		m.urls = append(m.urls, mediaUse{url: strings.Clone(abs)})
	}
	if s := m.urls[i].seqs; len(s) == 0 || s[len(s)-1] != seq {
		m.urls[i].seqs = append(s, seq)
	}
}

// collectMedia turns the first pass's notes into refs, in first-use order:
// the URLs the index places on the new site as media (and, with hosts,
// files on those hosts), each with the written pages, attachments and
// reusable blocks that use it.
func collectMedia(sv *survey, hosts []string) []media.Ref {
	m := sv.mediaUses
	if m == nil {
		return nil
	}
	foreign := map[string]bool{}
	for _, h := range hosts {
		foreign[strings.ToLower(h)] = true
	}
	var refs []media.Ref
	seen := map[string]bool{}
	for _, use := range m.urls {
		var users []string
		clear(seen)
		for _, seq := range use.seqs {
			if who := mediaUser(sv, seq); who != "" && !seen[who] {
				seen[who] = true
				users = append(users, who)
			}
		}
		if len(users) == 0 {
			continue // named only by items that are not written
		}
		l := sv.index.Link(use.url)
		dest := ""
		switch {
		case l.Kind == convert.LinkMedia:
			dest, _, _ = strings.Cut(l.Dest, "#")
		case l.Kind == convert.LinkKeep && len(foreign) > 0:
			dest = foreignDest(use.url, foreign)
		}
		if dest != "" {
			refs = append(refs, media.Ref{URL: use.url, Dest: dest, Users: users})
		}
	}
	return refs
}

// mediaUser names the entry seq as a user of media: its content file, an
// attachment, or a reusable block; "" for an item that is not written.
func mediaUser(sv *survey, seq int) string {
	m := sv.mediaUses
	switch m.kinds[seq] {
	case "attachment":
		return fmt.Sprintf("attachment %d", m.ids[seq])
	case "block":
		return fmt.Sprintf("block %d", m.ids[seq])
	}
	if p, ok := sv.plans.at(seq); ok && p.Skip == "" && p.Path != "" {
		return path.Join("content", p.Path)
	}
	return ""
}

// foreignDest places a file on one of the hosts of --media-hosts:
// /media/HOST/PATH. Only URLs whose last segment has an extension count.
func foreignDest(abs string, hosts map[string]bool) string {
	u, err := url.Parse(abs)
	if err != nil || !hosts[strings.ToLower(u.Host)] || path.Ext(u.Path) == "" {
		return ""
	}
	return "/media/" + strings.ToLower(u.Hostname()) + u.EscapedPath()
}

// absoluteURL resolves raw against the page it is on (the site's home when
// the page has no URL), "" when it is not an http(s) URL.
func absoluteURL(page, home, raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "//") {
		raw = "https:" + raw
	}
	if _, ok := convert.PlainURLPath(raw); ok {
		return raw // what url.Parse(raw).String() gives
	}
	r, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if !r.IsAbs() {
		base := firstOf(page, home)
		b, err := url.Parse(base)
		if err != nil || b.Host == "" {
			return ""
		}
		r = b.ResolveReference(r)
	}
	if r.Scheme != "http" && r.Scheme != "https" || r.Host == "" {
		return ""
	}
	return r.String()
}

// mediaOutput writes media files through the site writer: inside the
// output folder (os.Root), each file a temp file renamed into place.
type mediaOutput struct {
	w       *siteWriter
	mu      sync.Mutex // the writer's folder cache is not safe for concurrent use
	bundles *bundles   // --bundles: files that go into a page's folder instead of static/
}

// Size implements media.Output.
func (o *mediaOutput) Size(name string) (int64, error) {
	name = o.bundles.outName(name)
	if o.w.root == nil {
		return 0, fs.ErrNotExist
	}
	st, err := o.w.root.Stat(name)
	if err != nil {
		return 0, err
	}
	if !st.Mode().IsRegular() {
		return 0, fmt.Errorf("%s: not a file: %w", name, fs.ErrNotExist)
	}
	return st.Size(), nil
}

// Create implements media.Output.
func (o *mediaOutput) Create(name string) (media.File, error) {
	name = o.bundles.outName(name)
	if o.w.dryRun || o.w.root == nil {
		return nil, errors.New("dry run: nothing is written")
	}
	dir, base := path.Split(path.Clean(name))
	o.mu.Lock()
	sub, err := o.w.sub(path.Clean(dir))
	o.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("create folder for %s: %w", name, err)
	}
	tmp := o.w.tmpName + fmt.Sprint(o.w.seq.Add(1))
	f, err := sub.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return &mediaFile{f: f, dir: sub, tmp: tmp, name: base}, nil
}

// mediaFile is a temp file that becomes name on Commit.
type mediaFile struct {
	f         *os.File
	dir       *os.Root
	tmp, name string
}

func (m *mediaFile) Write(p []byte) (int, error) { return m.f.Write(p) }

func (m *mediaFile) Commit() error {
	err := m.f.Close()
	if err == nil {
		err = m.dir.Rename(m.tmp, m.name)
	}
	if err != nil {
		_ = m.dir.Remove(m.tmp)
	}
	return err
}

func (m *mediaFile) Abort() {
	m.f.Close()
	_ = m.dir.Remove(m.tmp)
}

// loadMediaState reads the media state of an earlier run; a missing or
// unreadable one is empty (files are then checked by their presence).
func loadMediaState(w *siteWriter) *media.State {
	if w.root == nil {
		return media.NewState()
	}
	b, err := w.root.ReadFile(mediaStatePath)
	if err != nil {
		return media.NewState()
	}
	s, err := media.ReadState(bytes.NewReader(b))
	if err != nil {
		return media.NewState()
	}
	return s
}

// saveMediaState writes the state atomically.
func saveMediaState(w *siteWriter, s *media.State) error {
	var buf bytes.Buffer
	if _, err := s.WriteTo(&buf); err != nil {
		return err
	}
	if err := w.replace(mediaStatePath, buf.Bytes()); err != nil {
		return fmt.Errorf("save media state: %w", err)
	}
	return nil
}

// mediaProgress is the bar of the media step.
type mediaProgress struct {
	bar *mpb.Bar
}

// mediaBar starts a bar counting files and bytes, hooked into opts; it
// draws nothing when the run has no progress display.
func (pr *progress) mediaBar(files int, opts *media.Options) *mediaProgress {
	if pr.p == nil {
		return &mediaProgress{}
	}
	pr.finish()
	var got atomic.Int64
	bar := pr.p.AddBar(int64(files),
		mpb.PrependDecorators(decor.Name("media "), decor.CountersNoUnit("%d/%d files")),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return byteCount(got.Load()) })),
	)
	opts.OnBytes = func(n int64) { got.Add(n) }
	opts.OnDone = func(media.Result) { bar.Increment() }
	return &mediaProgress{bar: bar}
}

// done ends the bar.
func (m *mediaProgress) done() {
	if m.bar != nil && !m.bar.Completed() {
		m.bar.SetTotal(-1, true)
	}
}

// firstOf returns the first non-empty string after trimming, or "".
func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
