package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	code := run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr)
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin *os.File, stdout, stderr *os.File) int {
	fmt.Fprintln(stderr, "wpexit: not yet")
	return 1
}
