package check

import (
	"context"
	"strings"
	"testing"
)

// redirectFiles hold the same rules in the three formats; each file alone
// must cover the same URLs.
var redirectFiles = map[string]map[string]string{
	"netlify": {"static/_redirects": `# query forms
/ p=12 /2012/02/14/hello/ 301
/ page_id=3 /about/ 301!
/index.php p=:id /?p=:id 301
/ attachment_id=5 /wp-content/uploads/2012/02/x.jpg 301
/feed/* /index.xml 301
/category/:slug/feed/ /category/:slug/index.xml 301
/2012/02/%E4%B8%AD/ /2013/01/中文/ 301
/chain-a /chain-b 301
/chain-b /about/ 302
/nowhere /no-such-page/ 301
/off https://elsewhere.example/x 301
/home-host https://www.blog.example.com/about/ 301
/loop-a /loop-b 301
/loop-b /loop-a 301
/gone /about/ 410
/geo /about/ 302 Country=de
`},
	"nginx": {"deploy/redirects.conf": `# generated
map $request_uri $wp_redirect {
    default "";
    "/?p=12"        /2012/02/14/hello/;
    /?page_id=3     /about/;
    ~^/index\.php\?p=([0-9]+)$ /?p=$1;
    /?attachment_id=5 /wp-content/uploads/2012/02/x.jpg;
    ~^/feed(/.*)?$  /index.xml;
    ~^/category/([^/]+)/feed/?$ /category/$1/index.xml;
    /2012/02/%e4%b8%ad/ /2013/01/%E4%B8%AD%E6%96%87/;
    /Chain-A /chain-b; # nginx compares map strings ignoring case
    /chain-b /about/;
    /nowhere /no-such-page/;
    /off https://elsewhere.example/x;
    /home-host https://www.blog.example.com/about/;
    /loop-a /loop-b;
    /loop-b /loop-a;
}
`},
	"apache": {"static/.htaccess": `RewriteEngine On
RewriteBase /
RewriteCond %{QUERY_STRING} ^p=12$
RewriteRule ^$ /2012/02/14/hello/? [R=301,L]
RewriteCond %{QUERY_STRING} (^|&)page_id=3(&|$) [NC]
RewriteRule ^/?$ /about/? [R=301,L]
RewriteCond %{QUERY_STRING} ^p=([0-9]+)$
RewriteRule ^index\.php$ /?p=%1 [R=301,L]
RewriteCond %{QUERY_STRING} ^attachment_id=5$
RewriteRule ^$ /wp-content/uploads/2012/02/x.jpg? [R=301,L]
RewriteRule ^feed(/.*)?$ /index.xml [R=301,L]
RewriteRule ^category/([^/]+)/feed/?$ /category/$1/index.xml [R=301,L]
RedirectMatch 301 ^/2012/02/中/?$ /2013/01/中文/
Redirect 301 /chain-a /chain-b
Redirect permanent /chain-b /about/
Redirect 301 /nowhere /no-such-page/
Redirect 301 /off https://elsewhere.example/x
Redirect 301 /home-host https://www.blog.example.com/about/
Redirect 301 /loop-a /loop-b
Redirect 301 /loop-b /loop-a
Redirect gone /gone
RewriteRule ^enc-bad/?$ /2013/01/%E4%B8%AD%E6%96%87/? [R=301,L,NE]
RewriteRule ^enc-ok/?$ /2013/01/\%E4\%B8\%AD\%E6\%96\%87/? [R=301,L,NE]
RewriteRule ^enc-raw/?$ /2013/01/中文/? [R=301,L]
`},
}

func TestSiteRedirects(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"/?p=12", ""},
		{"/?page_id=3", ""},
		{"/index.php?p=12", ""},   // two hops: index.php form, then the ?p= rule
		{"/?attachment_id=5", ""}, // redirect to a static file
		{"/feed/", ""},
		{"/feed/atom/", ""},
		{"/category/liveblog/feed/", ""},
		{"/2012/02/中/", ""},              // decoded source
		{"/2012/02/%E4%B8%AD", ""},       // encoded source, no slash
		{"/chain-a/", ""},                // chain of two
		{"/?p=99", reasonQuery},          // no rule for this id
		{"/index.php?p=99", "no target"}, // rule applies, then nothing
		{"/nowhere/", "no target"},       // target has no page
		{"/off/", "off-site"},            // other host
		{"/home-host/", ""},              // the site's own host (www. ignored)
		{"/loop-a/", "loop"},             // a -> b -> a
		{"/p/?p=12", reasonQuery},        // rule is for / only
	}
	for format, files := range redirectFiles {
		t.Run(format, func(t *testing.T) {
			site := map[string]string{}
			for k, v := range hugoSite {
				site[k] = v
			}
			for k, v := range files {
				site[k] = v
			}
			res, err := Site(context.Background(), mapFS(site), oldURLs(tests), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings: %q", res.Warnings)
			}
			assertVerdicts(t, res, tests)
		})
	}
}

func TestSiteRedirectStatus(t *testing.T) {
	tests := []struct {
		format, path, want string
	}{
		{"netlify", "/gone/", "answers 410"},
		{"netlify", "/geo/", reasonNothing}, // conditional rules prove nothing
		{"apache", "/gone/", "answers 410"},
		// mod_rewrite reads %9 in a substitution as a back-reference
		{"apache", "/enc-bad/", "redirects (apache) to /2013/01/%E4%B8%AD%E667/, which has no target"},
		{"apache", "/enc-ok/", ""},
		{"apache", "/enc-raw/", ""},
	}
	for _, tt := range tests {
		site := map[string]string{}
		for k, v := range hugoSite {
			site[k] = v
		}
		for k, v := range redirectFiles[tt.format] {
			site[k] = v
		}
		rows := []struct{ path, want string }{{tt.path, tt.want}}
		res, err := Site(context.Background(), mapFS(site), oldURLs(rows), Options{})
		if err != nil {
			t.Fatal(err)
		}
		assertVerdicts(t, res, rows)
	}
}

func TestFormatsOption(t *testing.T) {
	site := map[string]string{}
	for k, v := range hugoSite {
		site[k] = v
	}
	for _, files := range redirectFiles {
		for k, v := range files {
			site[k] = v
		}
	}
	rows := []struct{ path, want string }{{"/?p=12", reasonQuery}}
	res, err := Site(context.Background(), mapFS(site), oldURLs(rows), Options{Formats: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, rows)
}

func TestNetlifyTOML(t *testing.T) {
	site := map[string]string{}
	for k, v := range hugoSite {
		site[k] = v
	}
	site["netlify.toml"] = `[build]
  publish = "public" # not a redirect

[[redirects]]
  from = "/"
  to = "/2012/02/14/hello/"
  status = 301
  query = {p = "12"}

[[redirects]]
  from = "/"
  to = "/about/"
  [redirects.query]
    page_id = "3"

[[redirects]]
  from = "/geo/"
  to = "/about/"
  conditions = {Country = ["de"]}

[[redirects]]
  from = "https://old.example.com/*"
  to = "/about/"

[[redirects]]
  from = "/b/*"
  to = "/a/:splat"

[[redirects]]
  from = "/bad/"
  to = 12
`
	site["static/_redirects"] = "/a/* /notes/:splat 301\n" // applied before netlify.toml
	tests := []struct{ path, want string }{
		{"/?p=12", ""},
		{"/?page_id=3", ""},
		{"/geo/", reasonNothing},
		{"/b/plain/", ""}, // netlify.toml, then _redirects: one chain
		{"/bad/", reasonNothing},
	}
	res, err := Site(context.Background(), mapFS(site), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "netlify.toml:31: to: want a string") {
		t.Errorf("warnings %q, want the one for `to = 12`", res.Warnings)
	}
}

// A site that ships rules for several hosts is covered when any format
// covers a URL, and each format that does not is named in a warning.
func TestFormatGaps(t *testing.T) {
	site := map[string]string{}
	for k, v := range hugoSite {
		site[k] = v
	}
	site["static/_redirects"] = "/ p=12 /2012/02/14/hello/ 301\n/ p=13 /about/ 301\n"
	site["static/.htaccess"] = "RewriteCond %{QUERY_STRING} ^p=12$\nRewriteRule ^$ /2012/02/14/hello/? [R=301,L]\n"
	site["nginx.conf"] = "map $request_uri $r {\n  /?p=12 /2012/02/14/hello/;\n  /?p=13 /about/;\n}\n"
	tests := []struct{ path, want string }{{"/?p=12", ""}, {"/?p=13", ""}, {"/?p=14", reasonQuery}}
	res, err := Site(context.Background(), mapFS(site), oldURLs(tests), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)
	want := "apache rules leave 1 URLs without a target that other redirect files cover (Options.Formats picks one); e.g. /?p=13: "
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], want) {
		t.Errorf("warnings %q, want one starting %q", res.Warnings, want)
	}
	res, err = Site(context.Background(), mapFS(site), oldURLs(tests[:2]), Options{Formats: []string{"apache"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Missing) != 1 || res.Missing[0].Path != "/?p=13" {
		t.Errorf("apache only: missing %v, want /?p=13", res.Missing)
	}
}
