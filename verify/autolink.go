package verify

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// autolinkAttr marks the links linkify made from URLs standing in the text,
// so that FromHTML can tell them from links the page wrote (Side.Autolinks).
const autolinkAttr = "data-verify-autolink"

// autolinkRenderer renders ast.AutoLink as goldmark does, with autolinkAttr,
// and with https:// for "www." links as Hugo's linkifyProtocol does.
type autolinkRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (autolinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindAutoLink, renderAutolink)
}

func renderAutolink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n, ok := node.(*ast.AutoLink)
	if !ok || !entering {
		return ast.WalkContinue, nil
	}
	label := n.Label(source)
	url := n.URL(source)
	if n.Protocol != nil && !bytes.HasPrefix(label, n.Protocol) {
		url = append([]byte("https://"), label...)
	}
	url = util.URLEscape(url, false)
	_, _ = w.WriteString(`<a ` + autolinkAttr + ` href="`)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		_, _ = w.WriteString("mailto:")
	}
	_, _ = w.Write(util.EscapeHTML(url))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}
