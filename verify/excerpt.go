package verify

import (
	"fmt"
	"strings"
)

// Excerpts name what differs, for Diff.Want and Diff.Got.

// listExcerpt names the first few entries only one side has.
func listExcerpt(want, got []string, a, b []uint32) (w, g string) {
	const most = 3
	ops, ok := script(a, b, 200)
	if !ok {
		return fmt.Sprintf("%d entries", len(want)), fmt.Sprintf("%d entries", len(got))
	}
	var ws, gs []string
	for _, o := range ops {
		switch {
		case o.kind == '-' && len(ws) < most:
			ws = append(ws, want[o.i])
		case o.kind == '+' && len(gs) < most:
			gs = append(gs, got[o.j])
		}
	}
	return excerptList(ws, len(want)), excerptList(gs, len(got))
}

// excerptList shows the entries found only on one side.
func excerptList(only []string, total int) string {
	if len(only) == 0 {
		return fmt.Sprintf("nothing else (%d in all)", total)
	}
	return strings.Join(only, " | ")
}

// codeExcerpt names code block i (from 0) and its line count.
func codeExcerpt(lines []int, i int) string {
	if i >= len(lines) {
		return fmt.Sprintf("no block %d (%d blocks)", i+1, len(lines))
	}
	return fmt.Sprintf("block %d: %d lines", i+1, lines[i])
}

// textExcerpt shows the first place the texts differ: a few tokens of
// context and what each side has there, from the normalised text.
func textExcerpt(want, got string) (w, g string) {
	ws, gs := normalize(want), normalize(got)
	wt, wat := spans(ws)
	gt, gat := spans(gs)
	ids := interner{}
	a, b := ids.all(wt), ids.all(gt)
	// The first hunk: after the common prefix, up to the next common run
	// the script finds (or a fixed window when it is too costly).
	_, _, p := trimCommon(a, b)
	wEnd, gEnd := min(p+excerptTokens, len(a)), min(p+excerptTokens, len(b))
	if ops, ok := script(a[p:wEnd], b[p:gEnd], 2*excerptTokens); ok {
		wEnd, gEnd = hunkEnd(ops, p)
	}
	from := max(0, p-contextTokens)
	return excerpt(ws, wat, from, wEnd), excerpt(gs, gat, from, gEnd)
}

const (
	excerptTokens = 40 // at most this many tokens of a difference are shown
	contextTokens = 6  // tokens of common context before it
)

// hunkEnd returns where the first run of edits in ops (offset by p) ends on
// each side.
func hunkEnd(ops []op, p int) (wEnd, gEnd int) {
	wEnd, gEnd = p, p
	started := false
	for _, o := range ops {
		if o.kind == '=' {
			if started {
				break
			}
			wEnd, gEnd = p+o.i+1, p+o.j+1
			continue
		}
		started = true
		if o.kind == '-' {
			wEnd = p + o.i + 1
		} else {
			gEnd = p + o.j + 1
		}
	}
	return wEnd, gEnd
}

// excerpt is the text of tokens [from, to) of s, on one line, with "…" where
// it is cut.
func excerpt(s string, at []int, from, to int) string {
	if from >= len(at) || to <= from {
		return "(nothing)"
	}
	end := len(s)
	if to < len(at) {
		end = at[to]
	}
	t := strings.Join(strings.Fields(s[at[from]:end]), " ")
	if from > 0 {
		t = "…" + t
	}
	if to < len(at) {
		t += "…"
	}
	return t
}

// first returns at most k elements of ss.
func first(ss []string, k int) []string { return ss[:min(k, len(ss))] }
