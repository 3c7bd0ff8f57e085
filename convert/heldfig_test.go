package convert

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// heldLink maps the URLs of the held-gallery samples: uploads are media,
// page.jpg is (oddly) a page, gone.jpg matches nothing.
func heldLink(raw string) Link {
	switch {
	case strings.HasSuffix(raw, "/page.jpg"):
		return Link{Kind: LinkPage, Dest: "posts/a-page.md"}
	case strings.HasSuffix(raw, "/gone.jpg"):
		return Link{Kind: LinkMissing}
	case strings.Contains(raw, "/wp-content/uploads/"):
		return Link{Kind: LinkMedia, Dest: "/media/" + path.Base(raw)}
	}
	return Link{Kind: LinkKeep}
}

// heldSite is a site whose attachments (children of post 1) cover what
// plainFigure takes and what it refuses.
func heldSite() *Site {
	s := NewSite()
	add := func(id int64, url, alt, caption string) {
		s.Attachments[id] = Attachment{ID: id, Parent: 1, MenuOrder: int(id), URL: url, Alt: alt, Caption: caption}
	}
	up := "https://example.com/wp-content/uploads/"
	add(10, up+"a.jpg", "Bell", "Bell on wharf in San Francisco")
	add(11, up+"b.jpg", "", "")
	add(12, up+"c.jpg", `He said "hi" & left\`, `It's "great", (really): yes; no? ok!`)
	add(13, up+"d.jpg?x=1&y=\"2\"", "Ελληνικά {{< x >}}", "Ελληνικά café – naïve")
	add(14, up+"e.jpg", "e", "Two\n\nparagraphs")         // not plain: two lines
	add(15, up+"f.jpg", "f", "A <em>marked</em> caption") // not plain: markup
	add(16, up+"g.jpg", "g", "2008 trip")                 // not plain: starts with a digit
	add(17, " "+up+"h.jpg", "h", "")                      // not plain: space around the URL
	add(18, up+"i.jpg", "tab\there", "")                  // not plain: control character
	add(19, up+"page.jpg", "p", "To a page")              // plain, but linked it points at a page
	add(20, up+"gone.jpg", "gone", "Missing file")
	add(21, up+"j.jpg", "j", "Caption with *stars* and _under_") // not plain
	add(22, up+"k.jpg", "k", "Ends with a backslash\\")          // not plain
	return s
}

// heldSamples are post contents with galleries in many places.
var heldSamples = []string{
	`[gallery ids="10,11"]`,
	`[gallery ids="10,11,12,13" link="file"]`,
	`[gallery]`,
	`[gallery order="DESC" exclude="14,15,16,17,18,21,22"]`,
	`[gallery ids="10,999"]`,
	`[gallery ids="10,14"]`, `[gallery ids="10,15"]`, `[gallery ids="16"]`, `[gallery ids="17"]`,
	`[gallery ids="18"]`, `[gallery ids="21"]`, `[gallery ids="22"]`,
	`[gallery ids="19"]`, `[gallery ids="19" link="file"]`, `[gallery ids="20" link="file"]`, `[gallery ids="20"]`,
	"Before.\n\n[gallery ids=\"10,11\"]\n\nAfter.",
	"Text [gallery ids=\"10\"] inline.",
	"<ul><li>[gallery ids=\"10,12\"]</li><li>two</li></ul>",
	"<blockquote>[gallery ids=\"10\"]</blockquote>",
	"<table><tr><td>[gallery ids=\"10,11\"]</td></tr></table>",
	"<a href=\"https://example.com/x/\">[gallery ids=\"10\"]</a>",
	"<figure>[gallery ids=\"10\"]</figure>",
	"<strong>[gallery ids=\"10\"]</strong> bold",
	"[gallery ids=\"10\"]\n\n[gallery ids=\"11,12\" link=\"file\"]",
	"<wpexit-figures data-n=\"0\"></wpexit-figures>\n\n[gallery ids=\"10\"]",
	"<WPEXIT-FIGURES data-n=\"1\"></WPEXIT-FIGURES>\n\n[gallery ids=\"10\"]\n\n[gallery ids=\"11\"]",
	"<!-- wp:gallery {\"ids\":[10,11],\"linkTo\":\"file\"} -->\n<figure class=\"wp-block-gallery\"></figure>\n<!-- /wp:gallery -->",
	"<!-- wp:gallery {\"ids\":[10,12]} -->\n<figure class=\"wp-block-gallery\"><figcaption class=\"blocks-gallery-caption\">All of them</figcaption></figure>\n<!-- /wp:gallery -->",
	"[caption id=\"x\" width=\"300\"][gallery ids=\"10\"] A caption[/caption]",
	"<!--more-->[gallery ids=\"10\"]<!--nextpage-->[gallery ids=\"12\"]",
}

// TestHeldGalleries converts the samples with galleries held and without:
// the pages and their notes must be the same, and the plain galleries
// must have been held.
func TestHeldGalleries(t *testing.T) {
	site := heldSite()
	for _, opts := range []Options{
		{Link: heldLink},
		{Link: heldLink, LinkFrom: func(base, raw string) Link { return heldLink(raw) }},
		{},
	} {
		held := 0
		for i, content := range heldSamples {
			it := &wxr.Item{ID: 1, Type: "post", Status: "publish", Title: "G", Name: "g", Content: content,
				Link: "https://example.com/g/"}
			if heldBothWays(t, site, opts, it, fmt.Sprintf("sample %d", i)) {
				held++
			}
		}
		if held < 10 {
			t.Errorf("link mapping %v: only %d of %d samples held a gallery", opts.Link != nil, held, len(heldSamples))
		}
	}
}

// heldBothWays converts it with and without holding galleries, reports a
// difference in the page or its notes, and says whether a gallery was
// held.
func heldBothWays(t *testing.T, site *Site, opts Options, it *wxr.Item, name string) bool {
	t.Helper()
	plan := Plan{ID: it.ID, Path: "posts/g.md", Slug: it.Name}
	get := func(noHold bool) ([]byte, []Note) {
		c := New(site, opts)
		c.noHold = noHold
		p, err := c.Convert(it, plan)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := p.Bytes()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b, p.Notes
	}
	heldPage, heldNotes := get(false)
	htmlPage, htmlNotes := get(true)
	if !bytes.Equal(heldPage, htmlPage) || !reflect.DeepEqual(heldNotes, htmlNotes) {
		t.Errorf("%s: held and HTML routes differ:\n held %q %v\n html %q %v", name, heldPage, heldNotes, htmlPage, htmlNotes)
	}
	c := New(site, opts)
	html, r := c.render(it, true)
	if len(r.galleries) == 0 || !heldGalleriesIntact(html, r.galleries) {
		return false
	}
	_, _, err := c.markdownNL(html, true, it.Link, r.galleries)
	return err == nil
}

// FuzzHeldGalleries compares both routes for any content around the
// samples' galleries.
func FuzzHeldGalleries(f *testing.F) {
	for _, s := range heldSamples {
		f.Add(s)
	}
	site := heldSite()
	f.Fuzz(func(t *testing.T, content string) {
		it := &wxr.Item{ID: 1, Type: "post", Status: "publish", Title: "G", Name: "g", Content: content,
			Link: "https://example.com/g/"}
		heldBothWays(t, site, Options{Link: heldLink}, it, "fuzz")
	})
}

// TestHeldGalleriesCorpus compares both routes for every item of the
// shared corpus that has a gallery.
func TestHeldGalleriesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	items, held := 0, 0
	forEachExport(t, func(file string, all []*wxr.Item) {
		site := NewSite()
		for _, it := range all {
			site.Add(it)
		}
		link := func(raw string) Link {
			if strings.Contains(raw, "/wp-content/uploads/") || strings.Contains(raw, "files.wordpress.com") {
				return Link{Kind: LinkMedia, Dest: "/media/" + path.Base(raw)}
			}
			return Link{Kind: LinkKeep}
		}
		for _, it := range all {
			if (it.Type != "post" && it.Type != "page") || !strings.Contains(it.Content, "gallery") {
				continue
			}
			items++
			if heldBothWays(t, site, Options{Link: link}, it, fmt.Sprintf("%s item %d", path.Base(file), it.ID)) {
				held++
			}
		}
	})
	t.Logf("%d items with galleries, %d held one", items, held)
	if held == 0 {
		t.Error("no gallery of the corpus was held")
	}
}
