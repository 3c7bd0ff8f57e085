package verify

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// DefaultThreshold is the score a page must reach (--min-score).
const DefaultThreshold = 0.99

// PageResult is the verdict on one page.
type PageResult struct {
	ID   int64  `json:"id"`   // the item's wordpress_id
	File string `json:"file"` // content file, relative to content/
	Result
	// Error says why the page could not be compared (its score is 0).
	Error string `json:"error,omitempty"`
}

// Report collects the verdicts of a run. It is not safe for concurrent
// use: add results from one goroutine.
type Report struct {
	// Threshold is the score a page must reach; pages below it fail.
	Threshold float64
	Pages     []PageResult
}

// NewReport returns an empty report with the threshold (0 or less means
// DefaultThreshold).
func NewReport(threshold float64) *Report {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	return &Report{Threshold: threshold}
}

// Add records one page.
func (r *Report) Add(p PageResult) {
	if p.Error != "" {
		p.Score, p.TextScore = 0, 0
	}
	r.Pages = append(r.Pages, p)
}

// Below returns the pages under the threshold, worst first (ties by file).
func (r *Report) Below() []PageResult {
	var out []PageResult
	for _, p := range r.Pages {
		if p.Score < r.Threshold {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b PageResult) int {
		return cmp.Or(cmp.Compare(a.Score, b.Score), strings.Compare(a.File, b.File))
	})
	return out
}

// Cause is one kind of difference and how many pages under the threshold
// have it.
type Cause struct {
	What  string `json:"what"`
	Pages int    `json:"pages"`
}

// Causes counts, for the pages under the threshold, the kinds of
// difference they have (a page counts once per kind; "error" for pages that
// could not be compared), commonest first.
func (r *Report) Causes() []Cause {
	n := map[string]int{}
	for _, p := range r.Below() {
		if p.Error != "" {
			n["error"]++
			continue
		}
		seen := map[string]bool{}
		for _, d := range p.Diffs {
			if !seen[d.What] {
				seen[d.What] = true
				n[d.What]++
			}
		}
	}
	out := make([]Cause, 0, len(n))
	for what, k := range n {
		out = append(out, Cause{What: what, Pages: k})
	}
	slices.SortFunc(out, func(a, b Cause) int {
		return cmp.Or(cmp.Compare(b.Pages, a.Pages), strings.Compare(a.What, b.What))
	})
	return out
}

// worstShown is how many of the worst pages WriteText lists.
const worstShown = 10

// WriteText writes the summary: how many pages reach the threshold, the
// commonest differences of the others, and the worst ten pages with what
// differs.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	below := r.Below()
	total := len(r.Pages)
	ok := total - len(below)
	ew.printf("verify: %d pages, %d at or above %.2f (%s), %d below\n", total, ok, r.Threshold, percent(ok, total), len(below))
	if causes := r.Causes(); len(causes) > 0 {
		parts := make([]string, len(causes))
		for i, c := range causes {
			parts[i] = fmt.Sprintf("%s %d", c.What, c.Pages)
		}
		ew.printf("differences on the pages below: %s\n", strings.Join(parts, ", "))
	}
	if len(below) > worstShown {
		below = below[:worstShown]
	}
	if len(below) > 0 {
		ew.printf("worst %d:\n", len(below))
	}
	for _, p := range below {
		ew.printf("  %.3f  %d  %s\n", p.Score, p.ID, p.File)
		if p.Error != "" {
			ew.printf("         error: %s\n", p.Error)
		}
		for _, d := range p.Diffs {
			ew.printf("         %s (-%.3f): want %s; got %s\n", d.What, d.Cost, d.Want, d.Got)
		}
	}
	return ew.err
}

// percent formats k of n as a percentage.
func percent(k, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(k)/float64(n))
}

// jsonReport is the shape WriteJSON writes.
type jsonReport struct {
	Threshold float64      `json:"threshold"`
	Total     int          `json:"pages"`
	Passed    int          `json:"passed"`
	Failed    int          `json:"failed"`
	Causes    []Cause      `json:"causes"`
	Results   []PageResult `json:"results"`
}

// WriteJSON writes the whole report as one JSON object: the threshold,
// the counts, the causes and every page's result in the order added.
func (r *Report) WriteJSON(w io.Writer) error {
	below := len(r.Below())
	results := r.Pages
	if results == nil {
		results = []PageResult{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jsonReport{
		Threshold: r.Threshold, Total: len(r.Pages), Passed: len(r.Pages) - below, Failed: below,
		Causes: r.Causes(), Results: results,
	}); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
