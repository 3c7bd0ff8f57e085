package convert

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

// Site is what conversion of one item needs to know about the rest of the
// export: attachments (galleries, featured images) and reusable blocks. It is
// filled in the first pass with Add and is read-only afterwards, so workers
// may share it.
type Site struct {
	Attachments map[int64]Attachment
	Blocks      map[int64]string // wp_block ID -> raw content

	byParent map[int64][]int64 // parent post ID -> attachment IDs, for Attached
}

// Attachment is what the site knows about one media item.
type Attachment struct {
	ID        int64
	Parent    int64
	MenuOrder int
	URL       string // wp:attachment_url
	Title     string
	Caption   string // the attachment's excerpt
	Alt       string // _wp_attachment_image_alt
}

// NewSite returns an empty Site.
func NewSite() *Site {
	return &Site{Attachments: map[int64]Attachment{}, Blocks: map[int64]string{}, byParent: map[int64][]int64{}}
}

// Add records what the site needs from it: an attachment's file URL, parent,
// order, title, caption and alt text, or a reusable block's content. Other
// items are ignored. A later item with the same ID replaces an earlier one
// (multi-part exports repeat nothing, so this only happens in damaged files).
func (s *Site) Add(it *wxr.Item) {
	if it == nil || it.ID == 0 {
		return
	}
	switch it.Type {
	case "attachment":
		url := strings.TrimSpace(it.AttachmentURL)
		if url == "" {
			url = strings.TrimSpace(it.GUID)
		}
		if it.Parent != 0 {
			if s.byParent == nil {
				s.byParent = map[int64][]int64{}
			}
			s.byParent[it.Parent] = append(s.byParent[it.Parent], it.ID)
		}
		s.Attachments[it.ID] = Attachment{
			ID:        it.ID,
			Parent:    it.Parent,
			MenuOrder: it.MenuOrder,
			URL:       url,
			Title:     it.Title,
			Caption:   it.Excerpt,
			Alt:       it.MetaValue("_wp_attachment_image_alt"),
		}
	case "wp_block":
		s.Blocks[it.ID] = it.Content
	}
}

// Attached returns the attachments whose parent is the post, in gallery
// order: menu_order, then ID. It knows the attachments recorded with Add,
// and costs the number of the post's own attachments, not the site's.
func (s *Site) Attached(parent int64) []Attachment {
	var out []Attachment
	for _, id := range s.byParent[parent] {
		a, ok := s.Attachments[id]
		if ok && a.Parent == parent && !slices.ContainsFunc(out, func(b Attachment) bool { return b.ID == id }) {
			out = append(out, a)
		}
	}
	sortAttachments(out)
	return out
}

// Featured returns the item's featured image (its _thumbnail_id meta) and
// whether the site knows it. id is the attachment ID named, 0 when none.
func (s *Site) Featured(it *wxr.Item) (a Attachment, id int64, ok bool) {
	v := strings.TrimSpace(it.MetaValue("_thumbnail_id"))
	if v == "" {
		return Attachment{}, 0, false
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return Attachment{}, 0, false
	}
	a, ok = s.Attachments[id]
	return a, id, ok && a.URL != ""
}

// sortAttachments orders attachments by menu_order, then ID.
func sortAttachments(as []Attachment) {
	slices.SortFunc(as, func(a, b Attachment) int {
		if c := cmp.Compare(a.MenuOrder, b.MenuOrder); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
