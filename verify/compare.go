package verify

import (
	"math"
	"strconv"
	"strings"
)

// Result is the comparison of one page.
type Result struct {
	// Score is the page's fidelity in [0, 1]; see Compare.
	Score float64 `json:"score"`
	// TextScore is the similarity of the visible text in [0, 1].
	TextScore float64 `json:"text_score"`
	// Diffs say what differs, with what each cost, in a fixed order: text,
	// links, media, the counts, code lines, shortcodes.
	Diffs []Diff `json:"diffs,omitempty"`
}

// Diff is one difference between the two sides.
type Diff struct {
	// What differs: "text", "links", "media", "paragraphs", "headings",
	// "list items", "table cells", "code blocks", "code lines",
	// "shortcodes".
	What string `json:"what"`
	// Want is what WordPress shows, Got what the Hugo page shows: counts,
	// or the first differing text, links or media.
	Want string `json:"want"`
	Got  string `json:"got"`
	// Cost is what the difference took off the score.
	Cost float64 `json:"cost"`
}

// Score weights. A structural difference costs structMin plus up to
// structSpan more, in proportion to how much of that structure differs.
const (
	structMin  = 0.02
	structSpan = 0.08
)

// Compare compares the WordPress side (want) with the Hugo side (got):
//
//	Score = max(0, 1 − Σ cost) = max(0, TextScore − Σ structural costs)
//
// where the text's cost is 1 − TextScore and each Diff carries its cost.
//
// TextScore = 1 − D / (N + M), where N and M are the numbers of text tokens
// on each side (see tokens) and D the number of tokens inserted or deleted
// to turn one into the other (N + M − 2·LCS), found with Myers' algorithm.
// Two empty texts score 1. D is computed up to (N + M) / 2; beyond that the
// text is reported as 0.5 similar at most, and scored 0.5.
//
// Each other category that differs costs 0.02 + 0.08·f, where f in [0, 1]
// is the share that differs:
//
//   - links, media, code lines (the ordered list of each code block's line
//     count): f = d / (n + m), d the insertions and deletions between the
//     two ordered lists, n and m their lengths;
//   - each count (paragraphs, headings, list items, table cells, code
//     blocks): f = |a − b| / max(a, b);
//   - shortcodes Hugo would not know: 0.02 once.
//
// So one difference of any kind takes a page below 0.99, a page whose text
// alone differs slightly (a word in a thousand) stays above it, and
// typography costs nothing.
func Compare(want, got Side) Result {
	var r Result
	r.TextScore = r.compareText(want.Text, got.Text)
	r.compareLinks(want, got)
	r.compareList("media", canonAll(want.Media, canonMedia), canonAll(got.Media, canonMedia))
	r.compareCounts(want.Counts, got.Counts)
	r.compareCode(want.CodeLines, got.CodeLines)
	if len(got.Shortcodes) > 0 {
		r.add(Diff{What: "shortcodes", Want: "none", Got: strings.Join(got.Shortcodes, ", "), Cost: structMin})
	}
	cost := 0.0
	for _, d := range r.Diffs {
		cost += d.Cost
	}
	r.Score = clamp(1 - cost)
	return r
}

// add records a difference.
func (r *Result) add(d Diff) { r.Diffs = append(r.Diffs, d) }

// structCost is the cost of a structural difference of share f.
func structCost(f float64) float64 {
	return math.Round((structMin+structSpan*math.Min(1, math.Max(0, f)))*1e6) / 1e6
}

// clamp keeps a score in [0, 1] and rounds away float noise.
func clamp(x float64) float64 {
	x = math.Round(x*1e6) / 1e6
	return math.Min(1, math.Max(0, x))
}

// compareText scores the texts and records where they first differ.
func (r *Result) compareText(want, got string) float64 {
	ids := interner{}
	a, b := ids.all(tokens(want)), ids.all(tokens(got))
	n := len(a) + len(b)
	if n == 0 {
		return 1
	}
	d, ok := distance(a, b, n/2)
	score := 1 - float64(d)/float64(n)
	if !ok {
		score = 0.5
	}
	score = clamp(score)
	if d > 0 {
		w, g := textExcerpt(want, got)
		r.add(Diff{What: "text", Want: w, Got: g, Cost: 1 - score})
	}
	return score
}

// compareList records the difference of two ordered lists of strings.
func (r *Result) compareList(what string, want, got []string) {
	ids := interner{}
	a, b := ids.all(want), ids.all(got)
	n := len(a) + len(b)
	if n == 0 {
		return
	}
	d, _ := distance(a, b, n)
	if d == 0 {
		return
	}
	w, g := listExcerpt(want, got, a, b)
	r.add(Diff{What: what, Want: w, Got: g, Cost: structCost(float64(d) / float64(n))})
}

// compareLinks records the difference of the ordered links. A link only
// the Hugo side has costs nothing when linkify made it from a URL in the
// text: WordPress shows the same URL, as text.
func (r *Result) compareLinks(want, got Side) {
	wl, gl := canonAll(want.Links, canonLink), canonAll(got.Links, canonLink)
	ids := interner{}
	a, b := ids.all(wl), ids.all(gl)
	n := len(a) + len(b)
	if n == 0 {
		return
	}
	ops, ok := script(a, b, min(n, 2000))
	if !ok {
		r.compareList("links", wl, gl)
		return
	}
	d := 0
	var ws, gs []string
	for _, o := range ops {
		switch {
		case o.kind == '-':
			d++
			ws = append(ws, wl[o.i])
		case o.kind == '+' && !(o.j < len(got.Autolinks) && got.Autolinks[o.j]):
			d++
			gs = append(gs, gl[o.j])
		}
	}
	if d == 0 {
		return
	}
	r.add(Diff{What: "links", Want: excerptList(first(ws, 3), len(wl)), Got: excerptList(first(gs, 3), len(gl)),
		Cost: structCost(float64(d) / float64(n))})
}

// compareCounts records each structure count that differs.
func (r *Result) compareCounts(want, got Counts) {
	for _, c := range []struct {
		what string
		a, b int
	}{
		{"paragraphs", want.Paragraphs, got.Paragraphs},
		{"headings", want.Headings, got.Headings},
		{"list items", want.ListItems, got.ListItems},
		{"table cells", want.TableCells, got.TableCells},
		{"code blocks", want.CodeBlocks, got.CodeBlocks},
	} {
		if c.a == c.b {
			continue
		}
		f := math.Abs(float64(c.a-c.b)) / math.Max(float64(c.a), float64(c.b))
		r.add(Diff{What: c.what, Want: strconv.Itoa(c.a), Got: strconv.Itoa(c.b), Cost: structCost(f)})
	}
}

// interner numbers distinct strings.
type interner map[string]uint32

func (in interner) all(ss []string) []uint32 {
	out := make([]uint32, len(ss))
	for i, s := range ss {
		id, ok := in[s]
		if !ok {
			id = uint32(len(in))
			in[s] = id
		}
		out[i] = id
	}
	return out
}

func canonAll(ss []string, f func(string) string) []string { return mapAll(ss, f) }

// compareCode records a difference in the code blocks' line counts, naming
// the first block that differs.
func (r *Result) compareCode(want, got []int) {
	ids := interner{}
	a, b := ids.all(itoaAll(want)), ids.all(itoaAll(got))
	n := len(a) + len(b)
	d, _ := distance(a, b, n)
	if d == 0 {
		return
	}
	_, _, p := trimCommon(a, b)
	r.add(Diff{What: "code lines", Want: codeExcerpt(want, p), Got: codeExcerpt(got, p), Cost: structCost(float64(d) / float64(n))})
}

func itoaAll(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strconv.Itoa(n)
	}
	return out
}
