package check

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"text/tabwriter"
)

// WriteText writes the summary table, then every missing URL with its item
// and reason, then the warnings.
func (r *Result) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "class\ttotal\tcovered\tmissing\t\n")
	var total ClassCount
	for _, c := range r.Summary {
		mark := ""
		if slices.Contains(r.Require, c.Class) {
			mark = " (required)"
		}
		fmt.Fprintf(tw, "%s%s\t%d\t%d\t%d\t\n", c.Class, mark, c.Total, c.Covered, c.Missing)
		total.Total += c.Total
		total.Covered += c.Covered
		total.Missing += c.Missing
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t\n", total.Total, total.Covered, total.Missing)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write summary: %w", err)
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "\nmissing (%d):\n", len(r.Missing))
	}
	for _, m := range r.Missing {
		fmt.Fprintf(w, "  %s\t%s\t%s: %s\n", m.class(), m.Path, describe(m.OldURL), m.Reason)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "\nwarnings (%d):\n", len(r.Warnings))
	}
	for _, s := range r.Warnings {
		if _, err := fmt.Fprintf(w, "  %s\n", s); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
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
