package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// manifestPath is where, under --out, wpexit remembers what it wrote.
const manifestPath = ".wpexit/manifest.json"

// fileSum is the SHA-256 of a file's bytes, as the manifest keeps it.
type fileSum [sha256.Size]byte

// manifest records the SHA-256 of every file wpexit wrote under --out, by
// slash-separated path. A file whose bytes no longer hash to its entry was
// changed by someone else since, and a re-run leaves it alone.
//
// In memory a digest is kept as its 32 bytes, not as the 64 hex digits of
// the file: a big site has one entry per page. An entry whose value is not
// a digest (a hand-edited manifest) is kept as read, in other, and written
// back unchanged; it matches no file.
//
// The pages a run writes whose paths had no entry go to pages, by entry
// seq, and pagePath names them when the manifest is written. Lookups (sum,
// has, written) see the entries read at the start of the run and the other
// files written since; a run never looks up a page it wrote itself, as no
// two of its pages share a path.
type manifest struct {
	Version  int
	sums     map[string]fileSum
	other    map[string]string
	pages    pageSums
	pagePath func(seq int) string // the path of entry seq's page
}

// manifestJSON is the manifest as stored.
type manifestJSON struct {
	Version int               `json:"version"`
	Files   map[string]string `json:"files"`
}

// newManifest returns the manifest holding files (path → hex digest).
func newManifest(version int, files map[string]string) *manifest {
	m := &manifest{Version: version, sums: make(map[string]fileSum, len(files))}
	for k, v := range files {
		if s, ok := parseSum(v); ok {
			m.sums[k] = s
			continue
		}
		if m.other == nil {
			m.other = map[string]string{}
		}
		m.other[k] = v
	}
	return m
}

// parseSum reads a digest as digest writes it: 64 lower-case hex digits.
func parseSum(v string) (fileSum, bool) {
	var s fileSum
	if len(v) != 2*len(s) {
		return s, false
	}
	for i := range len(v) {
		if c := v[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return s, false
		}
	}
	_, err := hex.Decode(s[:], []byte(v))
	return s, err == nil
}

// loadManifest reads the manifest under root; a missing one is empty.
func loadManifest(root *os.Root) (*manifest, error) {
	if root == nil {
		return newManifest(1, nil), nil
	}
	b, err := root.ReadFile(manifestPath)
	if errors.Is(err, fs.ErrNotExist) {
		return newManifest(1, nil), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	j := manifestJSON{Version: 1}
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", manifestPath, err)
	}
	return newManifest(j.Version, j.Files), nil
}

// sum returns the digest recorded for rel; ok is false when rel has no
// entry or one that is not a digest.
func (m *manifest) sum(rel string) (fileSum, bool) {
	s, ok := m.sums[rel]
	return s, ok
}

// has reports whether rel has an entry, digest or not.
func (m *manifest) has(rel string) bool {
	if _, ok := m.sums[rel]; ok {
		return true
	}
	_, ok := m.other[rel]
	return ok
}

// written reports whether rel has a non-empty entry: a file wpexit wrote.
func (m *manifest) written(rel string) bool {
	if _, ok := m.sums[rel]; ok {
		return true
	}
	return m.other[rel] != ""
}

// set records s for rel and reports whether the entry changed.
func (m *manifest) set(rel string, s fileSum) bool {
	if old, ok := m.sums[rel]; ok && old == s {
		return false
	}
	delete(m.other, rel)
	m.sums[rel] = s
	return true
}

// setPage records s for rel, the page of entry seq, and reports whether
// the entry changed.
func (m *manifest) setPage(seq int, rel string, s fileSum) bool {
	if seq < 0 || m.pagePath == nil || m.has(rel) || m.pagePath(seq) != rel {
		return m.set(rel, s)
	}
	m.pages.put(seq, s)
	return true
}

// remove drops rel's entry.
func (m *manifest) remove(rel string) {
	delete(m.sums, rel)
	delete(m.other, rel)
}

// bytes returns the manifest as written: keys sorted, so identical runs give
// identical files.
func (m *manifest) bytes() []byte {
	var b bytes.Buffer
	_ = m.writeTo(&b) // a bytes.Buffer never fails
	return b.Bytes()
}

// writeTo writes the manifest as json.MarshalIndent(m, "", "  ") would
// write its stored form, and a newline, one entry at a time: a big site's
// manifest is never held whole in memory, twice, as MarshalIndent holds it.
func (m *manifest) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"files\": ", m.Version)
	keys := m.sortedKeys()
	if len(keys) == 0 {
		bw.WriteString("{}")
	} else {
		var hexSum [2 * sha256.Size]byte
		bw.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(jsonString(k.path))
			bw.WriteString(": ")
			s, ok := m.sums[k.path]
			if k.seq >= 0 {
				s, ok = m.pages.get(k.seq)
			}
			if ok {
				hex.Encode(hexSum[:], s[:])
				bw.WriteByte('"')
				bw.Write(hexSum[:]) // hex digits need no escaping
				bw.WriteByte('"')
			} else {
				bw.Write(jsonString(m.other[k.path]))
			}
		}
		bw.WriteString("\n  }")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// manifestKey is one entry's path; seq is its entry's for a page in
// pages, else -1.
type manifestKey struct {
	path string
	seq  int
}

// sortedKeys returns every entry's path, sorted.
func (m *manifest) sortedKeys() []manifestKey {
	keys := make([]manifestKey, 0, len(m.sums)+len(m.other)+m.pages.n)
	for k := range m.sums {
		keys = append(keys, manifestKey{k, -1})
	}
	for k := range m.other {
		keys = append(keys, manifestKey{k, -1})
	}
	m.pages.each(func(seq int) { keys = append(keys, manifestKey{m.pagePath(seq), seq}) })
	slices.SortFunc(keys, func(a, b manifestKey) int { return strings.Compare(a.path, b.path) })
	return keys
}

// jsonString is s as encoding/json writes it.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return b
}

// digest is the hash the manifest keeps for data.
func digest(data []byte) fileSum {
	return sha256.Sum256(data)
}
