package convert

import (
	"reflect"
	"strings"
	"testing"
)

// describe prints parsed parts as a compact tree for comparison.
func describe(parts []blockPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.child == nil {
			b.WriteString("«" + p.html + "»")
			continue
		}
		b.WriteString(p.child.name)
		if len(p.child.attrMap()) > 0 {
			keys := make([]string, 0, len(p.child.attrMap()))
			for k := range p.child.attrMap() {
				keys = append(keys, k)
			}
			b.WriteString("{" + strings.Join(sortedStrings(keys), ",") + "}")
		}
		b.WriteString("(" + describe(p.child.parts) + ")")
	}
	return b.String()
}

func sortedStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func TestParseBlocks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraph", "<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->", "core/paragraph(«\n<p>a</p>\n»)"},
		{"void with attributes", `<!-- wp:block {"ref":12} /-->`, "core/block{ref}()"},
		{"void without space", `<!-- wp:separator/-->`, "core/separator()"},
		{"namespaced", `<!-- wp:syntaxhighlighter/code {"language":"php"} --><pre>x</pre><!-- /wp:syntaxhighlighter/code -->`,
			"syntaxhighlighter/code{language}(«<pre>x</pre>»)"},
		{"nested", "<!-- wp:list --><ul><!-- wp:list-item --><li>a</li><!-- /wp:list-item --></ul><!-- /wp:list -->",
			"core/list(«<ul>»core/list-item(«<li>a</li>»)«</ul>»)"},
		{"freeform between", "x<!-- wp:more --><!--more--><!-- /wp:more -->y", "«x»core/more(«<!--more-->»)«y»"},
		{"escaped json", `<!-- wp:paragraph {"content":"a \u002d\u002d\u003e b"} --><p>a</p><!-- /wp:paragraph -->`, "core/paragraph{content}(«<p>a</p>»)"},
		{"stray closer is text", "<!-- /wp:paragraph -->x", "«<!-- /wp:paragraph -->»«x»"},
		{"unclosed closed at end", "<!-- wp:group --><div>x", "core/group(«<div>x»)"},
		{"other comments are html", "<!-- hello --><!-- wp:html --><b>x</b><!-- /wp:html -->", "«<!-- hello -->»core/html(«<b>x</b>»)"},
		{"bad json", "<!-- wp:image {oops} /-->", "core/image()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(parseBlocks(tt.in)); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestBlockAttrs(t *testing.T) {
	parts := parseBlocks(`<!-- wp:gallery {"ids":[769,"768"],"columns":2,"linkTo":"file"} /-->`)
	b := parts[0].child
	if got := b.attrInts("ids"); !reflect.DeepEqual(got, []int64{769, 768}) {
		t.Errorf("ids = %v", got)
	}
	if b.attrInt("columns") != 2 || b.attrString("linkTo") != "file" {
		t.Errorf("attrs = %v", b.attrMap())
	}
}

func TestBlockNames(t *testing.T) {
	in := `<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->
<!-- wp:columns --><!-- wp:column --><!-- wp:image {"id":1} /--><!-- /wp:column --><!-- /wp:columns -->
<!-- wp:paragraph --><p>b</p><!-- /wp:paragraph --><!-- wp:jetpack/map /-->`
	want := []string{"core/paragraph", "core/columns", "core/column", "core/image", "jetpack/map"}
	if got := BlockNames(in); !reflect.DeepEqual(got, want) {
		t.Errorf("BlockNames = %q, want %q", got, want)
	}
	if got := BlockNames("classic <b>text</b>"); got != nil {
		t.Errorf("BlockNames(classic) = %q", got)
	}
}

// TestFullBlockName: the names spelled out agree with adding "core/".
func TestFullBlockName(t *testing.T) {
	for _, name := range strings.Fields(`paragraph heading list list-item image gallery quote code
		preformatted html separator spacer more embed group columns column buttons button table
		shortcode block cover media-text video audio file pullquote verse freeform x footnotes
		latest-posts a Paragraph`) {
		if got, want := fullBlockName(name), "core/"+name; got != want {
			t.Errorf("fullBlockName(%q) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"core/paragraph", "jetpack/slideshow", "a/b/c"} {
		if got := fullBlockName(name); got != name {
			t.Errorf("fullBlockName(%q) = %q, want it unchanged", name, got)
		}
	}
}
