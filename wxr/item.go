package wxr

import "time"

// Channel is the export's header: everything in <channel> before the first
// <item>. Term and author lists may be empty (WXR 1.0, filtered exports).
type Channel struct {
	Title       string // site title, entities decoded
	Link        string // channel <link>, the home URL at export time
	Description string // tagline
	Language    string // e.g. "en-US"; may be empty
	Version     string // wp:wxr_version as written ("1.2"); empty when missing
	Generator   string // from the generator comment or <generator>, e.g. "WordPress/6.4.2"
	BaseSiteURL string // wp:base_site_url (network home on multisite and WordPress.com)
	BaseBlogURL string // wp:base_blog_url (this site's home URL); falls back to BaseSiteURL
	Authors     []Author
	Categories  []Term // Taxonomy "category"
	Tags        []Term // Taxonomy "post_tag"
	Terms       []Term // wp:term: custom taxonomies and nav menus
}

// Author is one <wp:author>. Email is read so it can be withheld on purpose;
// nothing in wpexit publishes it.
type Author struct {
	ID          int64
	Login       string
	Email       string
	DisplayName string // entities decoded
	FirstName   string
	LastName    string
}

// Term is a category, tag or custom-taxonomy term from the channel header.
type Term struct {
	ID          int64
	Taxonomy    string // "category", "post_tag", or the custom taxonomy
	Slug        string // percent-decoded, NFC
	Parent      string // parent slug; empty for a root term
	Name        string // entities decoded
	Description string
	Meta        []Meta
}

// Item is one <item>: a post, page, attachment, menu item or any other
// post type. Scalars are trimmed; Content, Excerpt and meta values are kept
// byte for byte as the export holds them.
type Item struct {
	Line int // line of the <item> start tag in its input, for messages
	File string

	ID            int64
	Title         string // entities decoded once
	Link          string // permalink at export time
	PubDate       string // raw RSS pubDate; unreliable, prefer Date/DateGMT
	Creator       string // dc:creator: author login (display name in WXR 1.0)
	GUID          string
	Description   string
	Content       string    // content:encoded, raw
	Excerpt       string    // excerpt:encoded, raw
	Date          time.Time // wp:post_date, site-local, parsed as UTC wall time; zero when unknown
	DateGMT       time.Time // wp:post_date_gmt; zero when "0000-00-00 00:00:00" or missing
	Modified      time.Time // wp:post_modified (WP >= 5.7); zero when missing
	ModifiedGMT   time.Time
	CommentStatus string // "open" or "closed"
	PingStatus    string
	Name          string // wp:post_name, percent-decoded to NFC UTF-8 (raw kept when not decodable)
	RawName       string // wp:post_name as written
	Status        string // publish, future, draft, pending, private, trash, inherit, auto-draft, ...
	Parent        int64
	MenuOrder     int
	Type          string // post, page, attachment, nav_menu_item, ...
	Password      string
	Sticky        bool
	AttachmentURL string
	Terms         []ItemTerm // every <category> with a nicename (domain + slug + name)
	Meta          []Meta
	Comments      []Comment
}

// ItemTerm is one <category domain="…" nicename="…">Name</category> on an item.
type ItemTerm struct {
	Domain string // "category", "post_tag" ("tag" in WXR 1.0 is mapped to "post_tag"), "post_format", custom
	Slug   string // nicename, percent-decoded
	Name   string // entities decoded
}

// Meta is one postmeta, termmeta or commentmeta pair; Value is raw (may be
// PHP-serialized).
type Meta struct {
	Key   string
	Value string
}

// Comment is one <wp:comment>. Email, IP and user agent are read so they can
// be withheld on purpose.
type Comment struct {
	ID       int64
	Author   string // entities decoded
	Email    string
	URL      string
	IP       string
	Date     time.Time // local
	DateGMT  time.Time
	Content  string // raw
	Approved string // "1", "0", "spam", "trash", "post-trashed"
	Type     string // "", "comment", "pingback", "trackback", ...
	Parent   int64
	UserID   int64
	Meta     []Meta
}

// MetaValues returns every value of the postmeta key, in export order.
func (it *Item) MetaValues(key string) []string {
	var vs []string
	for _, m := range it.Meta {
		if m.Key == key {
			vs = append(vs, m.Value)
		}
	}
	return vs
}

// MetaValue returns the first value of the postmeta key, or "".
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}
