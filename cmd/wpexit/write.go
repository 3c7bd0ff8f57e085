package main

import (
	"bytes"
	"errors"
	"fmt"
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
	seq      atomic.Int64 // temp-file names
	dirty    bool         // the manifest changed
}

// openSiteWriter opens (creating unless dryRun) the output folder dir.
func openSiteWriter(dir string, force, dryRun bool) (*siteWriter, error) {
	w := &siteWriter{force: force, dryRun: dryRun}
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
	return w, nil
}

// write puts data at rel (slash-separated, relative to the output folder).
// It returns kept and a reason when the file was left alone.
func (w *siteWriter) write(rel string, data []byte) (writeOutcome, string, error) {
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
	if w.manifest.Files[rel] != digest(data) {
		w.manifest.Files[rel] = digest(data)
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
	if cur != nil && w.manifest.Files[path.Clean(rel)] == "" {
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
	sum, ok := w.manifest.Files[rel]
	switch {
	case !ok:
		return "file exists and was not written by wpexit (use --force to replace it)"
	case sum != digest(cur):
		return "file changed since wpexit wrote it (use --force to replace it)"
	}
	return ""
}

// read returns the file at rel, or nil when there is none.
func (w *siteWriter) read(rel string) ([]byte, error) {
	if w.root == nil {
		return nil, nil
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
	if err := w.root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return fmt.Errorf("create folder for %s: %w", rel, err)
	}
	tmp := path.Join(path.Dir(rel), ".wpexit-tmp-"+strconv.FormatInt(w.seq.Add(1), 10)+"-"+strconv.Itoa(os.Getpid()))
	f, err := w.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.root.Rename(tmp, rel)
	}
	if err != nil {
		_ = w.root.Remove(tmp)
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// close saves the manifest when it changed and releases the folder.
func (w *siteWriter) close() error {
	if w.root == nil {
		return nil
	}
	defer w.root.Close()
	if w.dryRun || !w.dirty {
		return nil
	}
	if err := w.replace(manifestPath, w.manifest.bytes()); err != nil {
		return fmt.Errorf("save manifest: %w", err)
	}
	return nil
}

// isEscape reports whether err is os.Root refusing a path outside the folder.
func isEscape(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent"
}
