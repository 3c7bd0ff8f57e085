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
// and files are written as named temp files instead.
func anonSupported(dir *os.Root, probe string) bool {
	d, err := dir.Open(".")
	if err != nil {
		return false
	}
	defer d.Close()
	if err := linkAnon(d, probe, func(io.Writer) error { return nil }); err != nil {
		return false
	}
	return dir.Remove(probe) == nil
}

// linkAnon writes a new file named name in the folder d with the bytes write
// writes. An existing file of that name is replaced, atomically, by a link
// under a temp name renamed over it.
func linkAnon(d *os.File, name string, write func(io.Writer) error) error {
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
	f := os.NewFile(uintptr(fd), name)
	defer f.Close()
	if err := write(f); err != nil {
		return err
	}
	proc := "/proc/self/fd/" + strconv.Itoa(fd)
	err = unix.Linkat(unix.AT_FDCWD, proc, dirfd, name, unix.AT_SYMLINK_FOLLOW)
	if !errors.Is(err, unix.EEXIST) {
		return linkError(name, err)
	}
	tmp := ".wpexit-link-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(fd)
	if err := unix.Linkat(unix.AT_FDCWD, proc, dirfd, tmp, unix.AT_SYMLINK_FOLLOW); err != nil {
		return linkError(name, err)
	}
	if err := unix.Renameat(dirfd, tmp, dirfd, name); err != nil {
		_ = unix.Unlinkat(dirfd, tmp, 0)
		return linkError(name, err)
	}
	return nil
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
