package check

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// netlifyRule is one line of a Netlify/Cloudflare Pages _redirects file:
// `from [param=value ...] to [status[!]] [Condition=value ...]`.
type netlifyRule struct {
	from   []string          // decoded path segments; ":name" and a final "*" are placeholders
	params map[string]string // query parameters to match; ":name" matches any value
	to     string
	status int
	where  string
}

// netlifyConditions are the non-query conditions Netlify knows; a rule with
// one of them applies only to some visitors, so it never proves coverage.
var netlifyConditions = map[string]bool{"Country": true, "Language": true, "Role": true, "Cookie": true}

// parseNetlify reads a _redirects file into a rule set.
func parseNetlify(name, text string) (ruleSet, []string) {
	rules, warns := netlifyRules(name, text)
	return newNetlifySet(rules), warns
}

// netlifyRules reads the rules of a _redirects file. Lines it cannot read
// become warnings; conditional rules are dropped.
func netlifyRules(name, text string) ([]netlifyRule, []string) {
	var rules []netlifyRule
	var warns []string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, i+1)
		r, ok, err := parseNetlifyLine(strings.Fields(line))
		if err != nil {
			warns = append(warns, where+": "+err.Error())
			continue
		}
		if ok {
			r.where = where
			rules = append(rules, r)
		}
	}
	return rules, warns
}

// newNetlifySet indexes rules, tried in order, as one set.
func newNetlifySet(rules []netlifyRule) ruleSet {
	idx := newRuleIndex()
	for i, r := range rules {
		idx.add(i, r.key())
	}
	return ruleSet{format: "netlify", match: func(t target) (hop, bool) { return matchNetlify(rules, idx, t) }}
}

// key files the rule in the index: a literal path (with its one literal
// query parameter) under "p", a pattern under "s" and its literal leading
// segments.
func (r netlifyRule) key() string {
	var lit []string
	for _, seg := range r.from {
		if seg == "*" || strings.HasPrefix(seg, ":") {
			return "s/" + strings.Join(lit, "/")
		}
		lit = append(lit, seg)
	}
	k := "p/" + strings.Join(lit, "/")
	if len(r.params) == 1 {
		for name, v := range r.params {
			if !strings.HasPrefix(v, ":") {
				k += "?" + name + "=" + v
			}
		}
	}
	return k
}

// netlifyKeys are the index keys a request looks up.
func netlifyKeys(segs []string, q url.Values) []string {
	p := "p/" + strings.Join(segs, "/")
	keys := []string{p}
	for name, vs := range q {
		for _, v := range vs {
			keys = append(keys, p+"?"+name+"="+v)
		}
	}
	for i := 0; i <= len(segs); i++ {
		keys = append(keys, "s/"+strings.Join(segs[:i], "/"))
	}
	return keys
}

func parseNetlifyLine(f []string) (netlifyRule, bool, error) {
	if len(f) < 2 {
		return netlifyRule{}, false, fmt.Errorf("want `from to [status]`, got %q", strings.Join(f, " "))
	}
	if !strings.HasPrefix(f[0], "/") {
		return netlifyRule{}, false, nil // host-based rules (https://old.host/*) do not apply to this site
	}
	r := netlifyRule{from: splitPath(decodePath(f[0])), params: map[string]string{}, status: 301}
	i := 1
	for ; i < len(f) && !isNetlifyTarget(f[i]); i++ {
		k, v, _ := strings.Cut(f[i], "=")
		if d, err := url.QueryUnescape(v); err == nil {
			v = d
		}
		r.params[k] = v
	}
	if i == len(f) {
		return r, false, fmt.Errorf("no target in %q", strings.Join(f, " "))
	}
	r.to = f[i]
	for _, x := range f[i+1:] {
		if k, _, isCond := strings.Cut(x, "="); isCond {
			if netlifyConditions[k] {
				return r, false, nil
			}
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(x, "!"))
		if err != nil {
			return r, false, fmt.Errorf("bad status %q", x)
		}
		r.status = n
	}
	return r, true, nil
}

func isNetlifyTarget(s string) bool {
	return strings.HasPrefix(s, "/") || strings.Contains(s, "://")
}

// splitPath splits a decoded path into segments without the empty ends.
func splitPath(p string) []string {
	p = strings.Trim(pathKey(p), "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

func matchNetlify(rules []netlifyRule, idx *ruleIndex, t target) (hop, bool) {
	segs := splitPath(t.path)
	q, _ := url.ParseQuery(t.query)
	for _, i := range idx.candidates(netlifyKeys(segs, q)) {
		r := rules[i]
		vars, ok := r.matchPath(segs)
		if !ok || !r.matchQuery(q, vars) {
			continue
		}
		return hop{to: r.expand(vars), status: r.status, rule: r.where}, true
	}
	return hop{}, false
}

func (r netlifyRule) matchPath(segs []string) (map[string]string, bool) {
	vars := map[string]string{}
	for i, p := range r.from {
		if p == "*" && i == len(r.from)-1 {
			vars["splat"] = strings.Join(segs[min(i, len(segs)):], "/")
			return vars, true
		}
		if i >= len(segs) {
			return nil, false
		}
		switch {
		case strings.HasPrefix(p, ":"):
			vars[p[1:]] = segs[i]
		case p != segs[i]:
			return nil, false
		}
	}
	return vars, len(segs) == len(r.from)
}

func (r netlifyRule) matchQuery(q url.Values, vars map[string]string) bool {
	for k, want := range r.params {
		if !q.Has(k) {
			return false
		}
		got := q.Get(k)
		if strings.HasPrefix(want, ":") {
			vars[want[1:]] = got
			continue
		}
		if got != want {
			return false
		}
	}
	return true
}

// expand fills :name placeholders (longest names first, so :id never eats
// part of :idx).
func (r netlifyRule) expand(vars map[string]string) string {
	to := r.to
	names := make([]string, 0, len(vars))
	for k := range vars {
		names = append(names, k)
	}
	sortByLenDesc(names)
	for _, k := range names {
		to = strings.ReplaceAll(to, ":"+k, vars[k])
	}
	return to
}

// sortByLenDesc sorts longest first, then alphabetically.
func sortByLenDesc(s []string) {
	slices.SortFunc(s, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}
