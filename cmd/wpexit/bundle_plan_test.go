package main

import (
	"slices"
	"testing"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/media"
)

// TestGroupRefs checks which files go together and who uses them: a
// thumbnail with its original, a reusable block blocking the group,
// attachments not counting as pages.
func TestGroupRefs(t *testing.T) {
	up := "/wp-content/uploads/2020/05/"
	refs := []media.Ref{
		{Dest: up + "x-300x200.jpg", Users: []string{"content/posts/a/index.md"}},
		{Dest: up + "x.jpg", Users: []string{"attachment 3"}},
		{Dest: up + "y.png#frag", Users: []string{"content/posts/a/index.md", "content/posts/b/index.md"}},
		{Dest: up + "z.pdf", Users: []string{"content/posts/b/index.md", "block 9"}},
		{Dest: up + "y.png", Users: []string{"content/posts/a/index.md"}},
	}
	groups, order := groupRefs(refs)
	tests := []struct {
		key     string
		dests   []string
		pages   []string
		blocked bool
	}{
		{up + "x.jpg", []string{up + "x.jpg", up + "x-300x200.jpg"}, []string{"content/posts/a/index.md"}, false},
		{up + "y.png", []string{up + "y.png"}, []string{"content/posts/a/index.md", "content/posts/b/index.md"}, false},
		{up + "z.pdf", []string{up + "z.pdf"}, []string{"content/posts/b/index.md"}, true},
	}
	if len(order) != len(tests) {
		t.Fatalf("groups %v, want %d", order, len(tests))
	}
	for i, tt := range tests {
		g := groups[order[i]]
		if order[i] != tt.key || !slices.Equal(g.dests, tt.dests) || !slices.Equal(g.pages, tt.pages) || g.blocked != tt.blocked {
			t.Errorf("group %d: %s %+v, want %s %v %v %v", i, order[i], *g, tt.key, tt.dests, tt.pages, tt.blocked)
		}
	}
}

// TestBundlePlace checks the links to a file in a bundle: its name on its
// own page, its new URL anywhere else, other links untouched.
func TestBundlePlace(t *testing.T) {
	b := &bundles{files: map[string]bundleFile{
		"/wp-content/uploads/2020/05/caf%C3%A9.jpg": {page: "/2020/05/é/", rel: "caf%C3%A9.jpg", abs: "/2020/05/%C3%A9/caf%C3%A9.jpg"},
	}}
	media := func(d string) convert.Link { return convert.Link{Kind: convert.LinkMedia, Dest: d} }
	tests := []struct {
		name string
		in   convert.Link
		base string
		want convert.Link
	}{
		{"own page", media("/wp-content/uploads/2020/05/caf%C3%A9.jpg"), "https://x.example/2020/05/%C3%A9/", media("caf%C3%A9.jpg")},
		{"own page, fragment", media("/wp-content/uploads/2020/05/caf%C3%A9.jpg#top"), "https://x.example/2020/05/%C3%A9/", media("caf%C3%A9.jpg#top")},
		{"other page", media("/wp-content/uploads/2020/05/caf%C3%A9.jpg"), "https://x.example/2020/05/other/", media("/2020/05/%C3%A9/caf%C3%A9.jpg")},
		{"no page (front matter, comments)", media("/wp-content/uploads/2020/05/caf%C3%A9.jpg"), "", media("/2020/05/%C3%A9/caf%C3%A9.jpg")},
		{"file in static", media("/wp-content/uploads/2020/05/other.jpg"), "https://x.example/2020/05/%C3%A9/", media("/wp-content/uploads/2020/05/other.jpg")},
		{"a page link", convert.Link{Kind: convert.LinkPage, Dest: "/wp-content/uploads/2020/05/caf%C3%A9.jpg"}, "", convert.Link{Kind: convert.LinkPage, Dest: "/wp-content/uploads/2020/05/caf%C3%A9.jpg"}},
	}
	for _, tt := range tests {
		if got := b.place(tt.in, tt.base); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	var none *bundles
	if none.outName("static/x.jpg") != "static/x.jpg" {
		t.Error("no bundles: output name changed")
	}
}
