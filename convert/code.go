package convert

import (
	"html"
	"strings"
)

// codeLanguages maps the tags and language aliases of SyntaxHighlighter
// Evolved (and WordPress.com's built-in highlighter) to the language name
// written on the code block. Each alias is also a shortcode tag of its own:
// [php]…[/php] is [code language="php"]…[/code].
var codeLanguages = map[string]string{
	"as3": "actionscript", "actionscript3": "actionscript",
	"arduino": "arduino",
	"bash":    "bash", "shell": "bash", "sh": "bash",
	"c": "c", "cpp": "cpp", "c++": "cpp",
	"cf": "cfm", "coldfusion": "cfm",
	"clojure": "clojure", "clj": "clojure",
	"csharp": "csharp", "c-sharp": "csharp", "cs": "csharp",
	"css":    "css",
	"delphi": "pascal", "pascal": "pascal", "pas": "pascal",
	"diff": "diff", "patch": "diff",
	"erlang": "erlang", "erl": "erlang",
	"fsharp": "fsharp",
	"go":     "go", "golang": "go",
	"groovy":  "groovy",
	"haskell": "haskell",
	"html":    "html", "xhtml": "html",
	"java":       "java",
	"javafx":     "java",
	"javascript": "javascript", "js": "javascript", "jscript": "javascript",
	"json":  "json",
	"latex": "latex", "tex": "latex",
	"matlab": "matlab",
	"objc":   "objectivec", "obj-c": "objectivec",
	"perl": "perl", "pl": "perl",
	"php":   "php",
	"plain": "text", "text": "text",
	"powershell": "powershell", "ps": "powershell",
	"python": "python", "py": "python",
	"r": "r", "splus": "r",
	"ruby": "ruby", "rb": "ruby", "rails": "ruby", "ror": "ruby",
	"scala":      "scala",
	"sql":        "sql",
	"swift":      "swift",
	"typescript": "typescript", "ts": "typescript",
	"vb": "vbnet", "vbnet": "vbnet",
	"xml": "xml", "xslt": "xml",
	"yaml": "yaml", "yml": "yaml",
}

// isCodeTag reports whether a shortcode tag is one of the code shortcodes,
// whose content is code and must reach the page byte for byte.
func isCodeTag(name string) bool {
	switch name {
	case "code", "source", "sourcecode":
		return true
	}
	_, ok := codeLanguages[name]
	return ok
}

// codeLanguage normalises a language alias. Unknown names are kept when
// they look like a language name, so Hugo can still try them.
func codeLanguage(alias string) string {
	alias = strings.ToLower(strings.TrimSpace(alias))
	if l, ok := codeLanguages[alias]; ok {
		return l
	}
	for i := 0; i < len(alias); i++ {
		if c := alias[i]; !(isNameByte(c) || c == '+' || c == '#' || c == '.') {
			return ""
		}
	}
	return alias
}

// codeHTML is the one form every code block takes in the rendered HTML:
// <pre><code class="language-X">, the plain-text code escaped once.
func codeHTML(lang, text string) string {
	var b strings.Builder
	b.Grow(len(text) + 48)
	b.WriteString("<pre><code")
	if lang != "" {
		b.WriteString(` class="language-`)
		b.WriteString(html.EscapeString(lang))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	b.WriteString(html.EscapeString(text))
	b.WriteString("</code></pre>")
	return b.String()
}

// codeShortcodeHTML renders one [code]/[sourcecode]/[php]… use. The
// language comes from the tag itself, from language=, lang= or type=, or
// from the positional "[code=php]" form. encoded says the content was stored
// HTML-escaped (SyntaxHighlighter's encoded flag).
func codeShortcodeHTML(sc shortcode, encoded bool) string {
	lang := ""
	if l, ok := codeLanguages[sc.name]; ok {
		lang = l
	}
	if v := sc.attr("language", "lang", "type"); v != "" {
		lang = codeLanguage(v)
	} else if len(sc.pos) > 0 && strings.HasPrefix(sc.pos[0], "=") {
		lang = codeLanguage(strings.Trim(sc.pos[0][1:], `"'`))
	}
	body := sc.content
	if encoded || !strings.ContainsRune(body, '<') {
		body = html.UnescapeString(body)
	}
	return codeHTML(lang, trimCode(body))
}

// trimCode drops the blank lines around code but keeps the first line's
// indentation.
func trimCode(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	for {
		nl := strings.IndexByte(s, '\n')
		if nl < 0 || strings.TrimSpace(s[:nl]) != "" {
			return s
		}
		s = s[nl+1:]
	}
}

// preCodeHTML turns a stored <pre> element (classic content, or the saved
// HTML of a code, preformatted or SyntaxHighlighter block) into codeHTML.
// The language comes from lang, else from the classes of the <pre> or of a
// <code> directly inside it ("language-x", "lang-x", "lang:x",
// "brush: x"). Inline markup is dropped (a code block cannot hold it) and
// <br> becomes a newline.
func preCodeHTML(el, lang string) string {
	open, inner := splitElement(el)
	if lang == "" {
		lang = classLanguage(attrValue(open, "class"))
	}
	if t := strings.TrimSpace(inner); hasTagPrefix(t, "code") {
		codeOpen, codeInner := splitElement(t)
		if lang == "" {
			lang = classLanguage(attrValue(codeOpen, "class"))
		}
		inner = codeInner
	}
	return codeHTML(lang, trimCode(html.UnescapeString(stripTags(inner))))
}

// classLanguage finds a language in a class attribute.
func classLanguage(class string) string {
	for _, prefix := range []string{"brush:", "lang:", "language-", "lang-", "language:"} {
		i := strings.Index(class, prefix)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(class[i+len(prefix):], " ")
		end := strings.IndexAny(rest, " ;\t")
		if end < 0 {
			end = len(rest)
		}
		if l := codeLanguage(rest[:end]); l != "" {
			return l
		}
	}
	return ""
}
