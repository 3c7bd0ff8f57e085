package convert

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is the page's YAML front matter. Zero fields are left out,
// except title, comments and wordpress_id, which every page has.
type FrontMatter struct {
	Aliases       []string            // other old paths of the page
	Author        string              // author login
	Categories    []string            // display names
	Tags          []string            // display names
	Taxonomies    map[string][]string // custom taxonomy name -> display names
	PostFormat    string              // "gallery", "aside"…; "" for standard posts
	Comments      bool                // comments were open
	Date          time.Time           // UTC, or site-local wall time when DateLocal
	DateLocal     bool                // the offset is unknown: written without one
	Draft         bool
	FeaturedImage string
	Lastmod       time.Time // written like Date (DateLocal applies)
	Slug          string
	Summary       string // plain text
	Title         string
	URL           string
	Weight        int
	WordPressID   int64
}

// fixedKeys are the keys FrontMatter writes itself; a custom taxonomy with
// one of these names, or with a name Hugo gives a meaning of its own, is
// written as "wp_" + name.
var fixedKeys = map[string]bool{
	"aliases": true, "author": true, "categories": true, "tags": true,
	"comments": true, "date": true, "draft": true, "featured_image": true,
	"lastmod": true, "post_format": true, "slug": true, "summary": true,
	"title": true, "url": true, "weight": true, "wordpress_id": true,
	// Hugo's own front matter fields.
	"build": true, "cascade": true, "description": true, "expirydate": true,
	"headless": true, "iscjklanguage": true, "keywords": true, "layout": true,
	"linktitle": true, "markup": true, "menu": true, "menus": true,
	"outputs": true, "params": true, "publishdate": true, "resources": true,
	"sitemap": true, "translationkey": true, "type": true, "images": true,
	"lang": true, "path": true, "kind": true,
	// Names Hugo reads dates from.
	"pubdate": true, "published": true, "modified": true, "unpublishdate": true,
}

// TaxonomyKey is the front matter key a custom taxonomy's terms are written
// under: its name, or "wp_" + name when the name is taken by wpexit's own
// keys or Hugo's reserved ones.
func TaxonomyKey(taxonomy string) string {
	if fixedKeys[strings.ToLower(taxonomy)] || strings.HasPrefix(taxonomy, "wp_") {
		return "wp_" + taxonomy
	}
	return taxonomy
}

// yamlDate formats a front matter date: UTC with "Z", or wall time without
// an offset when the offset is unknown (Hugo then applies the site's time
// zone).
func yamlDate(t time.Time, local bool) string {
	if local {
		return t.Format("2006-01-02T15:04:05")
	}
	return t.UTC().Format(time.RFC3339)
}

// Marshal writes the front matter as YAML (without the "---" lines): keys in
// byte order, lists in block style at the key's column, strings quoted
// whenever a YAML 1.1 or 1.2 reader (Hugo's among them) could read them as
// anything but the same string.
func (fm *FrontMatter) Marshal() ([]byte, error) {
	return fm.appendYAML(nil)
}

// appendYAML appends Marshal's output to b. Front matter whose every
// scalar yaml.v3 would write plain or single-quoted (almost all of it) is
// written here directly, as the encoder would (yamlfast.go); the rest goes
// through the encoder.
func (fm *FrontMatter) appendYAML(b []byte) ([]byte, error) {
	if out, ok := fm.appendFast(b); ok {
		return out, nil
	}
	out, err := fm.marshalYAML()
	if err != nil {
		return nil, err
	}
	return append(b, out...), nil
}

// marshalYAML is Marshal through yaml.v3's encoder.
func (fm *FrontMatter) marshalYAML() ([]byte, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range fm.fields() {
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv.key}
		m.Content = append(m.Content, k, kv.value)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.CompactSeqIndent()
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	return b.Bytes(), nil
}

// field is one front matter key and its YAML value.
type field struct {
	key   string
	value *yaml.Node
}

// fields returns the keys to write, sorted.
func (fm *FrontMatter) fields() []field {
	var fs []field
	add := func(k string, v *yaml.Node) { fs = append(fs, field{k, v}) }
	if len(fm.Aliases) > 0 {
		add("aliases", seqNode(fm.Aliases))
	}
	addStr := func(k, v string) {
		if v != "" {
			add(k, strNode(v))
		}
	}
	addList := func(k string, v []string) {
		if len(v) > 0 {
			add(k, seqNode(v))
		}
	}
	addStr("author", fm.Author)
	addList("categories", fm.Categories)
	addList("tags", fm.Tags)
	for tax, names := range fm.Taxonomies {
		addList(TaxonomyKey(tax), names)
	}
	addStr("post_format", fm.PostFormat)
	add("comments", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(fm.Comments)})
	if !fm.Date.IsZero() {
		add("date", dateNode(fm.Date, fm.DateLocal))
	}
	if fm.Draft {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	addStr("featured_image", fm.FeaturedImage)
	if !fm.Lastmod.IsZero() {
		add("lastmod", dateNode(fm.Lastmod, fm.DateLocal))
	}
	addStr("slug", fm.Slug)
	addStr("summary", fm.Summary)
	add("title", strNode(fm.Title))
	addStr("url", fm.URL)
	if fm.Weight != 0 {
		add("weight", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(fm.Weight)})
	}
	if fm.WordPressID != 0 {
		add("wordpress_id", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(fm.WordPressID, 10)})
	}
	slices.SortStableFunc(fs, func(a, b field) int { return strings.Compare(a.key, b.key) })
	return fs
}

// strNode is a string scalar, quoted exactly when yaml.v3's own Marshal
// would quote it: when a plain scalar would read back as another type
// ("null", "1.0", "2019-05-06" — the encoder sees to that for a "!!str" tag),
// or as a YAML 1.1 bool or sexagesimal number ("yes", "on", "1:20"), which
// older readers such as Hugo's still honour. Building the node directly is
// forty times cheaper than Node.Encode, which marshals and parses each value.
func strNode(s string) *yaml.Node {
	s = strings.ToValidUTF8(s, "\uFFFD") // invalid UTF-8 would be written as !!binary
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Special(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// base60 matches YAML 1.1 sexagesimal numbers such as "1:20" or "-3:25:45.5".
var base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

// yaml11Special reports whether a YAML 1.1 reader takes the plain scalar s
// for a bool or a number although YAML 1.2 reads a string.
func yaml11Special(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return s != "" && strings.IndexByte(s, ':') >= 0 && base60.MatchString(s)
}

// seqNode is a block sequence of strings.
func seqNode(vs []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, v := range vs {
		n.Content = append(n.Content, strNode(v))
	}
	return n
}

// dateNode is a plain (unquoted, untagged) timestamp scalar.
func dateNode(t time.Time, local bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: yamlDate(t, local)}
}
