package convert

import "github.com/wpexit/wpexit/wxr"

// wordpressHTML renders the item's stored content to the HTML WordPress
// would show: blocks, shortcodes and wpautop. STUB: owned by the render work.
func (c *Converter) wordpressHTML(it *wxr.Item) (string, []Note) {
	return it.Content, nil
}

// Shortcodes returns the names of the shortcodes used in content, in order of
// first use, each once. STUB.
func Shortcodes(content string) []string { return nil }

// BlockNames returns the Gutenberg block names used in content ("core/image",
// "core/paragraph", ...), in order of first use, each once. STUB.
func BlockNames(content string) []string { return nil }
