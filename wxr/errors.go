package wxr

import (
	"fmt"
	"strconv"
)

// Warning is one repair or oddity the reader met and worked around. Nothing
// was lost that the warning does not name.
type Warning struct {
	File   string // input name from Options.Name
	Line   int    // 1-based line in File; 0 when unknown
	ItemID int64  // wp:post_id of the item; 0 outside items or when unknown
	Msg    string
}

// String formats the warning as "file:line: item N: msg".
func (w Warning) String() string { return position(w.File, w.Line, w.ItemID) + w.Msg }

// Error is a fatal, positioned problem: the input cannot be read past this
// point (truncated file, garbage) or is not a WXR export at all. After a
// Reader returns an *Error from Next, Next returns io.EOF.
type Error struct {
	File   string
	Line   int
	ItemID int64
	Err    error
}

// Error formats the error as "file:line: item N: msg".
func (e *Error) Error() string { return position(e.File, e.Line, e.ItemID) + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ItemError reports one item that could not be read. It is not fatal: the
// next call to Next continues with the following item.
type ItemError struct {
	File   string
	Line   int // line of the item's <item> start tag (or of the problem)
	ItemID int64
	Err    error
}

// Error formats the error as "file:line: item N: msg".
func (e *ItemError) Error() string { return position(e.File, e.Line, e.ItemID) + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ItemError) Unwrap() error { return e.Err }

// position renders the "file:line: item N: " prefix, leaving out unknown parts.
func position(file string, line int, id int64) string {
	s := file
	if s == "" {
		s = "input"
	}
	if line > 0 {
		s += ":" + strconv.Itoa(line)
	}
	s += ": "
	if id != 0 {
		s += fmt.Sprintf("item %d: ", id)
	}
	return s
}
