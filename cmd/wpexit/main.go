package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)    // a second signal kills at once
	stopProfiles := startProfiles() // profile.go
	err := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfiles()
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintln(os.Stderr, msg)
	}
	os.Exit(exitCode(err))
}
