package convert

import "github.com/wpexit/wpexit/wxr"

// Site is what conversion of one item needs to know about the rest of the
// export: attachments (galleries, featured images) and reusable blocks. It is
// filled in the first pass and read-only afterwards. STUB: owned by the page work.
type Site struct {
	Attachments map[int64]Attachment
	Blocks      map[int64]string // wp_block ID -> raw content
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
	return &Site{Attachments: map[int64]Attachment{}, Blocks: map[int64]string{}}
}

// Add records what the site needs from it. STUB.
func (s *Site) Add(it *wxr.Item) {}
