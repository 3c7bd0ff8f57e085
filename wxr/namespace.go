package wxr

import "regexp"

// nsClass is what an element's namespace means to WXR.
type nsClass uint8

const (
	nsNone    nsClass = iota // no namespace: the RSS elements (title, link, item, category…)
	nsWP                     // http(s)://wordpress.org/export/N.N/
	nsExcerpt                // http(s)://wordpress.org/export/N.N/excerpt/
	nsContent                // http(s)://purl.org/rss/1.0/modules/content/
	nsDC                     // http(s)://purl.org/dc/elements/1.1/
	nsOther                  // anything else, including look-alikes: ignored
)

var (
	wxrNamespace     = regexp.MustCompile(`^https?://wordpress\.org/export/\d+\.\d+/(excerpt/)?$`)
	contentNamespace = regexp.MustCompile(`^https?://purl\.org/rss/1\.0/modules/content/$`)
	dcNamespace      = regexp.MustCompile(`^https?://purl\.org/dc/elements/1\.1/$`)
)

// classify maps a namespace URI to its class.
func classify(uri string) nsClass {
	switch {
	case uri == "":
		return nsNone
	case wxrNamespace.MatchString(uri):
		if uri[len(uri)-len("excerpt/"):] == "excerpt/" {
			return nsExcerpt
		}
		return nsWP
	case contentNamespace.MatchString(uri):
		return nsContent
	case dcNamespace.MatchString(uri):
		return nsDC
	}
	return nsOther
}

// wellKnownPrefix is the class assumed for a conventional prefix that the
// document uses without declaring it.
func wellKnownPrefix(prefix string) (nsClass, bool) {
	switch prefix {
	case "wp":
		return nsWP, true
	case "excerpt":
		return nsExcerpt, true
	case "content":
		return nsContent, true
	case "dc":
		return nsDC, true
	}
	return nsOther, false
}

// binding is one xmlns declaration in scope.
type binding struct {
	prefix string // "" for the default namespace
	class  nsClass
}

// scope is a stack of namespace declarations; a frame pops its own.
type scope struct {
	binds []binding
	cache map[string]nsClass // URI → class
	sawWP bool               // a WXR namespace was declared somewhere
}

// push declares prefix → uri.
func (sc *scope) push(prefix, uri string) {
	c, ok := sc.cache[uri]
	if !ok {
		c = classify(uri)
		sc.cache[uri] = c
	}
	sc.sawWP = sc.sawWP || c == nsWP
	sc.binds = append(sc.binds, binding{prefix, c})
}

// lookup resolves a prefix ("" = default namespace). bound is false for an
// undeclared non-empty prefix.
func (sc *scope) lookup(prefix string) (c nsClass, bound bool) {
	for i := len(sc.binds) - 1; i >= 0; i-- {
		if sc.binds[i].prefix == prefix {
			return sc.binds[i].class, true
		}
	}
	switch prefix {
	case "":
		return nsNone, true
	case "xml": // predeclared by the XML spec
		return nsOther, true
	}
	return nsOther, false
}
