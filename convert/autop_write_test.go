package convert

import (
	"strings"
	"testing"
)

// autopDiffCases are inputs on which autop must agree with autopRef, the
// implementation that built each paragraph as a string.
var autopDiffCases = []string{
	"", " \n\t", "\u00a0\n", "a", "a\nb", "a  \nb\n\nc", "<div>x</div>", "<div>\n\ntext</div>",
	"<div>text\n\nmore</div>", "<blockquote>q</blockquote>", "<blockquote>a\nb\n\nc</blockquote>",
	"<p>one\n\ntwo</p>", "<p></p>", "</p>", "<br /><br />", "<br />\n", "a<br><br>b", "a<br/>\nb",
	"<a\nhref=\"x\">l</a>", "a<!-- x\n\ny -->b", "<!--more-->", "x\n\n<!--more-->\n\ny",
	"<pre>a\n\nb</pre>\nc", "<td>a\nb</td>", "<ul>\n<li>a\nb</li>\n</ul>", "a\x1db\n\nc\x1d",
	"<h2>T</h2>\nText<br />  \nmore  \n", "[gallery ids=\"1\"]", "text\n[gallery]\n\n[gallery]",
	"<section>x</section>\n\n<section>\ny", "<hr />\n\n<hr>", "<p>a</p>\n<p>b</p>", classicPost(3000),
}

func autopTestStandalone(c string) bool { return strings.HasPrefix(c, "[gallery") }

func TestAutopMatchesRef(t *testing.T) {
	for _, in := range autopDiffCases {
		for _, sa := range []func(string) bool{nil, autopTestStandalone} {
			if got, want := autop(in, sa), autopRef(in, sa); got != want {
				t.Errorf("autop(%q) = %q, want %q (autopRef)", in, got, want)
			}
		}
	}
}

// FuzzAutopMatchesRef: autop writes what autopRef builds.
func FuzzAutopMatchesRef(f *testing.F) {
	for _, in := range autopDiffCases {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := autop(in, autopTestStandalone), autopRef(in, autopTestStandalone); got != want {
			t.Errorf("autop(%q) = %q, want %q (autopRef)", in, got, want)
		}
	})
}

func TestTextIsBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "\u00a0", " \u0085 ", "a", " a", "\u00a0x", "\u2003", "\x1d", "é"} {
		if got, want := textIsBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("textIsBlank(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzMarkBlocksMatchesRef: markBlocks, which holds a "<br />" back,
// writes what markBlocksRef, which takes it back, does.
func FuzzMarkBlocksMatchesRef(f *testing.F) {
	for _, in := range append(autopDiffCases, "a<br />\n \t<br>b", "<a <br /> <br>", "x<br /></div>\n<br>",
		"<br><br><br>", "<hr <br />\n<br />", "<!-- <br />", "<br />\n<p>\n<br />", "<!x <br />\n<br>") {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := markBlocks(in), markBlocksRef(in); got != want {
			t.Errorf("markBlocks(%q) = %q, want %q", in, got, want)
		}
	})
}
