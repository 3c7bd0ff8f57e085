package convert

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"golang.org/x/net/html"
)

// The reference for mdBase is the library's base plugin: a Converter whose
// library converter is built with it (mdLibConverter), and probes that run
// one of its handlers on chosen input (mdBaseProbe).

// mdLibConverter returns a Converter like New's, but with the library's
// base plugin in place of mdBase.
func mdLibConverter(opts Options) *Converter {
	c := New(NewSite(), opts)
	c.md = newMarkdownWith(base.NewBasePlugin())
	return c
}

// mdBaseProbe runs the library's base plugin's text transform or trim on
// chosen input, within a converter built as newMarkdown builds it: one
// hook hands the handler the input (priority just before it) and another
// takes its result (just after).
type mdBaseProbe struct {
	conv  *converter.Converter
	in    string
	out   string
	armed bool
}

// newMDTextProbe probes the base plugin's text transform.
func newMDTextProbe() *mdBaseProbe {
	p := &mdBaseProbe{conv: newMarkdownWith(base.NewBasePlugin())}
	p.conv.Register.TextTransformer(func(_ converter.Context, s string) string {
		if s != "probe" {
			return s
		}
		p.armed = true
		return p.in
	}, converter.PriorityStandard-1)
	p.conv.Register.TextTransformer(func(_ converter.Context, s string) string {
		if p.armed {
			p.out, p.armed = s, false
		}
		return s
	}, converter.PriorityStandard+1)
	return p
}

// newMDTrimProbe probes the base plugin's trim post-renderer.
func newMDTrimProbe() *mdBaseProbe {
	p := &mdBaseProbe{conv: newMarkdownWith(base.NewBasePlugin())}
	p.conv.Register.PostRenderer(func(_ converter.Context, b []byte) []byte {
		p.armed = true
		return []byte(p.in)
	}, converter.PriorityStandard-1)
	p.conv.Register.PostRenderer(func(_ converter.Context, b []byte) []byte {
		if p.armed {
			p.out, p.armed = string(b), false
		}
		return b
	}, converter.PriorityStandard+1)
	return p
}

// run returns the probed handler's result for s.
func (p *mdBaseProbe) run(t testing.TB, s string) string {
	t.Helper()
	p.in, p.out, p.armed = s, "", false
	if _, err := p.conv.ConvertString("<p>probe</p>"); err != nil {
		t.Fatal(err)
	}
	if p.armed || p.in != s {
		t.Fatalf("probe of %q: the handler did not run", s)
	}
	return p.out
}

// TestMDBaseEscapeSet checks mdEscapedChars against the set the plugins of
// newMarkdown register: a rune is in the set when the library's
// EscapeContent puts the marker before it. Every rune is asked.
func TestMDBaseEscapeSet(t *testing.T) {
	conv := newMarkdownWith(base.NewBasePlugin())
	lib := map[rune]bool{}
	conv.Register.PreRenderer(func(ctx converter.Context, _ *html.Node) {
		var buf [utf8.UTFMax]byte
		for r := rune(1); r <= utf8.MaxRune; r++ {
			enc := buf[:utf8.EncodeRune(buf[:], r)]
			if got := ctx.EscapeContent(enc); len(got) > len(enc) && got[0] == marker.BytesMarkerEscaping[0] {
				lib[r] = true
			}
		}
	}, converter.PriorityEarly-1)
	if _, err := conv.ConvertString("<p>x</p>"); err != nil {
		t.Fatal(err)
	}
	ours := map[rune]bool{}
	for _, r := range mdEscapedChars {
		ours[r] = true
	}
	if !reflect.DeepEqual(ours, lib) {
		t.Errorf("mdEscapedChars = %q, the library marks %q", mdRuneSet(ours), mdRuneSet(lib))
	}
	if mdEscapeMarker != marker.BytesMarkerEscaping[0] {
		t.Errorf("mdEscapeMarker = %#x, the library's is %#x", mdEscapeMarker, marker.BytesMarkerEscaping[0])
	}
}

// mdRuneSet lists the runes of set in order.
func mdRuneSet(set map[rune]bool) string {
	var b strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if set[r] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestMDBaseText compares mdBaseText with the library's text transform on
// every byte alone and between others, before continuation bytes, on
// broken sequences, and on one text holding every rune.
func TestMDBaseText(t *testing.T) {
	p := newMDTextProbe()
	var probes []string
	for b := range 256 {
		c := string([]byte{byte(b)})
		probes = append(probes, c, "a"+c+"b", c+"\x80", c+"\xbf\xbf\xbf", "é"+c)
	}
	probes = append(probes, "", "plain", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xff\xfe",
		"a < b > c", "<<>>", "x\x00y", "*a* _b_ [c](d) `e` ~f~ |g| #h \\i !j \"k\" 'l' $m =n +o -p .q >r")
	var all strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		all.WriteRune(r)
	}
	probes = append(probes, all.String())
	for _, s := range probes {
		if got, want := mdBaseText(nil, s), p.run(t, s); got != want {
			t.Errorf("mdBaseText(%.80q) = %.80q, want %.80q", s, got, want)
		}
	}
}

// FuzzMDBaseText compares mdBaseText with the library's text transform.
func FuzzMDBaseText(f *testing.F) {
	for _, s := range []string{"", "a", "a<b>c", "*_`", "\x00", "é\xe2\x82\xff", "|~\\"} {
		f.Add(s)
	}
	p := newMDTextProbe()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mdBaseText(nil, s), p.run(t, s); got != want {
			t.Errorf("mdBaseText(%q) = %q, want %q", s, got, want)
		}
	})
}

// mdTrimCases are texts for the trim: runs of newlines and spaces, hard
// line breaks before blank lines, white space at the ends.
var mdTrimCases = []string{
	"", " ", "\n", "a", " a ", "\n\na\n\n", "a\nb", "a\n\nb", "a\n\n\nb", "a\n\n\n\n\n\nb",
	"a \n \n \n \n b", "a  \n  \n  \n  b", "a\n \n\t\n\nb", "a\n\n\n", "\n\n\na", "a \n\n\n ",
	"a  \nb", "a  \n\nb", "a  \n  \nb", "a  \n \nb", "a    \n\nb", "a   \n\nb", "a  \n  \n\nb",
	"a  \n\n  \n\nb", "a  \n \n  \n \nb", "\u00a0a\u00a0", "\u3000a\u2003", "\u0085a\u0085",
	"a\xff\n\n\n\xffb", "é\n\n\n\nü", "a\r\n\r\n\r\nb", "a\n\n \n\n b  \n\n\n  c",
}

// TestMDBaseTrim compares mdBaseTrim with the library's trim.
func TestMDBaseTrim(t *testing.T) {
	p := newMDTrimProbe()
	for _, s := range mdTrimCases {
		if got, want := string(mdBaseTrim(nil, []byte(s))), p.run(t, s); got != want {
			t.Errorf("mdBaseTrim(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzMDBaseTrim compares mdBaseTrim with the library's trim.
func FuzzMDBaseTrim(f *testing.F) {
	for _, s := range mdTrimCases {
		f.Add(s)
	}
	p := newMDTrimProbe()
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		if got, want := string(mdBaseTrim(nil, in)), p.run(t, s); got != want {
			t.Errorf("mdBaseTrim(%q) = %q, want %q", s, got, want)
		}
		if string(in) != s {
			t.Errorf("mdBaseTrim(%q) changed its input to %q", s, in)
		}
	})
}

// mdBaseCases are posts for the whole conversion: escapes, entities,
// white space, removed elements (nested too), newlines, hard breaks.
var mdBaseCases = []string{
	`*a* _b_ # c 1. d - e + f > g | h ~ i [j](k) ![l](m) \n` + "`o`" + ` "p" 'q' $r =s`,
	"# not a heading\n\n- not a list\n\n1. not a list\n\n> not a quote\n\n---\n\n===",
	"&lt;tag&gt; &amp;copy; a < b > c &#38; &nbsp;x&nbsp;",
	"<p>a &lt; b &gt; c</p><p>5 > 3 < 4</p><p>x&amp;y</p>",
	"  a  \n\n  b  ", "\t<p>  lead and trail  </p>\t", "a\u00a0\u00a0", "\u3000a\u3000",
	"<p>a</p>\n\n\n\n<p>b</p>", "<div>a</div><div></div><div></div><div>b</div>",
	"<div>a<script>x</script>b<style>y</style>c<!-- d -->e<noscript>n</noscript>f</div>",
	"<p>a<span>b<script>s</script></span><!--c-->d<input value=x>e<textarea>t</textarea>f</p>",
	"<div><div><div>a<!--x-->b<!--y-->c<!--z-->d</div></div></div>",
	"<head><title>t</title><meta charset=utf-8><link rel=x><style>p{}</style></head><body>b</body>",
	"<script>a</script><style>b</style><!-- c --><noscript>d</noscript>",
	"<iframe src=\"https://example.com/x\"></iframe>", "<p>a<iframe src=x>b</iframe>c</p>",
	"<p>a<br>b</p>", "<p>a<br>  <br>b</p>", "<p>a<br><br><br>b</p>", "<p>a<br></p><p>b</p>",
	"text<br>\n\n<p>p</p>", "<p>a<br />\n<br />\n<br />\nb</p>", "<blockquote>a<br>b<br><br>c</blockquote>",
	"<pre>  a\n\n\n\nb  </pre>", "<pre><code>x  \n\n\n\ny</code></pre>", "<code>a  b</code>",
	"<ul><li>a</li><li>b<ul><li>c<!--x--></li></ul></li></ul>", "<ol><li>a<br></li><li>b</li></ol>",
	"<table><tr><th>a|b</th></tr><tr><td>c~d</td></tr></table>", "<table><td colspan=2><!-- kept as HTML? --></td></table>", "~~a~~ <del>b</del> <s>c</s>",
	"<strong>a</strong><em>b</em><code>c</code>", "<a href=\"https://old.example/2008/09/16/x/\">x*y</a>",
	"<p>#<a0>\u00a0", "<p>#\u00a0</p>", "é ü \xe2\x82 \xff", "a\u2028b\u2029c", "<p>\u00a0</p><p>\u00a0\u00a0</p>",
}

// mdBaseSame converts src with both Converters and reports any difference
// in the library's output, the notes or the references.
func mdBaseSame(t *testing.T, lib, ours *Converter, src string) {
	t.Helper()
	wantOut, wantSt, wantErr := lib.mdConvert(src, false, "", nil)
	gotOut, gotSt, gotErr := ours.mdConvert(src, false, "", nil)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, the library base gives %v", src, gotErr, wantErr)
	}
	if wantErr != nil {
		return
	}
	if !bytes.Equal(gotOut, wantOut) {
		t.Errorf("%q:\n got %q\nwant %q", src, gotOut, wantOut)
	}
	if !reflect.DeepEqual(gotSt.notes, wantSt.notes) || !reflect.DeepEqual(gotSt.refs, wantSt.refs) {
		t.Errorf("%q: notes %v refs %q, want %v %q", src, gotSt.notes, gotSt.refs, wantSt.notes, wantSt.refs)
	}
}

// TestMDBaseConvert converts mdBaseCases and the golden inputs with the
// library's base plugin and with mdBase: the library's output must be the
// same, byte for byte.
func TestMDBaseConvert(t *testing.T) {
	opts := Options{Link: mdFakeLink}
	lib, ours := mdLibConverter(opts), New(NewSite(), opts)
	for _, s := range mdBaseCases {
		mdBaseSame(t, lib, ours, s)
	}
	files, _ := filepath.Glob("testdata/markdown/*.html")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mdBaseSame(t, lib, ours, string(b))
	}
}

// FuzzMDBase converts arbitrary HTML with the library's base plugin and
// with mdBase and compares the library's output.
func FuzzMDBase(f *testing.F) {
	for _, s := range mdBaseCases {
		f.Add(s)
	}
	files, _ := filepath.Glob("testdata/markdown/*.html")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	opts := Options{Link: mdFakeLink}
	lib, ours := mdLibConverter(opts), New(NewSite(), opts)
	f.Fuzz(func(t *testing.T, s string) {
		mdBaseSame(t, lib, ours, s)
	})
}
