package convert

import (
	"strings"
	"testing"
)

func TestAutop(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only space", " \n\t\n", ""},
		{"one line", "Hello", "<p>Hello</p>\n"},
		{"line break", "a\nb", "<p>a<br />\nb</p>\n"},
		{"trailing spaces before newline", "a  \nb", "<p>a<br />\nb</p>\n"},
		{"paragraphs", "a\n\nb", "<p>a</p>\n<p>b</p>\n"},
		{"many blank lines", "a\n\n\n\nb", "<p>a</p>\n<p>b</p>\n"},
		{"blank line with spaces", "a\n  \t\nb", "<p>a</p>\n<p>b</p>\n"},
		{"crlf", "a\r\n\r\nb\r\nc", "<p>a</p>\n<p>b<br />\nc</p>\n"},
		{"block alone", "<div>x</div>", "<div>x</div>\n"},
		{"brief example", "First line\nsecond line\n<div>block</div>\nPara after div",
			"<p>First line<br />\nsecond line</p>\n<div>block</div>\n<p>Para after div</p>\n"},
		{"pre untouched", "a\n<pre>x\n\n  y</pre>\nb", "<p>a</p>\n<pre>x\n\n  y</pre>\n<p>b</p>\n"},
		{"pre with attributes", "<pre class=\"x\">a\nb</pre>", "<pre class=\"x\">a\nb</pre>\n"},
		{"list", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"},
		{"two br end a paragraph", "a<br><br>b", "<p>a</p>\n<p>b</p>\n"},
		{"br with newline kept once", "a<br/>\nb", "<p>a<br />\nb</p>\n"},
		{"comment chunk bare", "a\n\n<!--more-->\n\nb", "<p>a</p>\n<!--more-->\n<p>b</p>\n"},
		{"blockquote text is a paragraph", "<blockquote>q</blockquote>", "<blockquote><p>q</p></blockquote>\n"},
		{"newline inside a tag", "<a\nhref=\"x\">l</a>", "<p><a\nhref=\"x\">l</a></p>\n"},
		{"newline inside a comment", "a<!-- x\n\ny -->b", "<p>a<!-- x\n\ny -->b</p>\n"},
		{"text before closing div", "<div>\n\ntext</div>", "<div>\n<p>text</p></div>\n"},
		{"text after opening div", "<div>text\n\nmore</div>", "<div><p>text</p>\n<p>more</p></div>\n"},
		{"hr", "a\n<hr />\nb", "<p>a</p>\n<hr />\n<p>b</p>\n"},
		{"script kept whole", "<script>\nx\n\ny\n</script>", "<script>\nx\n\ny\n</script>\n"},
		{"heading", "<h2>Title</h2>\nText", "<h2>Title</h2>\n<p>Text</p>\n"},
		{"inline markup", "<strong>a</strong>\n<em>b</em>", "<p><strong>a</strong><br />\n<em>b</em></p>\n"},
		{"existing p", "<p>a</p>\n<p>b</p>", "<p>a</p>\n<p>b</p>\n"},
		{"table", "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>", "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>\n"},
		{"lone less-than", "a < b\n\nc", "<p>a < b</p>\n<p>c</p>\n"},
		{"stray closing p dropped", "<p>a\n\n</p>\n\nb", "<p>a</p>\n<p>b</p>\n"},
		{"empty p dropped", "a\n\n<p></p>\n\nb", "<p>a</p>\n<p>b</p>\n"},
		{"br after a block", "<div>x</div><br />\ny<br>", "<div>x</div>\n<p>y</p>\n"},
		{"uppercase block tag", "x<DIV>y</DIV>z", "<p>x</p>\n<DIV>y</DIV>\n<p>z</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := autop(tt.in, nil); got != tt.want {
				t.Errorf("autop(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAutopStandalone(t *testing.T) {
	in := "a\n\n[gallery]\n\n[other]"
	got := autop(in, func(c string) bool { return strings.HasPrefix(c, "[gallery") })
	want := "<p>a</p>\n[gallery]\n<p>[other]</p>\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestAutopIdempotent: autop over its own output changes nothing, as it
// nearly does in WordPress.
func TestAutopIdempotent(t *testing.T) {
	for _, in := range []string{"a\nb\n\nc", "<div>x</div>\ny", "<ul>\n<li>a</li>\n</ul>\n\ntext"} {
		once := autop(in, nil)
		if twice := autop(once, nil); twice != once {
			t.Errorf("autop not stable on %q:\n once %q\ntwice %q", in, once, twice)
		}
	}
}

func TestAutopCutParagraph(t *testing.T) {
	got := autop("<p>one\n\ntwo</p>", nil)
	if want := "<p>one</p>\n<p>two</p>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
