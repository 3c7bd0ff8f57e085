package main

import (
	"fmt"
	"sync"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// extras is what convert writes besides the pages, for one site: each
// page's comments (data/comments/<wordpress_id>.yaml), the authors
// (data/authors.yaml) and, with --archive, the archive of every item
// (archive/items.jsonl). Workers call its item methods concurrently (they
// only read it); the writer calls write, in input order, and finish once.
type extras struct {
	comments convert.CommentOptions
	archive  *archiveWriter // nil without --archive
	private  bool           // --archive-private

	// Writer-side state (one goroutine).
	creators     map[string]bool // dc:creator of every written page
	commentFiles int             // comment data files written
	commentsKept []string        // comment data files left alone, with the reason
}

// itemExtras is what one item adds to the site besides its page.
type itemExtras struct {
	commentsPath string // relative to --out; "" when the page has no comment written
	comments     []byte
	archive      []byte // the item's archive line, newline included; nil without --archive
	creator      string
}

// newExtras prepares the extras of a run whose first pass is sv. With
// --archive it opens the archive's temp file in w.
func newExtras(c convertConfig, sv *survey, w *siteWriter) (*extras, error) {
	x := &extras{
		comments: convert.CommentOptions{
			NoPingbacks:       c.NoPingbacks,
			IncludeUnapproved: c.IncludeUnapproved,
			PageURL:           pageURLs(sv),
		},
		private:  c.ArchivePrivate,
		creators: map[string]bool{},
	}
	if c.Archive {
		a, err := openArchive(w)
		if err != nil {
			return nil, err
		}
		x.archive = a
	}
	return x, nil
}

// pageURLs maps each planned page's content file (relative to content/)
// to the URL the new site serves it at, as the URL index knows it: its old
// permalink path when the page keeps it, else Hugo's default path for it.
// Drafts have none. The map from content file to item ID is built at the
// first call (a comment linking to a page of the site), once, whichever
// worker asks; the URL is looked up in the index at each call, so the
// index's list of old URLs is never built.
func pageURLs(sv *survey) func(string) string {
	if sv == nil || sv.index == nil {
		return nil
	}
	build := sync.OnceValue(func() map[string]int64 {
		byPath := map[string]int64{}
		for i := range sv.plans.len() {
			p, _ := sv.plans.at(i)
			if p.Skip == "" && p.Path != "" && p.ID != 0 && sv.index.PageURL(p.ID) != "" {
				byPath[p.Path] = p.ID
			}
		}
		return byPath
	})
	return func(contentPath string) string {
		id, ok := build()[contentPath]
		if !ok {
			return ""
		}
		return sv.index.PageURL(id)
	}
}

// forItem builds what the item adds besides its page. conv is the worker's
// converter, nil when the item is not written (then only its archive line
// is made). The notes go to the item's report line.
func (x *extras) forItem(conv *convert.Converter, it *wxr.Item, plan convert.Plan, source string) (itemExtras, []convert.Note) {
	var ex itemExtras
	var notes []convert.Note
	if x == nil || it == nil {
		return ex, nil
	}
	if x.archive != nil {
		line, err := archiveLine(it, plan, source, x.private)
		if err != nil {
			notes = append(notes, convert.Note{Kind: "archive-failed", Detail: err.Error()})
		}
		ex.archive = line
	}
	if conv == nil || plan.Skip != "" {
		return ex, notes
	}
	ex.creator = it.Creator
	cs, cnotes := conv.Comments(it, x.comments)
	notes = append(notes, cnotes...)
	if len(cs) == 0 {
		return ex, notes
	}
	data, err := convert.MarshalComments(cs)
	if err != nil {
		return ex, append(notes, convert.Note{Kind: "comment-failed", Detail: err.Error()})
	}
	ex.commentsPath, ex.comments = convert.CommentsFile(it.ID), data
	return ex, notes
}

// add completes an entry converted by convertEntry with what its item adds
// besides its page, using a converter from pool for the comments.
func (x *extras) add(pool chan *convert.Converter, sv *survey, e entry, res converted) converted {
	if x == nil || res.rec.Input == "" {
		return res
	}
	if e.item == nil { // unreadable: the archive says so, in its place
		if x.archive != nil && res.err != nil {
			res.extra.archive = unreadableLine(res.rec, res.err)
		}
		return res
	}
	plan, _ := sv.plans.at(e.seq)
	var conv *convert.Converter
	if res.err == nil && res.skip == "" && res.path != "" {
		conv = <-pool
		defer func() { pool <- conv }()
	}
	ex, notes := x.forItem(conv, e.item, plan, e.source)
	res.extra = ex
	res.rec.Notes = append(res.rec.Notes, noteRecords(notes)...)
	return res
}

// write writes what an item adds, once its page has been handled: the
// archive line always, the comments only when the page was written. An
// item now planned as skipped loses the comment file an earlier run wrote.
func (x *extras) write(w *siteWriter, ex itemExtras, rec record) error {
	if x == nil {
		return nil
	}
	if x.archive != nil && ex.archive != nil {
		if err := x.archive.add(ex.archive); err != nil {
			return err
		}
	}
	switch {
	case rec.Outcome == outcomeSkipped && rec.Path == "" && rec.ID != 0:
		return removeStale(w, convert.CommentsFile(rec.ID)) // planned skip: no page, no comments
	case rec.Outcome != outcomeWritten && rec.Outcome != outcomeWouldWrite:
		return nil // failed, or the page was kept as it is: so are its comments
	}
	if ex.creator != "" {
		x.creators[ex.creator] = true
	}
	if ex.commentsPath == "" {
		return removeStale(w, convert.CommentsFile(rec.ID))
	}
	out, reason, err := w.write(ex.commentsPath, ex.comments)
	switch {
	case err != nil && isEscape(err):
		x.commentsKept = append(x.commentsKept, ex.commentsPath+": "+err.Error())
	case err != nil:
		return err
	case out == kept:
		x.commentsKept = append(x.commentsKept, ex.commentsPath+": "+reason)
	default:
		x.commentFiles++
	}
	return nil
}

// removeStale removes a comment data file an earlier run wrote for a page
// that now has no comment to show (say, one run with --include-unapproved
// and one without): left, it would still show them. A file changed since
// wpexit wrote it is kept.
func removeStale(w *siteWriter, rel string) error {
	if !w.manifest.has(rel) || w.dryRun || w.root == nil {
		return nil
	}
	cur, err := w.read(rel)
	if sum, ok := w.manifest.sum(rel); err != nil || cur == nil || !ok || digest(cur) != sum {
		return err
	}
	if err := w.root.Remove(rel); err != nil {
		return fmt.Errorf("remove %s: %w", rel, err)
	}
	w.manifest.remove(rel)
	w.dirty = true
	return nil
}

// finish writes data/authors.yaml and, with --archive, archive/site.json,
// commits the archive, and notes the files in the report.
func (x *extras) finish(w *siteWriter, sv *survey, rep *report) error {
	if x == nil {
		return nil
	}
	if x.commentFiles > 0 {
		rep.files = append(rep.files, fmt.Sprintf("data/comments/ (%d files)", x.commentFiles))
	}
	rep.keptFiles = append(rep.keptFiles, x.commentsKept...)
	if err := writeAuthors(w, sv.channel, x.creators, rep); err != nil {
		return err
	}
	if x.archive == nil {
		return nil
	}
	site, err := archiveSiteJSON(sv.channel)
	if err != nil {
		return err
	}
	if err := siteFile(w, rep, archiveSitePath, site, false); err != nil {
		return err
	}
	return x.archive.commit(w, rep)
}

// abort removes the archive's temp file unless it was committed.
func (x *extras) abort() {
	if x != nil && x.archive != nil {
		x.archive.abort()
	}
}

// writeAuthors writes data/authors.yaml: every author of the export and
// every author of a written page, by login, never an e-mail address.
func writeAuthors(w *siteWriter, ch *wxr.Channel, creators map[string]bool, rep *report) error {
	authors := convert.Authors(ch, sortedKeys(creators))
	if len(authors) == 0 {
		return nil
	}
	data, err := convert.MarshalAuthors(authors)
	if err != nil {
		return err
	}
	return siteFile(w, rep, "data/authors.yaml", data, false)
}

// commentsPartial is the minimal layouts' comment thread (the single page
// template includes it): the page's data/comments file rendered under the
// post, replies nested under what they answer, pingbacks and trackbacks
// listed apart. Comment Markdown is rendered with the page's own renderer.
const commentsPartial = `{{- $all := index hugo.Data.comments (string .Params.wordpress_id) -}}
{{- with $all -}}
{{- $thread := where . "type" "not in" (slice "pingback" "trackback") -}}
{{- $pings := where . "type" "in" (slice "pingback" "trackback") -}}
<section class="comments" id="comments">
{{- with $thread }}
<h2>{{ len . }} {{ cond (eq (len .) 1) "comment" "comments" }}</h2>
{{ partial "comment-list.html" (dict "all" . "parent" 0 "page" $) }}
{{- end }}
{{- with $pings }}
<h2>Pingbacks and trackbacks</h2>
<ul class="pings">
{{- range . }}
<li class="ping {{ .type }}" id="comment-{{ .id }}">{{ with .author_url }}<a href="{{ . }}" rel="nofollow ugc">{{ end }}{{ .author }}{{ with .author_url }}</a>{{ end }}{{ with .date }} <time datetime="{{ . }}">{{ (time .).Format "2 January 2006" }}</time>{{ end }}</li>
{{- end }}
</ul>
{{- end }}
</section>
{{- end -}}
`

// commentListPartial renders the replies to one parent, each followed by
// its own replies: called with dict "all" (every thread comment), "parent"
// (an id, 0 for the top level) and "page".
const commentListPartial = `{{- $parent := .parent -}}
{{- $all := .all -}}
{{- $page := .page -}}
{{- $here := where $all "parent" $parent -}}
{{- with $here }}
<ol class="comment-list">
{{- range . }}
<li class="comment" id="comment-{{ .id }}">
<article>
<p class="comment-meta">{{ with .author_url }}<a href="{{ . }}" rel="nofollow ugc">{{ end }}{{ .author }}{{ with .author_url }}</a>{{ end }}{{ with .date }} <time datetime="{{ . }}">{{ (time .).Format "2 January 2006" }}</time>{{ end }}{{ if isset . "approved" }} <em>(awaiting moderation)</em>{{ end }}</p>
<div class="comment-content">{{ $page.RenderString (dict "display" "block") .content }}</div>
</article>
{{ partial "comment-list.html" (dict "all" $all "parent" .id "page" $page) }}
</li>
{{- end }}
</ol>
{{- end -}}
`
