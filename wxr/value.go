package wxr

import (
	"errors"
	"html"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scalar trims a scalar's text.
func scalar(v string) string { return strings.TrimSpace(v) }

// name trims a title or name and decodes its HTML entities once.
func name(v string) string {
	s := scalar(v)
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// zeroDate is how WordPress writes an unknown date.
const zeroDate = "0000-00-00 00:00:00"

var dateLayouts = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", time.RFC3339, "2006-01-02 15:04", "2006-01-02"}

// parseDate reads a WordPress date as wall time in UTC. Empty and zero
// dates give the zero time without error.
func parseDate(s string) (time.Time, error) {
	if s == "" || s == zeroDate || strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if l == time.RFC3339 {
				return t, nil
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// parseInt reads an integer scalar; empty is 0 without error.
func parseInt(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseInt(s, 10, 64)
}

// decodeSlug percent-decodes a slug to NFC UTF-8. It returns s unchanged
// when s is not validly encoded or does not decode to UTF-8.
func decodeSlug(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		if utf8.ValidString(s) && !isASCII(s) {
			return norm.NFC.String(s)
		}
		return s
	}
	d, err := url.PathUnescape(s)
	if err != nil || !utf8.ValidString(d) {
		return s
	}
	return norm.NFC.String(d)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
