package rewrite

import "github.com/wpexit/wpexit/wxr"

// PermalinkShape describes the item's link as a WordPress permalink
// structure, e.g. "/%year%/%monthnum%/%day%/%postname%/" or "/?p=%post_id%",
// relative to home. STUB: owned by the rewrite work.
func PermalinkShape(home string, it *wxr.Item) string { return "" }
