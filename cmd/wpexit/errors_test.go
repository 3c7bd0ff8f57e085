package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		code int
		msg  string // prefix of the message main prints; "" for none
	}{
		{nil, 0, ""},
		{errPartial, 3, ""},
		{fmt.Errorf("convert: %w", context.Canceled), 130, "wpexit: interrupted"},
		{usagef("missing EXPORT argument"), 2, "wpexit: missing EXPORT argument\nusage: "},
		{fmt.Errorf("read export: %w", errors.New("x.xml:3: not XML")), 1, "wpexit: read export: x.xml:3: not XML"},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.code {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.code)
		}
		if got := errorMessage(tt.err); !strings.HasPrefix(got, tt.msg) || (tt.msg == "") != (got == "") {
			t.Errorf("errorMessage(%v) = %q, want %q…", tt.err, got, tt.msg)
		}
	}
}
