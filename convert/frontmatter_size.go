package convert

// sizeHint is about how many bytes the front matter takes as YAML, a little
// more for most pages: the keys and their punctuation, every string once,
// and room for quotes and escapes. Page.Bytes sizes its buffer with it, so
// that writing the front matter and then the body allocates once.
func (fm *FrontMatter) sizeHint() int {
	const keys = 320 // every fixed key, dates, numbers, booleans
	n := keys + len(fm.Author) + len(fm.PostFormat) + len(fm.FeaturedImage) + len(fm.Slug) + len(fm.URL)
	n += len(fm.Title) + len(fm.Summary) + (len(fm.Title)+len(fm.Summary))/8
	n += listSize(fm.Aliases) + listSize(fm.Categories) + listSize(fm.Tags)
	for k, v := range fm.Taxonomies {
		n += len(k) + 8 + listSize(v)
	}
	return n
}

// listSize is about the size of a block-style list of strings: "  - ",
// quotes and a newline around each.
func listSize(list []string) int {
	n := 0
	for _, s := range list {
		n += len(s) + 8
	}
	return n
}
