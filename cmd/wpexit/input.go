package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/wpexit/wpexit/wxr"
)

// export is one EXPORT argument, open for random access: a file, or stdin
// spooled to a temp file so it can be read twice.
type export struct {
	name string // as messages show it: the path, or "stdin"
	file *os.File
	size int64
	temp bool // remove the file on close
}

// openExports opens every EXPORT argument. Call closeExports when done,
// even after an error.
func openExports(args []string, stdin io.Reader) ([]*export, error) {
	var exps []*export
	for _, a := range args {
		e, err := openExport(a, stdin)
		if err != nil {
			closeExports(exps)
			return nil, err
		}
		exps = append(exps, e)
	}
	return exps, nil
}

func openExport(arg string, stdin io.Reader) (*export, error) {
	if arg == "-" {
		return spoolStdin(stdin)
	}
	f, err := os.Open(arg)
	if err != nil {
		return nil, err // "open x.xml: no such file or directory"
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		err = errors.New("is a folder, not an export file")
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open export %s: %w", arg, err)
	}
	return &export{name: arg, file: f, size: fi.Size()}, nil
}

// spoolStdin copies stdin to a temp file: conversion reads its input twice.
func spoolStdin(stdin io.Reader) (*export, error) {
	f, err := os.CreateTemp("", "wpexit-stdin-*.xml")
	if err != nil {
		return nil, fmt.Errorf("spool stdin: %w", err)
	}
	// Unlinked at once where the system allows: the open file stays
	// readable, and nothing is left behind however the run ends.
	e := &export{name: "stdin", file: f, temp: os.Remove(f.Name()) != nil}
	n, err := io.Copy(f, stdin)
	if err != nil {
		closeExports([]*export{e})
		return nil, fmt.Errorf("spool stdin: %w", err)
	}
	e.size = n
	return e, nil
}

// closeExports closes every export and removes spooled copies.
func closeExports(exps []*export) {
	for _, e := range exps {
		e.file.Close()
		if e.temp {
			os.Remove(e.file.Name())
		}
	}
}

// sources lists the documents inside one export: itself, the document in a
// gzip file, or each export in a zip of parts.
func (e *export) sources() ([]wxr.Source, error) {
	srcs, err := wxr.Sources(e.name, e.file, e.size)
	if err != nil {
		return nil, readError(e.name, err)
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("read export: %s: holds no WordPress export", e.name)
	}
	return srcs, nil
}
