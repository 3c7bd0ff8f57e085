package convert

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/wxr"
)

// TestLinks checks the link rules with a fake Options.Link (mdFakeLink).
func TestLinks(t *testing.T) {
	post := `https://old.example/2008/09/16/a/`
	for _, tc := range []struct {
		name  string
		refs  bool
		in    string
		want  string
		notes []Note
	}{
		{"page is a reference", false, `<a href="` + post + `">A</a>`,
			"[A][1]\n\n[1]: {{< relref \"posts/2008-09-16-a.md\" >}}", nil},
		{"fragment kept in relref", false, `<a href="` + post + `#c">A</a>`,
			"[A][1]\n\n[1]: {{< relref \"posts/2008-09-16-a.md#c\" >}}", nil},
		{"one definition per target, numbered by first use", false,
			`<a href="https://old.example/2001/01/01/b/">B</a> <a href="` + post + `">A</a> <a href="` + post + `">A again</a> <a href="https://old.example/2001/01/01/b/">B again</a>`,
			"[B][1] [A][2] [A again][2] [B again][1]\n\n[1]: {{< relref \"posts/2001-01-01-b.md\" >}}\n[2]: {{< relref \"posts/2008-09-16-a.md\" >}}", nil},
		{"media inline", false, `<a href="https://old.example/wp-content/uploads/x.pdf">PDF</a>`,
			"[PDF](/wp-content/uploads/x.pdf)", nil},
		{"missing kept and noted", false, `<a href="https://old.example/gone/">gone</a>`,
			"[gone](https://old.example/gone/)", []Note{{"missing-link", "https://old.example/gone/"}}},
		{"missing noted once", false, `<a href="https://old.example/gone/">a</a> <a href="https://old.example/gone/">b</a>`,
			"[a](https://old.example/gone/) [b](https://old.example/gone/)", []Note{{"missing-link", "https://old.example/gone/"}}},
		{"external inline", false, `<a href="https://go.dev/" title="Go">Go</a>`, `[Go](https://go.dev/ "Go")`, nil},
		{"external as reference", true, `<a href="https://go.dev/">Go</a> <a href="` + post + `">A</a> <a href="https://go.dev/">Go</a>`,
			"[Go][1] [A][2] [Go][1]\n\n[1]: https://go.dev/\n[2]: {{< relref \"posts/2008-09-16-a.md\" >}}", nil},
		{"image src mapped, stays inline", true, `<img src="https://old.example/wp-content/uploads/p.jpg" alt="p">`,
			"![p](/wp-content/uploads/p.jpg)", nil},
		{"image linking to a page", false, `<a href="` + post + `"><img src="https://old.example/wp-content/uploads/p.jpg" alt="p"></a>`,
			"[![p](/wp-content/uploads/p.jpg)][1]\n\n[1]: {{< relref \"posts/2008-09-16-a.md\" >}}", nil},
		{"figure link to media", false, `<figure><a href="https://old.example/wp-content/uploads/big.jpg"><img src="https://old.example/wp-content/uploads/p.jpg"></a></figure>`,
			`{{< figure src="/wp-content/uploads/p.jpg" link="/wp-content/uploads/big.jpg" >}}`, nil},
		{"figure with a wrapped image", false, `<figure><p><img src="/p.jpg"></p><figcaption>C</figcaption></figure>`,
			`{{< figure src="/p.jpg" caption="C" >}}`, nil},
		{"figure link to page", false, `<figure><a href="` + post + `"><img src="/p.jpg" alt="p"></a><figcaption>Cap</figcaption></figure>`,
			"[![p](/p.jpg)][1]\n\nCap\n\n[1]: {{< relref \"posts/2008-09-16-a.md\" >}}", nil},
		{"raw HTML attributes", false, `<video src="https://old.example/wp-content/uploads/v.mp4"></video><dl><dd><a href="` + post + `">A</a></dd></dl>`,
			"<video src=\"/wp-content/uploads/v.mp4\"></video>\n\n<dl><dd><a href=\"{{< relref \"posts/2008-09-16-a.md\" >}}\">A</a></dd></dl>",
			[]Note{{"raw-html", "video"}, {"raw-html", "dl"}}},
		{"srcset", false, `<picture><img src="https://old.example/wp-content/uploads/p.jpg" srcset="https://old.example/wp-content/uploads/p-300.jpg 300w, https://x.example/q.jpg 2x"></picture>`,
			`<picture><img src="/wp-content/uploads/p.jpg" srcset="/wp-content/uploads/p-300.jpg 300w, https://x.example/q.jpg 2x"/></picture>`,
			[]Note{{"raw-html", "picture"}}},
		{"empty link dropped", false, `a<a href="https://x.example/"></a>b`, "ab", nil},
		{"anchor kept", false, `<a name="x"></a>text`, `<a id="x"></a>text`, []Note{{"raw-html", "a"}}},
	} {
		c := New(NewSite(), Options{Link: mdFakeLink, ReferenceLinks: tc.refs})
		got, notes, err := c.markdown(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want+"\n" {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want+"\n")
		}
		if !reflect.DeepEqual(notes, tc.notes) {
			t.Errorf("%s: notes %v, want %v", tc.name, notes, tc.notes)
		}
	}
}

// TestLinkNil: without Options.Link every URL is kept as written.
func TestLinkNil(t *testing.T) {
	c := New(NewSite(), Options{})
	got, notes, _ := c.markdown(`<a href="https://old.example/2008/09/16/a/">A</a>`)
	if got != "[A](https://old.example/2008/09/16/a/)\n" || notes != nil {
		t.Errorf("got %q %v", got, notes)
	}
}

func TestDest(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://x.example/a", "https://x.example/a"},
		{"/a b", "/a%20b"},
		{"/p_(x)", "/p_(x)"},
		{"/p_(x", `/p_\(x`},
		{"/?a=1&copy;=2", "/?a=1&amp;copy;=2"},
		{"/?a=1&b=2", "/?a=1&b=2"},
		{`/x\y`, "/x%5Cy"},
		{"/{{< x >}}", "/%7B%7B%3C%20x%20%3E%7D%7D"},
		{"/café", "/caf%C3%A9"},
		{"/50%", "/50%25"},
		{"/%E2%82%AC", "/%E2%82%AC"},
	} {
		if got := mdDest(tc.in); got != tc.want {
			t.Errorf("mdDest(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// goldmark must link where the post linked
		out, err := hugoHTML("[x](" + mdDest(tc.in) + ")")
		if err != nil || !strings.Contains(out, "<a href=") {
			t.Errorf("mdDest(%q): not a link: %q %v", tc.in, out, err)
		}
	}
}

// mdFakeLinkFrom resolves relative URLs against base, then asks
// mdFakeLink; kept and missing answers keep the URL as written (as
// rewrite.Index.LinkFrom does).
func mdFakeLinkFrom(base, raw string) Link {
	b, err := url.Parse(base)
	r, rerr := url.Parse(raw)
	if err != nil || rerr != nil || r.IsAbs() || strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "#") {
		return mdFakeLink(raw)
	}
	l := mdFakeLink(b.ResolveReference(r).String())
	if l.Kind == LinkKeep || l.Kind == LinkMissing {
		l.Dest = raw
	}
	return l
}

// TestLinkFrom checks that Options.LinkFrom maps the links of a page with
// the item's old permalink as base, and that Link serves without one.
func TestLinkFrom(t *testing.T) {
	in := `<p><a href="../../04/x/">x</a> <img src="../../../../wp-content/uploads/p.jpg" alt="p"> <a href="https://go.dev/">Go</a> <a href="#top">top</a></p>`
	for _, tc := range []struct {
		name, base, want string
	}{
		{"resolved against the permalink", "https://old.example/2019/03/05/p/",
			"[x][1] ![p](/wp-content/uploads/p.jpg) [Go](https://go.dev/) [top](#top)\n\n[1]: {{< relref \"posts/2019-03-04-x.md\" >}}\n"},
		{"no permalink: kept", "", "[x](../../04/x/) ![p](../../../../wp-content/uploads/p.jpg) [Go](https://go.dev/) [top](#top)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(NewSite(), Options{Link: mdFakeLink, LinkFrom: mdFakeLinkFrom})
			it := &wxr.Item{ID: 1, Type: "post", Status: "publish", Title: "t", Link: tc.base, Content: in}
			p, err := c.Convert(it, Plan{Path: "posts/p.md"})
			if err != nil {
				t.Fatal(err)
			}
			if p.Body != tc.want {
				t.Errorf("got\n%s\nwant\n%s", p.Body, tc.want)
			}
		})
	}
}
