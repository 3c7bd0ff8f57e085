package main

import (
	"context"
	"io"
)

// environment is the world a run sees: its standard streams. Everything the
// commands print goes through it, so tests can run them in-process.
type environment struct {
	stdin  io.Reader
	stdout io.Writer // results only
	stderr io.Writer // progress, warnings, errors, the summary

	// ownsProcess: the run is the process's only one (not a test's, not one
	// of a batch), so it may tune the Go runtime for itself (heap.go).
	ownsProcess bool
}

// run parses args (args[0] is the program name) and runs the command they
// name. The error decides the exit code (see exitCode).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runIn(ctx, args, &environment{stdin: stdin, stdout: stdout, stderr: stderr})
}

// runIn is run in the environment env.
func runIn(ctx context.Context, args []string, env *environment) error {
	return newApp(env).Run(ctx, args)
}
