package check

import (
	"fmt"
	"net/url"
	"strings"
)

// hop is what one redirect rule does with a request.
type hop struct {
	to     string // target as the rule writes it: path+query or absolute URL
	status int    // 301, 302, 200 (rewrite), 404, 410, ...
	rule   string // where the rule is, "static/_redirects:12"
}

// ruleSet is the rules of one redirect file format, tried in order.
type ruleSet struct {
	format string // "netlify", "nginx" or "apache"
	match  func(t target) (hop, bool)
}

// resolver decides coverage from a set of served paths and redirect rules;
// Site and Public mode differ only in how they fill it.
type resolver struct {
	prefix  string            // path the site is served under ("" or "/blog"), prepended by serve
	served  map[string]string // pathKey -> what serves it
	sets    []ruleSet
	hosts   map[string]bool // hosts that are this site, www. stripped
	maxHops int
	gaps    map[string]*gap // format -> URLs it alone misses
}

func newResolver(hosts []string, maxHops int) *resolver {
	r := &resolver{served: map[string]string{}, hosts: map[string]bool{}, maxHops: maxHops, gaps: map[string]*gap{}}
	for _, h := range hosts {
		r.addHost(h)
	}
	return r
}

func (r *resolver) addHost(h string) {
	if h != "" {
		r.hosts[strings.TrimPrefix(strings.ToLower(h), "www.")] = true
	}
}

// serve records a path of the site (relative to the site's base path) as
// answered. The path is literal, as a file name: Hugo writes "%e4" in a
// url or alias as those three characters, and a server that decodes the
// request URL finds that file only at "%25e4".
func (r *resolver) serve(path, what string) {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	k := pathKey(r.prefix + path)
	if _, ok := r.served[k]; !ok {
		r.served[k] = what
	}
}

func (r *resolver) serves(t target) bool {
	_, ok := r.served[pathKey(t.path)]
	return ok
}

// reasons shared by the file-based modes.
const (
	reasonNothing = "no page, alias, static file or redirect"
	reasonQuery   = "no redirect rule for this query form (a static host ignores the query and serves the path)"
)

// check returns "" when the old URL has a target, else why not. A URL with
// a query needs a redirect rule that matches its query: serving the bare
// path would answer 200 with the wrong page. Every redirect format is
// tried; a URL one format covers and another does not is counted in gaps.
func (r *resolver) check(oldPath string) string {
	t := parseTarget(oldPath)
	if t.query == "" && r.serves(t) {
		return ""
	}
	first := ""
	covered := map[string]bool{} // format -> some file of it covers t
	why := map[string]string{}
	for _, set := range r.sets {
		reason, matched := r.follow(set, t)
		if reason == "" {
			covered[set.format] = true
			continue
		}
		if !covered[set.format] && why[set.format] == "" {
			why[set.format] = reason
		}
		if matched && first == "" {
			first = reason
		}
	}
	if len(covered) > 0 {
		r.noteGaps(oldPath, covered, why)
		return ""
	}
	switch {
	case first != "":
		return first
	case t.query != "":
		return reasonQuery
	}
	return reasonNothing
}

// gap counts the URLs one redirect format leaves without a target while
// another format covers them: the site is fine on one host and not on the
// other.
type gap struct {
	count   int
	example string // the first such URL and why
}

func (r *resolver) noteGaps(oldPath string, covered map[string]bool, why map[string]string) {
	for _, set := range r.sets {
		f := set.format
		if covered[f] || why[f] == "" {
			continue
		}
		g := r.gaps[f]
		if g == nil {
			g = &gap{example: oldPath + ": " + why[f]}
			r.gaps[f] = g
		}
		g.count++
		why[f] = "" // once per URL
	}
}

// gapWarnings describes the gaps, one line per format, in format order.
func (r *resolver) gapWarnings() []string {
	var out []string
	for _, f := range []string{"netlify", "nginx", "apache"} {
		if g := r.gaps[f]; g != nil {
			out = append(out, fmt.Sprintf("%s rules leave %d URLs without a target that other redirect files cover (Options.Formats picks one); e.g. %s", f, g.count, g.example))
		}
	}
	return out
}

// follow applies the set's rules from t until a served path, a dead end or
// the hop limit. matched reports whether any rule applied to t itself.
func (r *resolver) follow(set ruleSet, t target) (reason string, matched bool) {
	seen := map[string]bool{t.key(): true}
	for hops := 0; ; hops++ {
		h, ok := set.match(t)
		if !ok {
			if hops == 0 {
				return reasonNothing, false
			}
			return fmt.Sprintf("redirects (%s) to %s, which has no target", set.format, t), true
		}
		if h.status >= 400 {
			return fmt.Sprintf("%s answers %d", h.rule, h.status), true
		}
		next, off := r.local(h.to)
		if off {
			return fmt.Sprintf("redirects off-site to %s (%s)", h.to, h.rule), true
		}
		if r.serves(next) && !wordpressQuery(next.query) {
			return "", true
		}
		if seen[next.key()] {
			return fmt.Sprintf("redirect loop at %s (%s)", next, h.rule), true
		}
		if hops+1 >= r.maxHops {
			return fmt.Sprintf("more than %d redirects (%s)", r.maxHops, h.rule), true
		}
		seen[next.key()] = true
		t = next
	}
}

// local turns a rule's target into a target on this site; off reports a
// target on another host.
func (r *resolver) local(to string) (t target, off bool) {
	if strings.HasPrefix(to, "/") && !strings.HasPrefix(to, "//") {
		return parseTarget(to), false
	}
	u, err := url.Parse(to)
	if err != nil || u.Host == "" {
		return parseTarget("/" + to), false
	}
	if !r.hosts[strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")] {
		return target{}, true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return parseTarget(p), false
}

// wordpressQueryVars are the query variables WordPress routes by; a static
// host ignores them, so a target carrying one needs a rule of its own.
var wordpressQueryVars = []string{"p", "page_id", "attachment_id", "cat", "tag", "m", "author",
	"feed", "paged", "name", "pagename", "post_type", "s", "year", "monthnum", "day"}

func wordpressQuery(q string) bool {
	if q == "" {
		return false
	}
	v, _ := url.ParseQuery(q)
	for _, k := range wordpressQueryVars {
		if v.Has(k) {
			return true
		}
	}
	return false
}
