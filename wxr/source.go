package wxr

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// Source is one XML document inside an input: the file itself, the
// decompressed content of a .gz, or one .xml part of a .zip.
type Source struct {
	Name string                        // "export.xml", "parts.zip:001.xml"
	Open func() (io.ReadCloser, error) // may be called more than once
}

// Sources detects the input's kind by its magic bytes (plain XML, gzip, zip)
// and returns the XML documents it holds, zip parts sorted by name. A zip
// holding no .xml file, or a gzip or zip whose header is corrupt, is an
// *Error naming the input.
func Sources(name string, r io.ReaderAt, size int64) ([]Source, error) {
	head := make([]byte, 4)
	n, err := r.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return nil, &Error{File: name, Err: fmt.Errorf("reading failed: %w", err)}
	}
	head = head[:n]
	section := func() io.Reader { return io.NewSectionReader(r, 0, size) }
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		if _, err := gzip.NewReader(section()); err != nil {
			return nil, &Error{File: name, Err: fmt.Errorf("a corrupt gzip file: %w", err)}
		}
		return []Source{{Name: name, Open: func() (io.ReadCloser, error) {
			zr, err := gzip.NewReader(section())
			if err != nil {
				return nil, &Error{File: name, Err: fmt.Errorf("a corrupt gzip file: %w", err)}
			}
			return readCloser{gzipErrors{zr}, zr}, nil
		}}}, nil
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, zipEmpty):
		return zipSources(name, r, size)
	}
	return []Source{{Name: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(section()), nil
	}}}, nil
}

// zipSources lists the .xml (and .xml.gz) entries of a zip, by name.
func zipSources(name string, r io.ReaderAt, size int64) ([]Source, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("a corrupt zip archive: %w", err)}
	}
	var parts []*zip.File
	var others []string
	for _, f := range zr.File {
		base := path.Base(f.Name)
		lower := strings.ToLower(base)
		switch {
		case f.FileInfo().IsDir():
		case strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, "._"):
		case strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".xml.gz"):
			parts = append(parts, f)
		default:
			others = append(others, f.Name)
		}
	}
	if len(parts) == 0 {
		return nil, &Error{File: name, Err: noXML(others)}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Name < parts[j].Name })
	srcs := make([]Source, len(parts))
	for i, f := range parts {
		srcs[i] = Source{Name: name + ":" + f.Name, Open: openPart(name, f)}
	}
	return srcs, nil
}

func noXML(others []string) error {
	if len(others) == 0 {
		return errors.New("the zip archive is empty: it holds no .xml export")
	}
	list := others[:min(len(others), 5)]
	more := ""
	if len(others) > len(list) {
		more = fmt.Sprintf(" and %d more", len(others)-len(list))
	}
	return fmt.Errorf("the zip archive holds no .xml export (it holds %s%s)", strings.Join(list, ", "), more)
}

// openPart opens one zip entry, decompressing a .xml.gz part.
func openPart(name string, f *zip.File) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, &Error{File: name + ":" + f.Name, Err: fmt.Errorf("cannot open the zip entry: %w", err)}
		}
		if !strings.HasSuffix(strings.ToLower(f.Name), ".gz") {
			return rc, nil
		}
		zr, err := gzip.NewReader(rc)
		if err != nil {
			rc.Close()
			return nil, &Error{File: name + ":" + f.Name, Err: fmt.Errorf("a corrupt gzip file: %w", err)}
		}
		return readCloser{gzipErrors{zr}, rc}, nil
	}
}

// readCloser pairs a reader with the closer of what it reads from.
type readCloser struct {
	io.Reader
	io.Closer
}
