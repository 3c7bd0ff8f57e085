package main

import (
	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
)

// linkAdjust changes the URL index's answer for a URL found in a post (the
// media step's: thumbnails to their saved originals). Nil changes nothing.
type linkAdjust func(raw string, l convert.Link) convert.Link

// indexLinks returns convert's two mappers, Options.Link and
// Options.LinkFrom: the index's, each answer passed through adjust.
func indexLinks(ix *rewrite.Index, adjust linkAdjust) (link func(string) convert.Link, from func(base, raw string) convert.Link) {
	if adjust == nil {
		return ix.Link, ix.LinkFrom
	}
	link = func(raw string) convert.Link { return adjust(raw, ix.Link(raw)) }
	from = func(base, raw string) convert.Link { return adjust(raw, ix.LinkFrom(base, raw)) }
	return link, from
}
