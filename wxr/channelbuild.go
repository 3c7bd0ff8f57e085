package wxr

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
)

// channelBuilder fills a Channel from the elements outside items: the
// header, and any channel data a generator wrote between or after items.
type channelBuilder struct {
	ch        *Channel
	root      string // qualified name of the outermost element; "" before it
	channel   bool   // <channel> opened under <rss>
	terms     *[]Term
	generator string // from <generator>, used when no generator comment
	notes     []note
	walker    *walker // for the line of a value
	verLine   int     // line of <wp:wxr_version>
}

func (b *channelBuilder) open(parent field, c nsClass, se xml.StartElement) field {
	if parent == fNone && b.root == "" {
		b.root = qname(se.Name.Space, se.Name.Local)
	}
	f := channelField(parent, c, se)
	ch := b.ch
	switch f {
	case fChannel:
		b.channel = true
	case fAuthor:
		ch.Authors = append(ch.Authors, Author{})
	case fCategory:
		ch.Categories = append(ch.Categories, Term{Taxonomy: "category"})
		b.terms = &ch.Categories
	case fTag:
		ch.Tags = append(ch.Tags, Term{Taxonomy: "post_tag"})
		b.terms = &ch.Tags
	case fTerm:
		ch.Terms = append(ch.Terms, Term{})
		b.terms = &ch.Terms
	case fTermmeta:
		if t := b.term(); t != nil {
			t.Meta = append(t.Meta, Meta{})
		}
	}
	return f
}

func (b *channelBuilder) line() int {
	if b.walker == nil {
		return 0
	}
	return b.walker.line()
}

// term is the term being read.
func (b *channelBuilder) term() *Term {
	if b.terms == nil || len(*b.terms) == 0 {
		return nil
	}
	return &(*b.terms)[len(*b.terms)-1]
}

func (b *channelBuilder) close(f field) {
	switch f {
	case fCategory, fTag, fTerm:
		if t := b.term(); t != nil {
			t.Slug, t.Parent = decodeSlug(t.Slug), decodeSlug(t.Parent)
		}
		b.terms = nil
	}
}

var generatorComment = regexp.MustCompile(`generator="([^"]*)"`)

func (b *channelBuilder) comment(c []byte) {
	if b.ch.Generator != "" {
		return
	}
	if m := generatorComment.FindSubmatch(c); m != nil {
		b.ch.Generator = strings.TrimSpace(string(m[1]))
	}
}

func (b *channelBuilder) value(f, parent field, raw []byte) {
	v := string(raw)
	ch := b.ch
	switch f {
	case fChTitle:
		ch.Title = name(v)
	case fChLink:
		ch.Link = scalar(v)
	case fChDescription:
		ch.Description = name(v)
	case fChLanguage:
		ch.Language = scalar(v)
	case fChGenerator:
		b.generator = scalar(v)
	case fChVersion:
		ch.Version = scalar(v)
		if b.walker != nil {
			b.verLine = b.walker.line()
		}
	case fChBaseSite:
		ch.BaseSiteURL = scalar(v)
	case fChBaseBlog:
		ch.BaseBlogURL = scalar(v)
	case fMetaKey, fMetaValue:
		b.termMeta(f, v)
	default:
		if f >= fAuthorID && f <= fAuthorLast {
			b.author(f, v)
		} else {
			b.termValue(f, v)
		}
	}
}

func (b *channelBuilder) author(f field, v string) {
	n := len(b.ch.Authors)
	if n == 0 {
		return
	}
	a := &b.ch.Authors[n-1]
	switch f {
	case fAuthorID:
		id, err := parseInt(scalar(v))
		if err != nil {
			b.notes = append(b.notes, note{b.line(), fmt.Sprintf("wp:author_id %q is not a number", scalar(v))})
		}
		a.ID = id
	case fAuthorLogin:
		a.Login = scalar(v)
	case fAuthorEmail:
		a.Email = scalar(v)
	case fAuthorDisplay:
		a.DisplayName = name(v)
	case fAuthorFirst:
		a.FirstName = name(v)
	case fAuthorLast:
		a.LastName = name(v)
	}
}

func (b *channelBuilder) termValue(f field, v string) {
	t := b.term()
	if t == nil {
		return
	}
	switch f {
	case fTermID:
		id, err := parseInt(scalar(v))
		if err != nil {
			b.notes = append(b.notes, note{b.line(), fmt.Sprintf("wp:term_id %q is not a number", scalar(v))})
		}
		t.ID = id
	case fTermTaxonomy:
		t.Taxonomy = scalar(v)
	case fTermSlug:
		t.Slug = scalar(v)
	case fTermParent:
		t.Parent = scalar(v)
	case fTermName:
		t.Name = name(v)
	case fTermDescription:
		t.Description = v
	}
}

func (b *channelBuilder) termMeta(f field, v string) {
	t := b.term()
	if t == nil || len(t.Meta) == 0 {
		return
	}
	m := &t.Meta[len(t.Meta)-1]
	if f == fMetaKey {
		m.Key = scalar(v)
	} else {
		m.Value = v
	}
}

var generatorURL = regexp.MustCompile(`^https?://wordpress\.org/\?v=(.+)$`)

// finish fills the fallbacks that need the whole header.
func (b *channelBuilder) finish() {
	ch := b.ch
	if ch.BaseBlogURL == "" {
		ch.BaseBlogURL = ch.BaseSiteURL
	}
	if ch.Generator == "" && b.generator != "" {
		g := b.generator
		if m := generatorURL.FindStringSubmatch(g); m != nil {
			g = "WordPress/" + m[1]
		} else if strings.Contains(g, "wordpress.com") {
			g = "WordPress.com"
		}
		ch.Generator = g
	}
}
