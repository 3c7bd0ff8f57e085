package convert_test

import (
	"strings"
	"testing"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// BenchmarkLibraryFloor runs the HTML → Markdown library alone over the
// rendered HTML of every page of the theme unit test data (one op is the
// whole export): html.Parse and ConvertNode with the plugins this package
// uses, and none of its own renderers or passes. It is the part of a
// conversion that no change in wpexit can remove; ns/page times the pages
// of a big export is the least CPU its conversion can take.
//
//	go test ./convert -run '^$' -bench LibraryFloor -benchtime 20x
func BenchmarkLibraryFloor(b *testing.B) {
	tb := loadThemeBench(b)
	var pages []string
	for _, it := range tb.items {
		h, _ := tb.conv.WordPressHTML(it)
		pages = append(pages, h)
	}
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
		strikethrough.NewStrikethroughPlugin(),
	))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			doc, err := html.Parse(strings.NewReader(p))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := conv.ConvertNode(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}
