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
	err := runIn(ctx, os.Args, &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, ownsProcess: true})
	stop()
	stopProfiles()
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintln(os.Stderr, msg)
	}
	os.Exit(exitCode(err))
}
