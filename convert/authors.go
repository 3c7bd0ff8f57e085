package convert

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/wpexit/wpexit/wxr"
)

// AuthorInfo is what data/authors.yaml keeps of one author: never the
// e-mail address. WXR exports no author URL (user_url) and no nicename, so
// URL is empty unless a caller knows it.
type AuthorInfo struct {
	ID          int64  `yaml:"id,omitempty"`
	DisplayName string `yaml:"display_name"`
	FirstName   string `yaml:"first_name,omitempty"`
	LastName    string `yaml:"last_name,omitempty"`
	URL         string `yaml:"url,omitempty"`
}

// Authors maps each author login to what the site may show of them: every
// <wp:author> of the channel, then each login in creators the channel did
// not list (WXR 1.0 lists none), whose display name is the login itself.
// Authors without a login are left out. Logins are keyed by AuthorKey; a
// name holding an e-mail address is dropped.
func Authors(ch *wxr.Channel, creators []string) map[string]AuthorInfo {
	out := map[string]AuthorInfo{}
	if ch != nil {
		for _, a := range ch.Authors {
			login := AuthorKey(a.Login)
			if login == "" {
				continue
			}
			if _, dup := out[login]; dup {
				continue
			}
			name := withoutEmail(a.DisplayName)
			if name == "" {
				name = login
			}
			out[login] = AuthorInfo{ID: a.ID, DisplayName: name,
				FirstName: withoutEmail(a.FirstName), LastName: withoutEmail(a.LastName)}
		}
	}
	for _, c := range creators {
		if login := AuthorKey(c); login != "" {
			if _, ok := out[login]; !ok {
				out[login] = AuthorInfo{DisplayName: login}
			}
		}
	}
	return out
}

// AuthorKey is the name an author is known by in the site (front matter
// author, the keys of data/authors.yaml): the login, cleaned as one line.
// Some sites use e-mail addresses as logins; an e-mail address is never
// published, so such a login is known by the part before the "@".
func AuthorKey(login string) string {
	login = cleanLine(login)
	if at := strings.IndexByte(login, '@'); at >= 0 && emailAddress.MatchString(login) {
		login = strings.TrimSpace(login[:at])
	}
	return login
}

// emailAddress matches a text holding an e-mail address.
var emailAddress = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+`)

// withoutEmail cleans a name as one line and drops it when it holds an
// e-mail address.
func withoutEmail(s string) string {
	s = cleanLine(s)
	if emailAddress.MatchString(s) {
		return ""
	}
	return s
}

// MarshalAuthors writes the authors as the YAML data file Hugo reads
// (data/authors.yaml), logins sorted.
func MarshalAuthors(authors map[string]AuthorInfo) ([]byte, error) {
	var doc yaml.Node
	doc.Kind = yaml.MappingNode
	logins := make([]string, 0, len(authors))
	for l := range authors {
		logins = append(logins, l)
	}
	slices.Sort(logins)
	for _, l := range logins {
		var v yaml.Node
		if err := v.Encode(authors[l]); err != nil {
			return nil, fmt.Errorf("marshal authors: %w", err)
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: l}, &v)
	}
	var b bytes.Buffer
	b.WriteString("# Written by wpexit convert: the site's authors by login (no e-mail address).\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("marshal authors: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("marshal authors: %w", err)
	}
	return b.Bytes(), nil
}
