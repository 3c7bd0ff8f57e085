package convert

import (
	"bytes"
	"fmt"
	"slices"

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
// Authors without a login are left out.
func Authors(ch *wxr.Channel, creators []string) map[string]AuthorInfo {
	out := map[string]AuthorInfo{}
	if ch != nil {
		for _, a := range ch.Authors {
			login := cleanLine(a.Login)
			if login == "" {
				continue
			}
			if _, dup := out[login]; dup {
				continue
			}
			name := cleanLine(a.DisplayName)
			if name == "" {
				name = login
			}
			out[login] = AuthorInfo{ID: a.ID, DisplayName: name,
				FirstName: cleanLine(a.FirstName), LastName: cleanLine(a.LastName)}
		}
	}
	for _, c := range creators {
		if login := cleanLine(c); login != "" {
			if _, ok := out[login]; !ok {
				out[login] = AuthorInfo{DisplayName: login}
			}
		}
	}
	return out
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
