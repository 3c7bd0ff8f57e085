package convert

import (
	"context"
	"fmt"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// The Markdown stage turns the HTML WordPress would display into a Hugo
// page body. html-to-markdown does the CommonMark work; the renderers
// registered here (PriorityEarly, so they run before the plugins') add what
// a Hugo site needs:
//
//   - links go through Options.Link; links to pages become numbered
//     {{< relref >}} references listed at the end of the body (link.go);
//   - figures, YouTube and Vimeo iframes become Hugo shortcodes, the more
//     comment Hugo's summary divider (mdembed.go);
//   - code keeps its bytes and its language, blockquotes keep code inside
//     them (mdcode.go);
//   - emphasis that CommonMark's flanking rules would not read as such is
//     written as HTML tags (mdemph.go);
//   - whatever Markdown cannot say is kept as raw HTML and noted (mdraw.go);
//   - a literal "{{<" or "{{%" never reaches Hugo's shortcode parser
//     (escape.go), and the text is tidied line by line (mdfinish.go): hard
//     breaks as a trailing backslash, "---" on its own line as \-\-\-,
//     no trailing spaces, at most one blank line.
//
// Our own shortcodes are written with mdSC in place of "{{" so the final
// pass can tell them from text; code blocks are fenced by mdCodeOpen and
// mdCodeClose so that pass leaves their bytes alone. These control bytes
// cannot come from the input: mdSanitize drops C0 controls from the
// source and from the parsed text (XML 1.0 cannot carry them anyway).
const (
	mdSC        = "\x02" // "{{" of a shortcode we wrote
	mdCodeOpen  = "\x03" // start of a fenced code block (on its fence line)
	mdCodeClose = "\x04" // end of a fenced code block (on its fence line)
	mdRawAttr   = "\x05" // brackets a placeholder in a raw HTML attribute
	mdListEnd   = "\x06" // between two lists (mdSeparateLists)
)

// mdStateKey finds the per-conversion state in a converter.Context.
type mdStateKey struct{}

// mdState is what one markdown call collects while the renderers run: the
// notes and the reference definitions. It lives in the context of one
// ConvertNode call, so one library converter could serve many goroutines.
type mdState struct {
	opts  *Options
	notes []Note
	seen  map[Note]bool
	refs  []string       // definitions in order of first use, without "[N]: "
	refNo map[string]int // definition -> its number
	raw   []string       // replacements for mdRawAttr placeholders
	base  string         // the page's old URL, for Options.LinkFrom
	// inParam is set while a shortcode parameter's Markdown (a figure's
	// caption) is rendered: link titles are then in single quotes.
	inParam bool
	held    []heldGallery // galleries the render stage held (heldfig.go)
	texts   []mdText      // text before the library's pre-render (mdaddspace.go)
}

func newMDState(opts *Options) *mdState {
	return &mdState{opts: opts, seen: map[Note]bool{}, refNo: map[string]int{}}
}

// mdStateOf returns the state of the conversion ctx belongs to. Outside
// markdown (a renderer called some other way) it returns a fresh state, so
// renderers never have to check.
func mdStateOf(ctx context.Context) *mdState {
	if st, ok := ctx.Value(mdStateKey{}).(*mdState); ok {
		return st
	}
	return newMDState(&Options{})
}

// note records n once per page.
func (st *mdState) note(kind, detail string) {
	n := Note{Kind: kind, Detail: detail}
	if st.seen[n] {
		return
	}
	st.seen[n] = true
	st.notes = append(st.notes, n)
}

// newMarkdown builds this worker's HTML → Markdown converter: base (our
// faster equal of the library's, mdbase.go), CommonMark (ATX headings, "-"
// bullets, ``` fences, ** strong), GFM tables and strikethrough, plus the
// renderers of this stage.
func (c *Converter) newMarkdown() *converter.Converter {
	return newMarkdownWith(mdBase{})
}

// newMarkdownWith is newMarkdown with base as the base plugin (the tests
// pass the library's).
func newMarkdownWith(base converter.Plugin) *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base,
		commonmark.NewCommonmarkPlugin(
			commonmark.WithHeadingStyle(commonmark.HeadingStyleATX),
			commonmark.WithBulletListMarker("-"),
			commonmark.WithCodeBlockFence("```"),
			commonmark.WithStrongDelimiter("**"),
			commonmark.WithEmDelimiter("*"),
			commonmark.WithHorizontalRule("* * *"),
			commonmark.WithLinkEmptyHrefBehavior(commonmark.LinkBehaviorSkip),
			commonmark.WithLinkEmptyContentBehavior(commonmark.LinkBehaviorSkip),
			commonmark.WithListEndComment(false), // mdSeparateLists does it
		),
		table.NewTablePlugin(
			table.WithNewlineBehavior(table.NewlineBehaviorPreserve),
			table.WithSkipEmptyRows(true),
		),
		strikethrough.NewStrikethroughPlugin(),
	))
	mdRegister(conv)
	return conv
}

// markdown converts rendered HTML to the page body: Markdown ending in one
// newline (empty when there is no content), with the notes the report
// should carry (raw HTML kept, links to the old site that match nothing).
func (c *Converter) markdown(src string) (string, []Note, error) {
	return c.markdownAt(src, "")
}

// markdownAt is markdown for the content of the page whose old URL is
// base: with Options.LinkFrom, relative links are resolved against it.
func (c *Converter) markdownAt(src, base string) (string, []Note, error) {
	return c.markdownNL(src, false, base, nil)
}

// markdownNL is markdownAt for src followed by a newline when nl is set
// (without copying src to add it).
func (c *Converter) markdownNL(src string, nl bool, base string, held []heldGallery) (string, []Note, error) {
	out, st, err := c.mdConvert(src, nl, base, held)
	if err != nil {
		return "", nil, err
	}
	body := mdFinish(string(out), st.refs)
	return body, st.notes, nil
}

// mdConvert is markdownNL up to the library's output, before mdFinish.
func (c *Converter) mdConvert(src string, nl bool, base string, held []heldGallery) ([]byte, *mdState, error) {
	src = mdSanitize(src) // and the newline needs none
	doc, err := parseHTML(src, nl)
	if err != nil {
		return nil, nil, fmt.Errorf("parse html: %w", err)
	}
	mdPrepareRefs(doc, strings.Contains(src, "&#"))
	if len(held) > 0 && !mdHeldInPlace(doc, len(held)) { // heldfig.go
		return nil, nil, errHeldOutOfPlace
	}
	st := newMDState(&c.opts)
	st.base = strings.TrimSpace(base)
	st.held = held
	ctx := context.WithValue(context.Background(), mdStateKey{}, st)
	out, err := c.md.ConvertNode(doc, converter.WithContext(ctx))
	if err != nil {
		return nil, nil, fmt.Errorf("html to markdown: %w", err)
	}
	return out, st, nil
}

// mdRenderers are this stage's renderers by tag, with the tag's type.
var mdRenderers = func() map[string]mdRenderer {
	const block, inline = true, false
	m := map[string]mdRenderer{
		"a":            {inline, mdRenderLink},
		"img":          {inline, mdRenderImage},
		"figure":       {block, mdRenderFigure},
		"iframe":       {block, mdRenderIframe},
		"pre":          {block, mdRenderPre},
		"table":        {block, mdRenderTable},
		"blockquote":   {block, mdRenderBlockquote},
		"br":           {inline, mdRenderBreak},
		mdMoreTag:      {block, mdRenderMore},
		mdListEndTag:   {block, mdRenderListEnd},
		mdSeamTag:      {inline, mdRenderSeam},
		heldFiguresTag: {block, mdRenderHeldFigures},
	}
	for _, tag := range []string{"code", "kbd", "samp", "tt", "var"} {
		m[tag] = mdRenderer{inline, mdRenderInlineCode}
	}
	for _, tag := range []string{"strong", "b", "em", "i", "del", "s", "strike"} {
		m[tag] = mdRenderer{inline, mdRenderEmphasis}
	}
	for _, tag := range mdRawBlockTags {
		m[tag] = mdRenderer{block, mdRenderRawBlock}
	}
	for _, tag := range mdRawInlineTags {
		m[tag] = mdRenderer{inline, mdRenderRawInline}
	}
	return m
}()

// mdPluginTagTypes are the tags the plugins we use register a type for
// (the base plugin: elements it removes). TestMarkdownTagTypes checks
// that the library sees our type for every tag of mdRenderers.
var mdPluginTagTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, tag := range mdBaseRemoved {
		m[tag] = true
	}
	return m
}()

// mdDefaultTagType reports whether the library already takes tag to be a
// block (block set) or inline element, with no registration: no plugin
// registers it, and the dom package's lists say so.
func mdDefaultTagType(tag string, block bool) bool {
	if mdPluginTagTypes[tag] {
		return false
	}
	if block {
		return dom.NameIsBlockNode(tag)
	}
	return !dom.NameIsBlockNode(tag) && dom.NameIsInlineNode(tag)
}

// mdRenderer is one tag's renderer and type.
type mdRenderer struct {
	block  bool
	render converter.HandleRenderFunc
}

// mdRegister adds this stage's renderers, ahead of the plugins'. One
// dispatching renderer rather than one per tag: the library walks (and
// sorts) every renderer for every node.
func mdRegister(conv *converter.Converter) {
	early := converter.PriorityEarly
	conv.Register.UnEscaper(mdUnEscapeClosing, converter.PriorityStandard)
	conv.Register.TextTransformer(mdEscapeEntities, converter.PriorityEarly)
	// around the CommonMark plugin's pre-render pass (mdaddspace.go)
	conv.Register.PreRenderer(mdNoteTexts, converter.PriorityStandard-1)
	conv.Register.PreRenderer(mdRestoreTexts, converter.PriorityStandard+1)
	for tag, r := range mdRenderers {
		if mdDefaultTagType(tag, r.block) {
			// The library gives the tag this type already. Registering it
			// anyway would cost a sort of the tag's registrations every
			// time the library asks (several times per element).
			continue
		}
		if r.block {
			conv.Register.TagType(tag, converter.TagTypeBlock, early)
		} else {
			conv.Register.TagType(tag, converter.TagTypeInline, early)
		}
	}
	conv.Register.Renderer(func(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
		if n.Type != html.ElementNode {
			return converter.RenderTryNext
		}
		if r, ok := mdRenderers[n.Data]; ok {
			return r.render(ctx, w, n)
		}
		return converter.RenderTryNext
	}, early)
}
