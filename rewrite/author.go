package rewrite

import "strings"

// Author archives. WordPress lists a user's published posts at
// /author/<nicename>/, where the nicename is the login made into a slug
// when the user is created. The export holds logins but no nicenames, so
// the nicename is made again from the login, by the rules WordPress's
// sanitize_title applies to the characters a login may hold. Only logins
// the channel's author list names count: in WXR 1.0 (no author list)
// dc:creator holds the display name, from which no nicename follows.

// maxNicename is how much of a login WordPress keeps for the nicename.
const maxNicename = 50

// addAuthor records the author of a published post by login.
func (a *archives) addAuthor(login string) {
	if login == "" || !a.logins[login] {
		return
	}
	if n := nicename(login); n != "" {
		if _, ok := a.authors[n]; !ok {
			a.authors[n] = strings.Clone(login)
		}
	}
}

// nicename makes the URL slug WordPress derives from a login: its first 50
// characters, lower-cased; "." and white space become "-"; of the rest only
// a-z, 0-9, "_", "-" and "%" stay; runs of "-" become one and none stays at
// either end. A login with other than ASCII characters gives "": WordPress
// encodes those in ways not worth guessing at, and logins rarely hold them.
func nicename(login string) string {
	if len(login) > maxNicename {
		login = login[:maxNicename]
	}
	var b strings.Builder
	dash := false
	for i := 0; i < len(login); i++ {
		c := login[i]
		switch {
		case c >= 0x80:
			return ""
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '.' || c == ' ' || c == '\t' || c == '\n' || c == '-':
			dash = true
			continue
		case !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '%'):
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteByte(c)
	}
	return b.String()
}
