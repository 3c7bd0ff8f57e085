// Package rewrite owns the URL index of a whole site: every URL each item was
// ever served at, normalised, mapped to the page or media file that now
// answers it. It rewrites links between posts and proves old-URL coverage.
package rewrite
