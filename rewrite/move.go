package rewrite

import "strings"

// Move records that the file the old site served at the decoded path from
// (a media file, "/wp-content/uploads/2012/02/x.jpg") now lives at the
// decoded path to (inside a page bundle, "/2012/02/14/post/x.jpg"): the
// redirect writers send from to to, after the index's own rules. Call it
// after the first pass and before the redirect writers, never concurrently
// with them.
func (ix *Index) Move(from, to string) {
	if from == "" || to == "" || from == to || strings.Contains(from, "?") {
		return
	}
	ix.moves = append(ix.moves, rule{path: strings.Clone(from), target: strings.Clone(to), status: 301})
}
