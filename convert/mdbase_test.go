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

// mdMarkProse is text the marker rules are about: prose full of the
// characters whose markers mdMarkIdle leaves out, at line starts, after
// digits, spaces and letters, and next to the other marked characters.
var mdMarkProse = []string{
	`He said "don't" (twice). It's 5.5 $ - a well-known, so-called "fact"! Yes!`,
	"1. one\n2) two\n3.no\n-a\n- b\n+c\n+ d\n#e\n# f\n##g\n=h\nx\n===\n---\na-b-c\n--\n- - -",
	"a.\n1.\n 2.\n12.3. x\n(1) (a) a(b) \"q\" 'q' $5 x=y a+b a#b a!b a![b] ![c] !x !\n! a!",
	"x.y.z) a) 9) 9.a 0.\t9. \u00e9. \u00e9- \u00e9# \u00e9!x ..--++##==!!))",
	"*a*.b_c_.[d](e).`f`.~g~.|h|.\\i. a*.b a_-c a~#d a`=e a|+f a\\!g a].h a[.(i",
	"<x>.<y>-<z>=<!w>!< 1<.2>. a&gt;.b &lt;-",
}

// TestMDBaseText compares mdBaseText with the library's text transform on
// every byte alone and between others, before continuation bytes, on
// broken sequences, on prose, and on one text holding every rune.
func TestMDBaseText(t *testing.T) {
	p := newMDTextProbe()
	var probes []string
	for b := range 256 {
		c := string([]byte{byte(b)})
		probes = append(probes, c, "a"+c+"b", c+"\x80", c+"\xbf\xbf\xbf", "é"+c)
		for _, m := range mdEscapedChars {
			probes = append(probes, c+string(m)+c, string(m)+c+string(m))
		}
	}
	probes = append(probes, "", "plain", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xff\xfe",
		"a < b > c", "<<>>", "x\x00y", "*a* _b_ [c](d) `e` ~f~ |g| #h \\i !j \"k\" 'l' $m =n +o -p .q >r")
	probes = append(probes, mdMarkProse...)
	var all strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		all.WriteRune(r)
	}
	probes = append(probes, all.String())
	for _, s := range probes {
		mdTextSame(t, p, s)
	}
}

// mdTextSame checks mdBaseText(s) against the library's transform: the
// same text, with the library's markers but those mdMarkIdle leaves out.
// (FuzzMDBaseMarks and the conversion tests check that leaving them out
// changes no Markdown.)
func mdTextSame(t *testing.T, p *mdBaseProbe, s string) {
	t.Helper()
	got, lib := mdBaseText(nil, s), p.run(t, s)
	want := mdDropIdleMarks(s, lib)
	if got != want {
		t.Errorf("mdBaseText(%.80q) = %.80q, want %.80q (library %.80q)", s, got, want, lib)
	}
}

// mdDropIdleMarks removes from lib, the library's transform of s, the
// markers before the characters mdMarkIdle picks. It walks s and lib side
// by side: lib is s with a marker before each character of
// mdEscapedChars, entities for "<" and ">" and U+FFFD for NUL.
func mdDropIdleMarks(s, lib string) string {
	var b strings.Builder
	j := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			b.WriteString(lib[j : j+3])
			j += 3
		case c == '<' || c == '>':
			b.WriteString(lib[j : j+4])
			j += 4
		case strings.IndexByte(mdEscapedChars, c) >= 0:
			if !mdMarkIdle(s, i) {
				b.WriteByte(lib[j])
			}
			b.WriteByte(lib[j+1])
			j += 2
		default:
			b.WriteByte(lib[j])
			j++
		}
	}
	return b.String()
}

// FuzzMDBaseText compares mdBaseText with the library's text transform.
func FuzzMDBaseText(f *testing.F) {
	for _, s := range []string{"", "a", "a<b>c", "*_`", "\x00", "é\xe2\x82\xff", "|~\\"} {
		f.Add(s)
	}
	for _, s := range mdMarkProse {
		f.Add(s)
	}
	p := newMDTextProbe()
	f.Fuzz(func(t *testing.T, s string) {
		mdTextSame(t, p, s)
	})
}

// mdLibContext returns the context of a conversion by a converter built
// as newMarkdown builds it, with the library's base plugin.
func mdLibContext(tb testing.TB) converter.Context {
	conv := newMarkdownWith(base.NewBasePlugin())
	var ctx converter.Context
	conv.Register.PreRenderer(func(c converter.Context, _ *html.Node) { ctx = c }, converter.PriorityEarly)
	if _, err := conv.ConvertString("<p>x</p>"); err != nil {
		tb.Fatal(err)
	}
	return ctx
}

// mdUnEscaper returns the library's UnEscapeContent of mdLibContext.
func mdUnEscaper(tb testing.TB) func([]byte) []byte {
	return mdLibContext(tb).UnEscapeContent
}

// TestMDUnEscape compares mdUnEscape with the library's UnEscapeContent,
// with and without markers.
func TestMDUnEscape(t *testing.T) {
	ctx := mdLibContext(t)
	for _, s := range append([]string{"", "a", "\a", "a\a", "\a*a\a*", "# a", "\a# a", "1. a", "1\a. a", "- x\n\a- y", "é\xff"}, mdMarkProse...) {
		if got, want := mdUnEscape(ctx, []byte(s)), ctx.UnEscapeContent([]byte(s)); !bytes.Equal(got, want) {
			t.Errorf("mdUnEscape(%q) = %q, want %q", s, got, want)
		}
	}
}

// mdMarksSame checks that text s, transformed by the library's base plugin
// and by mdBaseText, unescapes to the same Markdown between before and
// after: what any Markdown around the text may be.
func mdMarksSame(t *testing.T, unescape func([]byte) []byte, p *mdBaseProbe, before, s, after string) {
	t.Helper()
	lib, ours := before+p.run(t, s)+after, before+mdBaseText(nil, s)+after
	if got, want := unescape([]byte(ours)), unescape([]byte(lib)); !bytes.Equal(got, want) {
		t.Errorf("%q + %q + %q: unescaped %q, the library's marks give %q", before, s, after, got, want)
	}
}

// TestMDBaseMarks checks, for prose and every byte pair around each marked
// character, in many surroundings, that the markers mdBaseText leaves out
// make no difference to UnEscapeContent.
func TestMDBaseMarks(t *testing.T) {
	unescape, p := mdUnEscaper(t), newMDTextProbe()
	around := []string{"", "\n", " ", "1", "\a-", "\a#\a# ", "\a!", "[", "a\n", "- ", "\a=\n", "\a`\a`\a`", "*", "\\"}
	var texts []string
	texts = append(texts, mdMarkProse...)
	for _, m := range mdEscapedChars {
		for _, c := range []string{"", "a", "1", " ", "\n", "[", "\a", "é", "*", "-", "."} {
			texts = append(texts, c+string(m), string(m)+c, c+string(m)+c, "1"+string(m)+c, c+string(m)+string(m)+string(m))
		}
	}
	for _, s := range texts {
		for _, a := range around {
			for _, b := range around {
				mdMarksSame(t, unescape, p, a, s, b)
			}
		}
	}
}

// FuzzMDBaseMarks checks with arbitrary Markdown around arbitrary text
// that the markers mdBaseText leaves out make no difference to
// UnEscapeContent.
func FuzzMDBaseMarks(f *testing.F) {
	for _, s := range mdMarkProse {
		f.Add("\n", s, "\n")
		f.Add("1", s, "[")
	}
	unescape, p := mdUnEscaper(f), newMDTextProbe()
	f.Fuzz(func(t *testing.T, before, s, after string) {
		mdMarksSame(t, unescape, p, before, s, after)
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
	`<p>He said "don't" (twice). It's 5.5 $ - a well-known, so-called "fact"! Yes!</p><p>1. one<br>2) two<br>3.no<br>-a<br>- b<br>+c<br>#e<br># f<br>=h<br>x<br>===<br>---</p>`,
	"<p>1.</p><p>a.b</p><p>12.3. x</p><p>-- a-b</p><p>## not-a-heading ##</p><p>a!</p><p>b![c]</p><p>Wow!<a href=\"/x\">link</a>!</p>",
	"<h2>It's a \"title\" (2.0) - 3.</h2><h3>1. x-y</h3><h1>Setext-ish\n===</h1><p>line\n---\n</p>",
	"<ul><li>1. a.b (c)</li><li>- x-y</li><li>\"q\" 'q' $5</li><li><p>2) p.</p><p>+ q+r</p></li></ul><ol><li>a) b. c-d</li></ol>",
	"<p><a href=\"https://example.com/a_(b)\" title=\"It's \\\"t\\\" (x)\">a (b) \"c\" d.e-f!</a> and <a href=\"/y\">1.</a>2.</p>",
	"<table><tr><th>a.b</th><th>(c) \"d\"</th></tr><tr><td>1. x</td><td>- y-z! w=v #h $5</td></tr></table>",
	"<blockquote><p>- a-b. \"c\" (d)!</p><p>3. e</p></blockquote><p><em>a.</em>b<strong>c-</strong>d<code>e.f</code>g.<del>h-</del>i</p>",
	"<p>x<br>1<b>.</b> y</p><p><i>2</i>. z</p><p>a<span>-</span>-<span>-</span></p><p>5<span>.</span></p><p>!<a href=\"/z\">z</a></p>",
	"<pre>1. a-b (c)</pre><p>end.<img src=\"/i.png\" alt=\"i.j (k) 'l'\">.<figure><img src=\"/f.png\"><figcaption>cap. (1) - \"x\"</figcaption></figure></p>",
	"<h2>C#</h2><h3>F# .</h3><h1>a##</h1><h4>x.</h4><h5>y-</h5><h6>z=</h6><h2>w!</h2><h2>v)</h2><h2>u(</h2><h2>t\"</h2><h2>s'</h2><h2>r$</h2><h2>1.</h2><h3>#</h3><h2>a-b #</h2>",
	"<h2>C# and F#</h2><p>C# F#.</p><h2><em>x</em>#</h2><h2>q#<br></h2><h2>a # b #  </h2><h1>h.1) 2.</h1>",
	"<p>1.5 2.x 3.) 4.</p><p>5.</p><p>6.\u00a0x</p><p>7.\ty</p><p>8)z 9) w 10.&lt;b&gt;</p><p>v1.2.3-rc.1 (2.0)</p><p>11.<br>12.</p>",
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
