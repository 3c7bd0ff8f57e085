package convert

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wpexit/wpexit/wxr"
)

// TestSafeSegment checks the file-name rules one by one.
func TestSafeSegment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hello-world", "hello-world"},
		{"Hello World", "Hello-World"},
		{"../..", ""},
		{"a..b", "a-b"},
		{"post.fr", "post-fr"},
		{"a/b\\c", "a-b-c"},
		{".env", "env"},
		{"_index", "index"},
		{"trailing.", "trailing"},
		{"dot.-dash", "dot-dash"},
		{"_under_score_", "under_score"},
		{"NUL", "NUL_"},
		{"com1.md", "com1-md"},
		{"Com1", "Com1_"},
		{"lpt10", "lpt10"},
		{"中文", "中文"},
		{"e\u0301", "e\u0301"},
		{"zero\u200bwidth", "zero-width"},
		{"rtl\u202eoverride", "rtl-override"},
		{"a\x00b", "a-b"},
		{"---", ""},
		{strings.Repeat("ab", 100), strings.Repeat("ab", 25)},
	}
	for _, tt := range tests {
		if got := safeSegment(tt.in, 50); got != tt.want {
			t.Errorf("safeSegment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCleanLine checks what titles and names keep.
func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{" \ttrim\n ", "trim"},
		{"a\tb\nc\r\nd", "a b c  d"},
		{"bell\x07 del\x7f c1\u0085 bom\ufeff", "bell del c1 bom"},
		{"sep\u2028para\u2029end", "sep para end"},
		{"keep ’ “ é 中", "keep ’ “ é 中"},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.want {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTitleText checks which tags leave titles.
func TestTitleText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", "Markup: Title With Markup"},
		{`<a href="x">Link</a> <span class="c">span</span>`, "Link span"},
		{"Using <div> and <script> in HTML", "Using <div> and <script> in HTML"},
		{"a < b > c", "a < b > c"},
		{"<EM>Loud</EM>\t<br/>", "Loud"},
	}
	for _, tt := range tests {
		if got := titleText(tt.in); got != tt.want {
			t.Errorf("titleText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlainText checks excerpts turned into summaries.
func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>A <em>short</em> one.</p>\n\n<p>Two &amp; more&#8230;</p>", "A short one. Two & more…"},
		{"<!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph -->", "Block"},
		{"x < y and y > z", "x < y and y > z"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzPlanPath checks that no slug, title or type makes an unsafe or
// duplicate file name.
func FuzzPlanPath(f *testing.F) {
	for _, s := range []string{"../../etc/x", "con", "index", ".", "a\x00b", "中文", "%2e%2e", strings.Repeat("é", 90)} {
		f.Add(s, s, "page")
	}
	f.Add("", "Title: yes", "post")
	f.Add("x", "", "../t")
	f.Add("A", "0", " ")
	f.Fuzz(func(t *testing.T, name, title, typ string) {
		p := NewPlanner(Options{})
		a := p.Plan(&wxr.Item{ID: 1, Name: name, Title: title, Type: typ, Status: "publish", Parent: 2})
		b := p.Plan(&wxr.Item{ID: 2, Name: name, Title: title, Type: typ, Status: "publish", Parent: 1})
		if a.Skip != "" {
			return
		}
		for _, pl := range []Plan{a, b} {
			if !utf8.ValidString(pl.Path) || !strings.HasSuffix(pl.Path, ".md") || strings.HasPrefix(pl.Path, "/") {
				t.Fatalf("bad path %q", pl.Path)
			}
			for _, seg := range strings.Split(pl.Path, "/") {
				if seg == "" || strings.Contains(strings.TrimSuffix(seg, ".md"), ".") || len(seg) > maxBase ||
					strings.ContainsAny(seg, "\x00\\:*?\"<>|#") {
					t.Fatalf("bad segment %q in %q", seg, pl.Path)
				}
			}
		}
		if strings.EqualFold(baseOf(a.Path), baseOf(b.Path)) {
			t.Fatalf("same base name: %q %q", a.Path, b.Path)
		}
	})
}

// baseOf is the file name of a slash-separated path.
func baseOf(p string) string { return p[strings.LastIndex(p, "/")+1:] }
