package check

import (
	"net/http"
	"strings"
)

func matchApache(rules []apacheRule, idx *ruleIndex, t target) (hop, bool) {
	keys := apacheKeys(t)
	order := idx.candidates(keys)
	if keys == nil {
		order = make([]int, len(rules))
		for i := range order {
			order[i] = i
		}
	}
	for _, i := range order {
		r := rules[i]
		if to, ok := r.apply(t); ok {
			if r.status == 0 && r.to == "-" {
				continue
			}
			st := r.status
			if st == 0 {
				st = http.StatusOK // internal rewrite: serves the target's content
			}
			return hop{to: to, status: st, rule: r.where}, true
		}
	}
	return hop{}, false
}

// apply returns the rule's target for t, if the rule matches.
func (r apacheRule) apply(t target) (string, bool) {
	switch r.kind {
	case "Redirect":
		p := pathKey(t.path)
		rest, ok := strings.CutPrefix(p, r.prefix)
		if !ok || (rest != "" && !strings.HasPrefix(rest, "/") && r.prefix != "/") {
			return "", false
		}
		return strings.TrimSuffix(r.to, "/") + "/" + strings.TrimPrefix(rest, "/"), true
	case "RedirectMatch":
		m := r.re.FindStringSubmatchIndex(t.path)
		if m == nil {
			return "", false
		}
		return string(r.re.ExpandString(nil, braceVars(r.to, '$'), t.path, m)), true
	}
	subject := strings.TrimPrefix(t.path, "/")
	m := r.re.FindStringSubmatchIndex(subject)
	if m == nil {
		return "", false
	}
	condGroups, ok := r.checkConds(t)
	if !ok {
		return "", false
	}
	var ruleGroups []string
	for i := 0; i+1 < len(m); i += 2 {
		g := ""
		if m[i] >= 0 {
			g = subject[m[i]:m[i+1]]
		}
		ruleGroups = append(ruleGroups, g)
	}
	to := expandApache(r.to, ruleGroups, condGroups)
	return r.withQuery(to, t.query), true
}

// checkConds evaluates the rule's conditions (ORs bind to the next one) and
// returns the last matching condition's groups for %N.
func (r apacheRule) checkConds(t target) ([]string, bool) {
	var groups []string
	ok := true
	for i := 0; i < len(r.conds); i++ {
		c := r.conds[i]
		hit, g := c.eval(t)
		for c.or && i+1 < len(r.conds) && !hit {
			i++
			c = r.conds[i]
			hit, g = c.eval(t)
		}
		for c.or && i+1 < len(r.conds) {
			i++
			c = r.conds[i]
		}
		if !hit {
			ok = false
			break
		}
		if g != nil {
			groups = g
		}
	}
	return groups, ok
}

func (c apacheCond) eval(t target) (bool, []string) {
	if c.re == nil {
		return true, nil
	}
	var s string
	switch c.variable {
	case "QUERY_STRING":
		s = t.query
	case "REQUEST_URI":
		s = t.path
	case "THE_REQUEST":
		s = "GET " + requestURI(t) + " HTTP/1.1"
	default:
		return true, nil // host, method, cookies: not known here, assume they hold
	}
	g := c.re.FindStringSubmatch(s)
	if c.negate {
		return g == nil, nil
	}
	return g != nil, g
}

func (r apacheRule) withQuery(to, old string) string {
	if r.qsd || old == "" {
		return to
	}
	if strings.Contains(to, "?") {
		if r.qsa {
			return to + "&" + old
		}
		return to
	}
	return to + "?" + old
}

// braceVars turns $1 into ${1} so regexp expansion does not read $1x as a
// named group.
func braceVars(s string, sigil byte) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == sigil && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			b.WriteString("${" + string(s[i+1]) + "}")
			i++
			continue
		}
		if s[i] == '$' {
			b.WriteString("$$")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// expandApache fills a RewriteRule substitution as mod_rewrite does: $N
// from the rule's groups, %N from the last matched condition's, and a
// backslash makes the next character literal. So an unescaped "%8" in a
// percent-encoded target is a back-reference, as it is in Apache.
func expandApache(s string, rule, cond []string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i++
		case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			groups := rule
			if c == '%' {
				groups = cond
			}
			if n := int(s[i+1] - '0'); n < len(groups) {
				b.WriteString(groups[n])
			}
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
