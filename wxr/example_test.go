package wxr_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wpexit/wpexit/wxr"
)

func Example() {
	export := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>My blog</title>
	<wp:wxr_version>1.2</wp:wxr_version>
	<item>
		<title><![CDATA[Fish &amp; chips]]></title>
		<content:encoded><![CDATA[<p>Hello</p>]]></content:encoded>
		<wp:post_id>7</wp:post_id>
		<wp:post_name><![CDATA[%e4%b8%ad%e6%96%87]]></wp:post_name>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
	<item>
		<title>Broken & fixed</title>
		<wp:post_id>8</wp:post_id>
	</item>
</channel>
</rss>`
	r, err := wxr.NewReader(strings.NewReader(export), wxr.Options{
		Name:      "export.xml",
		OnWarning: func(w wxr.Warning) { fmt.Println("warning:", w) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("site:", r.Channel().Title)
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		var skipped *wxr.ItemError
		if errors.As(err, &skipped) {
			fmt.Println("skipped:", skipped)
			continue
		}
		if err != nil {
			fmt.Println("stopped:", err)
			break
		}
		fmt.Printf("%d %s %q slug %s (line %d)\n", it.ID, it.Type, it.Title, it.Name, it.Line)
	}
	// Output:
	// site: My blog
	// 7 post "Fish & chips" slug 中文 (line 6)
	// warning: export.xml:14: item 8: escaped 1 bare "&"
	// 8  "Broken & fixed" slug  (line 13)
}
