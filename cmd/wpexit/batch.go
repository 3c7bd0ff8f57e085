package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Batch runs (--out-each DIR): each EXPORT is a site of its own, converted
// to DIR/NAME, where NAME is the export's file name without its .xml, .gz
// or .zip extensions (made safe as a folder name; "stdin" for -; a name
// already taken gets "-2", "-3", …). Exports are converted in parallel, at
// most --jobs at once, the workers shared out between them; every run has
// all the flags of the batch. One export that fails (unreadable, not an
// export, items that fail) never stops the others: each run's summary and
// errors are printed on stderr as a block once it ends, then a last line
// counts the exports, and the exit code is 3 when any of them failed.
// --report - prints each run's report lines as a block; --report FILE is
// refused (every run would write the same file), and so is --out.

// validateBatch checks the flags of a batch run.
func validateBatch(c *convertConfig) error {
	switch {
	case c.OutEach == "":
		return nil
	case c.Out != "":
		return usagef("--out and --out-each cannot be used together")
	case c.Report != "" && c.Report != "-":
		return usagef("--report FILE cannot be used with --out-each (use --report -)")
	}
	return nil
}

// runBatch converts each export to its own site under c.OutEach.
func runBatch(ctx context.Context, env *environment, c convertConfig) error {
	names := batchNames(c.Inputs)
	par := min(len(c.Inputs), max(1, c.Jobs))
	var (
		mu     sync.Mutex
		failed int
		g      errgroup.Group
	)
	g.SetLimit(par)
	for i, in := range c.Inputs {
		run := c
		run.Inputs, run.Out, run.OutEach = []string{in}, filepath.Join(c.OutEach, names[i]), ""
		run.Jobs, run.Progress = max(1, c.Jobs/par), "never"
		g.Go(func() error {
			var stdout, stderr bytes.Buffer
			err := runConvert(ctx, &environment{stdin: env.stdin, stdout: &stdout, stderr: &stderr}, run)
			mu.Lock()
			defer mu.Unlock()
			env.stdout.Write(stdout.Bytes())
			env.stderr.Write(stderr.Bytes())
			if msg := errorMessage(err); msg != "" {
				fmt.Fprintf(env.stderr, "wpexit: %s: %s\n", in, strings.TrimPrefix(msg, "wpexit: "))
			}
			if err != nil {
				failed++
			}
			return nil // one failure never stops the others
		})
	}
	_ = g.Wait()
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	fmt.Fprintf(env.stderr, "wpexit: batch: %d exports = %d converted + %d failed, under %s\n",
		len(c.Inputs), len(c.Inputs)-failed, failed, c.OutEach)
	if failed > 0 {
		return errPartial
	}
	return nil
}

// batchNames gives each export its site folder name, all distinct.
func batchNames(inputs []string) []string {
	names := make([]string, len(inputs))
	used := map[string]bool{}
	for i, in := range inputs {
		base := batchName(in)
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = base + "-" + strconv.Itoa(n)
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// batchName is an export's folder name before de-duplication.
func batchName(in string) string {
	if in == "-" {
		return "stdin"
	}
	name := filepath.Base(in)
	for {
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".xml" && ext != ".gz" && ext != ".zip" && ext != ".wxr" {
			break
		}
		name = name[:len(name)-len(ext)]
	}
	name = strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == '_' || r == '.':
			return r
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r > 0x7f && r != 0xfffd:
			return r
		}
		return '-'
	}, name)
	name = strings.Trim(name, ".-")
	if name == "" {
		return "export"
	}
	return name
}
