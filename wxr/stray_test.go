package wxr

import (
	"reflect"
	"strings"
	"testing"
)

// TestStrayLookedForLate checks the items whose "]]>" outside CDATA the
// reader looks for only off the fast path: each is read the same on both
// paths (repaired when it has a stray), and strayIn finds what the
// scanner finds.
func TestStrayLookedForLate(t *testing.T) {
	tests := []struct {
		name, item string
		stray      bool
	}{
		{"None", `<item><title>a</title><content:encoded><![CDATA[x]]></content:encoded></item>`, false},
		{"InText", `<item><title>a ]]> b</title></item>`, true},
		{"AfterCDATA", `<item><content:encoded><![CDATA[x]]>]]></content:encoded></item>`, true},
		{"EarlyCDATAEnd", `<item><content:encoded><![CDATA[a <![CDATA[b]]> c]]></content:encoded></item>`, true},
		{"InAttribute", `<item><category domain="post_tag" nicename="a]]>b"><![CDATA[T]]></category></item>`, true},
		{"InItemAttribute", `<item x="]]>"><title>a</title></item>`, false}, // the scanner skips the start tag
		{"InComment", `<item><!-- ]]> --><title>a</title></item>`, false},
		{"SplitByTag", `<item><title>]]<b/>></title></item>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strayIn([]byte(tt.item)); got != tt.stray {
				t.Errorf("strayIn(%q) = %v, want %v", tt.item, got, tt.stray)
			}
			src := []byte(`<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>` +
				`<wp:wxr_version>1.2</wp:wxr_version>` + tt.item + `</channel></rss>`)
			start := int64(strings.Index(string(src), "<item"))
			if _, _, got := newScannerAt(src).scanItem(start, true); got != tt.stray {
				t.Errorf("scanItem(%q) strayed = %v, want %v", tt.item, got, tt.stray)
			}
			fast, slow := readAll(src, false), readAll(src, true)
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("the fast path reads %q differently:\nfast %#v\nslow %#v", tt.item, fast, slow)
			}
		})
	}
}

// newScannerAt is a scanner over all of src, read already.
func newScannerAt(src []byte) *scanner {
	return &scanner{buf: src, end: int64(len(src)), eof: true, line: 1}
}
