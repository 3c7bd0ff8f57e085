package rewrite

import (
	"bufio"
	"fmt"
	"hash/maphash"
	"io"
	"net/url"
	"regexp"
	"strings"
)

// rule is one redirect: from a path (and one query variable) to a target.
type rule struct {
	path   string // decoded path, e.g. "/category/x/" or "/mythz_blog/"
	query  string // "p=12", or "" for a path rule
	target string // decoded target path
	status int
}

// eachRule calls yield with the redirects the index calls for: every OldURL
// answered ViaRedirect, once each, in OldURLs order, then the moves. They
// are not held: a big site has many. To drop repeats without a set of
// every rule, a first walk counts the rules by the hash of their path (and
// query); only those whose hash is shared go through a set of strings.
func (ix *Index) eachRule(yield func(rule)) {
	var shared keyTable // hash of a candidate rule's "path?query" → how many candidates have it
	count := func(p string) {
		h := maphash.String(ix.seed, p)
		n, _ := shared.get(h)
		shared.put(h, n+1)
	}
	ix.eachOldURL(func(u OldURL) {
		if u.Via == ViaRedirect && u.Target != "" && u.Target != u.Path {
			count(u.Path)
		}
	})
	for _, r := range ix.moves {
		count(r.path)
	}
	type from struct{ path, query string } // no "?" in path: one per "path?query"
	seen := map[from]bool{}
	first := func(r rule, full string) bool {
		if n, _ := shared.get(maphash.String(ix.seed, full)); n < 2 {
			return true // no other candidate has its path
		}
		id := from{r.path, r.query}
		if seen[id] {
			return false
		}
		seen[id] = true
		return true
	}
	ix.eachOldURL(func(u OldURL) {
		if u.Via != ViaRedirect || u.Target == "" || u.Target == u.Path || ix.isHome(u.Path) && !strings.Contains(u.Path, "?") {
			return
		}
		r := rule{path: u.Path, target: u.Target, status: u.Status}
		if i := strings.IndexByte(r.path, '?'); i >= 0 {
			r.path, r.query = r.path[:i], r.path[i+1:]
		}
		if first(r, u.Path) {
			yield(r)
		}
	})
	for _, r := range ix.moves {
		if first(r, r.path) {
			yield(r)
		}
	}
}

// escPath percent-encodes a decoded path the way browsers send it.
func escPath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// WriteNetlify writes the redirects in the _redirects format of Netlify and
// Cloudflare Pages (static/_redirects): "FROM [QUERY] TO STATUS", where a
// query form matches "/ p=123" whatever other parameters the request has.
func (ix *Index) WriteNetlify(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Redirects for the old WordPress URLs, written by wpexit.")
	ix.eachRule(func(r rule) {
		from := escPath(r.path)
		if r.query != "" {
			fmt.Fprintf(bw, "%s %s %s %d\n", from, r.query, escPath(r.target), r.status)
			fmt.Fprintf(bw, "%s %s %s %d\n", escPath(strings.TrimSuffix(r.path, "/")+"/index.php"), r.query, escPath(r.target), r.status)
			return
		}
		fmt.Fprintf(bw, "%s %s %d\n", from, escPath(r.target), r.status)
	})
	return bw.Flush()
}

// WriteNginx writes an nginx include with two maps from $request_uri to the
// new URL, one for permanent and one for temporary redirects. Include it in
// the http block and, in the server block:
//
//	if ($wpexit_redirect) { return 301 $wpexit_redirect; }
//	if ($wpexit_redirect_temp) { return 302 $wpexit_redirect_temp; }
func (ix *Index) WriteNginx(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Redirects for the old WordPress URLs, written by wpexit. Include in http {}; in server {}:")
	fmt.Fprintln(bw, "#   if ($wpexit_redirect) { return 301 $wpexit_redirect; }")
	fmt.Fprintln(bw, "#   if ($wpexit_redirect_temp) { return 302 $wpexit_redirect_temp; }")
	for _, temp := range []bool{false, true} { // two passes over the rules, which are not held
		name := "$wpexit_redirect"
		if temp {
			name += "_temp"
		}
		fmt.Fprintf(bw, "map $request_uri %s {\n    default \"\";\n", name)
		ix.eachRule(func(r rule) {
			if (r.status == 302) != temp {
				return
			}
			for _, from := range nginxSources(r) {
				fmt.Fprintf(bw, "    %s %s;\n", nginxQuote(from), nginxQuote(escPath(r.target)))
			}
		})
		fmt.Fprintln(bw, "}")
	}
	return bw.Flush()
}

// nginxSources are the exact request URIs a rule answers: with and without
// the trailing slash, and index.php for query forms.
func nginxSources(r rule) []string {
	p := escPath(r.path)
	if r.query != "" {
		dir := strings.TrimSuffix(p, "/")
		return []string{dir + "/?" + r.query, dir + "/index.php?" + r.query}
	}
	if t := strings.TrimSuffix(p, "/"); t != p && t != "" {
		return []string{p, t}
	}
	return []string{p}
}

func nginxQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// WriteApache writes mod_rewrite rules for an .htaccess at the host's
// document root (for a sub-directory install too: the patterns hold the
// install directory, like every path in the index). Query forms need a
// RewriteCond on %{QUERY_STRING}; the trailing "?" of the target drops the
// old query.
func (ix *Index) WriteApache(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Redirects for the old WordPress URLs, written by wpexit.")
	fmt.Fprintln(bw, "RewriteEngine On")
	ix.eachRule(func(r rule) {
		pat := apachePattern(strings.TrimPrefix(strings.TrimSuffix(r.path, "/"), "/"))
		to := apacheTarget(escPath(r.target))
		flags := fmt.Sprintf("[R=%d,L,NE]", r.status)
		if r.query != "" {
			if pat != "" {
				pat += "/"
			}
			fmt.Fprintf(bw, "RewriteCond %%{QUERY_STRING} (^|&)%s(&|$)\n", regexp.QuoteMeta(r.query))
			fmt.Fprintf(bw, "RewriteRule ^%s(index\\.php)?$ %s? %s\n", pat, to, flags)
			return
		}
		fmt.Fprintf(bw, "RewriteRule ^%s/?$ %s? %s\n", pat, to, flags)
	})
	return bw.Flush()
}

// apacheTarget escapes what mod_rewrite reads as back-references in a
// substitution: "%N" (RewriteCond groups) and "$N" (rule groups), so a
// percent-encoded target ("/2012/12/%E8%B0%83/") is sent as written.
func apacheTarget(s string) string {
	return strings.NewReplacer("%", `\%`, "$", `\$`).Replace(s)
}

// apachePattern quotes a decoded path for a RewriteRule pattern, which
// mod_rewrite matches against the decoded path; spaces become \x20 so the
// pattern stays one argument.
func apachePattern(p string) string {
	return strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\x20`)
}
