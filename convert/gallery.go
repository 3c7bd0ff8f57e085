package convert

import (
	"path"
	"slices"
	"strconv"
	"strings"
)

// galleryHTML renders [gallery] as a <div class="gallery"> of figures.
// The images are, in this order of precedence: the ids attribute (its order
// kept); the include attribute; or every image attached to the post (or to
// the post named by id=), ordered by menu order then ID. exclude removes
// images; link="file" links each image to its file. An attachment missing
// from the export is noted and left out.
func (r *renderer) galleryHTML(sc shortcode) string {
	ids := parseIDs(sc.attrs["ids"])
	if len(ids) == 0 {
		ids = parseIDs(sc.attrs["include"])
	}
	if len(ids) == 0 {
		parent := r.itemID()
		if p, err := strconv.ParseInt(strings.TrimSpace(sc.attrs["id"]), 10, 64); err == nil {
			parent = p
		}
		ids = r.attached(parent, isImageURL)
		if strings.EqualFold(sc.attrs["order"], "desc") {
			slices.Reverse(ids)
		}
	}
	if ex := parseIDs(sc.attrs["exclude"]); len(ex) > 0 {
		ids = slices.DeleteFunc(ids, func(id int64) bool { return slices.Contains(ex, id) })
	}
	return r.galleryOf(ids, sc.attrs["link"] == "file", "")
}

// galleryOf renders the attachments ids as a gallery, with an optional
// caption for the whole gallery.
func (r *renderer) galleryOf(ids []int64, linkFile bool, caption string) string {
	var atts []Attachment
	for _, id := range ids {
		if a, ok := r.attachment(id); ok {
			atts = append(atts, a)
		}
	}
	if held, ok := r.holdGallery(atts, linkFile, caption); ok { // heldfig.go
		return held
	}
	figures := make([]string, len(atts))
	for i, a := range atts {
		figures[i] = attachmentFigure(a, linkFile)
	}
	return galleryDiv(figures, caption, r)
}

// galleryDiv wraps figures, or notes an empty gallery.
func galleryDiv(figures []string, caption string, r *renderer) string {
	if len(figures) == 0 {
		r.note("empty-gallery", "no images found")
		return ""
	}
	caption = strings.TrimSpace(caption)
	size := len("<div class=\"gallery\">\n<p></p>\n</div>") + len(caption)
	for _, f := range figures {
		size += len(f) + 1
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString("<div class=\"gallery\">\n")
	for _, f := range figures {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	if caption != "" {
		b.WriteString("<p>")
		b.WriteString(caption)
		b.WriteString("</p>\n")
	}
	b.WriteString("</div>")
	return b.String()
}

// attachmentFigure renders one attachment as a figure with its caption.
func attachmentFigure(a Attachment, linkFile bool) string {
	img := `<img src="` + escapeAttr(a.URL) + `" alt="` + escapeAttr(a.Alt) + `">`
	if linkFile {
		img = `<a href="` + escapeAttr(a.URL) + `">` + img + `</a>`
	}
	fig := "<figure>" + img
	if c := strings.TrimSpace(a.Caption); c != "" {
		fig += "<figcaption>" + c + "</figcaption>"
	}
	return fig + "</figure>"
}

// itemID is the ID of the item being rendered (0 without one).
func (r *renderer) itemID() int64 {
	if r.it == nil {
		return 0
	}
	return r.it.ID
}

// attachment looks an attachment up, noting it when it is missing.
func (r *renderer) attachment(id int64) (Attachment, bool) {
	if r.c != nil && r.c.site != nil {
		if a, ok := r.c.site.Attachments[id]; ok && a.URL != "" {
			if a.ID == 0 {
				a.ID = id
			}
			return a, true
		}
	}
	r.note("missing-attachment", strconv.FormatInt(id, 10))
	return Attachment{}, false
}

// attached returns the IDs of the attachments of parent whose URL passes
// keep, ordered by menu order, then ID.
func (r *renderer) attached(parent int64, keep func(string) bool) []int64 {
	if r.c == nil || r.c.site == nil || parent == 0 {
		return nil
	}
	var list []Attachment
	for id, a := range r.c.site.Attachments {
		if a.Parent == parent && keep(a.URL) {
			if a.ID == 0 {
				a.ID = id
			}
			list = append(list, a)
		}
	}
	slices.SortFunc(list, func(x, y Attachment) int {
		if x.MenuOrder != y.MenuOrder {
			return x.MenuOrder - y.MenuOrder
		}
		return int(x.ID - y.ID)
	})
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids
}

// parseIDs reads a comma-separated list of attachment IDs.
func parseIDs(s string) []int64 {
	var ids []int64
	for _, f := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// mediaKind tells images, audio and video apart by file extension (the
// export has no MIME type).
func mediaKind(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	switch strings.ToLower(path.Ext(u)) {
	case ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif", ".bmp", ".svg", ".tif", ".tiff", ".heic", ".ico":
		return "image"
	case ".mp3", ".ogg", ".oga", ".flac", ".m4a", ".wav", ".wma", ".aac", ".opus":
		return "audio"
	case ".mp4", ".m4v", ".webm", ".ogv", ".flv", ".wmv", ".mov", ".avi", ".3gp":
		return "video"
	}
	return ""
}

func isImageURL(u string) bool { return mediaKind(u) == "image" }
func isAudioURL(u string) bool { return mediaKind(u) == "audio" }
func isVideoURL(u string) bool { return mediaKind(u) == "video" }
