package rewrite

import (
	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/wxr"
)

// Options configure an Index. The zero value is valid.
type Options struct {
	// AliasHosts are other hosts the site was known by (--alias-host).
	AliasHosts []string
}

// Index maps old URLs to their new targets. Fill it with Add in a first
// pass; after that it is read-only and safe for concurrent use. STUB.
type Index struct {
	opts Options
}

// NewIndex returns an empty index for the site the channel describes.
func NewIndex(ch *wxr.Channel, opts Options) *Index { return &Index{opts: opts} }

// Add records every URL form of the item and what now answers it. STUB.
func (ix *Index) Add(it *wxr.Item, plan convert.Plan) {}

// Link maps one URL found in a post (href, src or one srcset entry). STUB.
func (ix *Index) Link(raw string) convert.Link { return convert.Link{Kind: convert.LinkKeep, Dest: raw} }

// Aliases returns the extra paths (Hugo aliases) of the item's page. STUB.
func (ix *Index) Aliases(id int64) []string { return nil }
