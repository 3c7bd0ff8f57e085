package check

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// WriteText writes the summary table, then every missing URL with its item
// and reason, then the warnings.
func (r *Result) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	rows := append([]ClassCount{}, r.Summary...)
	all := ClassCount{Class: "all"}
	for _, c := range r.Summary {
		all.Total += c.Total
		all.Covered += c.Covered
		all.Missing += c.Missing
	}
	rows = append(rows, all)
	labels := make([]string, len(rows))
	width := len("class")
	for i, c := range rows {
		labels[i] = string(c.Class)
		if slices.Contains(r.Require, c.Class) {
			labels[i] += " (required)"
		}
		width = max(width, len(labels[i]))
	}
	ew.printf("%-*s  %7s  %7s  %7s\n", width, "class", "total", "covered", "missing")
	for i, c := range rows {
		ew.printf("%-*s  %7d  %7d  %7d\n", width, labels[i], c.Total, c.Covered, c.Missing)
	}
	if len(r.Missing) > 0 {
		ew.printf("\nmissing (%d):\n", len(r.Missing))
	}
	for _, m := range r.Missing {
		ew.printf("  %s  %s  %s: %s\n", m.class(), m.Path, describe(m.OldURL), m.Reason)
	}
	if len(r.Warnings) > 0 {
		ew.printf("\nwarnings (%d):\n", len(r.Warnings))
	}
	for _, s := range r.Warnings {
		ew.printf("  %s\n", s)
	}
	if ew.err != nil {
		return fmt.Errorf("write report: %w", ew.err)
	}
	return nil
}

// errWriter keeps the first write error so that a report is written
// without checking every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// describe names what the URL was: `item 12 post "Title"`.
func describe(u OldURL) string {
	s := ""
	if u.ItemID != 0 {
		s = "item " + strconv.FormatInt(u.ItemID, 10)
	}
	if u.Type != "" {
		s = join(s, u.Type)
	}
	if u.Title != "" {
		s = join(s, strconv.Quote(u.Title))
	}
	if s == "" {
		return "-"
	}
	return s
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// WriteJSON writes the whole result as one indented JSON object, with "ok"
// computed for the required classes.
func (r *Result) WriteJSON(w io.Writer) error {
	v := struct {
		OK bool `json:"ok"`
		*Result
	}{r.OK(nil), r}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

// WriteCSV writes one row per missing URL under the header
// path,class,item_id,type,title,reason.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"path", "class", "item_id", "type", "title", "reason"})
	for _, m := range r.Missing {
		id := ""
		if m.ItemID != 0 {
			id = strconv.FormatInt(m.ItemID, 10)
		}
		_ = cw.Write([]string{m.Path, string(m.class()), id, m.Type, m.Title, m.Reason})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv report: %w", err)
	}
	return nil
}
