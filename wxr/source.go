package wxr

import (
	"errors"
	"io"
)

// Source is one XML document inside an input: the file itself, the
// decompressed content of a .gz, or one .xml part of a .zip.
type Source struct {
	Name string                        // "export.xml", "parts.zip:001.xml"
	Open func() (io.ReadCloser, error) // may be called more than once
}

// Sources detects the input's kind by its magic bytes (plain XML, gzip, zip)
// and returns the XML documents it holds, zip parts sorted by name.
func Sources(name string, r io.ReaderAt, size int64) ([]Source, error) {
	return nil, errors.New("not implemented yet")
}
