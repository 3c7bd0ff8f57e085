package convert

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// treeKindOf is how htmlTree treats a tag: the rule html.Parse applies to
// its start tag in body (and, for tables, in the table modes).
type treeKindOf uint8

const (
	treeOther   treeKindOf = iota // any rule htmlTree does not follow: give up
	treePhrase                    // "any other start tag": just inserted
	treeFormat                    // a formatting element (attributes sorted)
	treeVoid                      // inserted and closed at once
	treeBlock                     // closes a p in button scope
	treeHeading                   // a block that also closes a heading
	treeItem                      // li, dd, dt: close an open one
	treeTable                     // a table, not closing a p (quirks mode)
	treeSection                   // thead, tbody, tfoot: only in a table
	treeRow                       // tr: only in a table section
	treeCell                      // td, th: only in a row
	treeRaw                       // iframe: raw text up to its end tag
)

// treeKind returns the kind of a tag; tags that are not atoms are
// treePhrase, as the parser treats them.
func treeKind(a atom.Atom) treeKindOf {
	switch a {
	case 0, atom.Span, atom.Abbr, atom.Acronym, atom.Ruby, atom.Map, atom.Output, atom.Meter, atom.Progress, atom.Cite, atom.Sub, atom.Sup, atom.Mark, atom.Kbd, atom.Samp,
		atom.Var, atom.Q, atom.Dfn, atom.Time, atom.Data, atom.Del, atom.Ins, atom.Bdi, atom.Bdo,
		atom.Label, atom.Audio, atom.Video, atom.Picture, atom.Canvas:
		return treePhrase
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small,
		atom.Strike, atom.Strong, atom.Tt, atom.U:
		return treeFormat
	case atom.Br, atom.Img, atom.Embed, atom.Wbr, atom.Area, atom.Param, atom.Source, atom.Track, atom.Hr:
		return treeVoid
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dir,
		atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header,
		atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Section, atom.Summary,
		atom.Ul, atom.Pre:
		return treeBlock
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return treeHeading
	case atom.Li, atom.Dd, atom.Dt:
		return treeItem
	case atom.Table:
		return treeTable
	case atom.Thead, atom.Tbody, atom.Tfoot:
		return treeSection
	case atom.Tr:
		return treeRow
	case atom.Td, atom.Th:
		return treeCell
	case atom.Iframe:
		return treeRaw
	}
	return treeOther
}

// treeSpecial reports whether an element htmlTree keeps open is in the
// parser's "special" category (all but phrase and formatting ones: the
// blocks are chosen so; search and dialog, which are not, are left out).
func treeSpecial(a atom.Atom) bool {
	k := treeKind(a)
	return k != treePhrase && k != treeFormat
}

// allowed reports whether a start tag of kind k and atom a, under the
// element top, is only appended to top by the parser.
func (b *treeBuilder) allowed(k treeKindOf, a atom.Atom, top *html.Node) bool {
	switch k {
	case treeSection:
		return top.DataAtom == atom.Table
	case treeRow:
		return treeKind(top.DataAtom) == treeSection
	case treeCell:
		return top.DataAtom == atom.Tr
	}
	if tk := treeKind(top.DataAtom); tk == treeTable || tk == treeSection || tk == treeRow || tk == treeRaw {
		return false // foster parenting, implied elements
	}
	switch k {
	case treeFormat:
		return b.count(a) < 3 && (a != atom.A || b.count(atom.A) == 0)
	case treeBlock:
		return !b.pInButtonScope()
	case treeVoid:
		return a != atom.Hr || !b.pInButtonScope()
	case treeHeading:
		return !b.pInButtonScope() && treeKind(top.DataAtom) != treeHeading
	case treeItem:
		return !b.pInButtonScope() && !b.itemOpen(a)
	}
	return true // treePhrase, treeTable, treeRaw
}

// count returns how many open elements are a.
func (b *treeBuilder) count(a atom.Atom) int {
	n := 0
	for _, e := range b.open {
		if e.DataAtom == a {
			n++
		}
	}
	return n
}

// pInButtonScope reports whether a p is open in button scope: above the
// innermost table or cell (the only scope stops htmlTree keeps open).
func (b *treeBuilder) pInButtonScope() bool {
	for i := len(b.open) - 1; i >= 0; i-- {
		switch b.open[i].DataAtom {
		case atom.P:
			return true
		case atom.Table, atom.Td, atom.Th:
			return false
		}
	}
	return false
}

// itemOpen reports whether a start tag li (a == atom.Li) or dd/dt would
// close an open one: the parser looks down the stack past address, div, p
// and non-special elements.
func (b *treeBuilder) itemOpen(a atom.Atom) bool {
	for i := len(b.open) - 1; i >= 0; i-- {
		switch e := b.open[i].DataAtom; {
		case e == atom.Li && a == atom.Li, (e == atom.Dd || e == atom.Dt) && a != atom.Li:
			return true
		case e == atom.Address || e == atom.Div || e == atom.P || !treeSpecial(e):
			continue
		}
		return false
	}
	return false
}
