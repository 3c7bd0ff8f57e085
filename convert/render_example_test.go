package convert_test

import (
	"fmt"

	"github.com/wpexit/wpexit/convert"
)

func ExampleShortcodes() {
	content := `[caption id="attachment_7" width="300"]<img src="cat.jpg"> A cat[/caption]
[sourcecode language="go"]fmt.Println("[gallery]")[/sourcecode]
[[gallery]] is written like that. [caption]x[/caption]`
	fmt.Println(convert.Shortcodes(content))
	// Output: [caption sourcecode]
}

func ExampleBlockNames() {
	content := `<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->
<!-- wp:gallery --><figure><!-- wp:image {"id":3} /--></figure><!-- /wp:gallery -->
<!-- wp:syntaxhighlighter/code --><pre>x</pre><!-- /wp:syntaxhighlighter/code -->`
	fmt.Println(convert.BlockNames(content))
	// Output: [core/paragraph core/gallery core/image syntaxhighlighter/code]
}
