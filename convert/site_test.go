package convert

import (
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestSiteAdd checks what the site keeps from attachments and reusable
// blocks, and that it ignores everything else.
func TestSiteAdd(t *testing.T) {
	s := NewSite()
	items := []*wxr.Item{
		{ID: 5, Type: "attachment", Parent: 1, MenuOrder: 2, Title: "Photo", Excerpt: "A caption",
			AttachmentURL: " http://ex.com/wp-content/uploads/a.jpg ", GUID: "http://ex.com/?attachment_id=5",
			Meta: []wxr.Meta{{Key: "_wp_attachment_image_alt", Value: "Alt text"}}},
		{ID: 4, Type: "attachment", Parent: 1, MenuOrder: 2, GUID: "http://ex.com/wp-content/uploads/b.jpg"},
		{ID: 3, Type: "attachment", Parent: 1, MenuOrder: 1, AttachmentURL: "http://ex.com/c.jpg"},
		{ID: 6, Type: "attachment", Parent: 2, AttachmentURL: "http://ex.com/d.jpg"},
		{ID: 7, Type: "wp_block", Content: "<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->"},
		{ID: 8, Type: "post", Content: "not kept"},
		{ID: 0, Type: "attachment", AttachmentURL: "http://ex.com/zero.jpg"},
		nil,
	}
	for _, it := range items {
		s.Add(it)
	}
	if len(s.Attachments) != 4 || len(s.Blocks) != 1 {
		t.Fatalf("%d attachments, %d blocks", len(s.Attachments), len(s.Blocks))
	}
	want := Attachment{ID: 5, Parent: 1, MenuOrder: 2, URL: "http://ex.com/wp-content/uploads/a.jpg",
		Title: "Photo", Caption: "A caption", Alt: "Alt text"}
	if got := s.Attachments[5]; got != want {
		t.Errorf("attachment 5 = %+v, want %+v", got, want)
	}
	if got := s.Attachments[4].URL; got != "http://ex.com/wp-content/uploads/b.jpg" {
		t.Errorf("guid fallback: %q", got)
	}
	if got := s.Blocks[7]; got != items[4].Content {
		t.Errorf("block 7 = %q", got)
	}
	var order []int64
	for _, a := range s.Attached(1) {
		order = append(order, a.ID)
	}
	if len(order) != 3 || order[0] != 3 || order[1] != 4 || order[2] != 5 {
		t.Errorf("attached order %v, want [3 4 5]", order)
	}
	// A damaged export repeats attachment 3 under another parent: the last
	// word wins, and no attachment is listed twice.
	s.Add(&wxr.Item{ID: 3, Type: "attachment", Parent: 2, AttachmentURL: "http://ex.com/c.jpg"})
	s.Add(&wxr.Item{ID: 6, Type: "attachment", Parent: 2, AttachmentURL: "http://ex.com/d.jpg"})
	if got := len(s.Attached(1)); got != 2 {
		t.Errorf("parent 1 keeps %d attachments, want 2", got)
	}
	if got := len(s.Attached(2)); got != 2 {
		t.Errorf("parent 2 has %d attachments, want 2 (3 and 6)", got)
	}
	if got := s.Attached(99); len(got) != 0 {
		t.Errorf("parent 99: %v", got)
	}
}

// TestSiteFeatured checks _thumbnail_id lookups.
func TestSiteFeatured(t *testing.T) {
	s := NewSite()
	s.Add(&wxr.Item{ID: 5, Type: "attachment", AttachmentURL: "http://ex.com/a.jpg"})
	s.Add(&wxr.Item{ID: 6, Type: "attachment"})
	tests := []struct {
		meta   string
		id     int64
		ok     bool
		hasURL string
	}{
		{"5", 5, true, "http://ex.com/a.jpg"},
		{" 5 ", 5, true, "http://ex.com/a.jpg"},
		{"6", 6, false, ""},
		{"404", 404, false, ""},
		{"", 0, false, ""},
		{"-1", 0, false, ""},
		{"abc", 0, false, ""},
	}
	for _, tt := range tests {
		it := &wxr.Item{ID: 1, Meta: []wxr.Meta{{Key: "_thumbnail_id", Value: tt.meta}}}
		a, id, ok := s.Featured(it)
		if id != tt.id || ok != tt.ok || (ok && a.URL != tt.hasURL) {
			t.Errorf("meta %q: %+v %d %v", tt.meta, a, id, ok)
		}
	}
}
