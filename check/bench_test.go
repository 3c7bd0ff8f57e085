package check

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchSite is a converted site of n posts with a ?p= redirect for each in
// all three formats, and its old URLs (permalink, short link, a miss).
func benchSite(n int) (map[string]string, []OldURL) {
	files := map[string]string{"hugo.toml": "baseURL = \"https://b.example/\"\n"}
	var netlify, nginx, apache strings.Builder
	nginx.WriteString("map $request_uri $r {\n  default \"\";\n")
	apache.WriteString("RewriteEngine On\n")
	var urls []OldURL
	for i := range n {
		u := fmt.Sprintf("/%d/%02d/post-%d/", 2000+i%20, 1+i%12, i)
		files[fmt.Sprintf("content/posts/p%d.md", i)] = "---\nurl: " + u + "\n---\n"
		fmt.Fprintf(&netlify, "/ p=%d %s 301\n", i, u)
		fmt.Fprintf(&nginx, "  \"/?p=%d\" %q;\n", i, u)
		fmt.Fprintf(&apache, "RewriteCond %%{QUERY_STRING} (^|&)p=%d(&|$)\nRewriteRule ^(index\\.php)?$ %s? [R=301,L,NE]\n", i, u)
		urls = append(urls,
			OldURL{Path: u, Class: Posts, ItemID: int64(i)},
			OldURL{Path: fmt.Sprintf("/?p=%d", i), Class: Shortlinks, ItemID: int64(i)},
			OldURL{Path: fmt.Sprintf("/gone-%d/", i), Class: Posts, ItemID: int64(i)})
	}
	nginx.WriteString("}\n")
	files["static/_redirects"] = netlify.String()
	files["redirects.conf"] = nginx.String()
	files["static/.htaccess"] = apache.String()
	return files, urls
}

func BenchmarkSite(b *testing.B) {
	files, urls := benchSite(2000)
	fsys := mapFS(files)
	b.ResetTimer()
	for b.Loop() {
		res, err := Site(context.Background(), fsys, urls, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Missing) != 2000 {
			b.Fatalf("%d missing, want 2000", len(res.Missing))
		}
	}
	b.ReportMetric(float64(len(urls)), "urls/op")
}
