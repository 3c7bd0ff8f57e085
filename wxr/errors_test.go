package wxr_test

import (
	"errors"
	"io"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestMessages checks the "file:line: item N: msg" shape, leaving out
// what is unknown, and that errors.As tells skipped items from fatal
// breaks.
func TestMessages(t *testing.T) {
	cause := errors.New("boom")
	tests := []struct {
		got  string
		want string
	}{
		{wxr.Warning{File: "export.xml", Line: 123, ItemID: 57, Msg: "replaced 2 characters"}.String(), "export.xml:123: item 57: replaced 2 characters"},
		{wxr.Warning{File: "export.xml", Msg: "odd"}.String(), "export.xml: odd"},
		{wxr.Warning{Line: 3, Msg: "odd"}.String(), "input:3: odd"},
		{(&wxr.Error{File: "parts.zip:001.xml", Line: 9, Err: cause}).Error(), "parts.zip:001.xml:9: boom"},
		{(&wxr.ItemError{File: "-", Line: 9, ItemID: 4, Err: cause}).Error(), "-:9: item 4: boom"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	var skipped error = &wxr.ItemError{Err: io.ErrUnexpectedEOF}
	var fe *wxr.Error
	if errors.As(skipped, &fe) || !errors.Is(skipped, io.ErrUnexpectedEOF) {
		t.Error("an *ItemError must not match *Error, and must unwrap")
	}
	var fatal error = &wxr.Error{Err: cause}
	var ie *wxr.ItemError
	if errors.As(fatal, &ie) || !errors.Is(fatal, cause) {
		t.Error("an *Error must not match *ItemError, and must unwrap")
	}
}
