package check

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// ruleIndex finds the rules that may match a request without trying every
// rule: each rule files itself under one key that any request it matches
// must look up (or under none, and is always tried). Candidates come back in
// rule order, so first-match semantics are kept.
type ruleIndex struct {
	keyed  map[string][]int
	always []int
}

func newRuleIndex() *ruleIndex { return &ruleIndex{keyed: map[string][]int{}} }

// add files rule i under key; "" means the rule is always a candidate.
func (x *ruleIndex) add(i int, key string) {
	if key == "" {
		x.always = append(x.always, i)
		return
	}
	x.keyed[key] = append(x.keyed[key], i)
}

// candidates returns the rules filed under any of keys, and those always
// tried, in rule order, each once.
func (x *ruleIndex) candidates(keys []string) []int {
	out := slices.Clone(x.always)
	for _, k := range keys {
		out = append(out, x.keyed[k]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// prefixKeys lists tag+p for every prefix p of s, the empty one included.
func prefixKeys(tag, s string) []string {
	keys := make([]string, 0, len(s)+1)
	for i := 0; i <= len(s); i++ {
		keys = append(keys, tag+s[:i])
	}
	return keys
}

// maxIndexedQuery bounds the queries whose substrings are looked up; rules
// filed by a query literal are all tried for longer queries.
const maxIndexedQuery = 128

// substringKeys lists tag+sub for every non-empty substring of s.
func substringKeys(tag, s string) []string {
	var keys []string
	for i := 0; i < len(s); i++ {
		for j := i + 1; j <= len(s); j++ {
			keys = append(keys, tag+s[i:j])
		}
	}
	return keys
}

// anchoredPrefix is the literal every match of an anchored (^) pattern
// starts with; "" when the pattern is not anchored or has none.
func anchoredPrefix(re *regexp.Regexp) string {
	if !strings.HasPrefix(re.String(), "^") {
		return ""
	}
	p, _ := re.LiteralPrefix()
	return p
}

// requiredLiteral is the longest case-sensitive literal that every match
// of pattern contains; "" when there is none.
func requiredLiteral(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	best := ""
	for _, s := range parts {
		if s.Op == syntax.OpLiteral && s.Flags&syntax.FoldCase == 0 && len(s.Rune) > len([]rune(best)) {
			best = string(s.Rune)
		}
	}
	return best
}
