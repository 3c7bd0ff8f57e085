package convert

import "testing"

// TestEmphasisCodeKeepsText: the library's space between text and emphasis
// that starts or ends with code is taken out again; the text stays as the
// post has it.
func TestEmphasisCodeKeepsText(t *testing.T) {
	c := New(NewSite(), Options{})
	tests := []struct{ in, want string }{
		{"<p>0<em><code>1</code></em></p>", "0<em>`1`</em>\n"},
		{"<p>0<strong><code>1</code></strong>2</p>", "0<strong>`1`</strong>2\n"},
		{"<p>0<em>x<code>1</code></em>y</p>", "0<em>x`1`</em>y\n"},
		{"<p>0<i><span><kbd>1</kbd></span></i></p>", "0<em>`1`</em>\n"},
		{"<p>a <em><code>b</code></em> c</p>", "a *`b`* c\n"},
		{"<p><b><code>b</code></b>, then</p>", "**`b`**, then\n"},
		{"<p>a<em>b</em>c</p>", "a*b*c\n"},
	}
	for _, tt := range tests {
		got, _, err := c.markdown(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("markdown(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestGainedSpace(t *testing.T) {
	tests := []struct {
		now, was string
		want     bool
	}{
		{"a ", "a", true}, {" a", "a", true}, {" a ", "a", true}, {" ", "", true},
		{"a", "a", false}, {"ab", "a", false}, {"  a", "a", false}, {"a  ", "a", false},
		{" ab", "a", false}, {"xa ", "a", false}, {"", "", false},
	}
	for _, tt := range tests {
		if got := mdGainedSpace(tt.now, tt.was); got != tt.want {
			t.Errorf("mdGainedSpace(%q, %q) = %v, want %v", tt.now, tt.was, got, tt.want)
		}
	}
}
