package media

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
)

// State remembers, between runs, what was saved: it makes a re-run resume
// instead of fetching everything again. It is safe for concurrent use.
type State struct {
	mu    sync.Mutex
	files map[string]FileState // by output file name
}

// FileState is what is known of one saved file.
type FileState struct {
	URL          string `json:"url,omitempty"`
	Size         int64  `json:"size"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Saved is the path the file was saved at on the new site: its own, or
	// that of the size variant saved when it was not to be had.
	Saved string `json:"saved,omitempty"`
	// Absent: an original that its host said does not exist (404, 410).
	Absent bool `json:"absent,omitempty"`
}

// stateFile is the JSON form of a State.
type stateFile struct {
	Version int                  `json:"version"`
	Files   map[string]FileState `json:"files"`
}

// NewState returns an empty state.
func NewState() *State { return &State{files: map[string]FileState{}} }

// ReadState reads a state written by WriteTo.
func ReadState(r io.Reader) (*State, error) {
	var f stateFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("read media state: %w", err)
	}
	s := NewState()
	maps.Copy(s.files, f.Files)
	return s, nil
}

// WriteTo writes the state as JSON, files sorted by name.
func (s *State) WriteTo(w io.Writer) (int64, error) {
	s.mu.Lock()
	f := stateFile{Version: 1, Files: maps.Clone(s.files)}
	s.mu.Unlock()
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return 0, fmt.Errorf("write media state: %w", err)
	}
	n, err := w.Write(append(b, '\n'))
	if err != nil {
		return int64(n), fmt.Errorf("write media state: %w", err)
	}
	return int64(n), nil
}

// Names returns the file names the state knows, sorted.
func (s *State) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.files))
}

func (s *State) get(name string) (FileState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[name]
	return f, ok
}

func (s *State) put(name string, f FileState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[name] = f
}
