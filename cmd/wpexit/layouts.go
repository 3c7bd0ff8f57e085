package main

// layout is one template of the minimal theme written when the site has
// none, so that `hugo` builds real pages without a theme.
type layout struct {
	path string // under --out
	text string
}

// layouts are deliberately small: a page shell, one page, a list, the home
// page. A real theme replaces them.
var layouts = []layout{
	{"layouts/_default/baseof.html", `<!DOCTYPE html>
<html lang="{{ site.Language.Locale | default "en" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`},
	{"layouts/_default/single.html", `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Date }}<p><time datetime="{{ .Format "2006-01-02T15:04:05Z07:00" }}">{{ .Format "2 January 2006" }}</time></p>{{ end }}
{{ .Content }}
{{ with .GetTerms "categories" }}<p>Categories: {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ with .GetTerms "tags" }}<p>Tags: {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
</article>
{{ partial "comments.html" . }}
{{ end }}
`},
	{"layouts/_default/list.html", `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ with .Date }} <time>{{ .Format "2006-01-02" }}</time>{{ end }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`},
	{"layouts/index.html", `{{ define "main" }}
{{ .Content }}
<ul>
{{ range (.Paginate (where site.RegularPages "Section" "posts")).Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ with .Date }} <time>{{ .Format "2006-01-02" }}</time>{{ end }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`},
	{"layouts/partials/comments.html", commentsPartial}, // comments.go
	{"layouts/partials/comment-list.html", commentListPartial},
}
