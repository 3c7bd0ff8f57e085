package convert

import (
	"encoding/json"
	"strings"
)

// block is one parsed Gutenberg block: <!-- wp:name {attrs} --> … <!-- /wp:name -->
// or the void form <!-- wp:name {attrs} /-->. Its saved HTML is interleaved
// with its inner blocks, in order, in parts.
type block struct {
	name  string         // full name, "core/" added to unprefixed names
	raw   string         // JSON attributes as written, "" when absent
	attrs map[string]any // raw decoded (attrMap); nil when none or invalid
	done  bool           // raw is decoded
	parts []blockPart
}

// blockPart is a run of HTML or one inner block.
type blockPart struct {
	html  string
	child *block
}

// isBlockContent reports whether content was written by the block editor:
// the same test WordPress uses to skip wpautop.
func isBlockContent(content string) bool { return strings.Contains(content, "<!-- wp:") }

// blockToken is one delimiter comment found in content.
type blockToken struct {
	start, end int // span of the comment
	name       string
	attrs      string // raw JSON text, "" when absent
	closer     bool
	void       bool
}

// nextBlockToken finds the next block delimiter at or after i. ok is false
// when there is none. The grammar: "<!--", white space, "wp:" or "/wp:", a
// name (an optional "namespace/" then a lower-case letter and letters,
// digits, "_" or "-"), white space, an optional JSON object, white space,
// and "-->" or "/-->".
func nextBlockToken(s string, i int) (t blockToken, ok bool) {
	for {
		k := strings.Index(s[i:], "<!--")
		if k < 0 {
			return t, false
		}
		start := i + k
		i = start + 4
		j := i
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		closer := strings.HasPrefix(s[j:], "/wp:")
		if closer {
			j++
		}
		if !strings.HasPrefix(s[j:], "wp:") {
			continue
		}
		j += 3
		end := strings.Index(s[j:], "-->")
		if end < 0 {
			return t, false
		}
		seg := s[j : j+end]
		n := 0
		for n < len(seg) && (isNameByte(seg[n]) || seg[n] == '/') {
			n++
		}
		name, body := seg[:n], seg[n:]
		if n < len(seg) && !isSpace(seg[n]) {
			continue
		}
		void := false
		if strings.HasSuffix(name, "/") {
			// "<!-- wp:separator/-->": the slash closes a void block.
			name, void = name[:len(name)-1], true
		}
		if name == "" || !isLetter(name[0]) {
			continue
		}
		body = strings.TrimSpace(body)
		t = blockToken{start: start, end: j + end + 3, name: fullBlockName(name), closer: closer, void: void}
		if strings.HasSuffix(body, "/") {
			t.void = true
			body = strings.TrimSpace(body[:len(body)-1])
		}
		if strings.HasPrefix(body, "{") {
			t.attrs = body
		}
		return t, true
	}
}

// fullBlockName adds the "core/" namespace that the serializer omits. The
// names of the core blocks posts use most are made once (coreBlockNames),
// so that they cost no allocation.
func fullBlockName(name string) string {
	if strings.IndexByte(name, '/') >= 0 {
		return name
	}
	if full, ok := coreBlockNames[name]; ok {
		return full
	}
	return "core/" + name
}

// coreBlockNames maps the common core blocks' short names to their full
// names.
var coreBlockNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range strings.Fields(`paragraph heading list list-item image gallery quote code preformatted
		html separator spacer more embed group columns column buttons button table shortcode
		block cover media-text video audio file pullquote verse freeform`) {
		m[n] = "core/" + n
	}
	return m
}()

// parseBlocks splits block content into top-level parts: runs of freeform
// HTML (child == nil) and blocks. Like WordPress's parser it forgives: a
// closer with no open block is kept as text, and blocks still open at the
// end are closed there.
func parseBlocks(s string) []blockPart {
	var p blockParser
	pos := 0
	for {
		t, ok := nextBlockToken(s, pos)
		if !ok {
			break
		}
		p.addHTML(s[pos:t.start])
		pos = t.end
		switch {
		case t.closer && len(p.stack) == 0:
			p.addHTML(s[t.start:t.end])
		case t.closer:
			p.add(blockPart{child: p.pop()})
		default:
			b := &block{name: t.name, raw: t.attrs}
			if t.void {
				p.add(blockPart{child: b})
			} else {
				p.stack = append(p.stack, b)
			}
		}
	}
	p.addHTML(s[pos:])
	for len(p.stack) > 0 {
		p.add(blockPart{child: p.pop()})
	}
	return p.top
}

// blockParser is the state of parseBlocks: the parts found at the top
// level, and the blocks open around the current position.
type blockParser struct {
	top   []blockPart
	stack []*block
}

// add appends a part to the innermost open block, or to the top level.
func (p *blockParser) add(part blockPart) {
	if len(p.stack) == 0 {
		p.top = append(p.top, part)
		return
	}
	b := p.stack[len(p.stack)-1]
	b.parts = append(b.parts, part)
}

// addHTML adds a run of HTML, unless it is empty.
func (p *blockParser) addHTML(h string) {
	if h != "" {
		p.add(blockPart{html: h})
	}
}

// pop closes the innermost open block and returns it.
func (p *blockParser) pop() *block {
	b := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	return b
}

// decodeAttrs decodes a block's JSON attributes; invalid JSON gives nil.
func decodeAttrs(raw string) map[string]any {
	if raw == "" {
		return nil
	}
	var m map[string]any
	if json.Unmarshal([]byte(raw), &m) != nil {
		return nil
	}
	return m
}

// attrMap returns the decoded attributes, decoding them at first use (most
// blocks never look at theirs).
func (b *block) attrMap() map[string]any {
	if !b.done {
		b.attrs, b.done = decodeAttrs(b.raw), true
	}
	return b.attrs
}

// attrString returns a string attribute ("" when absent or not a string).
func (b *block) attrString(key string) string {
	s, _ := b.attrMap()[key].(string)
	return s
}

// attrInt returns an integer attribute given as a number or a string.
func (b *block) attrInt(key string) int64 {
	return anyInt(b.attrMap()[key])
}

// attrInts returns a list of integers given as numbers or strings.
func (b *block) attrInts(key string) []int64 {
	list, _ := b.attrMap()[key].([]any)
	var ids []int64
	for _, v := range list {
		if n := anyInt(v); n > 0 {
			ids = append(ids, n)
		}
	}
	return ids
}

func anyInt(v any) int64 {
	switch x := v.(type) {
	case float64:
		return int64(x)
	case string:
		var n int64
		for i := 0; i < len(x); i++ {
			if x[i] < '0' || x[i] > '9' {
				return 0
			}
			n = n*10 + int64(x[i]-'0')
		}
		return n
	}
	return 0
}

// innerHTML is the block's saved HTML with its inner blocks left out.
func (b *block) innerHTML() string {
	var sb strings.Builder
	for _, p := range b.parts {
		sb.WriteString(p.html)
	}
	return sb.String()
}

// walkBlocks calls f for every block in parts, parents before children.
func walkBlocks(parts []blockPart, f func(*block)) {
	for _, p := range parts {
		if p.child != nil {
			f(p.child)
			walkBlocks(p.child.parts, f)
		}
	}
}
