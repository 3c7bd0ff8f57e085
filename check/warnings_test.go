package check

import (
	"context"
	"strings"
	"testing"
)

// Redirect lines that cannot be read are reported, with file and line,
// and the rest of the file still counts.
func TestRuleWarnings(t *testing.T) {
	tests := []struct {
		name, file, text, warn string
	}{
		{"netlify status", "static/_redirects", "/a /b/ 30x\n/c/ /posts/p/ 301\n", "static/_redirects:1: bad status \"30x\""},
		{"netlify no target", "static/_redirects", "/a p=1\n/c/ /posts/p/\n", "static/_redirects:1: no target"},
		{"netlify one field", "static/_redirects", "# x\n/a\n/c/ /posts/p/\n", "static/_redirects:2: want `from to [status]`"},
		{"apache regex", "static/.htaccess", "RewriteRule ^(a $ /b/ [R=301]\nRedirect 301 /c /posts/p/\n", "static/.htaccess:1: pattern"},
		{"apache lookahead", "static/.htaccess", "RedirectMatch 301 ^/(?!x)a /b\nRedirect 301 /c /posts/p/\n", "static/.htaccess:1: pattern"},
		{"apache no target", "static/.htaccess", "Redirect 301 /a\nRedirect 301 /c /posts/p/\n", "static/.htaccess:1: Redirect /a has no target"},
		{"apache cond", "static/.htaccess", "RewriteCond %{QUERY_STRING}\nRedirect 301 /c /posts/p/\n", "static/.htaccess:1: RewriteCond wants"},
		{"nginx include", "nginx/redirects.conf", "map $uri $r {\n  include more.map;\n  /c /posts/p/;\n}\n", "nginx/redirects.conf:2: include in a map is not followed"},
		{"nginx regex", "nginx/redirects.conf", "map $uri $r {\n  ~^/(a /b;\n  /c /posts/p/;\n}\n", "nginx/redirects.conf:2: error parsing regexp"},
		{"nginx shape", "nginx/redirects.conf", "map $uri $r {\n  /a /b /c;\n  /c /posts/p/;\n}\n", "nginx/redirects.conf:2: want `source value;`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(map[string]string{"content/posts/p.md": "---\ntitle: p\n---\n", tt.file: tt.text})
			res, err := Site(context.Background(), fsys, []OldURL{{Path: "/c"}}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], tt.warn) {
				t.Errorf("warnings %q, want one with %q", res.Warnings, tt.warn)
			}
			if len(res.Missing) != 0 {
				t.Errorf("the good rule did not count: %v", res.Missing)
			}
		})
	}
}
