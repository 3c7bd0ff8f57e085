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
	"maps"
	"os"
	"slices"
)

// manifestPath is where, under --out, wpexit remembers what it wrote.
const manifestPath = ".wpexit/manifest.json"

// manifest records the SHA-256 of every file wpexit wrote under --out, by
// slash-separated path. A file whose bytes no longer hash to its entry was
// changed by someone else since, and a re-run leaves it alone.
type manifest struct {
	Version int               `json:"version"`
	Files   map[string]string `json:"files"`
}

// loadManifest reads the manifest under root; a missing one is empty.
func loadManifest(root *os.Root) (*manifest, error) {
	m := &manifest{Version: 1, Files: map[string]string{}}
	if root == nil {
		return m, nil
	}
	b, err := root.ReadFile(manifestPath)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", manifestPath, err)
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m, nil
}

// bytes returns the manifest as written: keys sorted, so identical runs give
// identical files.
func (m *manifest) bytes() []byte {
	var b bytes.Buffer
	_ = m.writeTo(&b) // a bytes.Buffer never fails
	return b.Bytes()
}

// writeTo writes the manifest as json.MarshalIndent(m, "", "  ") would,
// and a newline, one entry at a time: a big site's manifest is never held
// whole in memory, twice, as MarshalIndent holds it.
func (m *manifest) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"files\": ", m.Version)
	if m.Files == nil {
		bw.WriteString("null")
	} else if len(m.Files) == 0 {
		bw.WriteString("{}")
	} else {
		bw.WriteString("{")
		for i, k := range slices.Sorted(maps.Keys(m.Files)) {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(jsonString(k))
			bw.WriteString(": ")
			bw.Write(jsonString(m.Files[k]))
		}
		bw.WriteString("\n  }")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// jsonString is s as encoding/json writes it.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return b
}

// digest is the hash the manifest keeps for data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
