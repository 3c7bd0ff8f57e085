package convert

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlTokens splits HTML into the tokens html.Tokenizer gives for it, read
// straight from a string, for htmlTree. It reads a restricted part of HTML
// and answers tokUnsure for the rest; htmlTree then gives up and the caller
// runs html.Parse. What it reads:
//
//   - text up to a "<" followed by a letter, "/", "!" or "?" (any other "<"
//     is text), with CR and CRLF turned into LF and character references
//     decoded;
//   - start tags "<name attr... >" and "<name attr.../>": names of letters,
//     digits and "-_:.", lower-cased; attributes with no value, or one that
//     is quoted or unquoted, of which the first of each (lower-cased) key is
//     kept, as the tokenizer keeps it;
//   - end tags "</name>", white space allowed before the ">";
//   - comments "<!--...-->", and the short "<!-->" and "<!--->";
//   - the raw text of an iframe, up to its end tag.
//
// It is unsure of everything else: a NUL anywhere, "<?", "<!" but a
// comment, "</" not followed by a letter, any other "/" in a tag, a key
// starting with "=" or holding a quote or "<", "=" with no value, input
// that ends inside a tag or comment, a comment with "--!", the raw-text
// and RCDATA elements other than iframe (script, style, title, textarea,
// xmp, noembed, noframes, noscript, plaintext) and an iframe not closed by
// a plain "</iframe".
//
// Text, comments and attribute values with no CR and no "&" are slices of
// src, not copies.
type htmlTokens struct {
	src  string
	pos  int  // the next token starts here
	raw  bool // the next token is an iframe's raw text
	text string
	name []byte           // the tag's name, lower-cased
	attr []html.Attribute // the start tag's attributes
	key  []byte           // a lower-cased key's buffer
}

// htmlTokenKind is the kind of token htmlTokens.next read.
type htmlTokenKind uint8

const (
	tokEOF         htmlTokenKind = iota // the input's end
	tokText                             // text in htmlTokens.text
	tokComment                          // a comment, its data in htmlTokens.text
	tokStart                            // a start tag, in name and attr
	tokSelfClosing                      // a start tag written "<name/>"
	tokEnd                              // an end tag, its name in name
	tokUnsure                           // something htmlTokens does not read
)

// next reads the next token.
func (t *htmlTokens) next() htmlTokenKind {
	if t.pos >= len(t.src) {
		return tokEOF
	}
	if t.raw {
		t.raw = false
		if k := t.rawText(); k != tokEOF {
			return k
		}
	}
	s := t.src[t.pos:]
	if len(s) < 2 || s[0] != '<' || !markupStart(s[1]) {
		return t.readText()
	}
	switch c := s[1]; {
	case c == '/':
		return t.endTag()
	case c == '!':
		return t.comment()
	case c == '?':
		return tokUnsure
	}
	return t.startTag()
}

// markupStart reports whether c after a "<" starts a tag or comment.
func markupStart(c byte) bool {
	return isLetter(c) || c == '/' || c == '!' || c == '?'
}

// readText reads text up to the next tag or comment.
func (t *htmlTokens) readText() htmlTokenKind {
	start, i := t.pos, t.pos+1
	for {
		j := strings.IndexByte(t.src[i:], '<')
		if j < 0 {
			i = len(t.src)
			break
		}
		i += j
		if i+1 < len(t.src) && markupStart(t.src[i+1]) {
			break
		}
		i++
	}
	t.pos = i
	t.text = htmlText(t.src[start:i])
	return tokText
}

// htmlText decodes text as Tokenizer.Text does: newlines, then character
// references.
func htmlText(s string) string {
	s = crlfToLF(s)
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// crlfToLF turns CRLF and CR into LF, as the tokenizer does to every token.
func crlfToLF(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// rawText reads an iframe's text up to its end tag; tokEOF when the end
// tag follows at once (no text, no token).
func (t *htmlTokens) rawText() htmlTokenKind {
	s := t.src[t.pos:]
	end := 0
	for {
		j := strings.Index(s[end:], "</")
		if j < 0 {
			return tokUnsure
		}
		end += j
		// (EqualFold's only non-ASCII folds to ASCII are to k and s.)
		if rest := s[end+2:]; len(rest) > len("iframe") && strings.EqualFold(rest[:len("iframe")], "iframe") &&
			tagNameEnd(rest[len("iframe")]) {
			break
		}
		end += 2
	}
	if end == 0 {
		return tokEOF
	}
	t.pos += end
	t.text = crlfToLF(s[:end])
	return tokText
}

// comment reads "<!--" up to "-->".
func (t *htmlTokens) comment() htmlTokenKind {
	s := t.src[t.pos:]
	if !strings.HasPrefix(s, "<!--") {
		return tokUnsure // a doctype, CDATA or a bogus comment
	}
	s = s[len("<!--"):]
	switch {
	case strings.HasPrefix(s, ">"):
		t.pos += len("<!-->")
		t.text = ""
		return tokComment
	case strings.HasPrefix(s, "->"):
		t.pos += len("<!--->")
		t.text = ""
		return tokComment
	}
	end := strings.Index(s, "-->")
	if end < 0 || strings.Contains(s[:end], "--!") {
		return tokUnsure
	}
	t.pos += len("<!--") + end + len("-->")
	t.text = htmlText(s[:end])
	return tokComment
}

// endTag reads "</name>".
func (t *htmlTokens) endTag() htmlTokenKind {
	i := t.pos + 2
	if i >= len(t.src) || !isLetter(t.src[i]) {
		return tokUnsure
	}
	i, ok := t.tagName(i)
	if i = skipHTMLSpace(t.src, i); !ok || i >= len(t.src) || t.src[i] != '>' {
		return tokUnsure
	}
	t.pos = i + 1
	return tokEnd
}

// tagName reads the name that starts at i into t.name and returns where it
// ends; ok false for a byte htmlTokens does not take in a name, or the
// end of input.
func (t *htmlTokens) tagName(i int) (int, bool) {
	t.name = t.name[:0]
	for ; i < len(t.src) && !tagNameEnd(t.src[i]); i++ {
		c := t.src[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_', c == ':', c == '.':
		default:
			return i, false
		}
		t.name = append(t.name, c)
	}
	return i, i < len(t.src)
}

// skipHTMLSpace returns the first index from i on that is not white space.
func skipHTMLSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// tagNameEnd reports whether c ends a tag name.
func tagNameEnd(c byte) bool {
	return isSpace(c) || c == '/' || c == '>'
}

// startTag reads a start tag and its attributes.
func (t *htmlTokens) startTag() htmlTokenKind {
	i, ok := t.tagName(t.pos + 1)
	if !ok || rawTextTag(t.name) {
		return tokUnsure
	}
	t.attr = t.attr[:0]
	for {
		if i = skipHTMLSpace(t.src, i); i >= len(t.src) {
			return tokUnsure
		}
		switch t.src[i] {
		case '>':
			t.pos = i + 1
			t.raw = string(t.name) == "iframe"
			return tokStart
		case '/':
			if i+1 < len(t.src) && t.src[i+1] == '>' {
				t.pos = i + 2
				t.raw = string(t.name) == "iframe"
				return tokSelfClosing
			}
			return tokUnsure
		}
		if i, ok = t.attribute(i); !ok {
			return tokUnsure
		}
	}
}

// rawTextTag reports whether the tokenizer reads what follows the start
// tag name as raw text or RCDATA (iframe aside).
func rawTextTag(name []byte) bool {
	switch string(name) {
	case "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "noscript", "plaintext":
		return true
	}
	return false
}

// attribute reads the attribute that starts at i, adds it to t.attr
// unless its key is there already, and returns where it ends.
func (t *htmlTokens) attribute(i int) (int, bool) {
	start := i
	for ; i < len(t.src) && !attrKeyEnd(t.src[i]); i++ {
		switch t.src[i] {
		case '"', '\'', '<':
			return i, false
		}
	}
	if i == start || i == len(t.src) {
		return i, false
	}
	key := t.src[start:i]
	val := ""
	if j := skipHTMLSpace(t.src, i); j < len(t.src) && t.src[j] == '=' {
		var ok bool
		if i, val, ok = t.attrValue(skipHTMLSpace(t.src, j+1)); !ok {
			return i, false
		}
	}
	t.addAttr(key, val)
	return i, true
}

// attrKeyEnd reports whether c ends an attribute's key.
func attrKeyEnd(c byte) bool {
	return c == '=' || tagNameEnd(c)
}

// attrValue reads the value that starts at i, quoted or not.
func (t *htmlTokens) attrValue(i int) (end int, val string, ok bool) {
	if i >= len(t.src) {
		return i, "", false
	}
	switch q := t.src[i]; q {
	case '>':
		return i, "", false
	case '"', '\'':
		j := strings.IndexByte(t.src[i+1:], q)
		if j < 0 {
			return i, "", false
		}
		return i + 1 + j + 1, attrText(t.src[i+1 : i+1+j]), true
	}
	j := i
	for j < len(t.src) && t.src[j] != '>' && !isSpace(t.src[j]) {
		j++
	}
	if j == len(t.src) {
		return j, "", false
	}
	return j, attrText(t.src[i:j]), true
}

// addAttr adds an attribute, its key lower-cased, unless one with the key
// is there already: the tokenizer keeps the first.
func (t *htmlTokens) addAttr(key, val string) {
	t.key = t.key[:0]
	upper := false
	for i := range len(key) {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		t.key = append(t.key, c)
	}
	for _, a := range t.attr {
		if a.Key == string(t.key) {
			return
		}
	}
	if a := atom.Lookup(t.key); a != 0 {
		key = a.String()
	} else if upper {
		key = string(t.key)
	}
	t.attr = append(t.attr, html.Attribute{Key: key, Val: val})
}
