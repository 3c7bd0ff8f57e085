package convert

import "strings"

// PlainURLPath is the path of an absolute http(s) URL made only of plain
// ASCII: a lower-case scheme, a host of letters, digits, dots and dashes,
// and a path of characters that need no escaping, with no port, user,
// query or fragment. For such a URL net/url's Parse gives this path and
// String gives the URL back unchanged; ok is false for every other string,
// which the caller hands to net/url. It lets the first pass skip net/url
// for the permalinks and media URLs of most posts.
func PlainURLPath(s string) (path string, ok bool) {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return "", false
		}
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		slash = len(rest)
	}
	host, path := rest[:slash], rest[slash:]
	if host == "" || !allBytes(host, plainHostByte) || !allBytes(path, plainPathByte) {
		return "", false
	}
	return path, true
}

// allBytes reports whether every byte of s is one that ok accepts.
func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func plainHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// plainPathByte accepts what net/url leaves unescaped in a path.
func plainPathByte(c byte) bool {
	return plainHostByte(c) || strings.IndexByte("/_~$&+,;=:@", c) >= 0
}
