package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

func TestManifestBytesAsMarshalIndent(t *testing.T) {
	for _, files := range []map[string]string{
		{},
		{"content/posts/a.md": "00ff"},
		{"content/posts/b.md": "1", "content/posts/a.md": "2", "hugo.toml": "3"},
		{"content/posts/a.md": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "b.md": "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "c.md": ""},
		{"content/pages/<&>.md": "x", "content/posts/é\u2028\u2029.md": "y", "content/posts/\xff.md": "z", `q"\.md`: "\t"},
	} {
		m := newManifest(1, files)
		want, err := json.MarshalIndent(manifestJSON{Version: 1, Files: files}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		if got := m.bytes(); !bytes.Equal(got, want) {
			t.Errorf("bytes() =\n%s\nwant\n%s", got, want)
		}
	}
}

// TestManifestPages checks that pages recorded by entry seq are written as
// if their paths had been set, merged in order with the other entries, and
// that a page whose path already had an entry updates that entry.
func TestManifestPages(t *testing.T) {
	paths := []string{"content/posts/b.md", "content/pages/a.md", "content/posts/z.md", "content/posts/a.md"}
	for _, pageSeqs := range [][]int{nil, {0}, {3, 1}, {0, 1, 2, 3}} {
		m := newManifest(1, map[string]string{"hugo.toml": "x", "content/posts/a.md": "old"})
		m.pagePath = func(seq int) string { return paths[seq] }
		want := newManifest(1, map[string]string{"hugo.toml": "x", "content/posts/a.md": "old"})
		for _, seq := range pageSeqs {
			s := digest([]byte(paths[seq]))
			if !m.setPage(seq, paths[seq], s) {
				t.Errorf("setPage(%d) = false for a new digest", seq)
			}
			want.set(paths[seq], s)
		}
		m.set("static/_redirects", digest(nil))
		want.set("static/_redirects", digest(nil))
		if got, want := m.bytes(), want.bytes(); !bytes.Equal(got, want) {
			t.Errorf("pages %v: bytes() =\n%s\nwant\n%s", pageSeqs, got, want)
		}
		if _, ok := m.other["content/posts/a.md"]; ok && slices.Contains(pageSeqs, 3) {
			t.Errorf("pages %v: the old entry of content/posts/a.md was not replaced", pageSeqs)
		}
	}
}

func TestPageSums(t *testing.T) {
	var p pageSums
	seqs := []int{5, 0, 64, 63, 3 * pageSumChunk, 5}
	for i, seq := range seqs {
		p.put(seq, fileSum{byte(i)})
	}
	var got []int
	p.each(func(seq int) { got = append(got, seq) })
	if want := []int{0, 5, 63, 64, 3 * pageSumChunk}; !slices.Equal(got, want) || p.n != len(want) {
		t.Errorf("each = %v (n %d), want %v", got, p.n, want)
	}
	if s, ok := p.get(5); !ok || s[0] != 5 {
		t.Errorf("get(5) = %v, %v; want the last digest put", s[0], ok)
	}
	for _, seq := range []int{1, 65, -1, 10 * pageSumChunk} {
		if _, ok := p.get(seq); ok {
			t.Errorf("get(%d) found a digest never put", seq)
		}
	}
}
