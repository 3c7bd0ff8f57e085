package media

import "io"

// Output is where files are written: the new site's folder, or a test's
// map. Names are slash-separated and relative to it.
type Output interface {
	// Create starts a file at name. Nothing is visible at name until the
	// file is committed.
	Create(name string) (File, error)
	// Size returns the size of the file at name; an error wrapping
	// fs.ErrNotExist when there is none.
	Size(name string) (int64, error)
}

// File is a file being written.
type File interface {
	io.Writer
	// Commit makes the file visible at its name, replacing what was there.
	Commit() error
	// Abort drops the file; its name keeps what it had before.
	Abort()
}
