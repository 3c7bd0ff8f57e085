package check

import "slices"

// Result is the outcome of one check.
type Result struct {
	// Mode is "site", "public" or "live".
	Mode string `json:"mode"`
	// Require is the classes that had to be fully covered.
	Require []Class `json:"require"`
	// Summary has one row per class present in the input or required, in
	// report order.
	Summary []ClassCount `json:"summary"`
	// Missing lists every URL without a target, in input order.
	Missing []Miss `json:"missing"`
	// Warnings are problems with the target that did not stop the check:
	// unreadable front matter, redirect lines that could not be parsed.
	Warnings []string `json:"warnings,omitempty"`
}

// ClassCount is the summary row of one class.
type ClassCount struct {
	Class   Class `json:"class"`   // the class
	Total   int   `json:"total"`   // old URLs of the class checked
	Covered int   `json:"covered"` // those with a target
	Missing int   `json:"missing"` // those without; each is in Result.Missing
}

// Miss is one old URL without a target and why.
type Miss struct {
	OldURL        // the URL, its class in plural form
	Reason string `json:"reason"` // why nothing answers it, for people
}

// OK reports whether no required class has a missing URL. Nil require uses
// the classes the check ran with (posts and pages by default).
func (r *Result) OK(require []Class) bool {
	if require == nil {
		require = r.Require
	}
	require = canonicalAll(require)
	for _, m := range r.Missing {
		if slices.Contains(require, m.class()) {
			return false
		}
	}
	return true
}

// newResult builds the result from one verdict per URL ("" = covered).
func newResult(mode string, urls []OldURL, reasons []string, opts Options) *Result {
	r := &Result{Mode: mode, Require: opts.Require, Summary: []ClassCount{}, Missing: []Miss{}}
	counts := map[Class]*ClassCount{}
	for _, c := range opts.Require { // required classes show even when empty
		counts[c] = &ClassCount{Class: c}
	}
	for i, u := range urls {
		c := counts[u.class()]
		if c == nil {
			c = &ClassCount{Class: u.class()}
			counts[u.class()] = c
		}
		c.Total++
		if reasons[i] == "" {
			c.Covered++
			continue
		}
		c.Missing++
		u.Class = u.class()
		r.Missing = append(r.Missing, Miss{OldURL: u, Reason: reasons[i]})
	}
	for _, c := range Classes() {
		if n := counts[c]; n != nil {
			r.Summary = append(r.Summary, *n)
			delete(counts, c)
		}
	}
	var rest []Class
	for c := range counts {
		rest = append(rest, c)
	}
	slices.Sort(rest)
	for _, c := range rest {
		r.Summary = append(r.Summary, *counts[c])
	}
	return r
}

func canonicalAll(cs []Class) []Class {
	out := make([]Class, len(cs))
	for i, c := range cs {
		out[i] = canonical(c)
	}
	return out
}
