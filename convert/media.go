package convert

import (
	"html"
	"strings"
)

// captionHTML renders [caption] (and its alias [wp_caption]) as
// <figure>image<figcaption>caption</figcaption></figure>. The caption is
// the text after the (possibly linked) image, or, in the old form, the
// caption attribute; its HTML is kept. Without a caption the figure holds
// the image alone.
func (r *renderer) captionHTML(sc shortcode) string {
	media, text := splitCaption(sc.content)
	if c := sc.attrs["caption"]; c != "" {
		media, text = strings.TrimSpace(sc.content), c
	}
	text = trimBreaks(r.expand(text))
	out := "<figure>" + r.expand(media)
	if text != "" {
		out += "<figcaption>" + text + "</figcaption>"
	}
	return out + "</figure>"
}

// splitCaption splits caption content into the leading image (with the
// link around it, if any) and the caption text after it.
func splitCaption(content string) (media, text string) {
	t := strings.TrimSpace(content)
	i := 0
	if hasTagPrefix(t, "a") {
		if i = tagEnd(t, 0); i < 0 {
			return t, ""
		}
		i = skipSpaces(t, i)
	}
	if !hasTagPrefix(t[i:], "img") {
		return t, ""
	}
	end := tagEnd(t, i)
	if end < 0 {
		return t, ""
	}
	if i > 0 {
		k := skipSpaces(t, end)
		if len(t) < k+4 || !strings.EqualFold(t[k:k+4], "</a>") {
			return t, ""
		}
		end = k + 4
	}
	return t[:end], t[end:]
}

func skipSpaces(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// trimBreaks trims white space and <br /> from both ends of caption HTML.
func trimBreaks(s string) string {
	for {
		t := strings.TrimSpace(s)
		t = strings.TrimPrefix(t, "<br />")
		t = strings.TrimSuffix(t, "<br />")
		if t == s {
			return t
		}
		s = t
	}
}

// audioKeys and videoKeys are the attributes [audio] and [video] take a
// source from, in order.
var (
	audioKeys = []string{"src", "mp3", "ogg", "flac", "m4a", "wav", "wma"}
	videoKeys = []string{"src", "mp4", "m4v", "webm", "ogv", "flv", "wmv"}
)

// mediaHTML renders [audio] and [video] as HTML5 <audio>/<video controls>.
// With no source attribute, the post's first attached file of that kind
// is used, as WordPress does; with none at all the shortcode renders to
// nothing and is noted.
func (r *renderer) mediaHTML(sc shortcode) string {
	keys, kind, keep := audioKeys, "audio", isAudioURL
	if sc.name == "video" {
		keys, kind, keep = videoKeys, "video", isVideoURL
	}
	src := html.UnescapeString(sc.attr(keys...))
	if src == "" {
		if ids := r.attached(r.itemID(), keep); len(ids) > 0 {
			a, _ := r.attachment(ids[0])
			src = a.URL
		}
	}
	if src == "" {
		r.note("empty-media", sc.name)
		return ""
	}
	extra := ""
	if p := sc.attrs["poster"]; p != "" && kind == "video" {
		extra = ` poster="` + escapeAttr(p) + `"`
	}
	return "<" + kind + ` controls src="` + escapeAttr(src) + `"` + extra + "></" + kind + ">"
}

// playlistHTML renders [playlist] as one <audio> or <video> per track.
func (r *renderer) playlistHTML(sc shortcode) string {
	kind, keep := "audio", isAudioURL
	if sc.attrs["type"] == "video" {
		kind, keep = "video", isVideoURL
	}
	ids := parseIDs(sc.attrs["ids"])
	if len(ids) == 0 {
		ids = r.attached(r.itemID(), keep)
	}
	var b strings.Builder
	for _, id := range ids {
		if a, ok := r.attachment(id); ok {
			b.WriteString("<" + kind + ` controls src="` + escapeAttr(a.URL) + `"></` + kind + ">\n")
		}
	}
	if b.Len() == 0 {
		r.note("empty-media", "playlist")
		return ""
	}
	return "<div class=\"playlist\">\n" + b.String() + "</div>"
}
