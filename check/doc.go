// Package check proves that every URL an old WordPress site served still has
// a target on the new site: a page, an alias, a static file or a redirect
// rule. It checks a Hugo source tree ([Site]), a built public directory
// ([Public]) or a live site over HTTP ([Live]), and reports per URL class.
package check
