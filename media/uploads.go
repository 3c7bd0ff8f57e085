package media

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/url"
	"path"
	"strings"
)

// uploadDirs are the folders whose contents are the uploads folder.
var uploadDirs = []string{"/wp-content/uploads/", "/files/", "/wp-content/blogs.dir/"}

// uploadsName is the name, in the uploads folder, of a file at src whose
// path on the new site is dest: the path after "/wp-content/uploads/" of
// the URL (or of dest, for WordPress.com's files host), decoded.
func uploadsName(src, dest string) (string, bool) {
	for _, p := range []string{src, dest} {
		u, err := url.Parse(p)
		if err != nil {
			continue
		}
		for _, d := range uploadDirs {
			if i := strings.Index(u.Path, d); i >= 0 {
				rel := u.Path[i+len(d):]
				if d == "/wp-content/blogs.dir/" { // blogs.dir/N/files/...
					if _, after, ok := strings.Cut(rel, "/files/"); ok {
						rel = after
					}
				}
				if fs.ValidPath(rel) {
					return rel, true
				}
			}
		}
	}
	return "", false
}

// fromUploads copies a file from the uploads folder into name.
func (f *fetcher) fromUploads(src, dest, name string) (FileState, error) {
	rel, ok := uploadsName(src, dest)
	if !ok {
		return FileState{}, fmt.Errorf("%s: not in wp-content/uploads", src)
	}
	in, err := f.opts.Uploads.Open(rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return FileState{}, fmt.Errorf("%s: not in the uploads folder", rel)
		}
		return FileState{}, fmt.Errorf("%s: %w", rel, err)
	}
	defer in.Close()
	if st, err := in.Stat(); err == nil && st.Size() > f.opts.MaxBytes {
		return FileState{}, fmt.Errorf("%s: %d bytes is over the %d-byte limit", rel, st.Size(), f.opts.MaxBytes)
	}
	n, err := f.write(name, mime.TypeByExtension(path.Ext(rel)), in)
	if err != nil {
		return FileState{}, fmt.Errorf("%s: %w", rel, err)
	}
	return FileState{URL: src, Size: n}, nil
}
