package convert

import (
	"html"
	"net/url"
	"strings"
)

// embedHTML renders an embedded URL: YouTube and Vimeo videos become player
// iframes (which the Markdown stage turns into Hugo's youtube and vimeo
// shortcodes); anything else becomes a plain link, so nothing is lost.
func embedHTML(raw string) string {
	u := strings.TrimSpace(html.UnescapeString(raw))
	if u == "" {
		return ""
	}
	if id := youtubeID(u); id != "" {
		return `<iframe src="https://www.youtube.com/embed/` + id + `"></iframe>`
	}
	if id := vimeoID(u); id != "" {
		return `<iframe src="https://player.vimeo.com/video/` + id + `"></iframe>`
	}
	return `<a href="` + escapeAttr(u) + `">` + html.EscapeString(u) + `</a>`
}

// isPlayerURL reports whether embedHTML makes a player for the URL.
func isPlayerURL(raw string) bool {
	u := strings.TrimSpace(html.UnescapeString(raw))
	return youtubeID(u) != "" || vimeoID(u) != ""
}

// isPlayerHTML reports whether embedHTML made a player.
func isPlayerHTML(h string) bool { return strings.HasPrefix(h, "<iframe") }

// embedShortcodeURL finds the URL (or bare ID) of [youtube URL],
// [youtube=URL], [vimeo ID w=400], [tweet URL], [gist URL|ID].
func embedShortcodeURL(sc shortcode) string {
	u := sc.attr("url", "id", "tweet", "src")
	if u == "" && len(sc.pos) > 0 {
		u = strings.Trim(strings.TrimPrefix(sc.pos[0], "="), `"'`)
	}
	if u == "" {
		u = strings.TrimSpace(sc.content)
	}
	if strings.Contains(u, "://") {
		return u
	}
	switch sc.name {
	case "youtube":
		if validVideoID(u) {
			return "https://www.youtube.com/watch?v=" + u
		}
	case "vimeo":
		if allDigits(u) {
			return "https://vimeo.com/" + u
		}
	case "gist":
		if u != "" {
			return "https://gist.github.com/" + u
		}
	case "tweet":
		if allDigits(u) {
			return "https://twitter.com/i/status/" + u
		}
	}
	return u
}

// youtubeID returns the video ID of a YouTube URL, or "". It reads
// watch?v=, youtu.be/, /embed/, /v/, /shorts/, /live/ and "#!v=" forms, and
// reads a stray second "?" as "&", as Jetpack does.
func youtubeID(raw string) string {
	if !strings.Contains(raw, "youtu") {
		return ""
	}
	if q := strings.IndexByte(raw, '?'); q >= 0 {
		raw = raw[:q+1] + strings.ReplaceAll(raw[q+1:], "?", "&")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	host = strings.TrimPrefix(host, "m.")
	var id string
	switch host {
	case "youtu.be":
		id = strings.Trim(u.Path, "/")
	case "youtube.com", "youtube-nocookie.com":
		if v := queryValue(u.RawQuery, "v"); v != "" {
			id = v
		} else if strings.HasPrefix(u.Fragment, "!v=") {
			id = u.Fragment[3:]
		} else {
			for _, p := range []string{"/embed/", "/v/", "/shorts/", "/live/"} {
				if strings.HasPrefix(u.Path, p) {
					id = u.Path[len(p):]
				}
			}
		}
	}
	if k := strings.IndexFunc(id, func(r rune) bool { return !isVideoIDRune(r) }); k >= 0 {
		id = id[:k]
	}
	if !validVideoID(id) {
		return ""
	}
	return id
}

// queryValue returns the first value of key in a raw query string.
func queryValue(rawQuery, key string) string {
	for rawQuery != "" {
		var kv string
		kv, rawQuery, _ = strings.Cut(rawQuery, "&")
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			if dv, err := url.QueryUnescape(v); err == nil {
				return dv
			}
			return v
		}
	}
	return ""
}

func isVideoIDRune(r rune) bool {
	return r == '-' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// validVideoID accepts YouTube-like IDs (11 characters today; a little
// slack for old ones).
func validVideoID(id string) bool {
	if len(id) < 6 || len(id) > 16 {
		return false
	}
	for _, r := range id {
		if !isVideoIDRune(r) {
			return false
		}
	}
	return true
}

// vimeoID returns the numeric video ID of a Vimeo URL, or "".
func vimeoID(raw string) string {
	if !strings.Contains(raw, "vimeo.com") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	if host != "vimeo.com" && host != "player.vimeo.com" {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if allDigits(parts[i]) {
			return parts[i]
		}
	}
	return ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// embedHosts are oEmbed providers whose bare URL on its own line WordPress
// would embed. YouTube and Vimeo become players; the others become links.
var embedHosts = []string{
	"twitter.com", "x.com", "instagram.com", "soundcloud.com", "open.spotify.com", "flickr.com",
	"flic.kr", "wordpress.tv", "ted.com", "dailymotion.com", "tiktok.com", "slideshare.net",
	"imgur.com", "reddit.com", "speakerdeck.com", "vine.co", "mixcloud.com", "tumblr.com",
	"scribd.com", "issuu.com", "kickstarter.com", "videopress.com", "animoto.com", "cloudup.com",
}

// isEmbedURL reports whether a bare URL is one WordPress would auto-embed.
func isEmbedURL(raw string) bool {
	if youtubeID(raw) != "" || vimeoID(raw) != "" {
		return true
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Path == "" || u.Path == "/" {
		return false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	for _, h := range embedHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// embedLines turns a known embed URL standing alone on its line (or alone
// in a <p>) into an [embed] shortcode, as WordPress's auto-embed does before
// wpautop.
func embedLines(s string) string {
	if !strings.Contains(s, "http") {
		return s
	}
	// s itself is returned when no line changes.
	out := splice{src: s}
	for at := 0; at < len(s); {
		end := len(s)
		if nl := strings.IndexByte(s[at:], '\n'); nl >= 0 {
			end = at + nl + 1
		}
		line := s[at:end]
		if e := embedLine(line); e != line {
			out.replace(at, end, e)
		}
		at = end
	}
	return out.String()
}

// embedLine rewrites one line (its newline kept) when it is a bare embed
// URL.
func embedLine(line string) string {
	t := strings.TrimSpace(line)
	inP := strings.HasPrefix(t, "<p>") && strings.HasSuffix(t, "</p>")
	if inP {
		t = strings.TrimSpace(t[3 : len(t)-4])
	}
	if !strings.HasPrefix(t, "http") || strings.ContainsAny(t, " \t<>\"[]") || !isEmbedURL(html.UnescapeString(t)) {
		return line
	}
	out := "[embed]" + t + "[/embed]"
	if inP {
		out = "<p>" + out + "</p>"
	}
	if isPlayerURL(t) {
		// A player is a block of its own, even between lines of text.
		out = "\n" + out + "\n"
	}
	if strings.HasSuffix(line, "\n") {
		out += "\n"
	}
	return out
}
