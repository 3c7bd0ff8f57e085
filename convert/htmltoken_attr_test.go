package convert

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// attrTextCases are attribute values whose references the text and
// attribute rules decode differently, or the same.
var attrTextCases = []string{
	"", "x", "&", "&&", "&;", "&#", "&#;", "&#x", "&#38", "&#38;", "&#x26", "&#0;", "&#128;",
	"&amp", "&amp;", "&amp=", "&amp;=", "&ampx", "&ampx;", "&amp-", "&AMP", "&AMP;", "&Amp;",
	"&copy", "&copy=", "&copyx", "&copy9", "&not", "&notit", "&notit;", "&notin", "&notin;",
	"&semi;", "&semi", "&fjlig;", "&fjlig", "&nvlt;", "&bne;", "&lt&gt", "&lt;=&gt=",
	"?a=1&b=2&c", "x\r\ny\rz\n", "&#13;\r\n", "&a;", "&abc", "&zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz;",
	"&CounterClockwiseContourIntegral;", "&CounterClockwiseContourIntegral", "é&eacute&eacutex",
}

// tokenizerAttr returns the value html.Tokenizer gives for the attribute
// a="v" (v holds no '"').
func tokenizerAttr(v string) string {
	z := html.NewTokenizer(strings.NewReader("<p a=\"" + v + "\">"))
	z.Next()
	_, val, _ := z.TagAttr()
	return string(val)
}

func TestAttrText(t *testing.T) {
	for _, v := range attrTextCases {
		if got, want := attrText(v), tokenizerAttr(v); got != want {
			t.Errorf("%q: %q, want %q", v, got, want)
		}
	}
}

// FuzzAttrText checks attrText decodes a value as html.Tokenizer does.
func FuzzAttrText(f *testing.F) {
	for _, v := range attrTextCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if strings.ContainsAny(v, "\"\x00") {
			return
		}
		if got, want := attrText(v), tokenizerAttr(v); got != want {
			t.Errorf("%q: %q, want %q", v, got, want)
		}
	})
}
