package rewrite

import (
	"hash/maphash"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestPutQueryForms checks that the query forms Add puts without building
// them are the keys queryForms builds, for every type and install
// directory.
func TestPutQueryForms(t *testing.T) {
	for _, link := range []string{"http://example.com/", "http://example.com/blog/"} {
		ix := NewIndex(&wxr.Channel{Link: link}, Options{})
		for i, typ := range []string{"post", "page", "attachment", "product"} {
			id, idx := int64(40+i), int32(i)
			ix.putQueryForms(id, typ, idx)
			qs := ix.queryForms(id, typ)
			want := 1
			if typ == "page" || typ == "attachment" {
				want = 2
			}
			if len(qs) != want {
				t.Errorf("queryForms(%d, %q) = %q, want %d forms", id, typ, qs, want)
			}
			for _, q := range qs {
				if got, ok := ix.find(q); !ok || got != idx {
					t.Errorf("%s: find(%q) = %d, %v after putQueryForms(%d, %q), want %d", link, q, got, ok, id, typ, idx)
				}
				b := appendQueryForm(nil, ix.site.base, "p", id)
				if maphash.Bytes(ix.seed, b) != maphash.String(ix.seed, string(b)) {
					t.Errorf("maphash.Bytes and maphash.String differ on %q", b)
				}
			}
		}
		if _, ok := ix.find(ix.site.base + "/?page_id=40"); ok {
			t.Errorf("%s: a post answers ?page_id=", link)
		}
	}
}
