package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// The archive (--archive) is archive/items.jsonl under --out, outside
// content/ and static/, so Hugo never publishes it: one JSON object per
// item, in input order, with every field the reader read, the terms,
// postmeta and comments included, and what became of it (its content file,
// or why it was skipped). An item the reader could not read has a line with
// its place and the error. It is for people who keep old archives: nothing
// the export held is lost where Hugo has no place for it.
//
// Never in the archive, whatever the flags: post passwords (an item says
// only "protected": true), e-mail addresses and IP addresses (of commenters
// and authors), user agents, and comment meta that records the submitted
// comment (akismet_as_submitted and the like, which hold all three). Each
// of the item's commenters' e-mail and IP addresses is also blanked out
// wherever else it appears in the item's text (as "[withheld]").
//
// Private data, left out unless --archive-private:
//   - of private and password-protected items: the title, content,
//     excerpt, description, postmeta and comments (the item's ID, type,
//     status, dates, slug and terms stay, and "withheld" lists what went);
//   - comments that are not approved (pending, spam, trash).
//
// Jetpack contact-form responses (post type feedback) are personal data of
// the people who wrote in: only their ID, type, status and dates are kept,
// even with --archive-private.

// archivePath is the archive file under --out.
const archivePath = "archive/items.jsonl"

// archiveSitePath holds the export's header: the site's title, URLs,
// language, generator, authors (no e-mail addresses) and every term of the
// channel with its description and term meta.
const archiveSitePath = "archive/site.json"

// archiveSite is archive/site.json.
type archiveSite struct {
	Title       string            `json:"title"`
	Link        string            `json:"link,omitempty"`
	Description string            `json:"description,omitempty"`
	Language    string            `json:"language,omitempty"`
	Version     string            `json:"version,omitempty"`
	Generator   string            `json:"generator,omitempty"`
	BaseSiteURL string            `json:"base_site_url,omitempty"`
	BaseBlogURL string            `json:"base_blog_url,omitempty"`
	Authors     []archiveAuthor   `json:"authors,omitempty"`
	Categories  []archiveSiteTerm `json:"categories,omitempty"`
	Tags        []archiveSiteTerm `json:"tags,omitempty"`
	Terms       []archiveSiteTerm `json:"terms,omitempty"`
}

// archiveSiteTerm is a term of the channel.
type archiveSiteTerm struct {
	ID          int64         `json:"id,omitempty"`
	Taxonomy    string        `json:"taxonomy"`
	Slug        string        `json:"slug"`
	Parent      string        `json:"parent,omitempty"`
	Name        string        `json:"name"`
	Description string        `json:"description,omitempty"`
	Meta        []archiveMeta `json:"meta,omitempty"`
}

// archiveAuthor is an author in archive/site.json: never the e-mail.
type archiveAuthor struct {
	ID          int64  `json:"id,omitempty"`
	Login       string `json:"login"` // convert.AuthorKey of the login
	DisplayName string `json:"display_name,omitempty"`
	FirstName   string `json:"first_name,omitempty"`
	LastName    string `json:"last_name,omitempty"`
}

// archiveSiteJSON is archive/site.json for the channel.
func archiveSiteJSON(ch *wxr.Channel) ([]byte, error) {
	if ch == nil {
		ch = &wxr.Channel{}
	}
	scrub := func(s string) string { return anyEmail.ReplaceAllString(s, withheldMark) }
	terms := func(ts []wxr.Term) []archiveSiteTerm {
		out := make([]archiveSiteTerm, len(ts))
		for i, t := range ts {
			out[i] = archiveSiteTerm{ID: t.ID, Taxonomy: t.Taxonomy, Slug: t.Slug, Parent: t.Parent,
				Name: t.Name, Description: scrub(t.Description)}
			for _, m := range t.Meta {
				out[i].Meta = append(out[i].Meta, archiveMeta{m.Key, scrub(m.Value)})
			}
		}
		return out
	}
	a := archiveSite{Title: ch.Title, Link: ch.Link, Description: scrub(ch.Description), Language: ch.Language,
		Version: ch.Version, Generator: ch.Generator, BaseSiteURL: ch.BaseSiteURL, BaseBlogURL: ch.BaseBlogURL,
		Categories: terms(ch.Categories), Tags: terms(ch.Tags), Terms: terms(ch.Terms)}
	for _, au := range ch.Authors {
		a.Authors = append(a.Authors, archiveAuthor{ID: au.ID, Login: convert.AuthorKey(au.Login),
			DisplayName: scrub(au.DisplayName), FirstName: scrub(au.FirstName), LastName: scrub(au.LastName)})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		return nil, fmt.Errorf("write %s: %w", archiveSitePath, err)
	}
	return b.Bytes(), nil
}

// archiveItem is one line of the archive.
type archiveItem struct {
	Input     string   `json:"input"`
	Line      int      `json:"line,omitempty"`
	ID        int64    `json:"id"`
	Type      string   `json:"type"`
	Status    string   `json:"status"`
	Path      string   `json:"path,omitempty"`    // the page written, relative to --out
	Skipped   string   `json:"skipped,omitempty"` // why no page was written
	Withheld  []string `json:"withheld,omitempty"`
	Protected bool     `json:"protected,omitempty"` // the item had a password (never written)

	Title         string         `json:"title,omitempty"`
	Link          string         `json:"link,omitempty"`
	PubDate       string         `json:"pub_date,omitempty"`
	Creator       string         `json:"creator,omitempty"`
	GUID          string         `json:"guid,omitempty"`
	Description   string         `json:"description,omitempty"`
	Content       string         `json:"content,omitempty"`
	Excerpt       string         `json:"excerpt,omitempty"`
	Date          string         `json:"date,omitempty"` // site-local wall time, no offset
	DateGMT       string         `json:"date_gmt,omitempty"`
	Modified      string         `json:"modified,omitempty"`
	ModifiedGMT   string         `json:"modified_gmt,omitempty"`
	CommentStatus string         `json:"comment_status,omitempty"`
	PingStatus    string         `json:"ping_status,omitempty"`
	Name          string         `json:"name,omitempty"`
	RawName       string         `json:"raw_name,omitempty"`
	Parent        int64          `json:"parent,omitempty"`
	MenuOrder     int            `json:"menu_order,omitempty"`
	Sticky        bool           `json:"sticky,omitempty"`
	AttachmentURL string         `json:"attachment_url,omitempty"`
	Terms         []archiveTerm  `json:"terms,omitempty"`
	Meta          []archiveMeta  `json:"meta,omitempty"`
	Comments      []archiveReply `json:"comments,omitempty"`
}

type archiveTerm struct {
	Domain string `json:"domain"`
	Slug   string `json:"slug"`
	Name   string `json:"name"`
}

type archiveMeta struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// archiveReply is one comment in the archive: no e-mail, IP or user agent.
type archiveReply struct {
	ID       int64         `json:"id"`
	Parent   int64         `json:"parent,omitempty"`
	Author   string        `json:"author,omitempty"`
	URL      string        `json:"url,omitempty"`
	Date     string        `json:"date,omitempty"`
	DateGMT  string        `json:"date_gmt,omitempty"`
	Content  string        `json:"content,omitempty"`
	Approved string        `json:"approved"`
	Type     string        `json:"type,omitempty"`
	UserID   int64         `json:"user_id,omitempty"`
	Meta     []archiveMeta `json:"meta,omitempty"`
}

// withheldMark stands where a known e-mail or IP address was in the text.
const withheldMark = "[withheld]"

// archiveLine is the item's archive line, newline included.
func archiveLine(it *wxr.Item, plan convert.Plan, source string, private bool) ([]byte, error) {
	a := archiveRecord(it, plan, source, private)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, fmt.Errorf("archive item %d: %w", it.ID, err)
	}
	return b.Bytes(), nil
}

// unreadableLine is the archive line of an item the reader could not read:
// where it was and why.
func unreadableLine(rec record, err error) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(struct {
		Input string `json:"input"`
		Line  int    `json:"line,omitempty"`
		ID    int64  `json:"id,omitempty"`
		Error string `json:"error"`
	}{rec.Input, rec.Line, rec.ID, anyEmail.ReplaceAllString(err.Error(), withheldMark)}) // strings and ints always encode
	return b.Bytes()
}

// archiveRecord builds the item's archive record under the rules above.
func archiveRecord(it *wxr.Item, plan convert.Plan, source string, private bool) archiveItem {
	a := archiveItem{Input: source, Line: it.Line, ID: it.ID, Type: it.Type, Status: it.Status,
		Protected: it.Password != "", Skipped: plan.Skip,
		Date: archiveTime(it.Date, false), DateGMT: archiveTime(it.DateGMT, true),
		Modified: archiveTime(it.Modified, false), ModifiedGMT: archiveTime(it.ModifiedGMT, true)}
	if plan.Skip == "" && plan.Path != "" {
		a.Path = path.Join("content", plan.Path)
	}
	if it.Type == "feedback" {
		a.Withheld = []string{"everything but id, type, status and dates (a contact-form response: personal data)"}
		return a
	}
	a.Link, a.PubDate, a.Creator, a.GUID = it.Link, it.PubDate, convert.AuthorKey(it.Creator), it.GUID
	a.CommentStatus, a.PingStatus, a.Name, a.RawName = it.CommentStatus, it.PingStatus, it.Name, it.RawName
	a.Parent, a.MenuOrder, a.Sticky, a.AttachmentURL = it.Parent, it.MenuOrder, it.Sticky, it.AttachmentURL
	for _, t := range it.Terms {
		a.Terms = append(a.Terms, archiveTerm{t.Domain, t.Slug, t.Name})
	}
	if (it.Status == "private" || it.Password != "") && !private {
		a.Withheld = []string{"title", "content", "excerpt", "description", "meta", "comments"}
		return a
	}
	scrub := scrubber(it)
	a.Title, a.Description = scrub(it.Title), scrub(it.Description)
	a.Content, a.Excerpt = scrub(it.Content), scrub(it.Excerpt)
	for _, m := range it.Meta {
		a.Meta = append(a.Meta, archiveMeta{m.Key, scrub(m.Value)})
	}
	hidden := 0
	for i := range it.Comments {
		cm := &it.Comments[i]
		if strings.TrimSpace(cm.Approved) != "1" && !private {
			hidden++
			continue
		}
		a.Comments = append(a.Comments, archiveComment(cm, scrub))
	}
	if hidden > 0 {
		a.Withheld = append(a.Withheld, strconv.Itoa(hidden)+" comments not approved")
	}
	return a
}

// archiveComment is a comment as the archive keeps it.
func archiveComment(cm *wxr.Comment, scrub func(string) string) archiveReply {
	r := archiveReply{ID: cm.ID, Parent: cm.Parent, Author: scrub(cm.Author), URL: scrub(cm.URL),
		Date: archiveTime(cm.Date, false), DateGMT: archiveTime(cm.DateGMT, true),
		Content: scrub(cm.Content), Approved: cm.Approved, Type: cm.Type, UserID: cm.UserID}
	for _, m := range cm.Meta {
		if !submittedMeta(m.Key) {
			r.Meta = append(r.Meta, archiveMeta{m.Key, scrub(m.Value)})
		}
	}
	return r
}

// submittedMeta reports whether a comment meta key records the submitted
// comment or its sender (spam filters keep e-mail, IP and user agent there).
func submittedMeta(key string) bool {
	k := strings.ToLower(key)
	return strings.Contains(k, "as_submitted") || strings.Contains(k, "user_agent") ||
		strings.Contains(k, "useragent") || strings.Contains(k, "email") || strings.HasSuffix(k, "_ip") ||
		strings.Contains(k, "ip_address")
}

// scrubber blanks out, in any text of the item, every e-mail address and
// the IP addresses of the item's commenters.
func scrubber(it *wxr.Item) func(string) string {
	var pairs []string
	seen := map[string]bool{}
	for _, cm := range it.Comments {
		if ip := strings.TrimSpace(cm.IP); len(ip) >= 3 && !seen[ip] {
			seen[ip] = true
			pairs = append(pairs, ip, withheldMark)
		}
	}
	ips := strings.NewReplacer(pairs...)
	return func(s string) string {
		if strings.IndexByte(s, '@') >= 0 {
			s = anyEmail.ReplaceAllString(s, withheldMark)
		}
		if len(pairs) > 0 {
			s = ips.Replace(s)
		}
		return s
	}
}

// anyEmail matches an e-mail address.
var anyEmail = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+`)

// archiveTime is an item time as the archive writes it: RFC 3339 for GMT
// times, the wall time without offset for site-local ones, "" for none.
func archiveTime(t time.Time, gmt bool) string {
	switch {
	case t.IsZero():
		return ""
	case gmt:
		return t.UTC().Format(time.RFC3339)
	}
	return t.Format("2006-01-02T15:04:05")
}

// archiveWriter streams the archive into a temp file under --out/archive
// and renames it into place at the end, so an interrupted run leaves no
// half-written archive. The manifest rules of siteWriter apply: an archive
// changed since wpexit wrote it is kept unless --force.
type archiveWriter struct {
	f    *os.File // nil in a dry run
	buf  *bufio.Writer
	sum  hash.Hash
	sub  *os.Root // the archive folder; nil in a dry run
	tmp  string   // name of the temp file in archive/
	done bool
}

// openArchive starts the archive of a run.
func openArchive(w *siteWriter) (*archiveWriter, error) {
	a := &archiveWriter{sum: sha256.New()}
	if w.dryRun || w.root == nil {
		a.buf = bufio.NewWriter(io.Discard)
		return a, nil
	}
	sub, err := w.sub("archive")
	if err != nil {
		return nil, fmt.Errorf("create archive folder: %w", err)
	}
	a.tmp = w.tmpName + "archive-" + strconv.FormatInt(w.seq.Add(1), 10)
	f, err := sub.OpenFile(a.tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", archivePath, err)
	}
	a.f, a.sub = f, sub
	a.buf = bufio.NewWriterSize(io.MultiWriter(f, a.sum), 1<<16)
	return a, nil
}

// add appends one line.
func (a *archiveWriter) add(line []byte) error {
	if _, err := a.buf.Write(line); err != nil {
		return fmt.Errorf("write %s: %w", archivePath, err)
	}
	return nil
}

// commit puts the archive in place, unless the one there must be kept.
func (a *archiveWriter) commit(w *siteWriter, rep *report) error {
	if err := a.buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", archivePath, err)
	}
	if a.f == nil {
		rep.files = append(rep.files, archivePath)
		a.done = true
		return nil
	}
	if err := a.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", archivePath, err)
	}
	a.f = nil
	sub := a.sub
	if reason, err := a.keepReason(w); err != nil || reason != "" {
		_ = sub.Remove(a.tmp)
		a.done = true
		if err == nil {
			rep.keptFiles = append(rep.keptFiles, archivePath+": "+reason)
		}
		return err
	}
	if err := sub.Rename(a.tmp, path.Base(archivePath)); err != nil {
		_ = sub.Remove(a.tmp)
		return fmt.Errorf("write %s: %w", archivePath, err)
	}
	a.done = true
	var d fileSum
	a.sum.Sum(d[:0])
	if w.manifest.set(archivePath, d) {
		w.dirty = true
	}
	rep.files = append(rep.files, archivePath)
	return nil
}

// keepReason says why the archive already there must not be replaced.
func (a *archiveWriter) keepReason(w *siteWriter) (string, error) {
	cur, err := w.root.ReadFile(archivePath)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", archivePath, err)
	}
	return w.keepReason(archivePath, cur), nil
}

// abort removes the temp file of an archive never committed. Call it
// before the siteWriter closes.
func (a *archiveWriter) abort() {
	if a == nil || a.done {
		return
	}
	a.done = true
	if a.f != nil {
		a.f.Close()
		a.f = nil
	}
	if a.sub != nil && a.tmp != "" {
		_ = a.sub.Remove(a.tmp)
	}
}
