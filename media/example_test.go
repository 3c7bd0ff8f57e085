package media_test

import (
	"context"
	"fmt"
	"io/fs"
	"testing/fstest"

	"github.com/wpexit/wpexit/media"
)

// discard is an Output that keeps only sizes.
type discard map[string]int64

func (d discard) Create(name string) (media.File, error) { return &sized{d: d, name: name}, nil }
func (d discard) Size(name string) (int64, error) {
	if n, ok := d[name]; ok {
		return n, nil
	}
	return 0, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
}

type sized struct {
	d    discard
	name string
	n    int64
}

func (s *sized) Write(p []byte) (int, error) { s.n += int64(len(p)); return len(p), nil }
func (s *sized) Commit() error               { s.d[s.name] = s.n; return nil }
func (s *sized) Abort()                      {}

// Files are taken from a copy of wp-content/uploads; a thumbnail's
// original is preferred, and the links to the thumbnail are rewritten.
func ExampleFetch() {
	uploads := fstest.MapFS{
		"2012/02/cat.jpg":         {Data: []byte("\xff\xd8\xff\xe0 a cat")},
		"2012/02/cat-300x200.jpg": {Data: []byte("\xff\xd8\xff\xe0 small")},
	}
	refs := []media.Ref{{
		URL:   "https://blog.example/wp-content/uploads/2012/02/cat-300x200.jpg",
		Dest:  "/wp-content/uploads/2012/02/cat-300x200.jpg",
		Users: []string{"posts/2012-02-14-cats.md"},
	}}
	out := discard{}
	results, err := media.Fetch(context.Background(), refs, out, media.Options{Uploads: uploads, Prefix: "static"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Println(r.Outcome, r.Dest, "→", r.Saved)
	}
	fmt.Println(media.Rewrites(results))
	fmt.Println(out)
	// Output:
	// original /wp-content/uploads/2012/02/cat-300x200.jpg → /wp-content/uploads/2012/02/cat.jpg
	// map[/wp-content/uploads/2012/02/cat-300x200.jpg:/wp-content/uploads/2012/02/cat.jpg]
	// map[static/wp-content/uploads/2012/02/cat.jpg:10]
}
