//go:build !linux

package main

import (
	"io"
	"os"
)

// anonSupported is false where unnamed temp files are not available: files
// are written as named temp files renamed into place.
func anonSupported(*os.Root, string) (ok, byFD bool) { return false, false }

// linkAnon is never called where anonSupported is false.
func linkAnon(*os.File, string, bool, func(io.Writer) error) error {
	return errNoAnon
}
