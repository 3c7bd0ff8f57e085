package convert

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/wpexit/wpexit/wxr"
)

// Comments. A page's comments become a Hugo data file
// (data/comments/<wordpress_id>.yaml), a list the minimal layouts render
// under the post. What is written, and what never is:
//
//   - Only approved comments (comment_approved "1"). With
//     CommentOptions.IncludeUnapproved, pending ones ("0") too, each marked
//     approved: false. Spam, trash and post-trashed comments are never
//     written.
//   - Never the commenter's e-mail, IP address or user agent, nor comment
//     meta (Akismet's history holds them).
//   - Types: "" and "comment" are written as comment; pingback and
//     trackback as themselves (CommentOptions.NoPingbacks leaves them out);
//     other public types (review, webmention, …) as themselves; WooCommerce
//     and Action Scheduler notes (private machinery) never.
//   - Threads: parent is the id of the comment replied to. When that
//     comment is not written (unapproved, spam, a pingback, missing), the
//     reply moves up to the nearest written ancestor, or to the top level
//     (parent 0), and the page gets a "comment-parent" note. A parent must
//     come before its replies in id order (as WordPress's importer
//     requires), so a thread is always a tree. Pingbacks and trackbacks
//     are always top level: the layouts list them apart.
//   - Order: by comment id, as WordPress's importer does.
//   - date: RFC 3339 in UTC from comment_date_gmt; when the export has no
//     GMT date, the local date shifted by the post's own offset (post_date
//     minus post_date_gmt), or taken as UTC when that is unknown too.
//   - content: the stored HTML through wpautop and make_clickable (bare
//     URLs linked: comment_clickable.go), as WordPress displays a comment
//     (shortcodes are not expanded in comments), then the same Markdown
//     stage as posts. Links go through Options.Link like a post's,
//     but a link to another page cannot be a {{< relref >}} (Hugo does not
//     run shortcodes in data files), so it is written as that page's URL on
//     the new site, from CommentOptions.PageURL (the link is kept as
//     written when PageURL is nil or has no answer). Links to media are
//     their new paths, as in posts.

// CommentOptions choose which comments are written and how links to pages
// are written. The zero value keeps approved comments and pingbacks.
type CommentOptions struct {
	// NoPingbacks leaves pingbacks and trackbacks out (--no-pingbacks).
	NoPingbacks bool
	// IncludeUnapproved writes pending comments too, marked approved: false
	// (--include-unapproved). Spam and trash are never written.
	IncludeUnapproved bool
	// PageURL returns the URL the page in a content file (a LinkPage Dest,
	// without its fragment) is served at, or "" when unknown.
	PageURL func(contentPath string) string
}

// Comment is one comment as the data file holds it. It has no field for
// an e-mail, an IP address or a user agent.
type Comment struct {
	ID        int64  `yaml:"id"`
	Parent    int64  `yaml:"parent"`
	Author    string `yaml:"author"`
	AuthorURL string `yaml:"author_url,omitempty"`
	Date      string `yaml:"date"`
	Type      string `yaml:"type"`
	Approved  *bool  `yaml:"approved,omitempty"` // set (false) only for pending comments
	Content   string `yaml:"content"`
}

// Comment types as written.
const (
	CommentTypeComment   = "comment"
	CommentTypePingback  = "pingback"
	CommentTypeTrackback = "trackback"
)

// privateCommentTypes are comment types that are plugin bookkeeping, not
// conversation: never written.
var privateCommentTypes = map[string]bool{
	"note": true, "order_note": true, "action_log": true, "webhook_delivery": true,
}

// CommentType is the type a comment is written with: "comment" for the
// classic "" and for "comment", otherwise the stored type lower-cased.
func CommentType(stored string) string {
	t := strings.ToLower(strings.TrimSpace(stored))
	if t == "" {
		return CommentTypeComment
	}
	return t
}

// IsPing reports whether a written comment type is a pingback or trackback.
func IsPing(typ string) bool { return typ == CommentTypePingback || typ == CommentTypeTrackback }

// PublishedComment reports whether the comment is written under opts,
// looking only at the comment itself (not its page).
func PublishedComment(cm *wxr.Comment, opts CommentOptions) bool {
	switch strings.TrimSpace(cm.Approved) {
	case "1":
	case "0":
		if !opts.IncludeUnapproved {
			return false
		}
	default:
		return false
	}
	typ := CommentType(cm.Type)
	return !privateCommentTypes[typ] && !(opts.NoPingbacks && IsPing(typ))
}

// Comments converts the item's comments that opts publish, ordered by id,
// with the notes the page's report should carry. A comment whose content
// cannot be converted is left out and noted; it never stops the others.
func (c *Converter) Comments(it *wxr.Item, opts CommentOptions) ([]Comment, []Note) {
	if it == nil || len(it.Comments) == 0 {
		return nil, nil
	}
	all := make(map[int64]*wxr.Comment, len(it.Comments))
	written := map[int64]bool{}
	var keep []*wxr.Comment
	for i := range it.Comments {
		cm := &it.Comments[i]
		if _, dup := all[cm.ID]; !dup {
			all[cm.ID] = cm
		}
		if PublishedComment(cm, opts) && !written[cm.ID] {
			written[cm.ID] = true
			keep = append(keep, cm)
		}
	}
	slices.SortStableFunc(keep, func(a, b *wxr.Comment) int { return cmpInt64(a.ID, b.ID) })
	var out []Comment
	var notes []Note
	placed := map[int64]bool{} // comments already in out: a parent always comes before its replies
	for _, cm := range keep {
		typ := CommentType(cm.Type)
		parent := int64(0)
		if !IsPing(typ) {
			parent = threadParent(cm, all, placed)
			if parent != cm.Parent {
				notes = append(notes, Note{Kind: "comment-parent", Detail: fmt.Sprintf("comment %d: parent %d not written before it, now %d", cm.ID, cm.Parent, parent)})
			}
		}
		body, mdNotes, err := c.commentBody(cm.Content, opts)
		notes = append(notes, mdNotes...)
		if err != nil {
			notes = append(notes, Note{Kind: "comment-failed", Detail: fmt.Sprintf("comment %d: %v", cm.ID, err)})
			continue
		}
		placed[cm.ID] = true
		out = append(out, Comment{
			ID:        cm.ID,
			Parent:    parent,
			Author:    commentAuthor(cm.Author),
			AuthorURL: commentAuthorURL(cm.URL),
			Date:      commentDate(cm, it),
			Type:      typ,
			Approved:  approvedFlag(cm),
			Content:   body,
		})
	}
	return out, dedupeNotes(notes)
}

// threadParent is the comment's parent if that one is already placed in
// the thread (written, not a ping, earlier in id order), else its nearest
// such ancestor, else 0. Requiring the parent to come first keeps the
// thread a tree whatever the export holds (cycles, a reply with a smaller
// id than its parent).
func threadParent(cm *wxr.Comment, all map[int64]*wxr.Comment, placed map[int64]bool) int64 {
	seen := map[int64]bool{cm.ID: true}
	for p := cm.Parent; p != 0 && !seen[p]; {
		seen[p] = true
		anc, ok := all[p]
		if !ok {
			return 0 // missing from the export: top level
		}
		if placed[p] && !IsPing(CommentType(anc.Type)) {
			return p
		}
		p = anc.Parent
	}
	return 0
}

// commentAuthor is the commenter's name as WordPress shows it: pingback
// titles are often stored with entities ("Blog &raquo; Post"), decoded here
// once more, as a browser would. A name that is an e-mail address is cut
// to its local part (AuthorKey).
func commentAuthor(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return AuthorKey(s)
}

// approvedFlag is nil for an approved comment, false otherwise.
func approvedFlag(cm *wxr.Comment) *bool {
	if strings.TrimSpace(cm.Approved) == "1" {
		return nil
	}
	f := false
	return &f
}

// commentAuthorURL keeps a commenter's web address only when it is one
// (http or https); "http://" alone, mailto: and the like are dropped.
func commentAuthorURL(u string) string {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	for _, scheme := range []string{"http://", "https://"} {
		if strings.HasPrefix(lower, scheme) && len(u) > len(scheme) && !strings.ContainsAny(u, " \n\t<>\"") {
			return u
		}
	}
	return ""
}

// commentDate writes the comment's time in RFC 3339, in UTC.
func commentDate(cm *wxr.Comment, it *wxr.Item) string {
	switch {
	case !cm.DateGMT.IsZero():
		return cm.DateGMT.UTC().Format(time.RFC3339)
	case cm.Date.IsZero():
		return ""
	case !it.Date.IsZero() && !it.DateGMT.IsZero():
		return cm.Date.Add(-it.Date.Sub(it.DateGMT)).UTC().Format(time.RFC3339)
	}
	return cm.Date.UTC().Format(time.RFC3339)
}

// commentBody converts one comment's stored HTML to Markdown: wpautop,
// then the post Markdown stage with links to pages written as URLs.
func (c *Converter) commentBody(content string, opts CommentOptions) (body string, notes []Note, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	if body, ok := plainProse(content); ok { // comment_plain.go
		return body, nil, nil
	}
	src := clickable(autop(cleanInput(content), nil))
	saved := c.opts
	defer func() { c.opts = saved }()
	c.opts.Link = commentLink(saved.Link, opts.PageURL)
	body, notes, err = c.markdown(src)
	if err != nil {
		return "", nil, err
	}
	return strings.TrimRight(tidyBody(body), "\n"), notes, nil
}

// commentLink wraps a post's link mapping for a data file: a link to a page
// becomes a plain link to its URL, fragment kept.
func commentLink(link func(string) Link, pageURL func(string) string) func(string) Link {
	if link == nil {
		return nil
	}
	return func(raw string) Link {
		l := link(raw)
		if l.Kind != LinkPage {
			return l
		}
		dest, frag, _ := strings.Cut(l.Dest, "#")
		u := ""
		if pageURL != nil {
			u = pageURL(dest)
		}
		if u == "" {
			return Link{Kind: LinkKeep}
		}
		if frag != "" {
			u += "#" + frag
		}
		return Link{Kind: LinkMedia, Dest: u}
	}
}

// dedupeNotes drops repeated notes, keeping the first of each.
func dedupeNotes(ns []Note) []Note {
	seen := map[Note]bool{}
	out := ns[:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// MarshalComments writes comments as the YAML data file Hugo reads: a
// list, content in literal blocks.
func MarshalComments(cs []Comment) ([]byte, error) {
	size := len(commentsHeader)
	for i := range cs {
		size += 96 + len(cs[i].Author) + len(cs[i].AuthorURL) + len(cs[i].Content)*9/8
	}
	b := append(make([]byte, 0, size), commentsHeader...)
	if out, ok := appendCommentsFast(b, cs); ok && len(cs) > 0 { // yamlfast.go
		return out, nil
	}
	return marshalCommentsYAML(cs)
}

// commentsHeader opens every comments file.
const commentsHeader = "# Written by wpexit convert: the page's comments (no e-mail or IP address).\n"

// marshalCommentsYAML is MarshalComments through yaml.v3's encoder.
func marshalCommentsYAML(cs []Comment) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(commentsHeader)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(cs); err != nil {
		return nil, fmt.Errorf("marshal comments: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("marshal comments: %w", err)
	}
	return b.Bytes(), nil
}

// CommentsFile is the data file of a page's comments, relative to the
// site: data/comments/<wordpress_id>.yaml.
func CommentsFile(id int64) string {
	return "data/comments/" + strconv.FormatInt(id, 10) + ".yaml"
}
