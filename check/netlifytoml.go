package check

import (
	"fmt"
	"strings"
)

// netlifyTOMLRules reads the [[redirects]] tables of a netlify.toml: from,
// to, status, and query (inline or as [redirects.query]). Rules with
// conditions, or from another host, are dropped, as in _redirects.
func netlifyTOMLRules(name, text string) ([]netlifyRule, []string) {
	var rules []netlifyRule
	var warns []string
	var cur *netlifyRule
	conditional, sub := false, ""
	flush := func() {
		if cur != nil && !conditional && cur.to != "" && cur.from != nil {
			rules = append(rules, *cur)
		}
		cur, conditional, sub = nil, false, ""
	}
	for i, line := range strings.Split(text, "\n") {
		l := strings.TrimSpace(stripComment(line))
		switch {
		case l == "":
		case l == "[[redirects]]":
			flush()
			cur = &netlifyRule{params: map[string]string{}, status: 301, where: fmt.Sprintf("%s:%d", name, i+1)}
		case strings.HasPrefix(l, "["):
			if cur != nil && (l == "[redirects.query]" || l == "[redirects.conditions]") {
				sub = l
				conditional = conditional || l == "[redirects.conditions]"
				continue
			}
			flush()
		case cur != nil:
			if err := cur.setTOML(l, sub, &conditional); err != nil {
				warns = append(warns, fmt.Sprintf("%s:%d: %v", name, i+1, err))
			}
		}
	}
	flush()
	return rules, warns
}

// setTOML applies one key = value line of a [[redirects]] table.
func (r *netlifyRule) setTOML(line, sub string, conditional *bool) error {
	k, v, ok := strings.Cut(line, "=")
	if !ok {
		return fmt.Errorf("want key = value")
	}
	k = strings.Trim(strings.TrimSpace(k), `"'`)
	v = strings.TrimSpace(v)
	if sub == "[redirects.query]" {
		return r.setParam(k, v)
	}
	if sub != "" {
		return nil
	}
	switch k {
	case "from", "to":
		val, err := tomlValue(v)
		s, isStr := val.(string)
		if err != nil || !isStr {
			return fmt.Errorf("%s: want a string", k)
		}
		if k == "to" {
			r.to = s
		} else if strings.HasPrefix(s, "/") {
			r.from = append([]string{}, splitPath(decodePath(s))...) // non-nil: "/" is a rule too
		} else {
			*conditional = true // another host's rule
		}
	case "status":
		val, err := tomlValue(v)
		n, isNum := val.(float64)
		if err != nil || !isNum {
			return fmt.Errorf("status: want a number")
		}
		r.status = int(n)
	case "query":
		for _, kv := range strings.Split(strings.Trim(v, "{}"), ",") {
			if qk, qv, ok := strings.Cut(kv, "="); ok {
				if err := r.setParam(strings.Trim(strings.TrimSpace(qk), `"'`), strings.TrimSpace(qv)); err != nil {
					return err
				}
			}
		}
	case "conditions":
		*conditional = true
	}
	return nil
}

func (r *netlifyRule) setParam(k, v string) error {
	val, err := tomlValue(v)
	s, isStr := val.(string)
	if err != nil || !isStr {
		return fmt.Errorf("query %s: want a string", k)
	}
	r.params[k] = s
	return nil
}
