package convert

// Note is something the report should say about one page: an unknown
// shortcode kept, raw HTML kept, a link to the old site that matched nothing.
type Note struct {
	Kind   string // short, stable identifier: "unknown-shortcode", "raw-html", "missing-link", ...
	Detail string // what: the shortcode name, the tag, the URL
}
