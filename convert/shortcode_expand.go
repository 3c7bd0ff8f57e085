package convert

import (
	"bytes"
	"strings"
)

// knownShortcodes are the shortcodes wpexit expands (code shortcodes are
// lifted out earlier, see lift).
var knownShortcodes = map[string]bool{
	"caption": true, "wp_caption": true, "gallery": true,
	"embed": true, "youtube": true, "vimeo": true, "tweet": true, "gist": true,
	"audio": true, "video": true, "playlist": true,
}

// otherShortcodes are shortcodes of WordPress.com, Jetpack and common
// plugins that wpexit does not expand. They are reported even when they
// carry no name=value attribute, which is how other unknown shortcodes are
// told from ordinary bracketed text such as "[sic]".
var otherShortcodes = map[string]bool{
	"archiveorg": true, "archives": true, "bandcamp": true, "brightcove": true, "codepen": true,
	"contact-form": true, "contact-form-7": true, "contact-field": true, "crowdsignal": true,
	"dailymotion": true, "digg": true, "facebook": true, "flickr": true, "getty": true,
	"googleapps": true, "googledocs": true, "googlemaps": true, "googlevideo": true, "instagram": true,
	"kickstarter": true, "livestream": true, "mailchimp": true, "medium": true, "mixcloud": true,
	"nggallery": true, "ngg": true, "pinterest": true, "polldaddy": true, "presentation": true,
	"quiz": true, "recipe": true, "scribd": true, "slide": true, "slideshare": true, "slideshow": true,
	"soundcloud": true, "spotify": true, "ted": true, "twitch": true, "twitchtv": true,
	"twitter-timeline": true, "ustream": true, "videopress": true, "wpvideo": true,
	"blip.tv": true, "sitemap": true, "wufoo": true, "office": true, "scribd-doc": true,
}

// blockShortcodes render as block elements: a paragraph holding only one of
// them loses its <p>, as shortcode_unautop does.
var blockShortcodes = map[string]bool{"caption": true, "wp_caption": true, "gallery": true, "playlist": true}

// encloses reports whether a recognised shortcode may take content.
func encloses(name string) bool { return knownShortcodes[name] || isCodeTag(name) }

// recognised reports whether a name is one wpexit parses as a shortcode.
func recognised(name string) bool { return encloses(name) || otherShortcodes[name] }

// unknownShortcode reports whether sc, found in s, is an unknown
// shortcode: a lower-case name that is a known plugin shortcode, or that has
// name=value attributes (and no markup in its opener), or that is closed by
// "[/name]" later on.
func unknownShortcode(s string, sc shortcode) bool {
	if encloses(sc.name) || sc.name[0] < 'a' || sc.name[0] > 'z' {
		return false
	}
	if otherShortcodes[sc.name] {
		return true
	}
	if strings.ContainsAny(s[sc.start:sc.openEnd], "<>") {
		return false // prose in brackets running into markup, not attributes
	}
	return len(sc.attrs) > 0 || strings.Contains(s[sc.openEnd:], "[/"+sc.name+"]")
}

// standalone reports whether an autop chunk is a single shortcode that
// renders as a block, so it gets no <p> and no <br />.
func (r *renderer) standalone(chunk string) bool {
	if chunk[0] != '[' {
		return false
	}
	sc, ok := parseShortcode(chunk, 0, encloses)
	if !ok || sc.end != len(chunk) {
		return false
	}
	switch {
	case blockShortcodes[sc.name]:
		return true
	case sc.name == "embed":
		return isPlayerURL(stripTags(sc.content))
	case sc.name == "youtube" || sc.name == "vimeo":
		return isPlayerURL(embedShortcodeURL(sc))
	}
	return false
}

// expand expands the shortcodes in rendered HTML. Escaped uses lose one
// pair of brackets; unknown shortcodes stay as written and are noted. Tags,
// comments and inline <code> are left alone. A <p> wrapped tightly around a
// shortcode that renders as a block is dropped.
func (r *renderer) expand(s string) string {
	if !strings.ContainsRune(s, '[') {
		return s
	}
	// b stays nil until the first shortcode is expanded (until then the
	// output is s up to where the loop is); s itself is returned when none
	// is.
	var b []byte
	put := func(t string) {
		if b != nil {
			b = append(b, t...)
		}
	}
	change := func(j int) {
		if b == nil {
			b = append(make([]byte, 0, len(s)+len(s)/4), s[:j]...)
		}
	}
	marks := newMarkFinder(s)
	for i := 0; i < len(s); {
		j := marks.next(i)
		if j < 0 {
			put(s[i:])
			break
		}
		put(s[i:j])
		if s[j] == '<' {
			end := skipMarkup(s, j)
			put(s[j:end])
			i = end
			continue
		}
		if end, ok := escapedShortcode(s, j, recognised); ok {
			change(j)
			b = append(b, s[j+1:end-1]...)
			i = end
			continue
		}
		sc, ok := parseShortcode(s, j, encloses)
		switch {
		case ok && knownShortcodes[sc.name]:
			change(j)
			out := r.shortcodeHTML(s, sc)
			i = sc.end
			switch {
			case isBlockHTML(out):
				b, out, i = placeBlock(b, out, s, i)
			case out == "":
				if k, found := tightP(b, s, i); found { // nothing left to show
					b, i = b[:k], i+skipClosingP(s[i:])
				}
			}
			b = append(b, out...)
			continue
		case ok && unknownShortcode(s, sc):
			r.note("unknown-shortcode", sc.name)
		}
		put("[")
		i = j + 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// placeBlock keeps a shortcode that renders as a block out of paragraphs:
// a <p> wrapped tightly around it is dropped; a paragraph it sits inside is
// closed before it and opened again after it. b is the output so far, s[i:]
// the text after the shortcode.
func placeBlock(b []byte, out, s string, i int) ([]byte, string, int) {
	if k, found := tightP(b, s, i); found {
		return b[:k], out, i + skipClosingP(s[i:])
	}
	if !insideP(b) {
		return b, out, i
	}
	b = trimBreakSuffix(b)
	if bytes.HasSuffix(b, []byte("<p>")) {
		b = b[:len(b)-3]
	} else {
		out = "</p>\n" + out
	}
	if n := skipClosingP(s[i:]); n > 0 {
		return b, out, i + n
	}
	rest := strings.TrimLeft(s[i:], " \t")
	if strings.HasPrefix(rest, "<br />") {
		i += len(s[i:]) - len(rest) + len("<br />")
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return b, out + "\n<p>", i
}

// insideP reports whether the output so far has an open <p>. It looks back
// only to the nearest block tag, so it costs the length of one paragraph.
func insideP(b []byte) bool {
	for k := len(b); ; {
		k = bytes.LastIndexByte(b[:k], '<')
		if k < 0 {
			return false
		}
		name, closing, _, ok := tagAt(string(b[k:min(len(b), k+16)])+">", 0)
		if ok && isBlockTag(name) {
			return name == "p" && !closing
		}
	}
}

// trimBreakSuffix drops white space and a <br /> from the end of b.
func trimBreakSuffix(b []byte) []byte {
	b = bytes.TrimRight(b, " \t\n")
	b = bytes.TrimSuffix(b, []byte("<br />"))
	return bytes.TrimRight(b, " \t\n")
}

// tightP reports whether the output so far ends in "<p>" (white space
// allowed) and s[i:] starts with "</p>", and returns where the "<p>" starts.
func tightP(b []byte, s string, i int) (int, bool) {
	k := len(b)
	for k > 0 && isSpace(b[k-1]) {
		k--
	}
	if k < 3 || string(b[k-3:k]) != "<p>" {
		return 0, false
	}
	return k - 3, skipClosingP(s[i:]) > 0
}

// skipClosingP returns the length of white space and "</p>" at the start
// of s, or 0.
func skipClosingP(s string) int {
	t := strings.TrimLeft(s, " \t\n")
	if !strings.HasPrefix(t, "</p>") {
		return 0
	}
	return len(s) - len(t) + 4
}

// isBlockHTML reports whether rendered HTML starts with a block element.
func isBlockHTML(h string) bool {
	if h == "" || h[0] != '<' {
		return false
	}
	name, closing, _, ok := tagAt(h, 0)
	return ok && !closing && isBlockTag(name)
}

// shortcodeHTML renders one known shortcode; s is the text it was found in.
func (r *renderer) shortcodeHTML(s string, sc shortcode) string {
	switch sc.name {
	case "caption", "wp_caption":
		return r.captionHTML(sc)
	case "gallery":
		return r.galleryHTML(sc)
	case "embed":
		u := strings.TrimSpace(stripTags(sc.content)) // the editor may have linked the URL
		if u == "" {
			u = sc.attr("url", "src")
		}
		return embedHTML(u)
	case "youtube", "vimeo", "tweet", "gist":
		return embedHTML(embedShortcodeURL(sc))
	case "audio", "video":
		return r.mediaHTML(sc)
	case "playlist":
		return r.playlistHTML(sc)
	}
	return s[sc.start:sc.end]
}

// scanShortcodes calls f with the name of each shortcode use in content,
// outside markup, inline <code> and the content of code shortcodes.
func scanShortcodes(s string, f func(name string)) {
	marks := newMarkFinder(s)
	for i := 0; i < len(s); {
		j := marks.next(i)
		if j < 0 {
			return
		}
		if s[j] == '<' {
			i = skipMarkup(s, j)
			continue
		}
		if end, ok := escapedShortcode(s, j, recognised); ok {
			i = end
			continue
		}
		sc, ok := parseShortcode(s, j, encloses)
		switch {
		case ok && isCodeTag(sc.name) && sc.enclosed:
			f(sc.name)
			i = sc.end
			continue
		case ok && (knownShortcodes[sc.name] || unknownShortcode(s, sc)):
			f(sc.name)
			i = sc.openEnd
			continue
		}
		i = j + 1
	}
}
