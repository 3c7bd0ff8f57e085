package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/wpexit/wpexit/convert"
)

// Outcomes of one item.
const (
	outcomeWritten    = "written"
	outcomeWouldWrite = "would-write" // --dry-run
	outcomeSkipped    = "skipped"
	outcomeFailed     = "failed"
)

// record is one line of --report: what happened to one item.
type record struct {
	Input    string       `json:"input"`          // document the item came from
	Line     int          `json:"line,omitempty"` // line of its <item>
	ID       int64        `json:"id"`
	Type     string       `json:"type,omitempty"`
	Status   string       `json:"status,omitempty"`
	Title    string       `json:"title,omitempty"`
	Outcome  string       `json:"outcome"`          // written, would-write, skipped or failed
	Path     string       `json:"path,omitempty"`   // written file, relative to --out
	Reason   string       `json:"reason,omitempty"` // why it was skipped
	Error    string       `json:"error,omitempty"`  // why it failed
	Notes    []noteRecord `json:"notes,omitempty"`
	Warnings []string     `json:"warnings,omitempty"` // reader repairs and problems, positioned
}

// noteRecord is a convert.Note as the report writes it.
type noteRecord struct {
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

// report tallies every item of a run and writes the --report lines.
type report struct {
	lines io.Writer // nil: no --report
	err   error     // first error writing lines

	in, written, skipped, failed int
	expected                     int // items the first pass counted; more than in when the run stopped early
	dryRun                       bool
	skipReasons                  map[string]int
	notes                        map[string]map[string][]string // kind -> detail -> items
	noteKinds                    map[string]int                 // kind -> notes
	warnings                     int                            // all warnings
	someWarnings                 []string                       // the first few, for the summary
	files                        []string                       // other files written: redirects, config, layouts
	keptFiles                    []string                       // other files left alone, with the reason
}

func newReport(lines io.Writer, dryRun bool) *report {
	return &report{lines: lines, dryRun: dryRun, skipReasons: map[string]int{},
		notes: map[string]map[string][]string{}, noteKinds: map[string]int{}}
}

// add counts one item and writes its line.
func (r *report) add(rec record) {
	r.in++
	switch rec.Outcome {
	case outcomeWritten, outcomeWouldWrite:
		r.written++
	case outcomeSkipped:
		r.skipped++
		r.skipReasons[reasonKey(rec.Reason)]++
	default:
		r.failed++
	}
	for _, w := range rec.Warnings {
		r.warn(w)
	}
	for _, n := range rec.Notes {
		r.note(n, rec)
	}
	if r.lines != nil && r.err == nil {
		b, err := json.Marshal(rec)
		if err == nil {
			_, err = r.lines.Write(append(b, '\n'))
		}
		r.err = err
	}
}

// warn counts a warning, keeping the first few for the summary.
func (r *report) warn(w string) {
	r.warnings++
	if len(r.someWarnings) < summaryLimit {
		r.someWarnings = append(r.someWarnings, w)
	}
}

// note remembers which items carry a note worth listing in the summary.
func (r *report) note(n noteRecord, rec record) {
	r.noteKinds[n.Kind]++
	if n.Kind != "unknown-shortcode" && n.Kind != "missing-link" {
		return
	}
	byDetail := r.notes[n.Kind]
	if byDetail == nil {
		byDetail = map[string][]string{}
		r.notes[n.Kind] = byDetail
	}
	who := fmt.Sprintf("%d", rec.ID)
	if rec.Path != "" {
		who = rec.Path
	}
	if l := byDetail[n.Detail]; len(l) == 0 || l[len(l)-1] != who {
		byDetail[n.Detail] = append(l, who)
	}
}

// reasonKey groups skip reasons: "not a page: attachment" stays whole, a
// reason with a long tail after ";" or "(" is cut there.
func reasonKey(reason string) string {
	if i := strings.IndexAny(reason, "(;"); i > 0 {
		reason = strings.TrimSpace(reason[:i])
	}
	return reason
}

// notes converts convert's notes for the report.
func noteRecords(ns []convert.Note) []noteRecord {
	var out []noteRecord
	for _, n := range ns {
		out = append(out, noteRecord{Kind: n.Kind, Detail: n.Detail})
	}
	return out
}

// summaryLimit bounds each list in the summary, to keep it to one screen.
const summaryLimit = 8

// summary writes the end-of-run summary.
func (r *report) summary(w io.Writer, out string) {
	written, also, where := "written", "also", out
	if r.dryRun {
		written, also, where = "would be written", "would also write", out+" (dry run: nothing was written)"
	}
	fmt.Fprintf(w, "wpexit: %d items in = %d %s + %d skipped + %d failed\n", r.in, r.written, written, r.skipped, r.failed)
	fmt.Fprintf(w, "  output: %s\n", where)
	if r.expected > r.in {
		fmt.Fprintf(w, "  stopped early: %d of %d items not reached\n", r.expected-r.in, r.expected)
	}
	if len(r.skipReasons) > 0 {
		fmt.Fprintln(w, "  skipped:")
		listCounts(w, r.skipReasons)
	}
	r.noteSummary(w, "unknown-shortcode", "unknown shortcodes, kept as written")
	r.noteSummary(w, "missing-link", "links to the old site that match nothing, kept as written")
	if len(r.noteKinds) > 0 {
		fmt.Fprintf(w, "  notes: %s (see --report)\n", countList(r.noteKinds))
	}
	if r.failed > 0 {
		fmt.Fprintf(w, "  failed: %d (see the messages above, or --report)\n", r.failed)
	}
	if r.warnings > 0 {
		fmt.Fprintf(w, "  warnings: %d repairs and problems in the export\n", r.warnings)
		for _, s := range r.someWarnings {
			fmt.Fprintf(w, "    %s\n", s)
		}
		if more := r.warnings - len(r.someWarnings); more > 0 {
			fmt.Fprintf(w, "    … and %d more (see --report, or wpexit inspect)\n", more)
		}
	}
	if len(r.files) > 0 {
		fmt.Fprintf(w, "  %s: %s\n", also, strings.Join(r.files, ", "))
	}
	for _, k := range r.keptFiles {
		fmt.Fprintf(w, "  kept: %s\n", k)
	}
}

// noteSummary lists one kind of note: each detail with the items it is in.
func (r *report) noteSummary(w io.Writer, kind, title string) {
	byDetail := r.notes[kind]
	if len(byDetail) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s: %d\n", title, len(byDetail))
	keys := slices.Sorted(maps.Keys(byDetail))
	for i, d := range keys {
		if i == summaryLimit {
			fmt.Fprintf(w, "    … and %d more (see --report)\n", len(keys)-i)
			break
		}
		fmt.Fprintf(w, "    %s in %s\n", d, shortList(byDetail[d], 3))
	}
}

// listCounts prints "count reason" lines, largest first.
func listCounts(w io.Writer, m map[string]int) {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	for i, k := range keys {
		if i == summaryLimit {
			fmt.Fprintf(w, "    … and %d more reasons (see --report)\n", len(keys)-i)
			break
		}
		fmt.Fprintf(w, "    %5d %s\n", m[k], k)
	}
}

// countList renders counts as "3 raw-html, 1 unknown-block", largest first.
func countList(m map[string]int) string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return strings.Join(parts, ", ")
}

// shortList joins up to n items and says how many more there are.
func shortList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
