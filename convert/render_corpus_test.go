package convert

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"

	"golang.org/x/net/html"

	"github.com/wpexit/wpexit/wxr"
)

// corpusItem is what the render checks need from one <item>.
type corpusItem struct {
	wxr.Item
}

// readCorpusItems reads the items of one export with a forgiving
// encoding/xml loop (the real reader is tested elsewhere). It returns what
// it could read before any syntax error.
func readCorpusItems(r io.Reader) ([]*wxr.Item, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var items []*wxr.Item
	var cur *wxr.Item
	var meta *wxr.Meta
	var text strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return items, nil
		}
		if err != nil {
			return items, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			text.Reset()
			switch tk.Name.Local {
			case "item":
				cur = &wxr.Item{}
			case "postmeta":
				if cur != nil {
					cur.Meta = append(cur.Meta, wxr.Meta{})
					meta = &cur.Meta[len(cur.Meta)-1]
				}
			}
		case xml.CharData:
			text.Write(tk)
		case xml.EndElement:
			if cur == nil {
				continue
			}
			setCorpusField(cur, meta, tk.Name, text.String())
			if tk.Name.Local == "item" {
				items = append(items, cur)
				cur, meta = nil, nil
			}
			if tk.Name.Local == "postmeta" {
				meta = nil
			}
			text.Reset()
		}
	}
}

func setCorpusField(it *wxr.Item, meta *wxr.Meta, name xml.Name, v string) {
	trim := strings.TrimSpace(v)
	switch name.Local {
	case "encoded":
		if strings.Contains(name.Space, "content") {
			it.Content = v
		} else if strings.Contains(name.Space, "excerpt") {
			it.Excerpt = v
		}
	case "post_id":
		it.ID, _ = strconv.ParseInt(trim, 10, 64)
	case "post_parent":
		it.Parent, _ = strconv.ParseInt(trim, 10, 64)
	case "menu_order":
		it.MenuOrder, _ = strconv.Atoi(trim)
	case "post_type":
		it.Type = trim
	case "status":
		it.Status = trim
	case "attachment_url":
		it.AttachmentURL = trim
	case "title":
		it.Title = trim
	case "meta_key":
		if meta != nil {
			meta.Key = trim
		}
	case "meta_value":
		if meta != nil {
			meta.Value = v
		}
	}
}

// leftoverShortcodes counts raw [caption, [gallery, [code and [sourcecode
// uses in rendered HTML outside <pre> and <code>.
func leftoverShortcodes(out string) []string {
	out = dropElements(out, "pre")
	out = dropElements(out, "code")
	var found []string
	for i := strings.IndexByte(out, '['); i >= 0; {
		switch name := shortcodeName(out, i); name {
		case "caption", "gallery", "code", "sourcecode":
			found = append(found, name)
		}
		k := strings.IndexByte(out[i+1:], '[')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return found
}

// dropElements removes every element of name from HTML.
func dropElements(s, name string) string {
	var b strings.Builder
	for {
		i := indexTag(s, name)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := elementEnd(s, i, name)
		if end < 0 {
			end = len(s)
		}
		b.WriteString(s[:i])
		s = s[end:]
	}
}

// escapedUses counts the escaped uses "[[name" of the checked shortcodes in
// stored content: they print as literal text on purpose.
func escapedUses(content string) int {
	n := 0
	for _, name := range []string{"caption", "gallery", "code", "sourcecode"} {
		n += strings.Count(content, "[["+name)
	}
	return n
}

// plainClassic reports whether classic content is only text and inline
// markup: no shortcodes, comments, or block-level tags. Its paragraphs
// must come out one for one.
func plainClassic(content string) bool {
	if isBlockContent(content) || strings.Contains(content, "<!--") || len(Shortcodes(content)) > 0 {
		return false
	}
	for i := strings.IndexByte(content, '<'); i >= 0; {
		if name, _, _, ok := tagAt(content, i); ok && (isBlockTag(name) || name == "script" || name == "br") {
			return false
		}
		k := strings.IndexByte(content[i+1:], '<')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return !strings.Contains(content, "http")
}

// containerTags hold other blocks; a source chunk that only opens or
// closes one is not a block of its own.
var containerTags = map[string]bool{
	"div": true, "blockquote": true, "ul": true, "ol": true, "dl": true, "table": true, "thead": true,
	"tbody": true, "tfoot": true, "tr": true, "section": true, "article": true, "aside": true,
	"header": true, "footer": true, "nav": true, "form": true, "fieldset": true, "details": true,
	"figure": true, "center": true, "object": true, "map": true,
}

// simpleClassic reports whether classic content has no container elements
// and no page markers, so that every blank-line-separated block of it must
// give at least one block of output.
func simpleClassic(content string) bool {
	if isBlockContent(content) || strings.Contains(content, "nextpage") {
		return false
	}
	for i := strings.IndexByte(content, '<'); i >= 0; {
		if name, _, _, ok := tagAt(content, i); ok && containerTags[name] {
			return false
		}
		k := strings.IndexByte(content[i+1:], '<')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return true
}

// leafBlocks counts the block elements of rendered HTML that hold no other
// block, plus comments (<!--more-->) and images: the units a reader sees.
func leafBlocks(out string) int {
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		return -1
	}
	n := 0
	var walk func(x *html.Node) bool // reports whether x is or holds a block
	walk = func(x *html.Node) bool {
		has := false
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				has = true
			}
		}
		switch {
		case x.Type == html.CommentNode:
			n++
			return true
		case x.Type == html.ElementNode && (isBlockTag(x.Data) || x.Data == "img"):
			if !has {
				n++
			}
			return true
		}
		return has
	}
	walk(doc)
	return n
}

// sourceBlocks counts the blank-line-separated blocks of stored content,
// each code shortcode and <pre> counting as one.
func sourceBlocks(content string) int {
	n := 0
	r := &renderer{}
	forEachChunk(r.lift(cleanInput(content), true), func(c string) {
		c = strings.TrimSpace(c)
		if _, closing, end, ok := tagAt(c, 0); c == "" || ok && closing && end == len(c) {
			return // nothing, or a stray closing tag
		}
		n++
	})
	return n
}

// TestRenderCorpus renders every post and page of the shared corpus and
// checks that no caption, gallery or code shortcode is left raw outside
// code, and that every plain classic post has exactly as many paragraphs as
// its source has blank-line-separated blocks.
func TestRenderCorpus(t *testing.T) {
	corpus := testenv.SharedWXR(t)
	var files []string
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var st corpusStats
	st.notes = map[string]int{}
	for _, f := range files {
		st.renderFile(t, corpus, f)
	}
	t.Logf("%d files (%d stopped early on bad XML), %d items rendered: %d classic, %d block", len(files), st.broken, st.items, st.classic, st.block)
	t.Logf("%d plain classic posts: %d paragraphs, one for one; %d more classic posts without containers: %d source blocks, none merged",
		st.plain, st.paragraphs, st.simple, st.simpleBlocks)
	kinds := make([]string, 0, len(st.notes))
	for k := range st.notes {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("note %s: %d", k, st.notes[k])
	}
	if st.items == 0 {
		t.Fatal("no items rendered")
	}
}

// hasNote reports whether notes hold one of kinds.
func hasNote(notes []Note, kinds ...string) bool {
	for _, n := range notes {
		for _, k := range kinds {
			if n.Kind == k {
				return true
			}
		}
	}
	return false
}

type corpusStats struct {
	broken, items, classic, block           int
	plain, paragraphs, simple, simpleBlocks int
	notes                                   map[string]int
}

func (st *corpusStats) renderFile(t *testing.T, corpus, path string) {
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	items, err := readCorpusItems(fh)
	if err != nil {
		st.broken++
		t.Logf("%s: read stopped: %v", path, err)
	}
	site := NewSite()
	for _, it := range items {
		site.Add(it)
	}
	c := &Converter{site: site}
	rel, _ := filepath.Rel(corpus, path)
	for _, it := range items {
		if it.Type != "post" && it.Type != "page" {
			continue
		}
		out, notes := c.wordpressHTML(it)
		st.items++
		for _, n := range notes {
			st.notes[n.Kind]++
		}
		if isBlockContent(it.Content) {
			st.block++
		} else {
			st.classic++
		}
		if left := leftoverShortcodes(out); len(left) > escapedUses(it.Content) {
			t.Errorf("%s item %d: raw %q left outside code", rel, it.ID, left)
		}
		if !isBlockContent(it.Content) && plainClassic(it.Content) {
			want := sourceBlocks(it.Content)
			if got := strings.Count(out, "<p>"); got != want {
				t.Errorf("%s item %d: %d paragraphs, source has %d blocks", rel, it.ID, got, want)
			}
			st.plain++
			st.paragraphs += want
		} else if simpleClassic(it.Content) && !hasNote(notes, "empty-gallery", "empty-media") {
			want := sourceBlocks(it.Content)
			if got := leafBlocks(out); got < want {
				t.Errorf("%s item %d: %d blocks rendered, source has %d", rel, it.ID, got, want)
			}
			st.simple++
			st.simpleBlocks += want
		}
	}
}
