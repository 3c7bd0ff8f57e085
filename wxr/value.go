package wxr

import (
	"bytes"
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

// plainInt reads a value that is an optional sign and at most 18 digits,
// with space around it, as parseInt(scalar(v)) would; false for anything
// else (which the string path then reads, with its warnings).
func plainInt(v []byte) (int64, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return 0, true
	}
	neg := false
	if v[0] == '-' || v[0] == '+' {
		neg, v = v[0] == '-', v[1:]
	}
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// plainDate reads a "YYYY-MM-DD hh:mm:ss" value whose day is at most 28
// (valid in every month), as parseDate(scalar(v)) would; false for
// anything else, which parseDate then reads.
func plainDate(v []byte) (time.Time, bool) {
	v = bytes.TrimSpace(v)
	if len(v) != 19 || v[4] != '-' || v[7] != '-' || v[10] != ' ' || v[13] != ':' || v[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		x := 0
		for _, c := range v[i : i+n] {
			if c < '0' || c > '9' {
				return -1
			}
			x = x*10 + int(c-'0')
		}
		return x
	}
	y, mo, d, h, mi, s := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC), true
}
