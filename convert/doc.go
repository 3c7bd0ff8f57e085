// Package convert turns one WordPress item into one Hugo page: it renders the
// stored content the way WordPress would show it (blocks, shortcodes,
// wpautop), converts that HTML to Markdown, and builds the front matter and
// the file name. It owns what a page looks like; it writes nothing.
package convert
