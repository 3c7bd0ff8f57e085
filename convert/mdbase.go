package convert

import (
	"bytes"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"golang.org/x/net/html"
)

// mdBase does the work of html-to-markdown's base plugin (v2.5.2) with the
// same result, byte for byte, at a fraction of the cost. The library's
// plugin escapes text one byte at a time, each byte asking the converter
// (under its lock) whether it is a Markdown character; it walks the tree
// with a deferred call per node and asks for each node's tag type (a lock
// and a sort); its trimming copies the page four times. mdBase registers
// the same things at the same priorities, in the same order (the library
// sorts handlers with an unstable sort, so the order of registration is
// part of the result), and:
//
//   - escapes text in one loop over a table of the characters the plugins
//     mark (mdEscapedChars);
//   - removes elements and merges the text around them in one walk, asking
//     the library once per tag name (mdTagKinds);
//   - cuts long runs of newlines with one copy of the page (none when
//     there is no such run) where the library copies it rune by rune, and
//     replaces hard line breaks only when there is one;
//   - collapses white space with mdCollapse, collapse.Collapse's rules
//     without its lookups per node;
//   - leaves out the escape markers no unescaper can act on (mdMarkIdle),
//     each of which would cost UnEscapeContent a sort of its unescapers,
//     and skips UnEscapeContent when no marker is left (mdUnEscape).
//
// Like the library's, it leaves the other escape markers to
// UnEscapeContent; it assumes the converter escapes (the default "smart"
// mode: newMarkdown sets no other). The reference tests (mdbase_test.go) check it against the
// library's plugin.
type mdBase struct{}

// Name is "base", the library plugin's name. ConvertNode refuses to run the
// CommonMark plugin unless a plugin named "base" is registered: mdBase
// stands in for it, registering everything the library's does.
func (mdBase) Name() string { return "base" }

// mdBaseRemoved are the tags the base plugin removes before rendering, in
// the order it registers them.
var mdBaseRemoved = []string{
	"#comment", "head", "script", "style", "link", "meta",
	"iframe", "noscript", "input", "textarea",
}

// Init registers what the library's base plugin registers.
func (mdBase) Init(conv *converter.Converter) error {
	for _, tag := range mdBaseRemoved {
		conv.Register.TagType(tag, converter.TagTypeRemove, converter.PriorityStandard)
	}
	conv.Register.PreRenderer(mdBaseRemove, converter.PriorityEarly)
	conv.Register.PreRenderer(mdBaseCollapse, converter.PriorityLate)
	conv.Register.TextTransformer(mdBaseText, converter.PriorityStandard)
	conv.Register.PostRenderer(mdBaseTrim, converter.PriorityStandard)
	conv.Register.PostRenderer(mdUnEscape, converter.PriorityStandard+20)
	return nil
}

// mdTagKinds remembers, for one pre-render pass, what the library says of
// each tag name: removed, block. Its answers cannot change during a
// conversion (newMarkdown registers everything before the first), and
// asking costs a lock, and a sort and an allocation for registered tags.
type mdTagKinds struct {
	ctx  converter.Context
	seen map[string]uint8
	text int // the answer for text nodes ("#text"), -1 until asked
}

// Bits of an mdTagKinds answer.
const (
	mdKindRemove = 1 << iota
	mdKindBlock
)

func newMDTagKinds(ctx converter.Context) *mdTagKinds {
	return &mdTagKinds{ctx: ctx, seen: make(map[string]uint8, 16), text: -1}
}

// ofNode returns the kind bits of n's tag name; text nodes, the most
// common, skip the map.
func (k *mdTagKinds) ofNode(n *html.Node) uint8 {
	if n.Type != html.TextNode {
		return k.of(dom.NodeName(n))
	}
	if k.text < 0 {
		k.text = int(k.of("#text"))
	}
	return uint8(k.text)
}

// of returns the kind bits of tag name. A block is what the base plugin's
// collapse takes for one: a registered block type, or, for a name with no
// type at all, one of the dom package's block names.
func (k *mdTagKinds) of(name string) uint8 {
	if v, ok := k.seen[name]; ok {
		return v
	}
	var v uint8
	typ, ok := k.ctx.GetTagType(name)
	switch {
	case typ == converter.TagTypeRemove:
		v = mdKindRemove
	case ok && typ == converter.TagTypeBlock, !ok && dom.NameIsBlockNode(name):
		v = mdKindBlock
	}
	k.seen[name] = v
	return v
}

// removed reports whether the library removes node.
func (k *mdTagKinds) removed(n *html.Node) bool {
	return k.ofNode(n)&mdKindRemove != 0
}

// mdBaseRemove removes the nodes whose tag type is "remove", with what is
// inside them, then merges the text nodes that end up side by side.
func mdBaseRemove(ctx converter.Context, doc *html.Node) {
	k := newMDTagKinds(ctx)
	if k.removed(doc) {
		// The library detaches the root and looks no further, but still
		// merges the text below it.
		dom.RemoveNode(doc)
		mdRemoveIn(doc, nil)
		return
	}
	mdRemoveIn(doc, k)
}

// mdRemoveIn removes the children of n (and below) that k says are
// removed, and merges each run of adjacent text nodes left into the first
// of them. With a nil k it only merges.
func mdRemoveIn(n *html.Node, k *mdTagKinds) {
	var prev *html.Node // the last child kept
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case k != nil && k.removed(c):
			n.RemoveChild(c)
		case c.Type == html.TextNode && prev != nil && prev.Type == html.TextNode:
			prev.Data += c.Data
			n.RemoveChild(c)
		default:
			if c.FirstChild != nil {
				mdRemoveIn(c, k)
			}
			prev = c
		}
		c = next
	}
}

// mdBaseCollapse collapses white space as HTML displays it, taking for a
// block what the base plugin takes for one: collapse.Collapse's work, done
// by mdCollapse.
func mdBaseCollapse(ctx converter.Context, doc *html.Node) {
	mdCollapse(doc, newMDTagKinds(ctx))
}

// mdEscapedChars are the characters the plugins of newMarkdown register
// with Register.EscapedChar: CommonMark's, then the table plugin's and the
// strikethrough plugin's (already among CommonMark's). They are all ASCII,
// so only ASCII bytes are ever marked: the library decodes a rune at each
// byte, and at a byte from 0x80 up that is a rune from 0x80 up or U+FFFD.
// TestMDBaseEscapeSet checks the set against the library's escaping.
const mdEscapedChars = `\*_-+.>|$#=[]()!~` + "`\"'" + "|" + "~"

// mdEscapeMarker is the byte the library puts before each character that
// may need a backslash, marker.BytesMarkerEscaping[0]: UnEscapeContent
// turns it into a backslash where the character would mean Markdown and
// drops it elsewhere.
const mdEscapeMarker = byte(marker.MarkerEscaping)

// mdTextPlain holds the bytes of text that the base plugin's transform
// keeps as they are: all but NUL (becomes U+FFFD), '<' and '>' (become
// entities) and the marked characters.
var mdTextPlain = func() (t [256]bool) {
	for i := range t {
		t[i] = true
	}
	t[0], t['<'], t['>'] = false, false, false
	for i := 0; i < len(mdEscapedChars); i++ {
		t[mdEscapedChars[i]] = false
	}
	return t
}()

// mdBaseText is the base plugin's text transform: "<" and ">" become
// entities, NUL becomes U+FFFD, and each character of mdEscapedChars gets
// mdEscapeMarker before it, unless mdMarkIdle says no unescaper could act
// on it there (the library's UnEscapeContent would drop the marker, at the
// cost of a pass over all its unescapers).
func mdBaseText(_ converter.Context, s string) string {
	i := mdPlainRun(s, 0)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		switch c := s[i]; c {
		case 0:
			b.WriteString("\uFFFD")
		case '<': // no byte of the entity is marked
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			if !mdMarkIdle(s, i) {
				b.WriteByte(mdEscapeMarker)
			}
			b.WriteByte(c)
		}
		j := mdPlainRun(s, i+1)
		b.WriteString(s[i+1 : j])
		i = j
	}
	return b.String()
}

// mdPlainRun returns the index of the first byte of s from i on that
// mdBaseText changes, or len(s).
func mdPlainRun(s string, i int) int {
	for i < len(s) && mdTextPlain[s[i]] {
		i++
	}
	return i
}

// mdBaseTrim is the base plugin's trim: white space off both ends, no
// more than two newlines in a row, and no hard line break before a blank
// line.
func mdBaseTrim(_ converter.Context, b []byte) []byte {
	return mdTrimHardBreaks(mdTrimNewlines(bytes.TrimSpace(b)))
}

// mdTrimNewlines shortens each run of spaces and newlines that holds more
// than two newlines to what it has up to its second newline, then the
// spaces after its last: "a \n \n \n \n b" becomes "a \n \n b". It
// returns b itself when no run is that long.
func mdTrimNewlines(b []byte) []byte {
	var out []byte // nil until a run is cut
	kept := 0      // b[kept:] is still to be copied to out
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		// The run started at the spaces before this newline, if any.
		n, second, last := 0, 0, 0
		for i += j; i < len(b) && (b[i] == '\n' || b[i] == ' '); i++ {
			if b[i] == '\n' {
				n++
				if n == 2 {
					second = i
				}
				last = i
			}
		}
		if n > 2 {
			if out == nil {
				out = make([]byte, 0, len(b))
			}
			out = append(out, b[kept:second+1]...)
			kept = last + 1
		}
	}
	if out == nil {
		return b
	}
	return append(out, b[kept:]...)
}

// mdHardBreakCuts are the base plugin's replacements of a hard line break
// ("  \n") before a blank line, made one after the other.
var mdHardBreakCuts = [][2][]byte{
	{[]byte("  \n\n"), []byte("\n\n")},
	{[]byte("  \n  \n"), []byte("\n\n")},
	{[]byte("  \n \n"), []byte("\n\n")},
}

// mdTrimHardBreaks makes the replacements of mdHardBreakCuts. Most pages
// have no hard break at all, and then it returns b.
func mdTrimHardBreaks(b []byte) []byte {
	if bytes.Index(b, mdHardBreakCuts[0][0][:3]) < 0 {
		return b
	}
	for _, cut := range mdHardBreakCuts {
		if bytes.Contains(b, cut[0]) {
			b = bytes.ReplaceAll(b, cut[0], cut[1])
		}
	}
	return b
}

// mdUnEscape, the base plugin's last step, turns the escape markers into
// backslashes where the unescapers say the character needs one. It is
// ctx.UnEscapeContent(b), but returns b itself when b holds no marker: the
// library would copy it unchanged, after sorting its unescapers once for
// each marker. Many pages have none left once mdBaseText leaves out the
// idle ones.
func mdUnEscape(ctx converter.Context, b []byte) []byte {
	if bytes.IndexByte(b, mdEscapeMarker) < 0 {
		return b
	}
	return ctx.UnEscapeContent(b)
}
