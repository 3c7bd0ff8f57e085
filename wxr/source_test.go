package wxr_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestSources checks container detection by magic bytes.
func TestSources(t *testing.T) {
	tests := []struct {
		file  string
		names []string
		ids   [][]int64 // item ids per source
		err   string
	}{
		{file: "wxr11.xml", names: []string{"wxr11.xml"}, ids: [][]int64{{1}}},
		{file: "export.xml.gz", names: []string{"export.xml.gz"}, ids: [][]int64{{1}}},
		{file: "parts.zip", names: []string{"parts.zip:site.wordpress.2024-01-02.000.xml", "parts.zip:site.wordpress.2024-01-02.001.xml"}, ids: [][]int64{{1, 2}, {3}}},
		{file: "noxml.zip", err: "noxml.zip: the zip archive holds no .xml export (it holds photo.jpg, notes.txt)"},
		{file: "corrupt.xml.gz", err: ""}, // the header is intact: the damage shows when reading
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			srcs, err := wxr.Sources(tt.file, bytes.NewReader(data), int64(len(data)))
			if tt.err != "" {
				var fe *wxr.Error
				if err == nil || !errors.As(err, &fe) || err.Error() != tt.err {
					t.Fatalf("Sources error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.names == nil {
				return
			}
			var names []string
			var got [][]int64
			for _, s := range srcs {
				names = append(names, s.Name)
				for range 2 { // Open may be called more than once
					rc, err := s.Open()
					if err != nil {
						t.Fatal(err)
					}
					res := read(t, s.Name, rc)
					rc.Close()
					if res.openErr != nil {
						t.Fatal(res.openErr)
					}
					if len(got) < len(names) {
						got = append(got, ids(res.items))
					}
				}
			}
			if !reflect.DeepEqual(names, tt.names) || !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("sources %v with ids %v, want %v with %v", names, got, tt.names, tt.ids)
			}
		})
	}
}

// TestCorruptGzipSource reads a gzip whose data is damaged: one sentence
// naming the file.
func TestCorruptGzipSource(t *testing.T) {
	data, err := os.ReadFile("testdata/corrupt.xml.gz")
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := wxr.Sources("corrupt.xml.gz", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := srcs[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	_, err = wxr.NewReader(rc, wxr.Options{Name: srcs[0].Name})
	want := "corrupt.xml.gz: reading failed: the gzip data is corrupt: flate: corrupt input before offset 5"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
}

// TestSourcesBadHeader checks a gzip and a zip whose headers are broken.
func TestSourcesBadHeader(t *testing.T) {
	for _, tt := range []struct{ name, data, err string }{
		{"bad.gz", "\x1f\x8b\x00\x00", "bad.gz: a corrupt gzip file: unexpected EOF"},
		{"bad.zip", "PK\x03\x04garbage", "bad.zip: a corrupt zip archive: zip: not a valid zip file"},
		{"empty.zip", "PK\x05\x06" + string(make([]byte, 18)), "empty.zip: the zip archive is empty: it holds no .xml export"},
	} {
		_, err := wxr.Sources(tt.name, bytes.NewReader([]byte(tt.data)), int64(len(tt.data)))
		if err == nil || err.Error() != tt.err {
			t.Errorf("%s: error = %v, want %q", tt.name, err, tt.err)
		}
	}
}
