package wxr_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wpexit/wpexit/internal/testenv"
)

// corpusFile is one row of ../shared/wxr/INDEX.md: the number of <item>
// elements, the count per wp:post_type ("" for an item without one), and
// whether Python's expat found the file well-formed.
type corpusFile struct {
	path  string
	items int
	types map[string]int
	wf    bool
}

// Where this reader and INDEX.md count differently, on purpose.
var corpusExceptions = map[string]struct {
	types  map[string]int
	reason string
}{
	// INDEX counted literal "<item>" tags; five of the six items carry
	// attributes (<item xmlns:alt=…>). The item whose wp prefix is bound
	// to a look-alike namespace has no WXR fields, hence type "".
	"wordpress-importer/phpunit-data/namespace-edge-cases.xml": {map[string]int{"post": 5, "": 1}, "attribute-carrying <item> tags"},
}

// Malformed files: how each one ends. recovered: every item read, with
// warnings containing warn. Otherwise the reader stops with a positioned
// error whose text contains warn.
var corpusMalformed = map[string]struct {
	recovered bool
	warn      string
}{
	"real-charleso-wpcom/wordpress.xml":                    {true, `prefix "atom" is used but not declared`},
	"real-fdietz-wpcom/wordpress.xml":                      {true, `prefix "atom" is used but not declared`},
	"real-heyitsalex/wordpress.xml":                        {true, `prefix "atom" is used but not declared`},
	"real-mindglitch-wpcom/wordpress.xml":                  {true, `prefix "atom" is used but not declared`},
	"real-aliirz-wpcom/wordpress.xml":                      {true, `prefix "atom" is used but not declared`},
	"real-malformed-ivings/wordpress.xml":                  {true, "dropped 1 character XML forbids (U+000C)"},
	"wordpress-importer/phpunit-data/crazy-cdata.xml":      {true, "CDATA section ended early"},
	"php-toolkit-dataliberation/crazy-cdata.xml":           {true, "CDATA section ended early"},
	"ghost-migrate/multiple-attachments-only.xml":          {true, `escaped 5 bare "&"`},
	"ghost-migrate/sample-no-slug.xml":                     {true, `escaped 5 bare "&"`},
	"ghost-migrate/sample.xml":                             {true, `escaped 5 bare "&"`},
	"ghost-migrate/squarespace-sample.xml":                 {true, "replaced 1 HTML entity XML does not define (&mdash;)"},
	"wordpress-importer/phpunit-data/malformed-simple.xml": {false, "malformed-simple.xml:13: item 1: the file ends inside the item that starts on line 9"},
	"wordpress-importer/phpunit-data/malformed.xml":        {false, "malformed.xml:90: element <notachanneltag> closed by </channel>"},
	"php-toolkit-dataliberation/malformed.xml":             {false, "malformed.xml:353: element <notachanneltag> closed by </channel>"},
}

// TestCorpus reads every export under ../shared/wxr. Well-formed files
// must give INDEX.md's counts per post type with no repair reported;
// malformed ones must recover every item with warnings or stop with a
// positioned error after the last readable item.
func TestCorpus(t *testing.T) {
	corpus := testenv.SharedWXR(t)
	var onDisk []string
	filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			rel, _ := filepath.Rel(corpus, p)
			onDisk = append(onDisk, filepath.ToSlash(rel))
		}
		return nil
	})
	indexed := map[string]bool{}
	for _, f := range corpusIndex {
		indexed[f.path] = true
	}
	for _, p := range onDisk {
		if !indexed[p] {
			t.Errorf("%s is not in the expected table (update corpusIndex from INDEX.md)", p)
		}
	}
	for _, f := range corpusIndex {
		t.Run(f.path, func(t *testing.T) {
			res := readFile(t, filepath.Join(corpus, f.path))
			if f.wf {
				checkWellFormed(t, f, res)
			} else {
				checkMalformed(t, f, res)
			}
		})
	}
}

func typeCounts(res *result) map[string]int {
	got := map[string]int{}
	for _, it := range res.items {
		got[it.Type]++
	}
	return got
}

func checkWellFormed(t *testing.T, f corpusFile, res *result) {
	if res.openErr != nil || res.fatal != nil || len(res.skipped) > 0 {
		t.Fatalf("well-formed file: open %v, fatal %v, skipped %v", res.openErr, res.fatal, res.skipped)
	}
	want := f.types
	if ex, ok := corpusExceptions[f.path]; ok {
		want = ex.types
	}
	if got := typeCounts(res); !reflect.DeepEqual(got, want) {
		t.Errorf("types %v, want %v", got, want)
	}
	for _, w := range res.warnings {
		if !strings.Contains(w.Msg, "wxr_version") { // a missing or odd version is reported, not repaired
			t.Errorf("repair on a well-formed file: %s", w)
		}
	}
}

func checkMalformed(t *testing.T, f corpusFile, res *result) {
	want, ok := corpusMalformed[f.path]
	if !ok {
		t.Fatalf("malformed file without an expected outcome")
	}
	if want.recovered {
		if res.openErr != nil || res.fatal != nil || len(res.skipped) > 0 {
			t.Fatalf("want full recovery: open %v, fatal %v, skipped %v", res.openErr, res.fatal, res.skipped)
		}
		if got := typeCounts(res); !reflect.DeepEqual(got, f.types) {
			t.Errorf("recovered types %v, want %v", got, f.types)
		}
		found := false
		for _, w := range res.warnings {
			found = found || strings.Contains(w.String(), want.warn) && w.Line > 0
		}
		if !found {
			t.Errorf("no positioned warning containing %q among %v", want.warn, warningTexts(res.warnings))
		}
		return
	}
	stop := res.openErr
	if res.fatal != nil {
		stop = res.fatal
	}
	if stop == nil || !strings.Contains(stop.Error(), want.warn) {
		t.Fatalf("stop = %v, want an error containing %q", stop, want.warn)
	}
	if len(res.items) > f.items {
		t.Errorf("%d items read, the file holds %d", len(res.items), f.items)
	}
}

var corpusIndex = []corpusFile{
	{"real-cc-labs/wordpress.xml", 224, map[string]int{"page": 5, "post": 219}, true},
	{"real-everet-zh/wordpress.xml", 440, map[string]int{"attachment": 321, "nav_menu_item": 11, "page": 4, "post": 104}, true},
	{"real-zhengyunshan-zh/wordpress.xml", 80, map[string]int{"attachment": 16, "page": 2, "post": 62}, true},
	{"real-cactifans-zh/wordpress.xml", 172, map[string]int{"attachment": 138, "nav_menu_item": 4, "post": 30}, true},
	{"real-teidihen/wordpress.xml", 297, map[string]int{"attachment": 60, "page": 5, "post": 232}, true},
	{"real-mythz-blog/wordpress-export.xml", 83, map[string]int{"attachment": 52, "page": 2, "post": 29}, true},
	{"real-charleso-wpcom/wordpress.xml", 24, map[string]int{"attachment": 2, "post": 22}, false},
	{"real-fdietz-wpcom/wordpress.xml", 127, map[string]int{"attachment": 3, "page": 5, "post": 119}, false},
	{"real-jamesgecko/wordpress.xml", 79, map[string]int{"attachment": 29, "nav_menu_item": 5, "page": 7, "post": 38}, true},
	{"real-vincenttam-wpcom/wordpress.xml", 119, map[string]int{"attachment": 57, "nav_menu_item": 4, "page": 1, "post": 57}, true},
	{"real-chrisjrob-wpcom/wordpress.xml", 130, map[string]int{"attachment": 32, "post": 98}, true},
	{"real-kuesters-de/wordpress.xml", 331, map[string]int{"attachment": 236, "nav_menu_item": 3, "page": 6, "post": 86}, true},
	{"real-sqlpractice-de-wpcom/wordpress-export.xml", 238, map[string]int{"attachment": 157, "post": 81}, true},
	{"real-tightloosetight-de/wordpress-export.xml", 92, map[string]int{"attachment": 60, "post": 32}, true},
	{"real-copywriting-pl/wordpress-export.xml", 23, map[string]int{"post": 23}, true},
	{"real-andysprague-wpcom/wordpress-export.xml", 17, map[string]int{"post": 17}, true},
	{"real-perlfisher-wpcom/wordpress_export.xml", 54, map[string]int{"attachment": 4, "nav_menu_item": 18, "page": 8, "post": 24}, true},
	{"real-drrajshah/wordpress-export.xml", 232, map[string]int{"attachment": 171, "custom_css": 2, "nav_menu_item": 7, "page": 13, "post": 35, "testimonial": 3, "wp_global_styles": 1}, true},
	{"real-davidegessa-it-wpcom/wordpress.xml", 84, map[string]int{"attachment": 40, "page": 1, "post": 43}, true},
	{"real-albal-wpcom/wordpress.xml", 940, map[string]int{"attachment": 859, "nav_menu_item": 12, "page": 3, "post": 66}, true},
	{"real-beingoutdoor-wpcom/wordpress-export.xml", 444, map[string]int{"attachment": 369, "nav_menu_item": 1, "page": 12, "post": 61, "wp_global_styles": 1}, true},
	{"real-areflyen-wpcom/wordpress.xml", 205, map[string]int{"attachment": 115, "feedback": 45, "nav_menu_item": 3, "page": 5, "post": 36, "wp_global_styles": 1}, true},
	{"real-codeawesome/wordpress.xml", 98, map[string]int{"attachment": 10, "feedback": 10, "nav_menu_item": 5, "page": 7, "post": 66}, true},
	{"real-fettblog/wordpress.xml", 52, map[string]int{"attachment": 15, "page": 4, "post": 33}, true},
	{"real-malformed-ivings/wordpress.xml", 14, map[string]int{"post": 14}, false},
	{"real-heyitsalex/wordpress.xml", 11, map[string]int{"post": 11}, false},
	{"real-mindglitch-wpcom/wordpress.xml", 279, map[string]int{"attachment": 159, "nav_menu_item": 7, "page": 6, "post": 107}, false},
	{"real-aliirz-wpcom/wordpress.xml", 87, map[string]int{"post": 87}, false},
	{"real-mariusv/wordpress.xml", 129, map[string]int{"post": 129}, true},
	{"real-jpcamargo/wordpress.xml", 37, map[string]int{"post": 37}, true},
	{"real-mbmccormick/wordpress.xml", 44, map[string]int{"post": 44}, true},
	{"real-danieldosen/wordpress.xml", 13, map[string]int{"attachment": 2, "page": 1, "post": 10}, true},
	{"real-abhinemani/wordpress.xml", 22, map[string]int{"post": 22}, true},
	{"real-productryan-wpcom/wordpress-export.xml", 73, map[string]int{"attachment": 41, "nav_menu_item": 11, "page": 5, "post": 16}, true},
	{"theme-test-data/themeunittestdata.wordpress.xml", 186, map[string]int{"attachment": 37, "nav_menu_item": 70, "page": 21, "post": 58}, true},
	{"theme-test-data/64-block-test-data.xml", 72, map[string]int{"attachment": 9, "page": 1, "post": 61, "wp_navigation": 1}, true},
	{"theme-test-data/theme-preview.xml", 7, map[string]int{"post": 7}, true},
	{"wordpress-importer/phpunit-data/a11y-unit-test-data.xml", 154, map[string]int{"": 1, "attachment": 39, "nav_menu_item": 50, "page": 17, "post": 47}, true},
	{"wordpress-importer/phpunit-data/authors-multiline.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/backslashes.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/blank-lines.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/cdata-edge.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/chunked-meta.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/crazy-cdata-escaped.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/crazy-cdata.xml", 1, map[string]int{"post": 1}, false},
	{"wordpress-importer/phpunit-data/invalid-version-tag.xml", 0, map[string]int{}, true},
	{"wordpress-importer/phpunit-data/large-authors.xml", 0, map[string]int{}, true},
	{"wordpress-importer/phpunit-data/malformed-simple.xml", 0, map[string]int{}, false},
	{"wordpress-importer/phpunit-data/malformed.xml", 0, map[string]int{}, false},
	{"wordpress-importer/phpunit-data/missing-tags.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/missing-version-tag.xml", 0, map[string]int{}, true},
	{"wordpress-importer/phpunit-data/multiple-cdata.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/namespace-edge-cases.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/post-content-blank-lines.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/slashes.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/small-export.xml", 11, map[string]int{"page": 5, "post": 6}, true},
	{"wordpress-importer/phpunit-data/term-formats.xml", 0, map[string]int{}, true},
	{"wordpress-importer/phpunit-data/term-meta.xml", 0, map[string]int{}, true},
	{"wordpress-importer/phpunit-data/test-serialized-comment-meta.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/test-serialized-postmeta-no-cdata.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/test-serialized-postmeta-with-cdata.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/test-serialized-term-meta.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/test-utw-post-meta-import.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/theme-unit-test-data.xml", 186, map[string]int{"attachment": 37, "nav_menu_item": 70, "page": 21, "post": 58}, true},
	{"wordpress-importer/phpunit-data/valid-wxr-1.0.xml", 6, map[string]int{"page": 3, "post": 3}, true},
	{"wordpress-importer/phpunit-data/valid-wxr-1.1.xml", 2, map[string]int{"page": 1, "post": 1}, true},
	{"wordpress-importer/phpunit-data/wxr-flat-attachment-different-site.xml", 2, map[string]int{"attachment": 1, "post": 1}, true},
	{"wordpress-importer/phpunit-data/wxr-flat-attachment-same-site.xml", 2, map[string]int{"attachment": 1, "post": 1}, true},
	{"wordpress-importer/phpunit-data/wxr-simple.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/wxr-utf-8-challenges.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/phpunit-data/wxr-with-sub-data.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/e2e-fixtures/wxr-base-url-rewriting.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/e2e-fixtures/wxr-comprehensive.xml", 2, map[string]int{"page": 1, "post": 1}, true},
	{"wordpress-importer/e2e-fixtures/wxr-css-urls.xml", 1, map[string]int{"post": 1}, true},
	{"wordpress-importer/e2e-fixtures/wxr-simple.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/wxr-simple-expected.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/crazy-cdata-escaped.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/crazy-cdata.xml", 1, map[string]int{"post": 1}, false},
	{"php-toolkit-dataliberation/entities-options-and-posts.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/frontloading-1-attachment.xml", 1, map[string]int{"attachment": 1}, true},
	{"php-toolkit-dataliberation/frontloading-attachments-post-contents-and-404s.xml", 2, map[string]int{"attachment": 1, "post": 1}, true},
	{"php-toolkit-dataliberation/invalid-version-tag.xml", 0, map[string]int{}, true},
	{"php-toolkit-dataliberation/malformed.xml", 0, map[string]int{}, false},
	{"php-toolkit-dataliberation/missing-version-tag.xml", 0, map[string]int{}, true},
	{"php-toolkit-dataliberation/slashes.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/small-export.xml", 11, map[string]int{"page": 5, "post": 6}, true},
	{"php-toolkit-dataliberation/stylish-press.xml", 3, map[string]int{"page": 3}, true},
	{"php-toolkit-dataliberation/test-serialized-postmeta-no-cdata.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/test-serialized-postmeta-with-cdata.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/test-utw-post-meta-import.xml", 1, map[string]int{"post": 1}, true},
	{"php-toolkit-dataliberation/theme-unit-test-data.xml", 186, map[string]int{"attachment": 37, "nav_menu_item": 70, "page": 21, "post": 58}, true},
	{"php-toolkit-dataliberation/valid-wxr-1.0.xml", 6, map[string]int{"page": 3, "post": 3}, true},
	{"php-toolkit-dataliberation/valid-wxr-1.1.xml", 2, map[string]int{"page": 1, "post": 1}, true},
	{"php-toolkit-dataliberation/woocommerce-demo-products.xml", 47, map[string]int{"attachment": 22, "product": 18, "product_variation": 7}, true},
	{"jekyll-import/sitetitle.wordpress.2025-01-19.000.xml", 16, map[string]int{"attachment": 6, "page": 1, "post": 7, "wp_global_styles": 1, "wp_navigation": 1}, true},
	{"ghost-migrate/co-authors-plus.xml", 4, map[string]int{"post": 4}, true},
	{"ghost-migrate/feature-image-captions.xml", 5, map[string]int{"attachment": 2, "post": 3}, true},
	{"ghost-migrate/has-audio-enclosure-with-libsyn-embed.xml", 1, map[string]int{"post": 1}, true},
	{"ghost-migrate/has-audio-enclosure.xml", 1, map[string]int{"post": 1}, true},
	{"ghost-migrate/has-meta.xml", 1, map[string]int{"enmse_message": 1}, true},
	{"ghost-migrate/has-yoast-meta.xml", 2, map[string]int{"post": 2}, true},
	{"ghost-migrate/multiple-attachments-only.xml", 1, map[string]int{"attachment": 1}, false},
	{"ghost-migrate/multiple-pages-only.xml", 1, map[string]int{"page": 1}, true},
	{"ghost-migrate/multiple-posts-only.xml", 4, map[string]int{"customcpt": 1, "post": 3}, true},
	{"ghost-migrate/sample-no-slug.xml", 6, map[string]int{"attachment": 1, "customcpt": 1, "page": 1, "post": 3}, false},
	{"ghost-migrate/sample-with-alt.xml", 2, map[string]int{"attachment": 1, "post": 1}, true},
	{"ghost-migrate/sample.xml", 6, map[string]int{"attachment": 1, "customcpt": 1, "page": 1, "post": 3}, false},
	{"ghost-migrate/squarespace-sample.xml", 6, map[string]int{"attachment": 1, "page": 2, "post": 3}, false},
	{"pelican/wordpressexport.xml", 20, map[string]int{"attachment": 4, "custom1": 2, "custom2": 1, "page": 2, "post": 11}, true},
	{"hexo-migrator-wordpress/wordpress.xml", 19, map[string]int{"page": 2, "post": 17}, true},
	{"wagtail-wordpress-import/post_meta.xml", 5, map[string]int{"post": 5}, true},
	{"wagtail-wordpress-import/raw_xml.xml", 5, map[string]int{"hasnocategories": 1, "page": 1, "post": 1, "postmetachanged": 1, "testpostmeta": 1}, true},
}
