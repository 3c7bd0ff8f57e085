package check

import (
	"cmp"
	"slices"
)

// sortByLenDesc sorts longest first, then alphabetically.
func sortByLenDesc(s []string) {
	slices.SortFunc(s, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}
