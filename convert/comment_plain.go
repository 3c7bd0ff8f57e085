package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainProse is what the comment pipeline (commentBody) and the page
// pipeline (Convert: the render stage, then the Markdown stage, less the
// final newline) make of content when content is plain prose, without
// running them, and reports whether it is. Most comments are, and short
// pages often: a few sentences in paragraphs. Plain prose here means
// paragraphs separated by one blank line, of lines that start with a
// letter and hold only ASCII letters and digits, single spaces inside the
// line, the punctuation , . ; : ? ! ' " ( ) - and printable characters
// beyond ASCII but white space: nothing either pipeline would turn into
// markup, a link or an embed (no "/"), a shortcode (no "["), an escape
// (the library escapes ASCII only, and these only at the start of a line)
// or other white space. Both make each paragraph a Markdown paragraph and
// each line break inside one a hard break (a trailing backslash).
// TestPlainProseCorpus, TestPlainProseSamples and FuzzPlainProse compare
// this with both pipelines.
func plainProse(content string) (string, bool) {
	if content == "" || !utf8.ValidString(content) {
		return "", false
	}
	breaks := 0 // line breaks inside paragraphs
	lineStart := true
	for i := 0; i < len(content); {
		c := content[i]
		if lineStart {
			r, _ := utf8.DecodeRuneInString(content[i:])
			if !unicode.IsLetter(r) {
				return "", false
			}
			lineStart = false
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(content[i:])
			if !unicode.IsPrint(r) || unicode.IsSpace(r) {
				return "", false
			}
			i += n
			continue
		}
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ':
			// not at the end of a line, nor two
			if i+1 == len(content) || content[i+1] == ' ' || content[i+1] == '\n' {
				return "", false
			}
		case c == '\n':
			// after text: the line is not empty, nor the last
			if i+1 == len(content) {
				return "", false
			}
			if content[i+1] == '\n' {
				i++ // a paragraph break: one blank line, then text
				if i+1 == len(content) || content[i+1] == '\n' {
					return "", false
				}
			} else {
				breaks++
			}
			lineStart = true
		case strings.IndexByte(",.;:?!'\"()-", c) >= 0:
		default:
			return "", false
		}
		i++
	}
	if breaks == 0 {
		return content, true
	}
	var b strings.Builder
	b.Grow(len(content) + breaks)
	for {
		i := strings.IndexByte(content, '\n')
		if i < 0 {
			b.WriteString(content)
			return b.String(), true
		}
		b.WriteString(content[:i])
		if content[i+1] == '\n' {
			b.WriteString("\n\n")
			content = content[i+2:]
			continue
		}
		b.WriteString("\\\n")
		content = content[i+1:]
	}
}
