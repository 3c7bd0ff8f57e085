package convert

// Why an item is not written. Reasons for types are "not a page: TYPE".
const (
	SkipPrivate   = "private"
	SkipProtected = "password-protected"
	SkipTrash     = "trash"
	SkipAutoDraft = "auto-draft"
	SkipInherit   = "inherit"
)

// statusPolicy applies the safe-by-default status rules: publish and future
// are published, draft and pending become drafts, private and
// password-protected items are skipped unless opts include them (then they
// are drafts), trash, auto-draft and inherit are skipped, and any status
// WordPress core does not define is skipped with its name. An empty status
// is a draft, as WordPress itself treats a post saved without one.
func statusPolicy(status, password string, opts Options) (draft bool, skip string) {
	switch status {
	case "publish", "future":
	case "draft", "pending", "":
		draft = true
	case "private":
		if !opts.IncludePrivate {
			return false, SkipPrivate
		}
		draft = true
	case "trash":
		return false, SkipTrash
	case "auto-draft":
		return false, SkipAutoDraft
	case "inherit":
		return false, SkipInherit
	default:
		return false, "unknown status: " + status
	}
	if password != "" {
		if !opts.IncludeProtected {
			return false, SkipProtected
		}
		draft = true
	}
	return draft, ""
}
