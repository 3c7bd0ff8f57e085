package convert

// mdMarkIdle reports whether the escape marker before s[i], a character of
// mdEscapedChars in a text node's content, is one that UnEscapeContent
// drops in every page the text can end up in: no unescaper of newMarkdown
// acts on the character there. Leaving it out gives the same Markdown.
//
// The unescapers (CommonMark's, strikethrough's, mdUnEscapeClosing) act on
// these characters only:
//
//   - "." and ")" that follow a digit (ordered list);
//   - "-", "+" and "=" with nothing but spaces (and markers) between them
//     and the start of their line (list, divider, setext heading);
//   - "!" right before "[" (image).
//
// and "$", "(", '"' and "'" never. ("#" keeps its marker everywhere: the
// CommonMark heading renderer turns the byte before a "#" that ends a
// heading into a backslash, taking it for the marker.) Every unescaper skips markers when it
// looks at the characters around, so a marker left out changes no other
// decision; other code that reads markers (CommonMark's link text "]", the
// table plugin's "|", mdStarEdges's "*") reads other characters'. Only a
// marker between two characters of the same text node is left out: the
// first and last bytes of a text's Markdown stay as the library makes them,
// for the renderers that look at them. The neighbour that decides is a
// printable ASCII byte other than a space, which nothing later removes or
// turns into a digit, a space or a newline ("<" and ">" become entities
// ending in ";").
func mdMarkIdle(s string, i int) bool {
	if i == 0 {
		return false
	}
	switch s[i] {
	case '$', '(', '"', '\'':
		return true
	case '.', ')':
		p := s[i-1]
		return mdGraphic(p) && (p < '0' || p > '9')
	case '-', '+', '=':
		return mdGraphic(s[i-1])
	case '!':
		return i+1 < len(s) && mdGraphic(s[i+1]) && s[i+1] != '['
	}
	return false
}

// mdGraphic reports whether b is a printable ASCII byte other than space.
func mdGraphic(b byte) bool {
	return b > ' ' && b < 0x7f
}
