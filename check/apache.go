package check

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// apacheRule is one rewrite or alias rule of an .htaccess file.
type apacheRule struct {
	conds  []apacheCond
	re     *regexp.Regexp // RewriteRule: path without the leading slash; RedirectMatch: path
	prefix string         // Redirect: decoded URL-path prefix
	to     string         // substitution; "-" keeps the URL
	status int            // 0 for an internal rewrite
	qsd    bool           // drop the query (QSD flag or a trailing "?")
	qsa    bool           // append the old query to a new one
	kind   string         // "RewriteRule", "Redirect" or "RedirectMatch"
	where  string
}

// apacheCond is one RewriteCond; unknown test strings are taken as true.
type apacheCond struct {
	variable string // "QUERY_STRING", "REQUEST_URI", "THE_REQUEST" or other
	re       *regexp.Regexp
	negate   bool
	or       bool
}

// parseApache reads the mod_rewrite and mod_alias rules of an .htaccess
// file, in order. Rules it cannot compile become warnings.
func parseApache(name, text string) (ruleSet, []string) {
	var rules []apacheRule
	var conds []apacheCond
	var warns []string
	lines := strings.Split(strings.ReplaceAll(text, "\\\n", " "), "\n")
	for i, line := range lines {
		f := apacheFields(strings.TrimSpace(line))
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, i+1)
		var err error
		switch strings.ToLower(f[0]) {
		case "rewritecond":
			var c apacheCond
			c, err = parseRewriteCond(f)
			if err == nil {
				conds = append(conds, c)
			}
		case "rewriterule":
			var r apacheRule
			r, err = parseRewriteRule(f, conds)
			conds = nil
			if err == nil {
				r.where = where
				rules = append(rules, r)
			}
		case "redirect", "redirectpermanent", "redirecttemp", "redirectmatch":
			var r apacheRule
			r, err = parseAlias(f)
			if err == nil {
				r.where = where
				rules = append(rules, r)
			}
		}
		if err != nil {
			warns = append(warns, where+": "+err.Error())
		}
	}
	idx := newRuleIndex()
	for i, r := range rules {
		idx.add(i, r.key())
	}
	return ruleSet{format: "apache", match: func(t target) (hop, bool) { return matchApache(rules, idx, t) }}, warns
}

// key files the rule in the index: by the literal its pattern is anchored
// to, else by a literal its query condition requires.
func (r apacheRule) key() string {
	switch r.kind {
	case "Redirect":
		return "r" + r.prefix
	case "RedirectMatch":
		return "m" + anchoredPrefix(r.re)
	}
	if p := anchoredPrefix(r.re); p != "" {
		return "a" + p
	}
	for i, c := range r.conds {
		inOr := c.or || i > 0 && r.conds[i-1].or
		if c.variable == "QUERY_STRING" && c.re != nil && !c.negate && !inOr {
			if lit := requiredLiteral(c.re.String()); lit != "" {
				return "q" + lit
			}
		}
	}
	return ""
}

// apacheKeys are the index keys a request looks up; nil means try every
// rule.
func apacheKeys(t target) []string {
	if len(t.query) > maxIndexedQuery {
		return nil
	}
	keys := prefixKeys("a", strings.TrimPrefix(t.path, "/"))
	keys = append(keys, prefixKeys("m", t.path)...)
	keys = append(keys, substringKeys("q", t.query)...)
	p := pathKey(t.path)
	keys = append(keys, "r/")
	for i := 1; i < len(p); i++ {
		if p[i] == '/' {
			keys = append(keys, "r"+p[:i])
		}
	}
	return append(keys, "r"+p)
}

// apacheFields splits a directive line into arguments, honouring quotes.
func apacheFields(line string) []string {
	var f []string
	for line != "" {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			break
		}
		if line[0] == '"' {
			end := strings.IndexByte(line[1:], '"')
			if end < 0 {
				f = append(f, line[1:])
				break
			}
			f = append(f, line[1:end+1])
			line = line[end+2:]
			continue
		}
		end := strings.IndexAny(line, " \t")
		if end < 0 {
			end = len(line)
		}
		f = append(f, line[:end])
		line = line[end:]
	}
	return f
}

// apacheFlags splits "[R=301,L,NC]" into upper-case flags.
func apacheFlags(f []string, n int) []string {
	if len(f) <= n {
		return nil
	}
	s := strings.Trim(f[n], "[]")
	return strings.Split(strings.ToUpper(s), ",")
}

func compileApache(pattern string, nocase bool) (*regexp.Regexp, bool, error) {
	negate := false
	if p, ok := strings.CutPrefix(pattern, "!"); ok {
		pattern, negate = p, true
	}
	if nocase {
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, false, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return re, negate, nil
}

func parseRewriteCond(f []string) (apacheCond, error) {
	if len(f) < 3 {
		return apacheCond{}, fmt.Errorf("RewriteCond wants a test string and a pattern")
	}
	c := apacheCond{variable: strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(f[1], "%{"), "}"))}
	flags := apacheFlags(f, 3)
	c.or = hasFlag(flags, "OR", "ORNEXT")
	if strings.HasPrefix(strings.TrimPrefix(f[2], "!"), "-") { // file tests: -f, -d, ...
		return c, nil
	}
	var err error
	c.re, c.negate, err = compileApache(f[2], hasFlag(flags, "NC", "NOCASE"))
	return c, err
}

func parseRewriteRule(f []string, conds []apacheCond) (apacheRule, error) {
	if len(f) < 3 {
		return apacheRule{}, fmt.Errorf("RewriteRule wants a pattern and a substitution")
	}
	flags := apacheFlags(f, 3)
	re, negate, err := compileApache(f[1], hasFlag(flags, "NC", "NOCASE"))
	if err != nil {
		return apacheRule{}, err
	}
	if negate {
		return apacheRule{}, fmt.Errorf("negated RewriteRule patterns are not checked")
	}
	r := apacheRule{kind: "RewriteRule", conds: conds, re: re, to: f[2], qsa: hasFlag(flags, "QSA")}
	r.qsd = hasFlag(flags, "QSD") || strings.HasSuffix(r.to, "?")
	r.to = strings.TrimSuffix(r.to, "?")
	for _, fl := range flags {
		switch {
		case fl == "R" || fl == "REDIRECT":
			r.status = http.StatusFound
		case strings.HasPrefix(fl, "R=") || strings.HasPrefix(fl, "REDIRECT="):
			_, v, _ := strings.Cut(fl, "=")
			r.status = apacheStatus(v)
		case fl == "F" || fl == "FORBIDDEN":
			r.status = http.StatusForbidden
		case fl == "G" || fl == "GONE":
			r.status = http.StatusGone
		}
	}
	return r, nil
}

func parseAlias(f []string) (apacheRule, error) {
	kind := strings.ToLower(f[0])
	status := http.StatusFound
	switch kind {
	case "redirectpermanent":
		status = http.StatusMovedPermanently
	}
	args := f[1:]
	if len(args) > 1 && (kind == "redirect" || kind == "redirectmatch") && isApacheStatus(args[0]) {
		status = apacheStatus(args[0])
		args = args[1:]
	}
	if len(args) == 0 {
		return apacheRule{}, fmt.Errorf("%s wants a path", f[0])
	}
	to := ""
	if len(args) > 1 {
		to = args[1]
	}
	if to == "" && status < 400 {
		return apacheRule{}, fmt.Errorf("%s %s has no target", f[0], args[0])
	}
	if kind == "redirectmatch" {
		re, err := regexp.Compile(args[0])
		if err != nil {
			return apacheRule{}, fmt.Errorf("pattern %q: %w", args[0], err)
		}
		return apacheRule{kind: "RedirectMatch", re: re, to: to, status: status}, nil
	}
	return apacheRule{kind: "Redirect", prefix: pathKey(decodePath(args[0])), to: to, status: status}, nil
}

// apacheStatus reads a status keyword or number; unknown means 302.
func apacheStatus(s string) int {
	switch strings.ToLower(s) {
	case "permanent":
		return http.StatusMovedPermanently
	case "temp":
		return http.StatusFound
	case "seeother":
		return http.StatusSeeOther
	case "gone":
		return http.StatusGone
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return http.StatusFound
}

func isApacheStatus(s string) bool {
	switch strings.ToLower(s) {
	case "permanent", "temp", "seeother", "gone":
		return true
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 300 && n < 600
}

func hasFlag(flags []string, names ...string) bool {
	for _, f := range flags {
		for _, n := range names {
			if f == n {
				return true
			}
		}
	}
	return false
}
