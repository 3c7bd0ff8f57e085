package check

import "testing"

// FuzzKey checks that URL normalisation never panics and that its parts
// are idempotent.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"/2012/02/x/", "/?p=12&amp;a=b", "/%E4%B8%AD//", "%zz", "/a?b=%", "", "//x", "/#frag"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg := parseTarget(s)
		_ = tg.key()
		_ = tg.String()
		if p := pathKey(tg.path); pathKey(p) != p {
			t.Errorf("pathKey not idempotent: %q -> %q -> %q", tg.path, p, pathKey(p))
		}
		if q := queryKey(tg.query); queryKey(q) != q {
			t.Errorf("queryKey not idempotent: %q -> %q -> %q", tg.query, q, queryKey(q))
		}
	})
}

// FuzzRules checks that no redirect file, front matter or config text can
// make the readers or the matchers panic.
func FuzzRules(f *testing.F) {
	f.Add("/ p=12 /x/ 301\n/a/* /b/:splat 200!\n")
	f.Add("map $request_uri $x { default \"\"; \"/?p=1\" /x/; ~^/a(.*)$ /b$1; }")
	f.Add("RewriteCond %{QUERY_STRING} ^p=([0-9]+)$ [NC,OR]\nRewriteRule ^(.*)$ /%1/$1\\%? [R=301,L]\nRedirect gone /x\n")
	f.Add("---\nurl: /x/\naliases: [a, /b]\n---\n")
	f.Add("+++\ntitle = \"x\"\n[a.b]\nc = [1, \"2\",\n]\n+++\n")
	f.Add("[[redirects]]\nfrom = \"/\"\nto = \"/x/\"\nquery = {p = \"1\"}\n[redirects.query]\nq = \":id\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		sets := []ruleSet{}
		for _, parse := range []func(string, string) (ruleSet, []string){parseNetlify, parseNginx, parseApache} {
			s, _ := parse("f", text)
			sets = append(sets, s)
		}
		for _, s := range sets {
			for _, p := range []string{"/", "/?p=12", "/a/b/", "/x", "/%E4%B8%AD/"} {
				s.match(parseTarget(p))
			}
		}
		rules, _ := netlifyTOMLRules("netlify.toml", text)
		newNetlifySet(rules).match(parseTarget("/?p=1"))
		_, _ = parseTOML(text)
		_, _ = readFrontMatter([]byte(text))
	})
}
