package main

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes: the closed set the manual documents.
const (
	exitOK          = 0
	exitFatal       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitInterrupted = 130
)

// usageError is a command line that cannot be run as given (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// errPartial means the run finished but some items had errors (exit 3). The
// summary has already said which.
var errPartial = errors.New("some items had errors")

// exitCode maps run's error to the process exit code.
func exitCode(err error) int {
	var usage *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &usage):
		return exitUsage
	case errors.Is(err, errPartial):
		return exitPartial
	}
	return exitFatal
}

// errorMessage is what main prints for err on stderr: one line, prefixed
// with the tool's name, or "" when there is nothing more to say.
func errorMessage(err error) string {
	switch {
	case err == nil, errors.Is(err, errPartial):
		return ""
	case errors.Is(err, context.Canceled):
		return "wpexit: interrupted"
	case errors.As(err, new(*usageError)):
		return "wpexit: " + err.Error() + "\nusage: wpexit inspect [--json] EXPORT... | wpexit convert EXPORT... --out DIR [flags] | wpexit check EXPORT... --site DIR|--public DIR|--base URL | wpexit verify EXPORT... --site DIR (see wpexit COMMAND --help)"
	}
	return "wpexit: " + err.Error()
}
