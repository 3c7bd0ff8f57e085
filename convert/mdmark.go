package convert

// mdMarkIdle reports whether the escape marker before s[i], a character of
// mdEscapedChars in a text node's content, is one that UnEscapeContent
// drops in every page the text can end up in: no unescaper of newMarkdown
// acts on the character there. Leaving it out gives the same Markdown.
//
// The unescapers (CommonMark's, strikethrough's, mdUnEscapeClosing) act on
// these characters only:
//
//   - "." and ")" that follow a digit and come before a space or the end
//     (ordered list);
//   - "-", "+" and "=" with nothing but spaces (and markers) between them
//     and the start of their line (list, divider, setext heading);
//   - "!" right before "[" (image);
//
// and on "$", "(", '"' and "'" never. Every unescaper skips markers when
// it looks at the characters around, so a marker left out changes no other
// decision. Other code that reads markers reads other characters': "]" in
// link text (CommonMark), "|" (tables), "*" (mdStarEdges), and "#", whose
// marker stays everywhere: the heading renderer turns the byte before a
// "#" that ends a heading into a backslash, taking it for the marker.
//
// Only a marker between two bytes of the same text is left out, so the
// first and last bytes of a text's Markdown stay as the library makes them
// for the renderers that look at them. The neighbour that decides is a
// printable ASCII byte other than a space, which nothing later removes or
// turns into a digit, a space, a newline or "[" ("<" and ">" become
// entities, "&" first and ";" last). TestMDBaseMarks, FuzzMDBaseMarks and
// the conversion tests hold the rules to the library's.
func mdMarkIdle(s string, i int) bool {
	if i == 0 {
		return false
	}
	switch s[i] {
	case '$', '(', '"', '\'':
		return true
	case '.', ')':
		p := s[i-1]
		return mdGraphic(p) && (p < '0' || p > '9') || i+1 < len(s) && mdGraphic(s[i+1])
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
