package convert

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/JohannesKaufmann/dom"
	"golang.org/x/net/html"
)

// mdFacts are what a reader sees of a page: its text, its code blocks
// byte for byte, the targets of its links and its paragraphs.
type mdFacts struct {
	text  string
	code  []string
	links []string
	paras int
}

// mdFactsOf reads the facts of an HTML document. mapURL maps a link as the
// page would (nil: as written).
func mdFactsOf(t *testing.T, src string, mapURL func(string) string) mdFacts {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var f mdFacts
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			text.WriteString(n.Data)
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		}
		switch n.Data {
		case "script", "style", "iframe", "video", "audio", "title", "head", "template":
			return
		case "pre":
			f.code = append(f.code, strings.TrimSuffix(mdCodeText(n), "\n"))
		case "p":
			if strings.TrimSpace(dom.CollectText(n)) != "" {
				f.paras++
			}
		case "a":
			href, ok := dom.GetAttribute(n, "href")
			if ok && strings.TrimSpace(href) != "" && (strings.TrimSpace(dom.CollectText(n)) != "" || dom.FindFirstNode(n, func(c *html.Node) bool { return c.Data == "img" }) != nil) {
				href = strings.TrimSpace(href)
				if mapURL != nil {
					href = mapURL(href)
				}
				if u, err := url.PathUnescape(href); err == nil {
					href = u
				}
				f.links = append(f.links, href)
			}
		}
		block := n.Type == html.ElementNode && (dom.NameIsBlockNode(n.Data) || n.Data == "br" || n.Data == "td" || n.Data == "th")
		if block {
			text.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			text.WriteString(" ")
		}
	}
	walk(doc)
	f.text = strings.Join(strings.Fields(text.String()), " ")
	return f
}

// mdGoldenURL is what a link of a golden input becomes on the Hugo page.
func mdGoldenURL(raw string) string {
	l := mdFakeLink(raw)
	switch l.Kind {
	case LinkPage:
		return "relref:" + l.Dest
	case LinkMedia:
		return l.Dest
	case LinkKeep:
		if l.Dest != "" {
			return l.Dest
		}
	}
	return raw
}

// mdRenderFacts lists, per golden case, the facts that legitimately
// differ between the input and the page, with the page's value.
var mdRenderFacts = map[string]func(*mdFacts){
	// a figure linking to a post is a linked image and a caption paragraph
	// and an embed's figcaption a paragraph.
	"embeds": func(f *mdFacts) { f.paras -= 2 },
	// the library's empty header row, the table caption becomes a paragraph
	"tables": func(f *mdFacts) { f.paras-- },
	// two <br> across an inline element's edge are a paragraph break, as
	// WordPress shows them: four in the input's first four paragraphs.
	"breaks": func(f *mdFacts) { f.paras -= 4 },
}

// TestMarkdownRender renders each golden page as Hugo would (shortcodes
// lexed, goldmark) and checks that a reader sees what the input showed:
// the same text, code blocks byte for byte, the same link targets (pages
// through relref), the same number of paragraphs.
func TestMarkdownRender(t *testing.T) {
	files, _ := filepath.Glob("testdata/markdown/*.html")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			md, err := os.ReadFile(strings.TrimSuffix(f, ".html") + ".md")
			if err != nil {
				t.Fatal(err)
			}
			out, err := hugoHTML(string(md))
			if err != nil {
				t.Fatalf("hugo would fail: %v", err)
			}
			want := mdFactsOf(t, string(in), mdGoldenURL)
			got := mdFactsOf(t, out, nil)
			if adjust := mdRenderFacts[name]; adjust != nil {
				adjust(&got)
			}
			if got.text != want.text {
				t.Errorf("text:\n got %q\nwant %q", got.text, want.text)
			}
			if !reflect.DeepEqual(got.code, want.code) {
				t.Errorf("code:\n got %q\nwant %q", got.code, want.code)
			}
			if !reflect.DeepEqual(got.links, want.links) {
				t.Errorf("links:\n got %q\nwant %q", got.links, want.links)
			}
			if got.paras != want.paras {
				t.Errorf("paragraphs: got %d, want %d\n%s", got.paras, want.paras, out)
			}
		})
	}
}
