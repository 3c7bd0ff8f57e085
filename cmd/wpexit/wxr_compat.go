package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

// isFatal reports whether a reader error ended its document, as opposed to
// one item skipped (*wxr.ItemError).
func isFatal(err error) bool {
	var ie *wxr.ItemError
	return !errors.As(err, &ie)
}

// errorPlace returns the line and item ID a reader error names, if any.
func errorPlace(err error) (line int, id int64) {
	var fe *wxr.Error
	var ie *wxr.ItemError
	switch {
	case errors.As(err, &ie):
		return ie.Line, ie.ItemID
	case errors.As(err, &fe):
		return fe.Line, fe.ItemID
	}
	return 0, 0
}

// readError wraps an error about reading the export called name, naming it
// unless the error already starts with its name.
func readError(name string, err error) error {
	if strings.HasPrefix(err.Error(), name+":") || strings.HasPrefix(err.Error(), name+" ") {
		return fmt.Errorf("read export: %w", err)
	}
	return fmt.Errorf("read export: %s: %w", name, err)
}
