package main

import (
	"bytes"
	"encoding/json"
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
