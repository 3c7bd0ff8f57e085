package wxr_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

const (
	testHead = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>T</title>
<wp:wxr_version>1.2</wp:wxr_version>
`
	testTail = "</channel>\n</rss>\n"
)

func utf16LE(s string) string {
	u := utf16.Encode([]rune(s))
	b := []byte{0xFF, 0xFE}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return string(b)
}

// TestInputs covers small inputs built in place: encodings, line ends,
// odd but valid shapes, and damage between items.
func TestInputs(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		ids      []int64
		content  []string // Content of each item, when set
		lines    []int    // Line of each item, when set
		warnings []string
		skipped  int
		fatal    string
	}{
		{name: "byte order mark", input: "\uFEFF" + testHead + "<item><wp:post_id>1</wp:post_id></item>\n" + testTail, ids: []int64{1}},
		{name: "UTF-16", input: utf16LE(strings.Replace(testHead, "UTF-8", "UTF-16", 1) + "<item><wp:post_id>1</wp:post_id><content:encoded>中文</content:encoded></item>\n" + testTail),
			ids: []int64{1}, content: []string{"中文"}},
		{name: "CRLF lines", input: strings.ReplaceAll(testHead+"<item>\n<wp:post_id>1</wp:post_id>\n</item>\n<item>\n<wp:post_id>2</wp:post_id>\n</item>\n"+testTail, "\n", "\r\n"),
			ids: []int64{1, 2}, lines: []int{6, 9}},
		{name: "self-closing item", input: testHead + "<item/>\n<item><wp:post_id>2</wp:post_id></item>\n" + testTail, ids: []int64{0, 2}},
		{name: "item with attributes", input: testHead + `<item id="x"><wp:post_id>1</wp:post_id></item>` + "\n<items>not an item</items>\n" + testTail, ids: []int64{1}},
		{name: "XHTML content without CDATA", input: testHead + "<item><wp:post_id>1</wp:post_id><content:encoded><p>Hi <b>there</b></p></content:encoded></item>\n" + testTail,
			ids: []int64{1}, content: []string{"<p>Hi <b>there</b></p>"}},
		{name: "escaped HTML content", input: testHead + "<item><wp:post_id>1</wp:post_id><content:encoded>&lt;p&gt;Hi&lt;/p&gt;</content:encoded></item>\n" + testTail,
			ids: []int64{1}, content: []string{"<p>Hi</p>"}},
		{name: "content kept untrimmed", input: testHead + "<item><wp:post_id> 1 </wp:post_id><content:encoded>\n  x  \n</content:encoded></item>\n" + testTail,
			ids: []int64{1}, content: []string{"\n  x  \n"}},
		{name: "xml prefix", input: testHead + `<item><wp:post_id>1</wp:post_id><xml:note>x</xml:note></item>` + "\n" + testTail, ids: []int64{1}},
		{name: "reference to a forbidden character", input: testHead + "<item>\n<wp:post_id>1</wp:post_id><content:encoded>a&#1;b</content:encoded></item>\n" + testTail,
			ids: []int64{1}, content: []string{"ab"}, warnings: []string{"t.xml:7: item 1: dropped 1 character reference XML forbids (&#1;)"}},
		{name: "bare less-than", input: testHead + "<item><wp:post_id>1</wp:post_id><title>1 < 2</title></item>\n" + testTail,
			ids: []int64{1}, warnings: []string{`t.xml:6: item 1: escaped 1 bare "<"`}},
		{name: "odd version", input: strings.Replace(testHead, ">1.2<", ">abc<", 1) + "<item><wp:post_id>1</wp:post_id></item>\n" + testTail,
			ids: []int64{1}, warnings: []string{`t.xml:5: wp:wxr_version "abc" is not a version number; reading it as WXR`}},
		{name: "bad number and date", input: testHead + "<item><wp:post_id>1</wp:post_id><wp:post_parent>x</wp:post_parent><wp:post_date>someday</wp:post_date></item>\n" + testTail,
			ids: []int64{1}, warnings: []string{
				`t.xml:6: item 1: wp:post_parent "x" is not a number; read as 0`,
				`t.xml:6: item 1: wp:post_date "someday" is not a date; read as unknown`}},
		{name: "garbage between items", input: testHead + "<item><wp:post_id>1</wp:post_id></item>\n</oops>\n<item><wp:post_id>2</wp:post_id></item>\n" + testTail,
			ids: []int64{1, 2}, warnings: []string{"t.xml:7: skipped unreadable channel data between items: element <channel> closed by </oops>"}},
		{name: "garbage after the end", input: testHead + "<item><wp:post_id>1</wp:post_id></item>\n" + testTail + "\x00\x01binary",
			ids: []int64{1}, warnings: []string{"t.xml:9: dropped 2 characters XML forbids (U+0000, U+0001)", "t.xml:9: ignored text outside the <rss> element"}},
		{name: "two items on one line", input: testHead + "<item><wp:post_id>1</wp:post_id></item><item><wp:post_id>2</wp:post_id></item>\n" + testTail,
			ids: []int64{1, 2}, lines: []int{6, 6}},
		{name: "unterminated CDATA", input: testHead + "<item><wp:post_id>1</wp:post_id></item>\n<item><wp:post_id>2</wp:post_id><content:encoded><![CDATA[never closed</content:encoded></item>\n" + testTail,
			ids: []int64{1}, fatal: "t.xml:9: item 2: the file ends inside the item that starts on line 7: the export is truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := read(t, "t.xml", strings.NewReader(tt.input))
			if res.openErr != nil {
				t.Fatal(res.openErr)
			}
			if got := ids(res.items); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("ids %v, want %v", got, tt.ids)
			}
			for i, want := range tt.content {
				if i < len(res.items) && res.items[i].Content != want {
					t.Errorf("item %d content %q, want %q", i, res.items[i].Content, want)
				}
			}
			for i, want := range tt.lines {
				if i < len(res.items) && res.items[i].Line != want {
					t.Errorf("item %d line %d, want %d", i, res.items[i].Line, want)
				}
			}
			if got := warningTexts(res.warnings); !reflect.DeepEqual(got, tt.warnings) {
				t.Errorf("warnings %q, want %q", got, tt.warnings)
			}
			if len(res.skipped) != tt.skipped {
				t.Errorf("skipped %v", res.skipped)
			}
			fatal := ""
			if res.fatal != nil {
				fatal = res.fatal.Error()
			}
			if fatal != tt.fatal {
				t.Errorf("fatal %q, want %q", fatal, tt.fatal)
			}
		})
	}
}

// TestAdversarialInputs feeds large runs of broken markup inside one item.
// Repairs must stay linear in the item's size (a quadratic pass takes
// minutes here), and the item is either read or skipped, never lost.
func TestAdversarialInputs(t *testing.T) {
	for name, body := range map[string]string{
		"less-than run":        strings.Repeat("<a", 200000),
		"ampersand run":        strings.Repeat("&", 400000),
		"early CDATA run":      strings.Repeat("<x><![CDATA[y]]>", 50000) + "]]>",
		"declaration run":      strings.Repeat("<!", 200000),
		"comment openers":      strings.Repeat("<!--", 100000),
		"entities":             strings.Repeat("&nbsp;&#1;&bogus;", 50000),
		"spaced less-than run": strings.Repeat("<a ", 200000),
	} {
		t.Run(name, func(t *testing.T) {
			in := testHead + "<item><wp:post_id>1</wp:post_id><content:encoded>" + body + "</content:encoded></item>\n" + testTail
			res := read(t, "t.xml", strings.NewReader(in))
			cut := 0 // an unterminated comment runs to the end: the item is cut off
			if res.fatal != nil {
				cut = 1
			}
			if res.openErr != nil || len(res.items)+len(res.skipped)+cut != 1 {
				t.Fatalf("open %v, fatal %v, %d items, %d skipped", res.openErr, res.fatal, len(res.items), len(res.skipped))
			}
		})
	}
}
