package convert

import (
	"testing"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// TestMarkdownTagTypes checks that, during a conversion, the library sees
// the type of mdRenderers for each of its tags, whether mdRegister
// registered it or left it to the library's defaults.
func TestMarkdownTagTypes(t *testing.T) {
	c := New(NewSite(), Options{})
	got := map[string]string{}
	c.md.Register.PreRenderer(func(ctx converter.Context, _ *html.Node) {
		for tag := range mdRenderers {
			typ, ok := ctx.GetTagType(tag)
			if !ok {
				typ = "none"
			}
			got[tag] = string(typ)
		}
	}, converter.PriorityEarly)
	if _, _, err := c.markdown("<p>x</p>"); err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for tag, r := range mdRenderers {
		want := string(converter.TagTypeInline)
		if r.block {
			want = string(converter.TagTypeBlock)
		}
		if got[tag] != want {
			t.Errorf("%s: the library sees %q, want %q", tag, got[tag], want)
		}
		if mdDefaultTagType(tag, r.block) {
			skipped++
		}
	}
	t.Logf("%d of %d tags left to the library's defaults", skipped, len(mdRenderers))
}
