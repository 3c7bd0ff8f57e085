package convert

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/JohannesKaufmann/html-to-markdown/v2/collapse"
	"golang.org/x/net/html"
)

// mdCollapseCases are HTML for the white space collapse: runs of every
// kind of white space, blocks, breaks, void elements, pre and code, inline
// elements, comments, a doctype, nesting.
var mdCollapseCases = []string{
	"", " ", "a", "  a  b  ", "\ta\r\n\tb\n", "<p> a </p><p>  b</p>", "<div> <span> a </span> b </div>",
	"a <b> b </b> c", "a<br> b <br>c ", "a <img src=x> b", "a <input> b <wbr> c", "<pre>  a\n\n b  </pre> c ",
	"x <code> a  b </code> y", "<p>a <em> </em> b</p>", "<!doctype html><html><head> <title> t </title></head><body> a </body></html>",
	"<ul> <li> a </li> <li> b <ul><li> c </li></ul> </li> </ul>", "<table> <tr> <td> a </td> <td> b </td> </tr> </table>",
	"a <!-- c --> b", "<p>a</p> <!-- c --> <p> b </p>", "<hr> a <hr>", "<span> </span>", "<p> </p> <p>\n</p>",
	"<div><pre><code> x </code></pre> y </div>", "<blockquote> a <p> b </p> c </blockquote>", "a\u00a0 b \u00a0c\f d",
	"<custom-el> a </custom-el> <figure> <img src=x> <figcaption> c </figcaption> </figure>", "<source> a <source> b",
	"<h1> t </h1> x <h2> u</h2>", "<p>a <a href=x> b </a> c</p>", "<p>1 <sup> 2 </sup> 3</p>",
}

// mdCloneTree returns a deep copy of the tree below n.
func mdCloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	c.Attr = append(c.Attr, n.Attr...)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(mdCloneTree(ch))
	}
	return c
}

// mdTreeDiff describes the first difference between the trees below a
// and b, or returns "".
func mdTreeDiff(a, b *html.Node, path string) string {
	if a.Type != b.Type || a.Data != b.Data || a.Namespace != b.Namespace || fmt.Sprint(a.Attr) != fmt.Sprint(b.Attr) {
		return fmt.Sprintf("%s: %v %q, want %v %q", path, a.Type, a.Data, b.Type, b.Data)
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		if ca == nil || cb == nil {
			return fmt.Sprintf("%s: child %d: missing on one side (%v, %v)", path, i, ca != nil, cb != nil)
		}
		if d := mdTreeDiff(ca, cb, fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

// mdMangle reshapes the tree below n as pre-renderers may leave it, the
// bits of seed choosing: texts split in two, empty texts added, a doctype
// node among elements.
func mdMangle(n *html.Node, seed *uint64) {
	bit := func() bool {
		*seed = *seed*6364136223846793005 + 1442695040888963407
		return *seed>>63 == 1
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && len(c.Data) > 1 && bit():
			half := &html.Node{Type: html.TextNode, Data: c.Data[len(c.Data)/2:]}
			c.Data = c.Data[:len(c.Data)/2]
			n.InsertBefore(half, c.NextSibling)
		case bit() && bit():
			n.InsertBefore(&html.Node{Type: html.TextNode}, c)
		case bit() && bit() && bit():
			n.InsertBefore(&html.Node{Type: html.DoctypeNode, Data: "pre"}, c)
		}
		if c.FirstChild != nil {
			mdMangle(c, seed)
		}
	}
}

// mdCollapseSame collapses a copy of the tree of src with mdCollapse and
// another with collapse.Collapse (with mdBaseCollapse's block test) and
// compares them node by node.
func mdCollapseSame(t *testing.T, k *mdTagKinds, src string, seed uint64) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Skip()
	}
	if seed != 0 {
		mdMangle(doc, &seed)
	}
	want, got := mdCloneTree(doc), mdCloneTree(doc)
	collapse.Collapse(want, &collapse.DomFuncs{
		IsBlockNode: func(n *html.Node) bool { return k.ofNode(n)&mdKindBlock != 0 },
	})
	mdCollapse(got, k)
	if d := mdTreeDiff(got, want, ""); d != "" {
		t.Errorf("%q (seed %d): %s", src, seed, d)
	}
}

// TestMDCollapse compares mdCollapse with collapse.Collapse on
// mdCollapseCases, the golden inputs and mdBaseCases, as parsed and
// reshaped.
func TestMDCollapse(t *testing.T) {
	k := newMDTagKinds(mdLibContext(t))
	cases := append(append([]string{}, mdCollapseCases...), mdBaseCases...)
	for _, s := range cases {
		for seed := range uint64(8) {
			mdCollapseSame(t, k, s, seed*0x9e3779b97f4a7c15)
		}
	}
	for _, s := range mdBenchInputs(t) {
		mdCollapseSame(t, k, s, 0)
		mdCollapseSame(t, k, s, 12345)
	}
}

// mdBenchInputs returns the golden inputs of testdata/markdown.
func mdBenchInputs(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("testdata/markdown/*.html")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestMDCollapseRoot checks mdCollapse on a lone element root and on a
// root of preformatted content, which collapse.Collapse leaves alone.
func TestMDCollapseRoot(t *testing.T) {
	k := newMDTagKinds(mdLibContext(t))
	for _, name := range []string{"pre", "code", "p", "span"} {
		a := &html.Node{Type: html.ElementNode, Data: name}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: "  x  \n y "})
		b := mdCloneTree(a)
		collapse.Collapse(b, &collapse.DomFuncs{IsBlockNode: func(n *html.Node) bool { return k.ofNode(n)&mdKindBlock != 0 }})
		mdCollapse(a, k)
		if d := mdTreeDiff(a, b, name); d != "" {
			t.Error(d)
		}
	}
}

// FuzzMDCollapse compares mdCollapse with collapse.Collapse on arbitrary
// HTML, reshaped by seed.
func FuzzMDCollapse(f *testing.F) {
	for i, s := range mdCollapseCases {
		f.Add(s, uint64(i))
	}
	for _, s := range mdBaseCases {
		f.Add(s, uint64(0))
	}
	k := newMDTagKinds(mdLibContext(f))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		mdCollapseSame(t, k, s, seed)
	})
}
