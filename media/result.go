package media

// Outcome says what became of one file.
type Outcome string

// Outcomes of a file.
const (
	// Saved: the file was fetched and written this run.
	Saved Outcome = "saved"
	// Present: a complete copy was already there (a resumed run, or a file
	// put there by hand); nothing was fetched.
	Present Outcome = "present"
	// Original: the file is a thumbnail whose original was saved instead;
	// Result.Saved names it.
	Original Outcome = "original"
	// Missing: the file is not in the output and nothing tried to fetch it
	// (media mode none).
	Missing Outcome = "missing"
	// Failed: no source gave the file; Result.Err says why.
	Failed Outcome = "failed"
)

// Result is what became of one file the posts use.
type Result struct {
	// Dest is the file's path on the new site, as the refs gave it.
	Dest string
	// Saved is the path the posts should link to: Dest, or the original's
	// path for a thumbnail whose original was saved. "" when there is no
	// file.
	Saved string
	// URL is the URL the file came from (or the first one tried).
	URL     string
	Outcome Outcome
	// Bytes written this run.
	Bytes int64
	// Err is why the file failed.
	Err error
	// Users are what use the file, from the refs.
	Users []string
}

// Rewrites maps the Dest of every thumbnail whose original was saved
// instead to the original's path: the links that should change.
func Rewrites(results []Result) map[string]string {
	m := map[string]string{}
	for _, r := range results {
		if r.Saved != "" && r.Saved != r.Dest {
			m[r.Dest] = r.Saved
		}
	}
	return m
}
