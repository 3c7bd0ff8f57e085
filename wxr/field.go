package wxr

import "encoding/xml"

// field names what an element is to the reader. Containers hold elements;
// value fields hold text; fSkip marks anything the reader ignores.
type field uint8

const (
	fNone field = iota // no parent (outermost element)
	fSkip

	// item containers
	fItem
	fPostmeta
	fComment
	fCommentmeta

	// channel containers
	fRSS
	fChannel
	fAuthor
	fCategory // channel <wp:category>
	fTag
	fTerm
	fTermmeta

	valueFields // every field from here on holds text

	// item values
	fTitle
	fLink
	fPubDate
	fCreator
	fGUID
	fDescription
	fContent
	fExcerpt
	fPostID
	fPostDate
	fPostDateGMT
	fModified
	fModifiedGMT
	fCommentStatus
	fPingStatus
	fPostName
	fStatus
	fParent
	fMenuOrder
	fType
	fPassword
	fSticky
	fAttachmentURL
	fItemCategory
	fMetaKey
	fMetaValue

	// comment values
	fCommentID
	fCommentAuthor
	fCommentEmail
	fCommentURL
	fCommentIP
	fCommentDate
	fCommentDateGMT
	fCommentContent
	fCommentApproved
	fCommentType
	fCommentParent
	fCommentUserID

	// channel values
	fChTitle
	fChLink
	fChDescription
	fChLanguage
	fChGenerator
	fChVersion
	fChBaseSite
	fChBaseBlog
	fAuthorID
	fAuthorLogin
	fAuthorEmail
	fAuthorDisplay
	fAuthorFirst
	fAuthorLast
	fTermID
	fTermTaxonomy
	fTermSlug
	fTermParent
	fTermName
	fTermDescription
)

func (f field) isValue() bool { return f > valueFields }

// itemField maps an element inside an item to its field.
func itemField(parent field, c nsClass, se xml.StartElement) field {
	local := se.Name.Local
	switch parent {
	case fNone:
		if c == nsNone && local == "item" {
			return fItem
		}
	case fItem:
		return itemChild(c, local)
	case fPostmeta, fCommentmeta:
		return metaField(c, local)
	case fComment:
		if c == nsWP {
			return commentField(local)
		}
	}
	return fSkip
}

func itemChild(c nsClass, local string) field {
	switch c {
	case nsNone:
		switch local {
		case "title":
			return fTitle
		case "link":
			return fLink
		case "pubDate":
			return fPubDate
		case "guid":
			return fGUID
		case "description":
			return fDescription
		case "category":
			return fItemCategory
		}
	case nsDC:
		if local == "creator" {
			return fCreator
		}
	case nsContent:
		if local == "encoded" {
			return fContent
		}
	case nsExcerpt:
		if local == "encoded" {
			return fExcerpt
		}
	case nsWP:
		return wpItemField(local)
	}
	return fSkip
}

func wpItemField(local string) field {
	switch local {
	case "post_id":
		return fPostID
	case "post_date":
		return fPostDate
	case "post_date_gmt":
		return fPostDateGMT
	case "post_modified":
		return fModified
	case "post_modified_gmt":
		return fModifiedGMT
	case "comment_status":
		return fCommentStatus
	case "ping_status":
		return fPingStatus
	case "post_name":
		return fPostName
	case "status":
		return fStatus
	case "post_parent":
		return fParent
	case "menu_order":
		return fMenuOrder
	case "post_type":
		return fType
	case "post_password":
		return fPassword
	case "is_sticky":
		return fSticky
	case "attachment_url":
		return fAttachmentURL
	case "postmeta":
		return fPostmeta
	case "comment":
		return fComment
	}
	return fSkip
}

func commentField(local string) field {
	switch local {
	case "comment_id":
		return fCommentID
	case "comment_author":
		return fCommentAuthor
	case "comment_author_email":
		return fCommentEmail
	case "comment_author_url":
		return fCommentURL
	case "comment_author_IP":
		return fCommentIP
	case "comment_date":
		return fCommentDate
	case "comment_date_gmt":
		return fCommentDateGMT
	case "comment_content":
		return fCommentContent
	case "comment_approved":
		return fCommentApproved
	case "comment_type":
		return fCommentType
	case "comment_parent":
		return fCommentParent
	case "comment_user_id":
		return fCommentUserID
	case "commentmeta":
		return fCommentmeta
	}
	return fSkip
}

func metaField(c nsClass, local string) field {
	if c == nsWP {
		switch local {
		case "meta_key":
			return fMetaKey
		case "meta_value":
			return fMetaValue
		}
	}
	return fSkip
}

// channelField maps an element of the channel header to its field.
func channelField(parent field, c nsClass, se xml.StartElement) field {
	local := se.Name.Local
	switch parent {
	case fNone:
		if c == nsNone && local == "rss" {
			return fRSS
		}
	case fRSS:
		if c == nsNone && local == "channel" {
			return fChannel
		}
	case fChannel:
		return channelChild(c, local)
	case fAuthor:
		if c == nsWP {
			return authorField(local)
		}
	case fCategory, fTag, fTerm:
		if c == nsWP {
			return termField(parent, local)
		}
	case fTermmeta:
		return metaField(c, local)
	}
	return fSkip
}

func channelChild(c nsClass, local string) field {
	switch c {
	case nsNone:
		switch local {
		case "title":
			return fChTitle
		case "link":
			return fChLink
		case "description":
			return fChDescription
		case "language":
			return fChLanguage
		case "generator":
			return fChGenerator
		}
	case nsWP:
		switch local {
		case "wxr_version":
			return fChVersion
		case "base_site_url":
			return fChBaseSite
		case "base_blog_url":
			return fChBaseBlog
		case "author":
			return fAuthor
		case "category":
			return fCategory
		case "tag":
			return fTag
		case "term":
			return fTerm
		}
	}
	return fSkip
}

func authorField(local string) field {
	switch local {
	case "author_id":
		return fAuthorID
	case "author_login":
		return fAuthorLogin
	case "author_email":
		return fAuthorEmail
	case "author_display_name":
		return fAuthorDisplay
	case "author_first_name":
		return fAuthorFirst
	case "author_last_name":
		return fAuthorLast
	}
	return fSkip
}

// termField covers <wp:category>, <wp:tag> and <wp:term>, whose children
// differ only in name.
func termField(parent field, local string) field {
	switch local {
	case "term_id":
		return fTermID
	case "termmeta":
		return fTermmeta
	case "category_nicename", "tag_slug", "term_slug":
		return fTermSlug
	case "category_parent", "term_parent":
		return fTermParent
	case "cat_name", "tag_name", "term_name":
		return fTermName
	case "category_description", "tag_description", "term_description":
		return fTermDescription
	case "term_taxonomy":
		if parent == fTerm {
			return fTermTaxonomy
		}
	}
	return fSkip
}
