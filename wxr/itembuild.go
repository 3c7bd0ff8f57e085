package wxr

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"
)

// note is a warning waiting for its item's id.
type note struct {
	line int
	msg  string
}

// itemBuilder fills an Item from the elements a walker meets.
type itemBuilder struct {
	it    *Item
	seen  uint64 // value fields already set: the first occurrence wins
	line  int    // the item's start line, for value warnings
	notes []note
	cat   ItemTerm // attributes of the <category> being read
	catOK bool     // it had a nicename
	cats  []category
	in    *fastState // string table for values with few distinct texts
}

// category is one <category> before WXR 1.0 duplicates are dropped.
type category struct {
	ItemTerm
	hasNicename bool
	hasDomain   bool
}

func (b *itemBuilder) open(parent field, c nsClass, se xml.StartElement) field {
	f := itemField(parent, c, se)
	switch f {
	case fItemCategory:
		b.cat, b.catOK = ItemTerm{}, false
		var hasDomain bool
		for _, a := range se.Attr {
			if a.Name.Space != "" {
				continue
			}
			switch a.Name.Local {
			case "domain":
				b.cat.Domain, hasDomain = a.Value, true
			case "nicename":
				b.cat.Slug, b.catOK = a.Value, true
			}
		}
		b.cats = append(b.cats, category{hasDomain: hasDomain})
	case fPostmeta:
		b.it.Meta = append(b.it.Meta, Meta{})
	case fComment:
		b.it.Comments = append(b.it.Comments, Comment{})
	case fCommentmeta:
		if n := len(b.it.Comments); n > 0 {
			c := &b.it.Comments[n-1]
			c.Meta = append(c.Meta, Meta{})
		}
	}
	return f
}

func (b *itemBuilder) close(field)    {}
func (b *itemBuilder) comment([]byte) {}

func (b *itemBuilder) value(f, parent field, raw []byte) {
	if b.seenValue(f) {
		return
	}
	switch f { // numbers and dates: read from the bytes when they are plain
	case fPostID, fParent, fMenuOrder, fCommentID, fCommentParent, fCommentUserID:
		if n, ok := plainInt(raw); ok {
			b.setInt(f, n)
			return
		}
	case fPostDate, fPostDateGMT, fModified, fModifiedGMT, fCommentDate, fCommentDateGMT:
		if t, ok := plainDate(raw); ok {
			b.setDate(f, t)
			return
		}
	}
	var v string
	switch f {
	case fCommentStatus, fPingStatus, fStatus, fType, fSticky, fPassword, fCreator,
		fMetaKey, fCommentApproved, fCommentType:
		// few distinct values, all read trimmed: shared strings
		v = b.in.intern(bytes.TrimSpace(raw))
	default:
		v = string(raw)
	}
	switch {
	case f == fMetaKey || f == fMetaValue:
		b.meta(f, parent, v)
	case f >= fCommentID && f <= fCommentUserID:
		b.commentValue(f, v)
	case f == fItemCategory:
		c := &b.cats[len(b.cats)-1]
		c.ItemTerm = b.cat
		c.Name = name(v)
		c.hasNicename = b.catOK
	default:
		b.itemValue(f, v)
	}
}

// seenValue reports whether item value f was set already (the first
// occurrence wins), and marks it set.
func (b *itemBuilder) seenValue(f field) bool {
	if f == fMetaKey || f == fMetaValue || f >= fCommentID && f <= fCommentUserID || f == fItemCategory {
		return false
	}
	bit := uint64(1) << (f - valueFields)
	if b.seen&bit != 0 {
		return true
	}
	b.seen |= bit
	return false
}

// setInt stores a number read from plain digits.
func (b *itemBuilder) setInt(f field, n int64) {
	switch f {
	case fPostID:
		b.it.ID = n
	case fParent:
		b.it.Parent = n
	case fMenuOrder:
		b.it.MenuOrder = int(n)
	default:
		n0 := len(b.it.Comments)
		if n0 == 0 {
			return
		}
		c := &b.it.Comments[n0-1]
		switch f {
		case fCommentID:
			c.ID = n
		case fCommentParent:
			c.Parent = n
		case fCommentUserID:
			c.UserID = n
		}
	}
}

// setDate stores a date read from its plain form.
func (b *itemBuilder) setDate(f field, t time.Time) {
	switch f {
	case fPostDate:
		b.it.Date = t
	case fPostDateGMT:
		b.it.DateGMT = t
	case fModified:
		b.it.Modified = t
	case fModifiedGMT:
		b.it.ModifiedGMT = t
	default:
		n := len(b.it.Comments)
		if n == 0 {
			return
		}
		c := &b.it.Comments[n-1]
		if f == fCommentDate {
			c.Date = t
		} else {
			c.DateGMT = t
		}
	}
}

func (b *itemBuilder) itemValue(f field, v string) {
	it := b.it
	switch f {
	case fTitle:
		it.Title = name(v)
	case fLink:
		it.Link = scalar(v)
	case fPubDate:
		it.PubDate = scalar(v)
	case fCreator:
		it.Creator = scalar(v)
	case fGUID:
		it.GUID = scalar(v)
	case fDescription:
		it.Description = scalar(v)
	case fContent:
		it.Content = v
	case fExcerpt:
		it.Excerpt = v
	case fPostID:
		it.ID = b.int(v, "wp:post_id")
	case fPostDate:
		it.Date = b.date(v, "wp:post_date")
	case fPostDateGMT:
		it.DateGMT = b.date(v, "wp:post_date_gmt")
	case fModified:
		it.Modified = b.date(v, "wp:post_modified")
	case fModifiedGMT:
		it.ModifiedGMT = b.date(v, "wp:post_modified_gmt")
	default:
		b.wpValue(f, v)
	}
}

func (b *itemBuilder) wpValue(f field, v string) {
	it := b.it
	switch f {
	case fCommentStatus:
		it.CommentStatus = scalar(v)
	case fPingStatus:
		it.PingStatus = scalar(v)
	case fPostName:
		it.RawName = scalar(v)
	case fStatus:
		it.Status = scalar(v)
	case fParent:
		it.Parent = b.int(v, "wp:post_parent")
	case fMenuOrder:
		it.MenuOrder = int(b.int(v, "wp:menu_order"))
	case fType:
		it.Type = scalar(v)
	case fPassword:
		it.Password = scalar(v)
	case fSticky:
		it.Sticky = scalar(v) == "1"
	case fAttachmentURL:
		it.AttachmentURL = scalar(v)
	}
}

func (b *itemBuilder) meta(f, parent field, v string) {
	var m *Meta
	switch parent {
	case fPostmeta:
		if n := len(b.it.Meta); n > 0 {
			m = &b.it.Meta[n-1]
		}
	case fCommentmeta:
		if n := len(b.it.Comments); n > 0 {
			if c := &b.it.Comments[n-1]; len(c.Meta) > 0 {
				m = &c.Meta[len(c.Meta)-1]
			}
		}
	}
	if m == nil {
		return
	}
	if f == fMetaKey {
		m.Key = scalar(v)
	} else {
		m.Value = v
	}
}

func (b *itemBuilder) commentValue(f field, v string) {
	n := len(b.it.Comments)
	if n == 0 {
		return
	}
	c := &b.it.Comments[n-1]
	switch f {
	case fCommentID:
		c.ID = b.int(v, "wp:comment_id")
	case fCommentAuthor:
		c.Author = name(v)
	case fCommentEmail:
		c.Email = scalar(v)
	case fCommentURL:
		c.URL = scalar(v)
	case fCommentIP:
		c.IP = scalar(v)
	case fCommentDate:
		c.Date = b.date(v, "wp:comment_date")
	case fCommentDateGMT:
		c.DateGMT = b.date(v, "wp:comment_date_gmt")
	case fCommentContent:
		c.Content = v
	case fCommentApproved:
		c.Approved = scalar(v)
	case fCommentType:
		c.Type = scalar(v)
	case fCommentParent:
		c.Parent = b.int(v, "wp:comment_parent")
	case fCommentUserID:
		c.UserID = b.int(v, "wp:comment_user_id")
	}
}

func (b *itemBuilder) int(v string, what string) int64 {
	s := scalar(v)
	n, err := parseInt(s)
	if err != nil {
		b.notes = append(b.notes, note{b.line, fmt.Sprintf("%s %q is not a number; read as 0", what, s)})
	}
	return n
}

func (b *itemBuilder) date(v string, what string) (t time.Time) {
	s := scalar(v)
	t, err := parseDate(s)
	if err != nil {
		b.notes = append(b.notes, note{b.line, fmt.Sprintf("%s %q is not a date; read as unknown", what, s)})
	}
	return t
}

// finish applies the rules that need the whole item: slug decoding and
// the WXR 1.0 category duplicates.
func (b *itemBuilder) finish() {
	it := b.it
	it.Name = decodeSlug(it.RawName)
	it.Terms = nil
	if len(b.cats) > 0 {
		it.Terms = make([]ItemTerm, 0, len(b.cats))
	}
	for i, c := range b.cats {
		if !c.hasNicename && b.duplicate(i) {
			continue
		}
		t := c.ItemTerm
		switch t.Domain {
		case "tag":
			t.Domain = "post_tag"
		case "":
			t.Domain = "category"
		}
		t.Slug = decodeSlug(t.Slug)
		it.Terms = append(it.Terms, t)
	}
	if len(it.Terms) == 0 {
		it.Terms = nil
	}
}

// duplicate reports whether category i, which has no nicename, repeats a
// sibling that has one (WXR 1.0 writes every term twice).
func (b *itemBuilder) duplicate(i int) bool {
	c := b.cats[i]
	for j, o := range b.cats {
		if j == i || !o.hasNicename || o.Name != c.Name {
			continue
		}
		if !c.hasDomain || o.Domain == c.Domain {
			return true
		}
	}
	return false
}
