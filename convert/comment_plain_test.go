package convert

import (
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// fullCommentBody is commentBody without the plain prose fast path.
func fullCommentBody(c *Converter, content string) (string, []Note, error) {
	src := clickable(autop(cleanInput(content), nil))
	body, notes, err := c.markdown(src)
	if err != nil {
		return "", nil, err
	}
	return strings.TrimRight(tidyBody(body), "\n"), notes, nil
}

// fullPageBody is the body and notes Convert makes of content without the
// plain prose fast path.
func fullPageBody(c *Converter, content string) (string, []Note, error) {
	it := &wxr.Item{ID: 1, Type: "post", Content: content, Link: "https://example.com/a/"}
	html, notes := c.wordpressHTML(it)
	body, mdNotes, err := c.markdownAt(html, it.Link)
	return tidyBody(body), append(notes, mdNotes...), err
}

// checkPlainComment compares the fast path with the full comment and page
// pipelines for content and reports whether the fast path took it.
func checkPlainComment(t testing.TB, c *Converter, content string) bool {
	t.Helper()
	got, ok := plainProse(content)
	if !ok {
		return false
	}
	want, notes, err := fullCommentBody(c, content)
	if err != nil || len(notes) > 0 || got != want {
		t.Errorf("comment %q:\n fast %q\n full %q (notes %v, err %v)", content, got, want, notes, err)
	}
	want, notes, err = fullPageBody(c, content)
	if err != nil || len(notes) > 0 || got+"\n" != want {
		t.Errorf("page %q:\n fast %q\n full %q (notes %v, err %v)", content, got+"\n", want, notes, err)
	}
	return true
}

// plainSamples are comments for the fast path's branches.
var plainSamples = []string{
	"Nice post.", "Nice post!", "Nice\npost.", "Nice\n\npost.", "Nice\n\n\npost.", "Nice \npost", "Nice\n post",
	"Nice  post", " Nice", "Nice ", "Nice\n", "\nNice", "1. Nice", "Nice\n1. post", "Nice\n- post", "Nice (really).",
	"It's \"great\".", "Σίγουρα θα σχολιάσουμε τα τεστς!", "Don’t “quote” me – or — me…", "a.b", "www.example.com",
	"Nice\n\nPost\nhere\n\nAgain.", "Nice, post; yes? no!", "Nice\tpost", "Nice & post", "Nice <b>post</b>",
	"Nice\r\npost", "http now", "a:b", "Nice *post*", "Nice_post_", "# Nice", "Nice\n===", "Nice\n---",
	"a\u00a0b", "a\u2003b", "é", "ñandú", "I\nII\nIII", "Zażółć gęślą jaźń", "中文评论", "x!", "x![y]",
}

// TestPlainProseSamples compares the fast path with the full pipeline
// for the samples.
func TestPlainProseSamples(t *testing.T) {
	c := New(NewSite(), Options{Link: goldenCommentLink})
	fast := 0
	for _, s := range plainSamples {
		if checkPlainComment(t, c, s) {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("only %d samples took the fast path", fast)
	}
}

// TestPlainProseCorpus compares the fast path with the full pipeline for
// every comment of the shared corpus (and every post's text as if it
// were a comment).
func TestPlainProseCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	c := New(NewSite(), Options{})
	total, fast := 0, 0
	forEachExport(t, func(_ string, items []*wxr.Item) {
		for _, it := range items {
			for _, cm := range it.Comments {
				total++
				if checkPlainComment(t, c, cm.Content) {
					fast++
				}
			}
			checkPlainComment(t, c, it.Content)
			checkPlainComment(t, c, it.Title)
		}
	})
	t.Logf("%d of %d comments are plain prose", fast, total)
}

// FuzzPlainProse compares the fast path with the full pipeline on text
// drawn from the characters the fast path takes and a few it does not.
func FuzzPlainProse(f *testing.F) {
	for _, s := range plainSamples {
		f.Add([]byte(s))
	}
	const alphabet = "aZz0 9.,;?!'\"()\n\n  \t-*_#=>[]:/&<~|`\\{}+$%@\r1"
	extra := []string{"é", "’", "“", "—", "…", "Σ", "中", "\u00a0", "\u0301", "，", "。", "！", "～", "\u3000",
		"\u200b", "\ufffd", "\uf002", "🎉", "\u2028", "\u0085", "＊", "＃", "\ufeff", "ｈｔｔｐ"}
	f.Fuzz(func(t *testing.T, in []byte) {
		var b strings.Builder
		for _, c := range in {
			if int(c) < len(alphabet) {
				b.WriteByte(alphabet[c])
			} else if k := int(c) - len(alphabet); k < len(extra) {
				b.WriteString(extra[k])
			} else {
				b.WriteByte('a' + c%26)
			}
		}
		checkPlainComment(t, New(NewSite(), Options{}), b.String())
	})
}
