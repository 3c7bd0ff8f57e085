package verify

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/wpexit/wpexit/convert"
)

// Resolver maps a content file named in a relref ("posts/x.md", no
// fragment) to the page's canonical link form: the CLI answers the page's
// old URL (its plan's URL). ok is false when no page has that file.
type Resolver func(file string) (url string, ok bool)

// resolveRef maps a relref argument ("posts/x.md#frag") through resolve.
// An unknown file stays "relref:" + the argument, which matches nothing.
func resolveRef(resolve Resolver, arg string) string {
	file, frag, hasFrag := strings.Cut(arg, "#")
	if resolve == nil {
		return arg
	}
	u, ok := resolve(file)
	if !ok {
		return "relref:" + arg
	}
	if hasFrag {
		u += "#" + frag
	}
	return u
}

// LinkKey returns the key function for the WordPress side (Side.WithURLs):
// each stored URL goes through link, the mapper the converter used, and
// comes out as the converter wrote it, so it can be compared with the Hugo
// side. A page answer (convert.LinkPage) becomes resolve(file) plus its
// fragment, as FromMarkdown makes of the relref; a media answer its new
// path; a kept one its Dest (the URL as stored, or an archive's
// root-relative old path); a missing one the URL as stored. A nil link keeps
// every URL.
func LinkKey(link func(raw string) convert.Link, resolve Resolver) func(raw string) string {
	return func(raw string) string {
		if link == nil {
			return raw
		}
		l := link(raw)
		switch {
		case l.Dest == "":
			return raw
		case l.Kind == convert.LinkPage:
			return resolveRef(resolve, l.Dest)
		case l.Kind == convert.LinkMedia, l.Kind == convert.LinkKeep:
			return l.Dest // kept: as written, or an archive's old path
		}
		return raw
	}
}

// canonLink is the form links are compared in: trimmed, percent-encoding
// decoded (goldmark encodes what WordPress stored raw), and a trailing
// "#" dropped.
func canonLink(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "%") {
		s = unescapePercent(s)
	}
	return strings.TrimSuffix(s, "#")
}

// videoPlayer matches the YouTube and Vimeo URLs a player is made for.
var (
	youtubeURL = regexp.MustCompile(`^(?:https?:)?//(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|watch\?(?:.*&)?v=)|youtu\.be/)([A-Za-z0-9_-]+)`)
	vimeoURL   = regexp.MustCompile(`^(?:https?:)?//(?:player\.)?vimeo\.com/(?:video/)?([0-9]+)`)
)

// canonMedia is the form media sources are compared in: canonLink, and a
// YouTube or Vimeo player reduced to "youtube:ID" or "vimeo:ID" (Hugo's
// shortcodes add their own query parameters; the converter keeps only the
// video and its start).
func canonMedia(s string) string {
	s = canonLink(s)
	if m := youtubeURL.FindStringSubmatch(s); m != nil {
		return "youtube:" + m[1]
	}
	if m := vimeoURL.FindStringSubmatch(s); m != nil {
		return "vimeo:" + m[1]
	}
	return s
}

// unescapePercent decodes every valid %XX escape and keeps anything else.
func unescapePercent(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
