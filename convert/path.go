package convert

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// maxBase is the longest file name (with ".md") a page gets, in bytes. Most
// file systems allow 255; staying well below leaves room for the "-N" of a
// renamed duplicate and for tools that add suffixes.
const maxBase = 120

// windowsReserved are device names Windows refuses as file names, with or
// without an extension.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// reservedBase are base names Hugo gives a meaning of its own: an index.md
// turns its folder into a bundle that swallows the other pages, _index.md is
// a section's list page.
var reservedBase = []string{"index.md", "_index.md"}

// safeSegment turns a decoded slug into one path segment that is safe on
// every common file system and inside a relref: letters and digits of any
// script, "-" and "_" are kept, anything else (slashes, dots, NUL and other
// control characters, spaces, "#", "?", ":" …) becomes "-". Dots go because
// Hugo reads "name.fr.md" as a French translation, and WordPress itself
// turns them into dashes in slugs.
// Leading and trailing dashes and underscores are dropped, and Windows device
// names get a trailing "_". The result may be empty.
func safeSegment(s string, maxLen int) string {
	out := make([]rune, 0, len(s))
	prev := '-'
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_':
		default:
			r = '-'
			if prev == '-' {
				continue
			}
		}
		out = append(out, r)
		prev = r
	}
	return finishSegment(string(out), maxLen)
}

// finishSegment trims and shortens a segment and keeps it off Windows
// device names.
func finishSegment(s string, maxLen int) string {
	out := strings.Trim(s, "-_")
	out = strings.TrimRight(truncateUTF8(out, maxLen, "-"), "-")
	if windowsReserved[strings.ToLower(out)] {
		out += "_"
	}
	return out
}

// withSuffix returns the file name stem+"-n"+".md" (n > 1) or stem+".md",
// shortening stem so the whole name stays within maxBase bytes.
func withSuffix(stem string, n int) string {
	var buf [24]byte
	suffix := appendSuffix(buf[:0], n)
	return truncateUTF8(stem, maxBase-len(suffix), "-.") + string(suffix)
}

// appendSuffix appends the ending of withSuffix: ".md", or "-N.md".
func appendSuffix(b []byte, n int) []byte {
	if n > 1 {
		b = strconv.AppendInt(append(b, '-'), int64(n), 10)
	}
	return append(b, ".md"...)
}

// foldSuffixed is foldName(fold, withSuffix(stem, n)), which it builds
// only when it is not ASCII: the planner asks it for every name it tries.
func foldSuffixed(fold cases.Caser, stem string, n int) uint64 {
	var buf [24]byte
	suffix := appendSuffix(buf[:0], n)
	head := truncateUTF8(stem, maxBase-len(suffix), "-.")
	h, ok := foldASCII(fnvOffset, head)
	if ok {
		h, ok = foldASCII(h, suffix)
	}
	if ok {
		return h
	}
	return foldSlow(fold, head+string(suffix))
}

// foldName is the key two file names collide on: case-insensitive, because
// macOS and Windows fold case by default (full Unicode folding: "ß" and
// "SS" collide). It is a 64-bit hash so that the planner's memory stays small
// on exports of 100,000 posts; a collision (odds about n²/2⁶⁵) would only
// rename a page, with a note. fold is the planner's own folding Caser.
func foldName(fold cases.Caser, base string) uint64 {
	if h, ok := foldASCII(fnvOffset, base); ok {
		return h
	}
	return foldSlow(fold, base)
}

// foldSlow is foldName by the book: NFC, full case folding, FNV-1a.
func foldSlow(fold cases.Caser, base string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(fold.String(norm.NFC.String(base))))
	return h.Sum64()
}

// fnvOffset is the FNV-1a hash of nothing.
const fnvOffset uint64 = 14695981039346656037

// foldASCII continues the FNV-1a hash h of a folded name with the ASCII
// text s, where NFC changes nothing and folding only lowers A-Z, without
// building the lowered bytes. ok is false when s is not all ASCII.
func foldASCII[T string | []byte](h uint64, s T) (uint64, bool) {
	const prime64 = 1099511628211
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime64
	}
	return h, true
}
