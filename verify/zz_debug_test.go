package verify_test

import (
	"os"
	"testing"

	"github.com/wpexit/wpexit/verify"
)

func TestZZDebug(t *testing.T) {
	html, md := readFixture(t, "post.html"), readFixture(t, "post.md")
	want, got, err := verify.Sides(html, []byte(md), fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	verify.SideBySide(os.Stdout, want, got)
	t.Logf("%+v", verify.Compare(want, got))
	page := damage(t, md, "[the docs](https://example.org/docs/)", "the docs")
	r, _ := verify.Check(html, []byte(page), fixtureOptions())
	t.Logf("%+v", r)
	page = damage(t, md, "A second paragraph with a line  \nbreak, and a [newer post's comments][2].\n\n", "")
	r, _ = verify.Check(html, []byte(page), fixtureOptions())
	t.Logf("%+v", r)
}
