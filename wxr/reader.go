package wxr

import (
	"errors"
	"io"
)

// Options configure a Reader.
type Options struct {
	// Name is the input's name used in positions: "export.xml",
	// "parts.zip:001.xml", "-".
	Name string
	// OnWarning receives every repair as it happens; nil drops them.
	OnWarning func(Warning)
}

// Reader pulls items from one WXR document, one at a time.
type Reader struct {
	opts    Options
	channel Channel
}

// NewReader reads the channel header (everything before the first <item>)
// and returns a Reader positioned at the first item.
func NewReader(r io.Reader, opts Options) (*Reader, error) {
	return nil, &Error{File: opts.Name, Err: errors.New("not implemented yet")}
}

// Channel returns the export's header.
func (r *Reader) Channel() *Channel { return &r.channel }

// Next returns the next item, or io.EOF after the last one.
func (r *Reader) Next() (*Item, error) { return nil, io.EOF }
