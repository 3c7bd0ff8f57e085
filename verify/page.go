package verify

import (
	"bytes"
	"errors"

	"github.com/wpexit/wpexit/convert"
)

// Options configure Check and Sides: how both sides' URLs are brought into
// one space (see the package documentation).
type Options struct {
	// Link is the URL mapper the converter used (convert.Options.Link, in
	// the CLI rewrite.Index.Link). Nil keeps URLs as stored.
	Link func(raw string) convert.Link
	// LinkFrom and Base stand for the converter's Options.LinkFrom and the
	// page's old URL (wxr.Item.Link): when both are set, the WordPress
	// side's URLs go through LinkFrom(Base, raw) in Link's place.
	LinkFrom func(base, raw string) convert.Link
	Base     string
	// Resolve maps a content file to its page's canonical link, for the
	// relrefs of the Hugo side and the page answers of Link alike. The CLI
	// gives each page's old URL (Plan.URL) by its Plan.Path; a page with no
	// old path (query permalinks) may answer "page:" + its file: any string
	// works that names that page alone.
	Resolve Resolver
}

// Check compares one page: wordpressHTML is the item rendered as WordPress
// shows it (convert.Converter.WordPressHTML), page the file wpexit wrote
// (front matter and body).
func Check(wordpressHTML string, page []byte, opts Options) (Result, error) {
	want, got, err := Sides(wordpressHTML, page, opts)
	if err != nil {
		return Result{}, err
	}
	return Compare(want, got), nil
}

// Sides returns the two sides Check compares: want from WordPress, got
// from the Hugo page.
func Sides(wordpressHTML string, page []byte, opts Options) (want, got Side, err error) {
	body, err := Body(page)
	if err != nil {
		return Side{}, Side{}, err
	}
	got, err = FromMarkdown(string(body), MarkdownOptions{Resolve: opts.Resolve})
	if err != nil {
		return Side{}, Side{}, err
	}
	want, err = FromHTML(wordpressHTML)
	if err != nil {
		return Side{}, Side{}, err
	}
	return want.WithURLs(LinkKey(opts.link(), opts.Resolve)), got, nil
}

// link is the mapper the converter used on this page.
func (o Options) link() func(raw string) convert.Link {
	if o.LinkFrom == nil || o.Base == "" {
		return o.Link
	}
	from, base := o.LinkFrom, o.Base
	return func(raw string) convert.Link { return from(base, raw) }
}

// errFrontMatter is returned for front matter that never closes.
var errFrontMatter = errors.New("front matter not closed")

// Body returns a page file's body: what follows its YAML ("---") or TOML
// ("+++") front matter, without the blank line after it. A file without
// front matter is all body.
func Body(page []byte) ([]byte, error) {
	page = bytes.TrimPrefix(page, []byte("\ufeff"))
	for _, fence := range []string{"---", "+++"} {
		rest, ok := bytes.CutPrefix(page, []byte(fence+"\n"))
		if !ok {
			rest, ok = bytes.CutPrefix(page, []byte(fence+"\r\n"))
		}
		if !ok {
			continue
		}
		for off := 0; off <= len(rest); {
			line := rest[off:]
			end := bytes.IndexByte(line, '\n')
			if end >= 0 {
				line = line[:end]
			}
			if string(bytes.TrimRight(line, " \t\r")) == fence {
				if end < 0 {
					return nil, nil
				}
				return bytes.TrimLeft(rest[off+end+1:], "\r\n"), nil
			}
			if end < 0 {
				break
			}
			off += end + 1
		}
		return nil, errFrontMatter
	}
	return page, nil
}
