package wxr_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// FuzzReader feeds arbitrary bytes to the reader: it must never panic or
// loop, every error must be typed and positioned, and every item the
// input holds must be either returned or reported (skipped or cut off by
// the fatal error).
func FuzzReader(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.xml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>1</wp:post_id></item>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := wxr.NewReader(bytes.NewReader(data), wxr.Options{Name: "fuzz.xml", OnWarning: func(w wxr.Warning) {
			if w.Msg == "" {
				t.Fatal("empty warning")
			}
		}})
		if err != nil {
			var fe *wxr.Error
			if !errors.As(err, &fe) {
				t.Fatalf("NewReader: untyped error %v", err)
			}
			return
		}
		returned, skipped, fatal := 0, 0, false
		for n := 0; ; n++ {
			if n > len(data)+2 {
				t.Fatal("Next does not end")
			}
			it, err := r.Next()
			if err == io.EOF {
				break
			}
			var ie *wxr.ItemError
			var fe *wxr.Error
			switch {
			case errors.As(err, &ie):
				if ie.Line <= 0 {
					t.Fatalf("unpositioned item error %v", err)
				}
				skipped++
			case errors.As(err, &fe):
				if fatal {
					t.Fatal("two fatal errors")
				}
				fatal = true
			case err != nil:
				t.Fatalf("untyped error %v", err)
			case it == nil || it.Line <= 0 || it.File != "fuzz.xml":
				t.Fatalf("bad item %+v", it)
			default:
				if fatal {
					t.Fatal("item after the fatal error")
				}
				returned++
			}
		}
		// Each top-level "<item" start tag the input holds is returned,
		// skipped, or (at most one) cut off by the fatal error.
		if starts := bytes.Count(data, []byte("<item")); !fatal && returned+skipped > starts {
			t.Fatalf("%d items from %d <item tags", returned+skipped, starts)
		}
		// Strict first: input encoding/xml reads without error gives every
		// item, none skipped.
		if n, ok := wellFormedItems(data); ok && (returned != n || skipped != 0 || fatal) {
			t.Fatalf("well-formed input: %d items returned, %d skipped, fatal %v; it holds %d", returned, skipped, fatal, n)
		}
	})
}

// wellFormedItems counts the unprefixed <item> elements not nested in
// another, when encoding/xml reads the whole input without error and it
// has no "]]>" outside CDATA (which XML forbids but encoding/xml accepts).
func wellFormedItems(data []byte) (int, bool) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	n, depth, itemDepth := 0, 0, -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n, depth == 0
		}
		if err != nil {
			return 0, false
		}
		switch t := tok.(type) {
		case xml.CharData:
			if bytes.Contains(t, []byte("]]>")) {
				return 0, false
			}
		case xml.StartElement:
			if t.Name.Local == "item" && t.Name.Space != "" {
				return 0, false // prefix or default namespace: not comparable
			}
			if itemDepth >= 0 && t.Name.Local == "item" {
				return 0, false // nested items: the reader ends the outer one there
			}
			if itemDepth < 0 && t.Name.Local == "item" {
				n++
				itemDepth = depth
			}
			depth++
		case xml.EndElement:
			depth--
			if depth == itemDepth {
				itemDepth = -1
			}
		}
	}
}
