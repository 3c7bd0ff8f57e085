package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// printInspection writes the inspection for people.
func printInspection(w io.Writer, in inspection) error {
	p := &printer{w: w}
	for _, i := range in.Inputs {
		p.f("%s\n", i.Name)
		p.f("  site        %s\n", join(" ", i.Title, i.Link))
		p.f("  urls        site %s, blog %s\n", orNone(i.BaseSiteURL), orNone(i.BaseBlogURL))
		p.f("  wxr         %s, generator %s, language %s\n", orNone(i.Version), orNone(i.Generator), orNone(i.Language))
	}
	p.f("\nitems: %d", in.Items)
	if in.First != "" {
		p.f(", dated %s to %s", in.First[:10], in.Last[:10])
	}
	p.f("\n")
	for _, t := range sortedByTotal(in.Types) {
		p.f("  %-20s %s\n", t, countsLine(in.Types[t]))
	}
	p.f("\nauthors: %d\n", len(in.Authors))
	for _, a := range in.Authors {
		p.f("  %-20s %-24s %d items\n", orNone(a.Login), a.DisplayName, a.Items)
	}
	p.f("\ntaxonomies: %d\n", len(in.Taxonomies))
	for _, t := range in.Taxonomies {
		p.f("  %-20s %d declared, %d used, %d assignments\n", orNone(t.Name), t.Declared, t.Used, t.Uses)
	}
	p.section("comments", in.Comments)
	p.counts("shortcodes (items using them)", in.Shortcodes)
	p.counts("blocks (items using them)", in.Blocks)
	p.counts("permalink shapes (items)", in.Permalinks)
	p.list("warnings", in.Warnings)
	p.list("errors", in.Errors)
	return p.err
}

// printer writes and remembers the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) section(title string, m map[string]map[string]int) {
	total := 0
	for _, c := range m {
		for _, n := range c {
			total += n
		}
	}
	p.f("\n%s: %d\n", title, total)
	for _, k := range sortedByTotal(m) {
		p.f("  %-20s %s\n", k, countsLine(m[k]))
	}
}

func (p *printer) counts(title string, m map[string]int) {
	p.f("\n%s: %d\n", title, len(m))
	for _, k := range sortedByCount(m) {
		p.f("  %6d  %s\n", m[k], k)
	}
}

func (p *printer) list(title string, l []string) {
	p.f("\n%s: %d\n", title, len(l))
	for _, s := range l {
		p.f("  %s\n", s)
	}
}

// countsLine renders {"publish": 5, "draft": 1} as "5 publish, 1 draft".
func countsLine(m map[string]int) string {
	var parts []string
	for _, k := range sortedByCount(m) {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], orNone(k)))
	}
	return strings.Join(parts, ", ")
}

// sortedByCount returns the keys, largest count first, then by name.
func sortedByCount(m map[string]int) []string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	return keys
}

// sortedByTotal orders the keys of a two-level count by their totals.
func sortedByTotal(m map[string]map[string]int) []string {
	totals := map[string]int{}
	for k, c := range m {
		for _, n := range c {
			totals[k] += n
		}
	}
	return sortedByCount(totals)
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

func join(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return orNone(strings.Join(out, sep))
}
