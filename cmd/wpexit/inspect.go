package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/wpexit/wpexit/convert"
	"github.com/wpexit/wpexit/rewrite"
	"github.com/wpexit/wpexit/wxr"
)

// inspection is what `wpexit inspect` reports. Field names are the --json
// keys. No e-mail address or IP is ever part of it.
type inspection struct {
	Inputs     []inputInfo               `json:"inputs"`
	Items      int                       `json:"items"`               // entries read, including unreadable ones
	Types      map[string]map[string]int `json:"types"`               // post type -> status -> items
	Authors    []authorInfo              `json:"authors"`             // channel authors, then other creators
	Taxonomies []taxonomyInfo            `json:"taxonomies"`          // by name
	Comments   map[string]map[string]int `json:"comments"`            // comment type -> approval -> comments
	Shortcodes map[string]int            `json:"shortcodes"`          // name -> items using it
	Blocks     map[string]int            `json:"blocks"`              // block name -> items using it
	Permalinks map[string]int            `json:"permalinks"`          // permalink shape -> items
	First      string                    `json:"first,omitempty"`     // earliest item date, RFC 3339
	Last       string                    `json:"last,omitempty"`      // latest item date
	Warnings   []string                  `json:"warnings"`            // repairs, positioned
	Errors     []string                  `json:"errors"`              // items that could not be read, and fatal problems
	Unreadable int                       `json:"unreadable"`          // items that could not be read
	Truncated  bool                      `json:"truncated,omitempty"` // some input ended early
}

// inputInfo is one document's header.
type inputInfo struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Link        string `json:"link"`
	BaseSiteURL string `json:"base_site_url"`
	BaseBlogURL string `json:"base_blog_url"`
	Version     string `json:"wxr_version"`
	Generator   string `json:"generator"`
	Language    string `json:"language"`
}

// authorInfo is one author, without e-mail.
type authorInfo struct {
	Login       string `json:"login"`
	DisplayName string `json:"display_name,omitempty"`
	Items       int    `json:"items"`
}

// taxonomyInfo counts one taxonomy's terms: declared in the channel header
// and used by items.
type taxonomyInfo struct {
	Name     string `json:"name"`
	Declared int    `json:"declared"` // terms listed in the channel header
	Used     int    `json:"used"`     // distinct terms items carry
	Uses     int    `json:"uses"`     // item-term assignments
}

// inspector gathers an inspection.
type inspector struct {
	in        inspection
	authors   map[string]*authorInfo
	order     []string
	taxa      map[string]*taxonomyInfo
	usedTerms map[string]bool
	first     time.Time
	last      time.Time
	home      string
}

// runInspect is `wpexit inspect`.
func runInspect(ctx context.Context, env *environment, c inspectConfig) error {
	exps, err := openExports(c.Inputs, env.stdin)
	if err != nil {
		return err
	}
	defer closeExports(exps)
	ins := newInspector()
	sc := &scanner{exports: exps, onHeader: ins.header}
	defer sc.close()
	var fatal error
	for {
		e, ok, err := sc.next(ctx)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		ins.add(e)
		if e.fatal && fatal == nil {
			fatal = readError(e.source, e.err)
		}
	}
	res := ins.result()
	if c.JSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(res)
	} else {
		err = printInspection(env.stdout, res)
	}
	switch {
	case err != nil:
		return fmt.Errorf("write inspection: %w", err)
	case fatal != nil:
		return fatal
	case res.Unreadable > 0:
		return errPartial
	}
	return nil
}

func newInspector() *inspector {
	return &inspector{
		in: inspection{
			Types: map[string]map[string]int{}, Comments: map[string]map[string]int{},
			Shortcodes: map[string]int{}, Blocks: map[string]int{}, Permalinks: map[string]int{},
			Warnings: []string{}, Errors: []string{}, Authors: []authorInfo{}, Taxonomies: []taxonomyInfo{},
		},
		authors: map[string]*authorInfo{}, taxa: map[string]*taxonomyInfo{}, usedTerms: map[string]bool{},
	}
}

// header takes one document's channel.
func (s *inspector) header(name string, ch *wxr.Channel, warnings []string) {
	info := inputInfo{Name: name, Title: ch.Title, Link: ch.Link, BaseSiteURL: ch.BaseSiteURL,
		BaseBlogURL: ch.BaseBlogURL, Version: ch.Version, Generator: ch.Generator, Language: ch.Language}
	s.in.Inputs = append(s.in.Inputs, info)
	if s.home == "" {
		s.home = strings.TrimSpace(ch.BaseBlogURL)
		if s.home == "" {
			s.home = strings.TrimSpace(ch.Link)
		}
	}
	s.in.Warnings = append(s.in.Warnings, warnings...)
	for _, a := range ch.Authors {
		s.author(a.Login, a.DisplayName)
	}
	for _, group := range [][]wxr.Term{ch.Categories, ch.Tags, ch.Terms} {
		for _, t := range group {
			s.taxonomy(t.Taxonomy).Declared++
		}
	}
}

// add takes one entry.
func (s *inspector) add(e entry) {
	s.in.Items++
	s.in.Warnings = append(s.in.Warnings, e.warnings...)
	if e.err != nil {
		s.in.Errors = append(s.in.Errors, e.err.Error())
		if e.fatal {
			s.in.Truncated = true
		} else {
			s.in.Unreadable++
		}
		return
	}
	it := e.item
	typ := it.Type
	if typ == "" {
		typ = "post"
	}
	count(s.in.Types, typ, it.Status)
	s.author(it.Creator, "").Items++
	s.terms(it)
	for _, c := range it.Comments {
		count(s.in.Comments, commentType(c.Type), approval(c.Approved))
	}
	for _, n := range convert.Shortcodes(it.Content) {
		s.in.Shortcodes[n]++
	}
	for _, n := range convert.BlockNames(it.Content) {
		s.in.Blocks[n]++
	}
	if it.Link != "" && typ != "attachment" && typ != "nav_menu_item" {
		if shape := rewrite.PermalinkShape(s.home, it); shape != "" {
			s.in.Permalinks[shape]++
		}
	}
	s.date(it)
}

func (s *inspector) terms(it *wxr.Item) {
	for _, t := range it.Terms {
		tx := s.taxonomy(t.Domain)
		tx.Uses++
		if k := t.Domain + "\x00" + t.Slug; !s.usedTerms[k] {
			s.usedTerms[k] = true
			tx.Used++
		}
	}
}

func (s *inspector) date(it *wxr.Item) {
	d := it.DateGMT
	if d.IsZero() {
		d = it.Date
	}
	if d.IsZero() {
		return
	}
	if s.first.IsZero() || d.Before(s.first) {
		s.first = d
	}
	if d.After(s.last) {
		s.last = d
	}
}

// author returns the author with the login, adding it when new.
func (s *inspector) author(login, display string) *authorInfo {
	login = strings.TrimSpace(login)
	a := s.authors[login]
	if a == nil {
		a = &authorInfo{Login: login}
		s.authors[login] = a
		s.order = append(s.order, login)
	}
	if a.DisplayName == "" {
		a.DisplayName = display
	}
	return a
}

func (s *inspector) taxonomy(name string) *taxonomyInfo {
	if name == "tag" {
		name = "post_tag"
	}
	t := s.taxa[name]
	if t == nil {
		t = &taxonomyInfo{Name: name}
		s.taxa[name] = t
	}
	return t
}

// result finishes the inspection.
func (s *inspector) result() inspection {
	for _, l := range s.order {
		s.in.Authors = append(s.in.Authors, *s.authors[l])
	}
	for _, n := range sortedKeys(boolKeys(s.taxa)) {
		s.in.Taxonomies = append(s.in.Taxonomies, *s.taxa[n])
	}
	if !s.first.IsZero() {
		s.in.First, s.in.Last = s.first.Format(time.RFC3339), s.last.Format(time.RFC3339)
	}
	return s.in
}

func count(m map[string]map[string]int, a, b string) {
	if m[a] == nil {
		m[a] = map[string]int{}
	}
	m[a][b]++
}

func commentType(t string) string {
	if t == "" {
		return "comment"
	}
	return t
}

// approval names a comment_approved value.
func approval(v string) string {
	switch v {
	case "1":
		return "approved"
	case "0":
		return "pending"
	case "":
		return "unknown"
	}
	return v
}

func boolKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
