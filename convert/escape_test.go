package convert

import (
	"strings"
	"testing"
)

func TestNeutralizeCode(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"plain {{ x }}", "plain {{ x }}", true},
		{`{{< figure src="a" >}}`, `{{</* figure src="a" */>}}`, true},
		{"{{% note %}}x{{% /note %}}", "{{%/* note */%}}x{{%/* /note */%}}", true},
		{"{{</* x */>}}", "{{</*/* x */*/>}}", true}, // Hugo shows "{{</* x */>}}"
		{"a {{< b\nc >}} d", "a {{</* b\nc */>}} d", true},
		{"{{{< x >}}", "{{{</* x */>}}", true},
		{"{{< x %}}", "", false},
		{"unclosed {{% x", "", false},
	} {
		got, ok := mdNeutralizeCode(tc.in)
		got = strings.ReplaceAll(got, mdSC, "{{")
		if got != tc.want || ok != tc.ok {
			t.Errorf("mdNeutralizeCode(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNeutralizeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no braces", "no braces"},
		{"{{&lt; x &gt;}}", "{{&lt; x &gt;}}"},
		{"{{% note %}}", "{{%/* note */%}}"},
		{"{{% open", "{&#123;% open"},
		{"{{<sup>1</sup>", "{&#123;<sup>1</sup>"},
		{"{{{% x", "{{&#123;% x"},
	} {
		if got := mdNeutralizeText(tc.in); got != tc.want {
			t.Errorf("mdNeutralizeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if _, _, err := hugoShortcodes(mdNeutralizeText(tc.in)); err != nil {
			t.Errorf("Hugo would fail on %q: %v", mdNeutralizeText(tc.in), err)
		}
	}
}

func TestParam(t *testing.T) {
	for _, tc := range []struct {
		in       string
		markdown bool
		want     string
	}{
		{"plain", false, `"plain"`},
		{`say "hi"`, false, `"say \"hi\""`},
		{`back\slash "q"`, false, `"backslash \"q\""`},
		{`ends in \`, false, `"ends in"`},
		{"two\nlines", false, `"two lines"`},
		{`**b** "q"`, true, `"**b** &quot;q&quot;"`},
		{`snake\_case \\`, true, `"snake\_case &#92;"`},
		{"line  \nbreak", true, `"line<br>break"`},
		{"{{< x >}}", false, `"{{< x >}}"`},
		{"{{% c %}}", true, `"{&#123;% c %}}"`},
	} {
		got := strings.ReplaceAll(mdParam(tc.in, tc.markdown), mdSC, "{{")
		if got != tc.want {
			t.Errorf("mdParam(%q, %v) = %s, want %s", tc.in, tc.markdown, got, tc.want)
		}
		sc, _, err := hugoParse(`figure caption=`+got+` >}}`, ">}}")
		if err != nil {
			t.Errorf("Hugo cannot read %s: %v", got, err)
		} else if !tc.markdown && !strings.Contains(tc.in, `\`) && sc.named["caption"] != strings.Join(strings.Fields(tc.in), " ") {
			t.Errorf("Hugo reads %s as %q", got, sc.named["caption"])
		}
	}
}

func TestDashRun(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`a --- b`, `a --- b`},
		{`\---`, `\-\-\-`},
		{`\--`, `\-\-`},
		{`\\---`, `\\---`}, // an escaped backslash, then dashes mid-line
		{`> \-----`, `> \-\-\-\-\-`},
		{`\- item`, `\- item`},
	} {
		if got := mdDashRun(tc.in); got != tc.want {
			t.Errorf("mdDashRun(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFinish(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "\n\n", ""},
		{"one newline", "a", "a\n"},
		{"hard break", "a  \nb", "a\\\nb\n"},
		{"break at block end", "a  \n\nb", "a\n\nb\n"},
		{"break after backslash", "a \\\\  \nb", "a \\\\  \nb\n"},
		{"trailing spaces", "a   \n\n\n\nb \t", "a\n\nb\n"},
		{"code kept", mdCodeOpen + "```\nx  \n\n\n\ny\t\n```" + mdCodeClose, "```\nx  \n\n\n\ny\t\n```\n"},
		{"tight nested list", "- a\n\n  - b", "- a\n  - b\n"},
		{"loose paragraphs kept", "- a\n\n  b", "- a\n\n  b\n"},
		{"lists apart", "- a\n\n" + mdListEnd + "\n\n- b", "- a\n\n<!-- -->\n\n- b\n"},
		{"stray list end", "a\n\n" + mdListEnd + "\n\nb", "a\n\nb\n"},
		{"block start after break", "a  \n 1. b", "a\\\n1\\. b\n"},
		{"shortcode restored", mdSC + "< youtube x >}}", "{{< youtube x >}}\n"},
		{"text shortcode escaped", "{{% x %}}", "{{%/* x */%}}\n"},
	} {
		if got := mdFinish(tc.in, nil); got != tc.want {
			t.Errorf("%s: mdFinish(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
	if got, want := mdFinish("a", []string{"https://x.example/", mdRelref("posts/b.md")}), "a\n\n[1]: https://x.example/\n[2]: {{< relref \"posts/b.md\" >}}\n"; got != want {
		t.Errorf("references: got %q, want %q", got, want)
	}
}

func TestSanitize(t *testing.T) {
	in := "a\x00b\x02c\x07d\te\nf\uF002g"
	if got, want := mdSanitize(in), "abcd\te\nf\uFFFDg"; got != want {
		t.Errorf("mdSanitize = %q, want %q", got, want)
	}
	if s := "clean text"; mdSanitize(s) != s {
		t.Error("clean text changed")
	}
}

// TestMarkdownCases are small conversions, each about one rule.
func TestMarkdownCases(t *testing.T) {
	c := New(NewSite(), Options{})
	for _, tc := range []struct{ name, in, want string }{
		{"dash line", "<p>---</p>", `\-\-\-`},
		{"dash mid-line", "<p>a --- b</p>", "a --- b"},
		{"more", "<p>a</p><!--more--><p>b</p>", "a\n\n<!--more-->\n\nb"},
		{"more with text", "<p>a<!--more Read on--></p>", "a\n\n<!--more-->"},
		{"comment dropped", "<p>a<!-- x -->b</p>", "ab"},
		{"bold before punctuation", "<p><strong>Note:</strong>text</p>", "<strong>Note:</strong>text"},
		{"bold", "<p><b>Note:</b> text</p>", "**Note:** text"},
		{"star closing", "<p><strong>0* 00</strong></p>", `**0\* 00**`},
		{"code fence longer", "<pre><code>a ```` b</code></pre>", "`````\na ```` b\n`````"},
		{"code language", `<pre class="brush: php; gutter: false">x</pre>`, "```php\nx\n```"},
		{"code in quote", "<blockquote><pre>a\n\nb</pre></blockquote>", "> ```\n> a\n> \n> b\n> ```"}, // "> " is the quote's, the line is code
		{"inline code pipe in cell", "<table><tr><th>h</th></tr><tr><td><code>a|b</code></td></tr></table>", "| h      |\n|--------|\n| `a\\|b` |"},
		{"sup kept", "<p>x<sup>2</sup></p>", "x<sup>2</sup>"},
		{"youtube", `<iframe src="//www.youtube.com/embed/abc_DEF-12?rel=0"></iframe>`, "{{< youtube abc_DEF-12 >}}"},
		{"vimeo", `<iframe src="https://player.vimeo.com/video/123"></iframe>`, "{{< vimeo 123 >}}"},
		{"other iframe", `<iframe src="https://x.example/e"></iframe>`, `<iframe src="https://x.example/e"></iframe>`},
		{"figure", `<figure><img src="/a.jpg" alt="A"><figcaption>Cap "q"</figcaption></figure>`, `{{< figure src="/a.jpg" alt="A" caption="Cap &quot;q&quot;" >}}`},
		{"image", `<p><img src="/a b.png" alt="x" title="t"></p>`, `![x](/a%20b.png "t")`},
		{"table span", `<table><tr><td rowspan="2">a</td></tr></table>`, `<table><tbody><tr><td rowspan="2">a</td></tr></tbody></table>`},
		{"control via entity", "<p>a&#2;b</p>", "ab"},
		{"entity-like text", "<p>&amp;copy; &amp;#169; &amp;amp; &amp; AT&amp;T</p>", "&amp;copy; &amp;#169; &amp;amp; & AT&T"},
	} {
		got, _, err := c.markdown(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want+"\n" {
			t.Errorf("%s: markdown(%q) =\n%q\nwant\n%q", tc.name, tc.in, got, tc.want+"\n")
		}
	}
}
