package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// On Linux a file is written as an unnamed temp file in its folder
// (O_TMPFILE) and linked under its name only once it is complete: no other
// process ever sees it half-written, an interrupted run leaves nothing
// behind (the kernel drops an unlinked file), and the folder takes one new
// entry instead of a temp name created and then renamed away, which on ext4
// halves the cost of writing a big site's tens of thousands of pages.

// anonSupported reports whether folder dir, opened as a root, takes unnamed
// temp files and links them into place: it writes and removes one probe
// file. Filesystems without O_TMPFILE, or a system without /proc, say no,
// and files are written as named temp files instead. byFD says the file
// can be linked by its descriptor alone (AT_EMPTY_PATH: root may, and so
// may the file's opener since Linux 6.10), which skips a lookup in /proc.
func anonSupported(dir *os.Root, probe string) (ok, byFD bool) {
	d, err := dir.Open(".")
	if err != nil {
		return false, false
	}
	defer d.Close()
	for _, byFD := range [...]bool{true, false} {
		if linkAnon(d, probe, byFD, func(io.Writer) error { return nil }) == nil {
			return dir.Remove(probe) == nil, byFD
		}
	}
	return false, false
}

// linkAnon writes a new file named name in the folder d with the bytes write
// writes, linking it by descriptor when byFD is set, else through
// /proc/self/fd. An existing file of that name is replaced, atomically, by a
// link under a temp name renamed over it.
func linkAnon(d *os.File, name string, byFD bool, write func(io.Writer) error) error {
	if name == "" || name == "." || name == ".." || containsSlash(name) {
		return fmt.Errorf("bad file name %q", name)
	}
	dirfd := int(d.Fd())
	fd, err := unix.Openat(dirfd, ".", unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o644)
	switch {
	case errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EISDIR), errors.Is(err, unix.EINVAL):
		return errNoAnon // a folder on another filesystem, one without O_TMPFILE
	case err != nil:
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	if err := write(fdWriter{fd, name}); err != nil {
		return err
	}
	link := func(to string) error {
		if byFD {
			return unix.Linkat(fd, "", dirfd, to, unix.AT_EMPTY_PATH)
		}
		return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(fd), dirfd, to, unix.AT_SYMLINK_FOLLOW)
	}
	err = link(name)
	if !errors.Is(err, unix.EEXIST) {
		return linkError(name, err)
	}
	tmp := ".wpexit-link-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(fd)
	if err := link(tmp); err != nil {
		return linkError(name, err)
	}
	if err := unix.Renameat(dirfd, tmp, dirfd, name); err != nil {
		_ = unix.Unlinkat(dirfd, tmp, 0)
		return linkError(name, err)
	}
	return nil
}

// fdWriter writes to an open regular file by its descriptor: no os.File,
// whose set-up (a poller check, a finalizer) costs more than a page's
// write.
type fdWriter struct {
	fd   int
	name string
}

func (w fdWriter) Write(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k, err := unix.Write(w.fd, p[n:])
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case err != nil:
			return n, &os.PathError{Op: "write", Path: w.name, Err: err}
		case k == 0:
			return n, &os.PathError{Op: "write", Path: w.name, Err: io.ErrShortWrite}
		}
		n += k
	}
	return n, nil
}

func linkError(name string, err error) error {
	if err == nil {
		return nil
	}
	return &os.LinkError{Op: "link", Old: "(new file)", New: name, Err: err}
}

func containsSlash(s string) bool {
	for i := range len(s) {
		if s[i] == '/' {
			return true
		}
	}
	return false
}
