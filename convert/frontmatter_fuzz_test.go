package convert

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/wpexit/wpexit/wxr"
)

// FuzzFrontMatter builds front matter from hostile item fields and checks
// that the file's front matter block ends where it should, parses, and
// gives back the title, author, tag and alias.
func FuzzFrontMatter(f *testing.F) {
	f.Add("yes", "admin", "C#", "/a/\n---\n/b/", "x\n---\ny", "http://ex.com/a.jpg\n---")
	f.Add("Title: colon", "", "1.0", "/%0A/", "<p>a</p>", "")
	f.Add("\x00\t---", "- x", "---", "---", "---\n", "---")
	f.Fuzz(func(t *testing.T, title, author, tag, alias, excerpt, image string) {
		site := NewSite()
		site.Add(&wxr.Item{ID: 9, Type: "attachment", AttachmentURL: image})
		it := &wxr.Item{ID: 1, Type: "post", Status: "publish", Title: title, Creator: author, Excerpt: excerpt,
			Terms: []wxr.ItemTerm{{Domain: "post_tag", Slug: "t", Name: tag}, {Domain: "genre", Slug: "g", Name: tag}},
			Meta:  []wxr.Meta{{Key: "_thumbnail_id", Value: "9"}}}
		c := New(site, Options{})
		fm, _ := c.frontMatter(it, Plan{Type: "post", Slug: slugValue(title), Aliases: []string{alias}})
		p := &Page{FrontMatter: fm, Body: "body\n"}
		b, err := p.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		end := -1
		for i, l := range lines[1:] {
			if l == "---" {
				end = i + 1
				break
			}
		}
		if lines[0] != "---" || end < 0 || strings.Join(lines[end+1:], "\n") != "\nbody\n" {
			t.Fatalf("front matter block not closed where it ends:\n%s", b)
		}
		var back map[string]any
		if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &back); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		if back["title"] != fm.Title || (fm.Author != "" && back["author"] != fm.Author) {
			t.Fatalf("read back title %q author %q, want %q %q", back["title"], back["author"], fm.Title, fm.Author)
		}
		if bytes.Contains(b, []byte("\x00")) {
			t.Fatal("NUL written")
		}
	})
}
