package convert

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// hugoHTML renders a page body roughly the way Hugo would, for tests: the
// shortcodes are lexed as Hugo's page lexer does (the escaped comment form
// becomes text, a malformed one is an error), each real one becomes a
// placeholder, goldmark (GFM, unsafe HTML, like the site config) renders
// the Markdown, and each placeholder is replaced by the HTML the shortcode
// was made from: youtube and vimeo by their player iframe, figure by a
// <figure>, relref by "relref:DEST".
func hugoHTML(md string) (string, error) {
	text, outs, err := hugoShortcodes(md)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := hugoMarkdown().Convert([]byte(text), &buf); err != nil {
		return "", err
	}
	s := buf.String()
	for i := len(outs) - 1; i >= 0; i-- {
		ph := fmt.Sprintf("HUGOSC%dX", i)
		s = strings.ReplaceAll(s, "<p>"+ph+"</p>", outs[i])
		s = strings.ReplaceAll(s, ph, outs[i])
	}
	return s, nil
}

// hugoMarkdown is goldmark set up like the site: GFM without linkify (the
// hugo.toml wpexit writes turns it off, as WordPress never made links of
// bare URLs in posts), raw HTML allowed.
func hugoMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
	)
}

// hugoSC is one parsed shortcode.
type hugoSC struct {
	name  string
	pos   []string
	named map[string]string
}

// hugoShortcodes replaces shortcodes as described at hugoHTML.
func hugoShortcodes(md string) (string, []string, error) {
	var b strings.Builder
	var outs []string
	for {
		i := mdDelim(md)
		if i < 0 {
			b.WriteString(md)
			return b.String(), outs, nil
		}
		closer := mdCloser(md, i)
		b.WriteString(md[:i])
		rest := md[i+3:]
		if strings.HasPrefix(rest, "/*") {
			j := strings.Index(rest, "*/"+closer)
			if j <= 1 {
				return "", nil, fmt.Errorf("comment must be closed at %q", clip(md[i:]))
			}
			b.WriteString(md[i:i+3] + rest[2:j] + closer)
			md = rest[j+2+len(closer):]
			continue
		}
		sc, n, err := hugoParse(rest, closer)
		if err != nil {
			return "", nil, fmt.Errorf("%w at %q", err, clip(md[i:]))
		}
		out, err := hugoShortcodeHTML(sc)
		if err != nil {
			return "", nil, err
		}
		b.WriteString(fmt.Sprintf("HUGOSC%dX", len(outs)))
		outs = append(outs, out)
		md = rest[n:]
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

// hugoParse reads a shortcode's name and parameters up to closer, with
// Hugo's rules: quoted values end at the first unescaped quote and cannot
// hold a newline; \" is a quote, and then every backslash is dropped.
func hugoParse(s, closer string) (hugoSC, int, error) {
	sc := hugoSC{named: map[string]string{}}
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
	}
	word := func() string {
		j := i
		for i < len(s) && hugoNameByte(s[i]) {
			i++
		}
		return s[j:i]
	}
	value := func() (string, error) {
		if i < len(s) && s[i] == '"' {
			i++
			var v strings.Builder
			escaped := false
			for ; i < len(s); i++ {
				switch c := s[i]; {
				case c == '\n':
					return "", fmt.Errorf("unterminated quoted string")
				case c == '\\' && i+1 < len(s) && s[i+1] == '"':
					escaped = true
					v.WriteByte('"')
					i++
				case c == '"':
					i++
					out := v.String()
					if escaped {
						out = strings.ReplaceAll(out, `\`, "")
					}
					return out, nil
				default:
					v.WriteByte(c)
				}
			}
			return "", fmt.Errorf("unterminated quoted string")
		}
		w := word()
		if w == "" {
			return "", fmt.Errorf("bad parameter")
		}
		return w, nil
	}
	skip()
	if sc.name = word(); sc.name == "" {
		return sc, 0, fmt.Errorf("no shortcode name")
	}
	for {
		skip()
		if strings.HasPrefix(s[i:], closer) {
			return sc, i + len(closer), nil
		}
		if i >= len(s) {
			return sc, 0, fmt.Errorf("unclosed shortcode")
		}
		start := i
		if k := word(); k != "" && i < len(s) && s[i] == '=' {
			i++
			v, err := value()
			if err != nil {
				return sc, 0, err
			}
			sc.named[k] = v
			continue
		}
		i = start
		v, err := value()
		if err != nil {
			return sc, 0, err
		}
		sc.pos = append(sc.pos, v)
	}
}

// hugoShortcodeHTML is the HTML our shortcodes stand for.
func hugoShortcodeHTML(sc hugoSC) (string, error) {
	get := func(k string, pos int) string {
		if v, ok := sc.named[k]; ok {
			return v
		}
		if pos < len(sc.pos) {
			return sc.pos[pos]
		}
		return ""
	}
	attr := html.EscapeString
	switch sc.name {
	case "relref":
		return "relref:" + get("path", 0), nil
	case "youtube":
		src := "https://www.youtube.com/embed/" + get("id", 0)
		if st := get("start", 99); st != "" {
			src += "?start=" + st
		}
		return `<iframe src="` + attr(src) + `"></iframe>`, nil
	case "vimeo":
		return `<iframe src="https://player.vimeo.com/video/` + attr(get("id", 0)) + `"></iframe>`, nil
	case "figure":
		img := `<img src="` + attr(get("src", 99)) + `"`
		if alt, ok := sc.named["alt"]; ok {
			img += ` alt="` + attr(alt) + `"`
		}
		for _, k := range []string{"width", "height"} {
			if v := get(k, 99); v != "" {
				img += ` ` + k + `="` + attr(v) + `"`
			}
		}
		img += ">"
		if l := get("link", 99); l != "" {
			img = `<a href="` + attr(l) + `">` + img + `</a>`
		}
		out := "<figure>" + img
		if c := get("caption", 99); c != "" {
			// markdownify extracts shortcodes too; ours never nest
			if text, outs, err := hugoShortcodes(c); err != nil {
				return "", fmt.Errorf("caption: %w", err)
			} else if len(outs) > 0 {
				return "", fmt.Errorf("caption runs a shortcode: %q", c)
			} else {
				c = text
			}
			var buf bytes.Buffer
			if err := hugoMarkdown().Convert([]byte(c), &buf); err != nil {
				return "", err
			}
			inner := strings.TrimSpace(buf.String())
			if strings.HasPrefix(inner, "<p>") && strings.HasSuffix(inner, "</p>") && strings.Count(inner, "<p>") == 1 {
				inner = inner[3 : len(inner)-4]
			}
			out += "<figcaption>" + inner + "</figcaption>"
		}
		return out + "</figure>", nil
	}
	return "", fmt.Errorf("unknown shortcode %q", sc.name)
}

// hugoNameByte reports whether b may be part of a shortcode name or a bare
// parameter.
func hugoNameByte(b byte) bool {
	return b == '_' || b == '-' || b == '/' || b == '.' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}
