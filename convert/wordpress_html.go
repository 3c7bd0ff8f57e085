package convert

import "github.com/wpexit/wpexit/wxr"

// WordPressHTML returns the HTML WordPress would show for the item's stored
// content: the first stage of Convert on its own (code shortcodes lifted,
// blocks rendered, wpautop, shortcodes expanded to plain HTML), with the
// notes that stage made. Links are as stored: Options.Link is applied only
// by the Markdown stage. A nil item has no content: "" and no notes.
//
// It exists for `wpexit verify`, which renders the written Markdown and
// compares it with this HTML; Convert does not need it.
func (c *Converter) WordPressHTML(it *wxr.Item) (string, []Note) {
	if it == nil {
		return "", nil
	}
	return c.wordpressHTML(it)
}
