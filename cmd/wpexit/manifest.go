package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	b, _ := json.MarshalIndent(m, "", "  ") // a map of strings always marshals
	return append(b, '\n')
}

// digest is the hash the manifest keeps for data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
