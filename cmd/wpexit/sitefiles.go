package main

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// redirectFiles are where each --redirects format is written, under --out.
var redirectFiles = map[string]string{
	"netlify": "static/_redirects",
	"nginx":   "wpexit-redirects.nginx.conf",
	"apache":  "static/.htaccess",
}

// writeSiteFiles writes the redirect files, and the Hugo configuration and
// templates when the site has none, noting each in the report.
func writeSiteFiles(w *siteWriter, sv *survey, c convertConfig, rep *report) error {
	for _, format := range c.Redirects {
		if format == "none" {
			continue
		}
		gen := func(out io.Writer) error {
			if err := writeRedirects(sv.index, format, out); err != nil {
				return fmt.Errorf("write %s redirects: %w", format, err)
			}
			return nil
		}
		if err := streamSiteFile(w, rep, redirectFiles[format], gen); err != nil {
			return err
		}
	}
	if cfg := w.foreignConfig(); cfg != "" {
		rep.keptFiles = append(rep.keptFiles, cfg+": the site has its own configuration; no hugo.toml or layouts written")
		return nil
	}
	if err := siteFile(w, rep, "hugo.toml", hugoConfig(sv.channel, sv.taxonomies), true); err != nil {
		return err
	}
	for _, l := range layouts {
		if err := siteFile(w, rep, l.path, []byte(l.text), true); err != nil {
			return err
		}
	}
	return nil
}

// hugoConfigFiles are the files and folders Hugo reads its configuration
// from.
var hugoConfigFiles = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json", "config"}

// foreignConfig returns the first Hugo configuration in the output folder
// that wpexit did not write, or "". Such a site has its own theme and
// settings: wpexit then adds neither hugo.toml nor layouts.
func (w *siteWriter) foreignConfig() string {
	if w.root == nil {
		return ""
	}
	for _, name := range hugoConfigFiles {
		if _, err := w.root.Lstat(name); err == nil && !w.manifest.written(name) {
			return name
		}
	}
	return ""
}

// siteFile writes one file of the site around the content and notes it.
func siteFile(w *siteWriter, rep *report, rel string, data []byte, onlyIfAbsent bool) error {
	write := w.write
	if onlyIfAbsent {
		write = w.writeIfAbsent
	}
	out, reason, err := write(rel, data)
	return noteOutcome(rep, rel, out, reason, err)
}

// streamSiteFile writes the file of the site that gen writes (a redirect
// file, which can be large) and notes it, without holding its bytes.
func streamSiteFile(w *siteWriter, rep *report, rel string, gen func(io.Writer) error) error {
	out, reason, err := w.writeStream(rel, gen)
	return noteOutcome(rep, rel, out, reason, err)
}

// noteOutcome notes in the report what became of the site file at rel.
func noteOutcome(rep *report, rel string, out writeOutcome, reason string, err error) error {
	switch {
	case err != nil:
		return err
	case out == wrote:
		rep.files = append(rep.files, rel)
	case reason != "exists":
		rep.keptFiles = append(rep.keptFiles, rel+": "+reason)
	}
	return nil
}

// writeRedirects writes the index's redirect rules in one format.
func writeRedirects(ix *rewrite.Index, format string, w io.Writer) error {
	switch format {
	case "netlify":
		return ix.WriteNetlify(w)
	case "nginx":
		return ix.WriteNginx(w)
	case "apache":
		return ix.WriteApache(w)
	}
	return fmt.Errorf("unknown format %q", format)
}

// hugoConfig is a minimal hugo.toml for the converted site: its address,
// title and language, raw HTML kept (posts hold some), broken relref links
// fail the build, and every taxonomy the posts use.
func hugoConfig(ch *wxr.Channel, custom []string) []byte {
	var b strings.Builder
	b.WriteString("# Written by wpexit convert. Edit freely: wpexit never replaces an existing hugo.toml.\n")
	fmt.Fprintf(&b, "baseURL = %s\n", tomlString(baseURL(ch)))
	if ch != nil && ch.Language != "" {
		fmt.Fprintf(&b, "locale = %s\n", tomlString(ch.Language)) // languageCode before Hugo v0.158
	}
	title := "Converted WordPress site"
	if ch != nil && strings.TrimSpace(ch.Title) != "" {
		title = strings.TrimSpace(ch.Title)
	}
	fmt.Fprintf(&b, "title = %s\n", tomlString(title))
	b.WriteString("refLinksErrorLevel = \"ERROR\"\n\n")
	b.WriteString("[markup.goldmark.renderer]\n  unsafe = true\n\n")
	// WordPress never turned bare URLs in posts into links; goldmark's
	// linkify would, and shows entities in them raw.
	b.WriteString("[markup.goldmark.extensions]\n  linkify = false\n\n")
	b.WriteString("[taxonomies]\n  category = \"categories\"\n  tag = \"tags\"\n")
	for _, t := range custom {
		k := convert.TaxonomyKey(t)
		fmt.Fprintf(&b, "  %s = %s\n", tomlString(k), tomlString(k))
	}
	if ch != nil && strings.TrimSpace(ch.Description) != "" {
		fmt.Fprintf(&b, "\n[params]\n  description = %s\n", tomlString(strings.TrimSpace(ch.Description)))
	}
	return []byte(b.String())
}

// baseURL is the root of the site's home host ("https://example.com/"), or
// "/". A subdirectory install ("https://example.com/blog") keeps its folder
// in every page's url and alias instead: Hugo would put a baseURL path in
// front of those a second time.
func baseURL(ch *wxr.Channel) string {
	if ch == nil {
		return "/"
	}
	for _, u := range []string{ch.BaseBlogURL, ch.Link, ch.BaseSiteURL} {
		if p, err := url.Parse(strings.TrimSpace(u)); err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" {
			return p.Scheme + "://" + p.Host + "/"
		}
	}
	return "/"
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
