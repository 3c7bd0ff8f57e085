package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"sync/atomic"
)

// writeOutcome says what happened to one file.
type writeOutcome int

const (
	// wrote: the file now holds the new bytes (or would, in a dry run).
	wrote writeOutcome = iota
	// kept: the file was left as it was; the reason says why.
	kept
)

// siteWriter places files under the output folder. Every path goes through
// an os.Root opened on that folder, so nothing can land outside it; every
// write is a temp file renamed into place, so an interrupted run leaves no
// half-written file. Files changed since wpexit wrote them are kept unless
// force is set. In a dry run nothing is written, but the same decisions are
// made and reported.
type siteWriter struct {
	root     *os.Root // nil only in a dry run whose folder does not exist yet
	manifest *manifest
	force    bool
	dryRun   bool
	seq      atomic.Int64        // temp-file names
	dirty    bool                // the manifest changed
	dirs     map[string]bool     // folders known to exist; true: created by this run, so empty of others' files
	subs     map[string]*os.Root // folders opened as roots of their own: one openat per file, not one per path element
	folders  map[string]*os.File // folders opened through their roots, for unnamed temp files
	anon     bool                // files are written as unnamed temp files, linked when complete (anonfile_linux.go)
	anonByFD bool                // and linked by descriptor, not through /proc
	tmpName  string              // prefix of temp files
}

// openSiteWriter opens (creating unless dryRun) the output folder dir.
func openSiteWriter(dir string, force, dryRun bool) (*siteWriter, error) {
	w := &siteWriter{force: force, dryRun: dryRun, dirs: map[string]bool{}, subs: map[string]*os.Root{},
		folders: map[string]*os.File{}, tmpName: ".wpexit-tmp-" + strconv.Itoa(os.Getpid()) + "-"}
	if !dryRun {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create output folder: %w", err)
		}
	}
	root, err := os.OpenRoot(dir)
	switch {
	case err == nil:
		w.root = root
	case dryRun && errors.Is(err, fs.ErrNotExist):
	default:
		return nil, fmt.Errorf("open output folder: %w", err)
	}
	if w.manifest, err = loadManifest(w.root); err != nil {
		return nil, err
	}
	if !dryRun {
		w.anon, w.anonByFD = anonSupported(w.root, w.tmpName+"probe")
	}
	return w, nil
}

// write puts data at rel (slash-separated, relative to the output folder).
// It returns kept and a reason when the file was left alone.
func (w *siteWriter) write(rel string, data []byte) (writeOutcome, string, error) {
	return w.writePage(-1, rel, data)
}

// writePage is write for the page of entry seq (the manifest keeps its
// digest by seq), or for any file when seq is -1.
func (w *siteWriter) writePage(seq int, rel string, data []byte) (writeOutcome, string, error) {
	rel = path.Clean(rel)
	cur, err := w.read(rel)
	if err != nil {
		return kept, "", err
	}
	if cur != nil {
		if reason := w.keepReason(rel, cur); reason != "" {
			return kept, reason, nil
		}
	}
	if w.dryRun {
		return wrote, "", nil
	}
	if cur == nil || !bytes.Equal(cur, data) {
		if err := w.replace(rel, data); err != nil {
			return kept, "", err
		}
	}
	if w.manifest.setPage(seq, rel, digest(data)) {
		w.dirty = true
	}
	return wrote, "", nil
}

// writeStream is write with the bytes written by gen, never held whole:
// gen runs once to write the file, and once more to hash its bytes first
// when a file is already there (an unchanged file is left as it is). In a
// dry run gen writes to nowhere, so its errors still show.
func (w *siteWriter) writeStream(rel string, gen func(io.Writer) error) (writeOutcome, string, error) {
	rel = path.Clean(rel)
	cur, err := w.read(rel)
	if err != nil {
		return kept, "", err
	}
	if cur != nil {
		if reason := w.keepReason(rel, cur); reason != "" {
			return kept, reason, nil
		}
	}
	h := sha256.New()
	var sum fileSum
	switch {
	case w.dryRun:
		return wrote, "", gen(io.Discard)
	case cur != nil:
		if err := gen(h); err != nil {
			return kept, "", err
		}
		h.Sum(sum[:0])
		if sum != digest(cur) {
			err = w.replaceWith(rel, gen)
		}
	default:
		err = w.replaceWith(rel, func(f io.Writer) error { return gen(io.MultiWriter(f, h)) })
		h.Sum(sum[:0])
	}
	if err != nil {
		return kept, "", err
	}
	if w.manifest.set(rel, sum) {
		w.dirty = true
	}
	return wrote, "", nil
}

// writeIfAbsent writes data at rel only when no file is there yet.
func (w *siteWriter) writeIfAbsent(rel string, data []byte) (writeOutcome, string, error) {
	cur, err := w.read(rel)
	if err != nil {
		return kept, "", err
	}
	if cur != nil && !w.manifest.written(path.Clean(rel)) {
		return kept, "exists", nil
	}
	return w.write(rel, data)
}

// keepReason says why the existing file at rel, holding cur, must not be
// replaced, or "" when it may be.
func (w *siteWriter) keepReason(rel string, cur []byte) string {
	if w.force {
		return ""
	}
	sum, ok := w.manifest.sum(rel)
	switch {
	case !w.manifest.has(rel):
		return "file exists and was not written by wpexit (use --force to replace it)"
	case !ok || sum != digest(cur):
		return "file changed since wpexit wrote it (use --force to replace it)"
	}
	return ""
}

// read returns the file at rel, or nil when there is none.
func (w *siteWriter) read(rel string) ([]byte, error) {
	if w.root == nil || w.dirs[path.Dir(rel)] {
		return nil, nil // in a folder this run created, only files it wrote: the caller knows them
	}
	b, err := w.root.ReadFile(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	return b, nil
}

// replace writes data to a temp file next to rel and renames it into place.
func (w *siteWriter) replace(rel string, data []byte) error {
	return w.replaceWith(rel, func(f io.Writer) error {
		_, err := f.Write(data)
		return err
	})
}

// replaceWith is replace with the file's bytes written by write.
func (w *siteWriter) replaceWith(rel string, write func(io.Writer) error) error {
	dir, name := path.Split(rel)
	sub, err := w.sub(path.Clean(dir))
	if err != nil {
		return fmt.Errorf("create folder for %s: %w", rel, err)
	}
	if w.anon {
		err := w.link(sub, path.Clean(dir), name, write)
		if !errors.Is(err, errNoAnon) {
			return err
		}
		w.anon = false // nothing was written yet: named temp files from now on
	}
	tmp := w.tmpName + strconv.FormatInt(w.seq.Add(1), 10)
	f, err := sub.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = sub.Rename(tmp, name)
	}
	if err != nil {
		_ = sub.Remove(tmp)
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// errNoAnon says that a folder takes no unnamed temp files; nothing was
// written.
var errNoAnon = errors.New("unnamed temp files are not supported here")

// link writes the file name in the folder dir, opened as sub, as an unnamed
// temp file linked into place once complete.
func (w *siteWriter) link(sub *os.Root, dir, name string, write func(io.Writer) error) error {
	d := w.folders[dir]
	if d == nil {
		var err error
		if d, err = sub.Open("."); err != nil {
			return fmt.Errorf("open folder %s: %w", dir, err)
		}
		w.folders[dir] = d
	}
	if err := linkAnon(d, name, w.anonByFD, write); err != nil {
		return fmt.Errorf("write %s: %w", path.Join(dir, name), err)
	}
	return nil
}

// sub returns the folder dir, created when missing, opened as a root. The
// root refuses every path outside it, symbolic links included, so a sub-root
// stays inside the output folder.
func (w *siteWriter) sub(dir string) (*os.Root, error) {
	if r := w.subs[dir]; r != nil {
		return r, nil
	}
	if err := w.mkdirAll(dir); err != nil {
		return nil, err
	}
	r, err := w.root.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	w.subs[dir] = r
	return r, nil
}

// mkdirAll makes the folder dir and its parents, remembering which ones it
// had to create.
func (w *siteWriter) mkdirAll(dir string) error {
	if _, ok := w.dirs[dir]; ok || dir == "." {
		return nil
	}
	if err := w.mkdirAll(path.Dir(dir)); err != nil {
		return err
	}
	err := w.root.Mkdir(dir, 0o755)
	switch {
	case err == nil:
		w.dirs[dir] = true
	case errors.Is(err, fs.ErrExist):
		w.dirs[dir] = false
	default:
		return err
	}
	return nil
}

// close saves the manifest when it changed and releases the folder.
func (w *siteWriter) close() error {
	if w.root == nil {
		return nil
	}
	defer func() {
		for _, r := range w.subs {
			r.Close()
		}
		for _, d := range w.folders {
			d.Close()
		}
		w.root.Close()
	}()
	if w.dryRun || !w.dirty {
		return nil
	}
	if err := w.replaceWith(manifestPath, w.manifest.writeTo); err != nil {
		return fmt.Errorf("save manifest: %w", err)
	}
	return nil
}

// isEscape reports whether err is os.Root refusing a path outside the folder.
func isEscape(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent"
}
