package wxr

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Magic bytes of the containers an export arrives in.
var (
	gzipMagic = []byte{0x1f, 0x8b}
	zipMagic  = []byte("PK\x03\x04")
	zipEmpty  = []byte("PK\x05\x06")
)

// sniff looks at the first bytes: it decompresses gzip, decodes UTF-16,
// drops a UTF-8 byte-order mark and refuses a zip (which needs Sources).
func sniff(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 512)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("reading failed: %w", err)
	}
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("a corrupt gzip file: %w", err)
		}
		return sniff(gzipErrors{zr})
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, zipEmpty):
		return nil, errors.New("a zip archive: read it with Sources, which opens each .xml part")
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Reader(br), nil
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	}
	return br, nil
}

var (
	errEmpty      = errors.New("the file is empty")
	errWhitespace = errors.New("the file holds only whitespace")
)

var declaredEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']`)

// declaredCharmap returns the single-byte encoding the XML declaration
// names, or nil for UTF-8, none, or an encoding it does not know.
func declaredCharmap(head []byte) *charmap.Charmap {
	m := declaredEncoding.FindSubmatch(head[:min(len(head), 512)])
	if m == nil {
		return nil
	}
	switch strings.ToLower(string(m[1])) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii":
		return charmap.Windows1252
	case "iso-8859-15", "latin-9":
		return charmap.ISO8859_15
	case "iso-8859-2", "latin2":
		return charmap.ISO8859_2
	case "windows-1250":
		return charmap.Windows1250
	case "windows-1251":
		return charmap.Windows1251
	}
	return nil
}

var htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// checkStart refuses input that is empty, not XML or an HTML page, from
// its first bytes, before anything is parsed.
func checkStart(sc *scanner) error {
	sc.ensure(0, 64<<10)
	head := sc.bytes(0, sc.end)
	if sc.rerr != nil && len(head) == 0 {
		return fmt.Errorf("reading failed: %w", sc.rerr)
	}
	if len(head) == 0 {
		return errEmpty
	}
	rest := bytes.TrimLeft(head, " \t\r\n")
	if len(rest) == 0 && sc.eof {
		return errWhitespace
	}
	if len(rest) > 0 && rest[0] != '<' {
		return fmt.Errorf("not XML: it begins with %s", quoteStart(rest))
	}
	if isHTML(rest) {
		msg := "an HTML page, not a WXR export"
		if m := htmlTitle.FindSubmatch(head); m != nil {
			if t := strings.Join(strings.Fields(html.UnescapeString(string(m[1]))), " "); t != "" {
				msg += fmt.Sprintf(" (titled %q)", t)
			}
		}
		return errors.New(msg + "; was an error or login page saved instead of the export?")
	}
	return nil
}

// isHTML reports whether the document starts like an HTML page.
func isHTML(b []byte) bool {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			b = skipPast(b, "?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			b = skipPast(b, "-->")
		default:
			low := bytes.ToLower(b[:min(len(b), 15)])
			return bytes.HasPrefix(low, []byte("<!doctype html")) || bytes.HasPrefix(low, []byte("<html")) && (len(low) == 5 || strings.ContainsRune(" \t\r\n>", rune(low[5])))
		}
	}
}

func skipPast(b []byte, s string) []byte {
	if i := bytes.Index(b, []byte(s)); i >= 0 {
		return b[i+len(s):]
	}
	return nil
}

func isHTMLName(s string) bool { return strings.EqualFold(s, "html") }

// quoteStart shows the first bytes of something that is not XML.
func quoteStart(b []byte) string {
	b = b[:min(len(b), 16)]
	if utf8.Valid(b) {
		return fmt.Sprintf("%q", b)
	}
	return fmt.Sprintf("bytes % x", b)
}

// gzipErrors names gzip as the cause of a failed read.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	switch {
	case err == io.ErrUnexpectedEOF:
		err = errors.New("the gzip data ends early: the file is truncated")
	case err != nil && err != io.EOF:
		err = fmt.Errorf("the gzip data is corrupt: %w", err)
	}
	return n, err
}
