package convert

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// treeDiff describes the first difference between the trees want and got,
// node by node (type, data, atom, namespace, attributes in order, children),
// and checks got's links (Parent, PrevSibling, LastChild) hold together;
// "" when they are the same.
func treeDiff(want, got *html.Node) string {
	return treeDiffAt(want, got, "doc")
}

func treeDiffAt(want, got *html.Node, path string) string {
	if d := nodeDiff(want, got); d != "" {
		return path + ": " + d
	}
	wc, gc := want.FirstChild, got.FirstChild
	var prev *html.Node
	for i := 0; wc != nil || gc != nil; i++ {
		at := fmt.Sprintf("%s/%d", path, i)
		switch {
		case wc == nil:
			return at + ": extra node " + nodeString(gc)
		case gc == nil:
			return at + ": missing node " + nodeString(wc)
		case gc.Parent != got || gc.PrevSibling != prev:
			return at + ": broken links"
		}
		if d := treeDiffAt(wc, gc, at+"("+wc.Data+")"); d != "" {
			return d
		}
		prev, wc, gc = gc, wc.NextSibling, gc.NextSibling
	}
	if got.LastChild != prev {
		return path + ": broken LastChild"
	}
	return ""
}

// nodeDiff compares two nodes' own fields.
func nodeDiff(w, g *html.Node) string {
	if w.Type != g.Type || w.Data != g.Data || w.DataAtom != g.DataAtom || w.Namespace != g.Namespace {
		return fmt.Sprintf("node %s, want %s", nodeString(g), nodeString(w))
	}
	if !slices.Equal(w.Attr, g.Attr) {
		return fmt.Sprintf("%s attributes %q, want %q", w.Data, g.Attr, w.Attr)
	}
	return ""
}

func nodeString(n *html.Node) string {
	return fmt.Sprintf("{type %d %q atom %q ns %q}", n.Type, n.Data, n.DataAtom, n.Namespace)
}

// treeCheck parses src both ways; it reports whether htmlTree took it and,
// if so, how its tree differs from html.Parse's. It checks src followed by
// a newline too (parseHTML's nl).
func treeCheck(src string) (fast bool, diff string) {
	fast, diff = treeCheckNL(src, false)
	if diff == "" {
		_, diff = treeCheckNL(src, true)
	}
	return fast, diff
}

func treeCheckNL(src string, nl bool) (fast bool, diff string) {
	got, ok := htmlTree(src, nl)
	if !ok {
		return false, ""
	}
	want, err := html.Parse(htmlReader(src, nl))
	if err != nil {
		return true, "html.Parse failed: " + err.Error()
	}
	if d := treeDiff(want, got); d != "" {
		return true, fmt.Sprintf("nl %v: %s", nl, d)
	}
	return true, ""
}

// TestTreeDiff checks the comparison can fail.
func TestTreeDiff(t *testing.T) {
	parse := func(s string) *html.Node {
		n, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, pair := range [][2]string{
		{"<p>a</p>", "<p>b</p>"},
		{"<p>a</p>", "<div>a</div>"},
		{"<p>a</p>", "<p>a</p><p></p>"},
		{"<p>a</p><p></p>", "<p>a</p>"},
		{"<p a=1 b=2>", "<p b=2 a=1>"},
		{"<p a=1>", "<p a=2>"},
		{"<p><!--a--></p>", "<p>a</p>"},
		{"<p><x-a></x-a></p>", "<p><x-b></x-b></p>"},
		{"<p><svg></svg></p>", "<p><svgx></svgx></p>"},
		{"<p><b>x</b></p>", "<p><b></b>x</p>"},
	} {
		if d := treeDiff(parse(pair[0]), parse(pair[1])); d == "" {
			t.Errorf("%q and %q: no difference found", pair[0], pair[1])
		}
	}
	n := parse("<p>a</p><p>b</p>")
	if d := treeDiff(n, n); d != "" {
		t.Errorf("same tree: %s", d)
	}
	p := parse("<p>a</p><p>b</p>")
	body := p.FirstChild.LastChild
	body.LastChild = body.FirstChild // broken links
	if d := treeDiff(n, p); d == "" {
		t.Error("broken LastChild not found")
	}
}

// htmlTreeCases are snippets, with whether htmlTree must take them. Both
// ways must agree on every one it takes.
var htmlTreeCases = []struct {
	src  string
	fast bool
}{
	// what the render stage writes
	{"", true},
	{"\n", true},
	{"  \n<!-- c -->\n<p>a</p>\n", true},
	{"<!--more-->\n\n<p>x</p>", true},
	{" \t\f\r\n  x", true},
	{"&#32; x", true},
	{"x <b>y</b> z", true},
	{"<p>One <strong>two</strong> <em>three</em> <a href=\"/x\" title=\"t\">four</a><br />\nfive</p>\n", true},
	{"<p><a title=\"b\" href=\"a\" class=\"c\" href=\"dup\">sorted</a></p>", true},
	{"<p><span title=\"b\" data-x=\"a\">kept in order</span></p>", true},
	{"<ul>\n<li>a</li>\n<li>b<ul><li>c</li></ul></li>\n</ul>", true},
	{"<ol><li><p>a</p><div><li>x</li></div></li></ol>", false}, // li inside div closes the li
	{"<ol><li><span><li>x</li></span></li></ol>", false},
	{"<ol><li><ul><li>x</li></ul></li></ol>", true},
	{"<dl><dt>a</dt><dd>b</dd></dl>", true},
	{"<dl><dt>a<dd>b</dd></dt></dl>", false},
	{"<dl><dd><li>a</li></dd></dl>", true},
	{"<ul><li><dd>a</dd></li></ul>", true},
	{"<blockquote><p>q</p></blockquote>", true},
	{"<h2 id=\"x\">Title <em>e</em></h2>", true},
	{"<h2><h3>x</h3></h2>", false},
	{"<h2><span><h3>x</h3></span></h2>", true},
	{"<pre>\ncode\n</pre>", true},
	{"<pre>\n\ncode</pre>", true},
	{"<pre><code>\nx</code></pre>", true},
	{"<pre><!--c-->\nx</pre>", true},
	{"<pre>&#10;x</pre>", true},
	{"<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"\" /><figcaption>c</figcaption></figure>", true},
	{"<figure class=\"wp-block-table\"><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></figure>", true},
	{"<table>\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>", true},
	{"<table><tr><td>a</td></tr></table>", false}, // implied tbody
	{"<table><tbody><td>a</td></tbody></table>", false},
	{"<table> x <tbody></tbody></table>", false}, // foster parenting
	{"<table><tbody><tr><td><table><tbody><tr><td>n</td></tr></tbody></table></td></tr></tbody></table>", true},
	{"<table><tbody><tr><td><p>a</p><div>b</div></td></tr></tbody></table>", true},
	{"<p><table><tbody><tr><td><div>a</div></td></tr></tbody></table></p>", true}, // quirks: table in p
	{"<table><caption>c</caption></table>", false},
	{"<table><colgroup><col></colgroup></table>", false},
	{"<table><b>x</b></table>", false},
	{"<p>a<div>b</div></p>", false},
	{"<p>a<p>b</p></p>", false},
	{"<p>a<hr></p>", false},
	{"<p>a</p><hr /><p>b</p>", true},
	{"<p><img src=x><br><wbr></p>", true},
	{"<p><br/></p>", true},
	{"<p/>", false},
	{"<div/>", false},
	{"<p>a</br></p>", false},
	{"<p>a", false},
	{"a</p>", false},
	{"<b><i>x</b></i>", false},
	{"<a href=1><a href=2>x</a></a>", false},
	{"<a href=1><b>x</b></a>", true},
	{"<b><b><b>x</b></b></b>", true},
	{"<b><b><b><b>x</b></b></b></b>", false}, // Noah's Ark
	{"<b><b a=1><b><b>x</b></b></b></b>", false},
	{"<wpexit-more></wpexit-more>", true},
	{"<p><wpexit-seam data-t=\"1\"></wpexit-seam></p>", true},
	{"<div class=\"gallery\">\n<wpexit-figures data-n=\"0\"></wpexit-figures>\n</div>", true},
	{"<X-Custom>x</x-custom>", true},
	{"<x-a>x</x-b>", false},
	{"<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\"></iframe>", true},
	{"<p><iframe>a <b> &amp; </iframe></p>", true},
	{"<iframe>unclosed", false},
	{"<iframe/>", false},
	{"<!DOCTYPE html><p>x</p>", false},
	{"<html><body>x</body></html>", false},
	{"<script>x</script>", false},
	{"<style>p{}</style>", false},
	{"<textarea>\nx</textarea>", false},
	{"<title>x</title>", false},
	{"<svg><path/></svg>", false},
	{"<math></math>", false},
	{"<select><option>a</option></select>", false},
	{"<form></form>", false},
	{"<button>x</button>", false},
	{"<object></object>", false},
	{"<nobr>x</nobr>", false},
	{"<image src=x>", false},
	{"<listing>\nx</listing>", false},
	{"<search><li>x</li></search>", false},
	{"<p>x\x00y</p>", false},
	{"a\r\nb\rc", true},
	{"<p title='a\r\nb'>x</p>", true},
	{"<video controls><source src=a.mp4 type=video/mp4><track src=t.vtt></video>", true},
	{"<p>a < b &lt; c > d &amp;amp; &notit; &#x1F600;</p>", true},
	{"<p>a</ p>b</p>", false},            // htmlTokens is unsure
	{"<p>a<!-- x -- y --!>b</p>", false}, // htmlTokens is unsure
	{"<p><![CDATA[x]]></p>", false},      // htmlTokens is unsure
	{"<p><?php x ?></p>", false},         // htmlTokens is unsure
	{"</>x", false},                      // htmlTokens is unsure
	{"<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>", true},
	{"<details><summary>s</summary>d</details>", true},
	{"<center><font color=red face=x>r</font></center>", true},
	{"<p><small><s><u><tt><big><strike>x</strike></big></tt></u></s></small></p>", true},
	// htmlTokens: character references
	{"<p>&amp;&lt;&gt;&quot;&apos;&nbsp;&copy &copyx &notit; &notin &amp &#38 &#x26; &#0; &#x110000; &#128; &#xD800;</p>", true},
	{"<p>&AMP; &Amp; &; &# &#x &#xg & a&b &&amp;&& &fjlig; &nvlt;&bne;</p>", true},
	{"&amp", true},
	{"a &", true},
	{"<p>&#13;&#x0d;\r\n&#10;</p>", true},
	{"<a href=\"/x?a=1&b=2&amp;c=3&copy=4&copy;=5&copyx&notit&not&notin;&#38&lt\">x</a>", true},
	{"<a href='&amp&amp=&ampx&lt;x&gt &GT &#x41&#65;'>x</a>", true},
	{"<a href=a&b=c&copy&amp>x</a>", true},
	{"<a title=\"&#13;\r\n\r&#x0D;\">x</a>", true},
	// htmlTokens: attribute syntax
	{"<p a b=1 c = 2 d= \"3\" e ='4' f=\"\" g=''>x</p>", true},
	{"<p a=\"1\"b=\"2\"c='3'd=4>x</p>", true},
	{"<p A=1 a=2 B=3>x</p>", true},
	{"<p class=a CLASS=b Class=c>x</p>", true},
	{"<p data-X=\"1\" xml:lang=en aria-Label=y>x</p>", true},
	{"<p a=\"x>y\" b='x\"y' c=\"x'y\">x</p>", true},
	{"<p a=x\"y b=x'y c=x=y d=x`y e=x<y>x</p>", true},
	{"<p a=/x/>x</p>", true},
	{"<p\n\ta=1\r\n>x</p\n>", true},
	{"<p a=\"line\r\nbreak\rs\">x</p>", true},
	{"<br a=1/><br a=\"1\"/><br a/><br a /><br/ ><img\tsrc=x/>", false},
	{"<br a=1 /><br a=\"1\"/><br a/><br a /><img\tsrc=x />", true},
	{"<p a=>x</p>", false},
	{"<p =a>x</p>", false},
	{"<p a\"=1>x</p>", false},
	{"<p a/b>x</p>", false},
	{"<p / a>x</p>", false},
	{"<p a=\"1>x</p>", false},
	{"<p a='1", false},
	{"<p a=1", false},
	{"<p", false},
	{"<p a", false},
	// htmlTokens: tags
	{"<P>x</P><DiV ID=a>y</dIv><Br>", true},
	{"<x:y a:b=1>t</X:Y><x_y.z-1>t</x_y.z-1>", true},
	{"<img src=x/><img\tsrc=x/ ><img src=\"x\"/><br/><br />", true},
	{"<br/ >", false},
	{"<p>a<\u00e9 b</p>", true},
	{"<p>a<3 a< b a <= c<</p>", true},
	{"x<", true},
	{"x<\n", true},
	{"<p>a</p >b", true},
	{"<p>a</p a>", false},
	{"<p>a</p/>", false},
	{"<p>a</3></p>", false},
	{"<p>a</", false},
	{"<p>a<!doctype html></p>", false},
	{"<x\u00e9>x</x\u00e9>", false},
	// htmlTokens: comments
	{"<!-->x", true},
	{"<!--->x", true},
	{"<!---->x", true},
	{"<!----->x", true},
	{"<p>a<!-- -- -->b<!-- a--b -- -->c<!-- - -- --->d</p>", true},
	{"<p><!-- a--!-->b</p>", false},
	{"<p><!-- &amp; &lt; \r\n \r x --></p>", true},
	{"<p><!-- <p> </p> --></p>", true},
	{"<p><!-- x", false},
	{"<p><!-- x --", false},
	{"<p><!- x --></p>", false},
	// htmlTokens: raw text
	{"<iframe>a &amp; <p> </iframex> </ifram \r\n</IFRAME\n>", true},
	{"<iframe></iframe><iframe>\r</iframe>", true},
	{"<iframe>a</iframe/>", false},
	{"<iframe>a</iframe", false},
	{"<noscript>x</noscript>", false},
	{"<xmp>x</xmp>", false},
	{"<plaintext>x", false},
	{"<noembed>x</noembed>", false},
	{"<noframes>x</noframes>", false},
	// CR, CRLF and a newline after
	{"a\r", true},
	{"<p>a\r</p>\r\n\r", true},
	{"<pre>\r\nx</pre><pre>\rx</pre><pre>\r\r\nx</pre>", true},
}

func TestHTMLTree(t *testing.T) {
	for _, c := range htmlTreeCases {
		fast, diff := treeCheck(c.src)
		if diff != "" {
			t.Errorf("%q: %s", c.src, diff)
		}
		if fast != c.fast {
			t.Errorf("%q: fast %v, want %v", c.src, fast, c.fast)
		}
	}
}

// TestHTMLTreeNesting nests every pair and triple of the tags htmlTree
// knows, in body, in a p, in a list item and in a table cell, and checks
// the trees agree whenever htmlTree takes the input.
func TestHTMLTreeNesting(t *testing.T) {
	tags := treeTestTags()
	wraps := [][2]string{
		{"", ""}, {"<p>", "</p>"}, {"<ul><li>", "</li></ul>"}, {"<dl><dd>", "</dd></dl>"},
		{"<table><tbody><tr><td>", "</td></tr></tbody></table>"}, {"<p><span>", "</span></p>"},
		{"<b><b>", "</b></b>"}, {"<a>", "</a>"}, {"<h2>", "</h2>"}, {"<pre>", "</pre>"},
	}
	taken, n := 0, 0
	for _, w := range wraps {
		for _, x := range tags {
			for _, y := range tags {
				for _, inner := range []string{"t", treeElement(y, "\n t")} {
					src := w[0] + treeElement(x, inner) + w[1]
					fast, diff := treeCheck(src)
					if diff != "" {
						t.Fatalf("%q: %s", src, diff)
					}
					n++
					if fast {
						taken++
					}
				}
			}
		}
	}
	t.Logf("%d of %d inputs taken", taken, n)
}

// treeTestTags lists every tag with a treeKind, and some it gives up on.
func treeTestTags() []string {
	var tags []string
	for a := atom.Atom(1); a < 1<<24; a++ {
		if s := a.String(); s != "" && atom.Lookup([]byte(s)) != 0 && treeKind(atom.Lookup([]byte(s))) != treeOther {
			tags = append(tags, s)
		}
	}
	slices.Sort(tags)
	tags = slices.Compact(tags)
	return append(tags, "x-custom", "wpexit-more", "search", "dialog", "button", "object", "select",
		"option", "form", "rt", "ruby", "input", "col", "caption", "marquee", "keygen", "image", "textarea")
}

// treeElement writes an element with content (none for a void one).
func treeElement(tag, content string) string {
	switch treeKind(atom.Lookup([]byte(tag))) {
	case treeVoid:
		return "<" + tag + " b=\"2\" a=\"1\">"
	}
	return "<" + tag + " b=\"2\" a=\"1\">" + content + "</" + tag + ">"
}

// FuzzHTMLTree checks that whenever htmlTree takes an input, its tree is
// html.Parse's.
func FuzzHTMLTree(f *testing.F) {
	for _, c := range htmlTreeCases {
		f.Add(c.src)
	}
	files, _ := filepath.Glob("testdata/markdown/*.html")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, diff := treeCheck(src); diff != "" {
			t.Errorf("%q: %s", src, diff)
		}
	})
}

// TestHTMLTreeRandom writes random documents from the tags htmlTree knows
// (and a few it does not), with text, white space, entities, comments and
// attributes, and checks the trees agree whenever htmlTree takes one.
func TestHTMLTreeRandom(t *testing.T) {
	tags := treeTestTags()
	texts := []string{"x", " ", "\n", "\r\n", "\n\n", "a &amp; b", "&lt;p&gt;", "&#10;", "&nbsp;", "\t\f",
		"<!-- c -->", "<!---->", "</ x>", "a < b", "<!-->", "<!-- a -- b --->", "&copy &notit; &amp", "\ufffd", "é"}
	attrs := []string{"", " a=1", " B=\"2\" a='1'", " href=\"/x?a=1&amp;b=2\" title=t", " a=1 a=2", " class",
		" HREF='?a=1&b=2&copy=3&copy&notit;&notit' A = \"x\r\ny\" a=2", " a=x/ b"}
	rng := rand.New(rand.NewPCG(1, 2))
	var write func(sb *strings.Builder, depth int)
	write = func(sb *strings.Builder, depth int) {
		for range rng.IntN(4) {
			if depth > 5 || rng.IntN(3) == 0 {
				sb.WriteString(texts[rng.IntN(len(texts))])
				continue
			}
			tag := tags[rng.IntN(len(tags))]
			if rng.IntN(8) == 0 {
				tag = strings.ToUpper(tag)
			}
			sb.WriteString("<" + tag + attrs[rng.IntN(len(attrs))] + ">")
			if treeKind(atom.Lookup([]byte(strings.ToLower(tag)))) == treeVoid {
				continue
			}
			write(sb, depth+1)
			sb.WriteString("</" + tag + ">")
		}
	}
	taken := 0
	const n = 30000
	for range n {
		var sb strings.Builder
		write(&sb, 0)
		fast, diff := treeCheck(sb.String())
		if diff != "" {
			t.Fatalf("%q: %s", sb.String(), diff)
		}
		if fast {
			taken++
		}
	}
	t.Logf("%d of %d taken", taken, n)
}

// TestHTMLTreeAttrSlab checks nodes' attributes, cut from one slab, do not
// share room: appending to one leaves the next as it was.
func TestHTMLTreeAttrSlab(t *testing.T) {
	doc, ok := htmlTree(`<p a="1"><span b="2"></span></p>`, false)
	if !ok {
		t.Fatal("not taken")
	}
	p := doc.FirstChild.LastChild.FirstChild
	p.Attr = append(p.Attr, html.Attribute{Key: "c", Val: "3"})
	if span := p.FirstChild; len(span.Attr) != 1 || span.Attr[0].Key != "b" {
		t.Errorf("span's attributes are %q", span.Attr)
	}
}
