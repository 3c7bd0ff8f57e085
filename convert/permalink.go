package convert

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// permalinkPath returns the path of the item's old permalink for Hugo's url
// front matter: the path of link, percent-decoded to NFC Unicode (Hugo writes
// an encoded alias as a literal "%C3%A9" folder), with its trailing slash or
// ".html" as WordPress served it, cleaned of "//", "." and ".." so it stays
// inside the site. It returns "" for links Hugo cannot serve
// at a path: empty or unparsable links, query forms such as "/?p=123" or
// "/?page_id=7" (drafts, plain permalinks), and the home page itself.
func permalinkPath(link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	if p, ok := PlainURLPath(link); ok {
		return cleanPermalink(p) // no query, plain ASCII: NFC already
	}
	return parsedPermalink(link)
}

// parsedPermalink is permalinkPath of a trimmed link, read by net/url.
func parsedPermalink(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if queryForm(u.Query()) {
		return ""
	}
	p := u.Path
	if !utf8.ValidString(p) || strings.ContainsAny(p, "\x00\r\n") {
		p = u.EscapedPath()
	}
	return cleanPermalink(norm.NFC.String(p))
}

// cleanPermalink is the decoded path p cleaned for permalinkPath: rooted,
// with its trailing slash kept; "" for the home page.
func cleanPermalink(p string) string {
	if p == "" || p == "/" {
		return ""
	}
	c := path.Clean("/" + p)
	switch {
	case c == "/":
		return ""
	case !strings.HasSuffix(p, "/"):
		return c
	case len(p) == len(c)+1 && strings.HasPrefix(p, c):
		return p // clean already: no new string
	}
	return c + "/"
}

// isHomeLink reports whether link is a site's home URL with no query: the
// permalink of a static front page.
func isHomeLink(link string) bool {
	u, err := url.Parse(strings.TrimSpace(link))
	return err == nil && u.Host != "" && (u.Path == "" || u.Path == "/") && u.RawQuery == ""
}

// queryForm reports whether a link's query names the item itself, as
// WordPress's plain and draft links do ("?p=", "?page_id=",
// "?attachment_id=", "?post_type=…&p=", previews).
func queryForm(q url.Values) bool {
	for _, k := range []string{"p", "page_id", "attachment_id", "post_type", "preview", "preview_id"} {
		if q.Has(k) {
			return true
		}
	}
	return false
}
