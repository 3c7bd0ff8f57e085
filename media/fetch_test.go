package media

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

// memOutput is an Output in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemOutput() *memOutput { return &memOutput{files: map[string][]byte{}} }

func (m *memOutput) Create(name string) (File, error) { return &memFile{m: m, name: name}, nil }

func (m *memOutput) Size(name string) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	if !ok {
		return 0, fs.ErrNotExist
	}
	return int64(len(b)), nil
}

func (m *memOutput) names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.files))
}

type memFile struct {
	m    *memOutput
	name string
	buf  bytes.Buffer
}

func (f *memFile) Write(p []byte) (int, error) { return f.buf.Write(p) }
func (f *memFile) Commit() error {
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	f.m.files[f.name] = f.buf.Bytes()
	return nil
}
func (f *memFile) Abort() {}

// jpeg is the start of a JPEG file: enough for content sniffing.
var jpeg = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00 image bytes")

// site is a test server: path → handler, counting requests per path.
type site struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newSite(t *testing.T, routes map[string]http.HandlerFunc) *site {
	t.Helper()
	s := &site{hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) host() string { u, _ := url.Parse(s.srv.URL); return u.Host }

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func file(ctype string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("ETag", `"e1"`)
		w.Write(body)
	}
}

// failing answers code the first n times, then the file.
func failing(n int, code int, retryAfter string) http.HandlerFunc {
	var calls atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= int32(n) {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			http.Error(w, "busy", code)
			return
		}
		file("image/jpeg", jpeg)(w, r)
	}
}

func testOptions(s *site) Options {
	return Options{Client: s.srv.Client(), Hosts: []string{s.host()}, Prefix: "static",
		Timeout: 300 * time.Millisecond, Backoff: 5 * time.Millisecond, MaxWait: 1500 * time.Millisecond,
		Retries: 2, MaxBytes: 1 << 10, Concurrency: 4, PerHost: 2}
}

func TestFetch(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 2<<10)
	routes := map[string]http.HandlerFunc{
		"/wp-content/uploads/2012/02/a.jpg":          file("image/jpeg", jpeg),
		"/wp-content/uploads/2012/02/a-300x200.jpg":  file("image/jpeg", jpeg[:8]),
		"/wp-content/uploads/2012/02/b-300x200.jpg":  file("image/jpeg", jpeg[:9]),
		"/wp-content/uploads/2012/02/c-1024x768.jpg": file("image/jpeg", jpeg),
		"/wp-content/uploads/2012/02/d-300x200.jpg":  file("image/jpeg", jpeg),
		"/wp-content/uploads/2012/02/flaky.jpg":      failing(1, 500, ""),
		"/wp-content/uploads/2012/02/busy.jpg":       failing(1, 429, "1"),
		"/wp-content/uploads/2012/02/down.jpg":       failing(5, 503, ""),
		"/wp-content/uploads/2012/02/slow.jpg": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		},
		"/old/moved.jpg": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/wp-content/uploads/2012/02/a.jpg", http.StatusMovedPermanently)
		},
		"/wp-content/uploads/2012/02/away.jpg": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://elsewhere.invalid/x.jpg", http.StatusFound)
		},
		"/wp-content/uploads/2012/02/big.jpg": file("image/jpeg", append(slices.Clone(jpeg), big...)),
		"/wp-content/uploads/2012/02/big-nolen.jpg": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/jpeg")
			w.(http.Flusher).Flush() // no Content-Length: the cap is met while reading
			w.Write(jpeg)
			w.Write(big)
		},
		"/wp-content/uploads/2012/02/login.jpg":   file("text/html; charset=utf-8", []byte("<!DOCTYPE html><html><body>Please log in</body></html>")),
		"/wp-content/uploads/2012/02/sniffed.png": file("application/octet-stream", []byte("<html><body>error</body></html>")),
		"/wp-content/uploads/2012/02/doc.pdf":     file("application/pdf", []byte("%PDF-1.4 doc")),
		"/wp-content/uploads/2012/02/talk.mp3":    file("audio/mpeg", []byte("ID3 audio")),
	}
	s := newSite(t, routes)
	base := s.srv.URL + "/wp-content/uploads/2012/02/"
	dest := "/wp-content/uploads/2012/02/"
	tests := []struct {
		name    string
		ref     Ref
		outcome Outcome
		saved   string // path linked to, for saved files
		err     string // part of the error
	}{
		{"original preferred over thumbnail", Ref{URL: base + "a-300x200.jpg", Dest: dest + "a-300x200.jpg"}, Original, dest + "a.jpg", ""},
		{"srcset entry of the same original", Ref{URL: base + "a.jpg?w=640", Dest: dest + "a.jpg"}, Saved, dest + "a.jpg", ""},
		{"thumbnail kept when no original", Ref{URL: base + "b-300x200.jpg", Dest: dest + "b-300x200.jpg"}, Saved, dest + "b-300x200.jpg", ""},
		{"attachment file gone, its variant saved", Ref{URL: base + "d.jpg", Dest: dest + "d.jpg"}, Saved, dest + "d-300x200.jpg", ""},
		{"variant the index leads to the attachment", Ref{URL: base + "d-300x200.jpg", Dest: dest + "d.jpg"}, Saved, dest + "d-300x200.jpg", ""},
		{"404", Ref{URL: base + "gone.jpg", Dest: dest + "gone.jpg"}, Failed, "", "404"},
		{"500 then success", Ref{URL: base + "flaky.jpg", Dest: dest + "flaky.jpg"}, Saved, dest + "flaky.jpg", ""},
		{"429 with Retry-After", Ref{URL: base + "busy.jpg", Dest: dest + "busy.jpg"}, Saved, dest + "busy.jpg", ""},
		{"503 every time", Ref{URL: base + "down.jpg", Dest: dest + "down.jpg"}, Failed, "", "503"},
		{"slow server", Ref{URL: base + "slow.jpg", Dest: dest + "slow.jpg"}, Failed, "", "deadline exceeded"},
		{"redirect on the host", Ref{URL: s.srv.URL + "/old/moved.jpg", Dest: "/old/moved.jpg"}, Saved, "/old/moved.jpg", ""},
		{"redirect off the host", Ref{URL: base + "away.jpg", Dest: dest + "away.jpg"}, Failed, "", "not an allowed host"},
		{"larger than the cap", Ref{URL: base + "big.jpg", Dest: dest + "big.jpg"}, Failed, "", "limit"},
		{"larger than the cap, no length", Ref{URL: base + "big-nolen.jpg", Dest: dest + "big-nolen.jpg"}, Failed, "", "limit"},
		{"HTML page for an image", Ref{URL: base + "login.jpg", Dest: dest + "login.jpg"}, Failed, "", "HTML page"},
		{"HTML body sniffed", Ref{URL: base + "sniffed.png", Dest: dest + "sniffed.png"}, Failed, "", "HTML page"},
		{"pdf", Ref{URL: base + "doc.pdf", Dest: dest + "doc.pdf"}, Saved, dest + "doc.pdf", ""},
		{"audio", Ref{URL: base + "talk.mp3", Dest: dest + "talk.mp3"}, Saved, dest + "talk.mp3", ""},
		{"host not allowed", Ref{URL: "http://other.invalid/x.jpg", Dest: "/x.jpg"}, Failed, "", "not allowed"},
	}
	var refs []Ref
	for _, tt := range tests {
		refs = append(refs, tt.ref)
	}
	out := newMemOutput()
	start := time.Now()
	results, err := Fetch(context.Background(), refs, out, testOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("run took %v: Retry-After 1 was not waited for", d)
	}
	byDest := map[string]Result{}
	for _, r := range results {
		byDest[r.Dest] = r
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := byDest[tt.ref.Dest]
			if !ok {
				t.Fatalf("no result for %s", tt.ref.Dest)
			}
			if r.Outcome != tt.outcome || r.Saved != tt.saved {
				t.Errorf("got %s saved %q (err %v), want %s saved %q", r.Outcome, r.Saved, r.Err, tt.outcome, tt.saved)
			}
			if tt.err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), tt.err)) {
				t.Errorf("error %v, want one with %q", r.Err, tt.err)
			}
			if r.Saved != "" {
				if _, err := out.Size("static" + r.Saved); err != nil {
					t.Errorf("%s not written", r.Saved)
				}
			}
			if r.Outcome == Failed {
				if _, err := out.Size("static" + tt.ref.Dest); err == nil {
					t.Errorf("failed file %s written", tt.ref.Dest)
				}
			}
		})
	}
	if n := s.hits["/wp-content/uploads/2012/02/a-300x200.jpg"]; n != 0 {
		t.Errorf("thumbnail fetched %d times although its original was saved", n)
	}
	if n := s.hits["/wp-content/uploads/2012/02/big.jpg"]; n != 1 {
		t.Errorf("over-cap file requested %d times, want 1 (no retry)", n)
	}
	if n := s.hits["/wp-content/uploads/2012/02/down.jpg"]; n != 3 {
		t.Errorf("503 file requested %d times, want 3 (2 retries)", n)
	}
	want := map[string]string{dest + "a-300x200.jpg": dest + "a.jpg", dest + "d.jpg": dest + "d-300x200.jpg"}
	if got := Rewrites(results); !maps.Equal(got, want) {
		t.Errorf("Rewrites = %v, want %v", got, want)
	}
}

// TestResume runs twice on one output and state: the second run makes no
// request at all.
func TestResume(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/wp-content/uploads/x.jpg":         file("image/jpeg", jpeg),
		"/wp-content/uploads/t-150x150.png": file("image/png", []byte("\x89PNG\r\n\x1a\nthumb")),
		"/wp-content/uploads/d.pdf":         file("application/pdf", []byte("%PDF-1.4")),
		"/wp-content/uploads/v-640x480.jpg": file("image/jpeg", jpeg),
	})
	refs := []Ref{
		{URL: s.srv.URL + "/wp-content/uploads/x.jpg", Dest: "/wp-content/uploads/x.jpg"},
		{URL: s.srv.URL + "/wp-content/uploads/x-300x200.jpg", Dest: "/wp-content/uploads/x-300x200.jpg"},
		{URL: s.srv.URL + "/wp-content/uploads/t-150x150.png", Dest: "/wp-content/uploads/t-150x150.png"},
		{URL: s.srv.URL + "/wp-content/uploads/d.pdf", Dest: "/wp-content/uploads/d.pdf"},
		{URL: s.srv.URL + "/wp-content/uploads/v.jpg", Dest: "/wp-content/uploads/v.jpg"},
		{URL: s.srv.URL + "/wp-content/uploads/v-640x480.jpg", Dest: "/wp-content/uploads/v.jpg"},
	}
	out := newMemOutput()
	opts := testOptions(s)
	opts.State = NewState()
	first, err := Fetch(context.Background(), refs, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	n1 := s.total()
	if n1 != 6 { // x, t-150x150 and its missing original t.png, d, v (missing) and v-640x480
		t.Errorf("first run: %d requests, want 6 (%v)", n1, s.hits)
	}
	var buf bytes.Buffer
	if _, err := opts.State.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if opts.State, err = ReadState(&buf); err != nil {
		t.Fatal(err)
	}
	second, err := Fetch(context.Background(), refs, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.total() - n1; n != 0 {
		t.Errorf("resumed run made %d requests, want 0", n)
	}
	for i := range second {
		if first[i].Saved != second[i].Saved {
			t.Errorf("%s: saved %q then %q", first[i].Dest, first[i].Saved, second[i].Saved)
		}
		if second[i].Outcome != Present && second[i].Outcome != Original {
			t.Errorf("%s: second run %s", second[i].Dest, second[i].Outcome)
		}
	}
	// A file that changed size on disk is fetched again.
	out.files["static/wp-content/uploads/d.pdf"] = []byte("%PDF")
	if _, err := Fetch(context.Background(), refs, out, opts); err != nil {
		t.Fatal(err)
	}
	if n := s.hits["/wp-content/uploads/d.pdf"]; n != 2 {
		t.Errorf("changed file fetched %d times in all, want 2", n)
	}
}

func TestUploads(t *testing.T) {
	uploads := fstest.MapFS{
		"2012/02/a.jpg":         {Data: jpeg},
		"2012/02/a-300x200.jpg": {Data: jpeg[:8]},
		"2012/02/café.jpg":      {Data: jpeg},
		"2012/02/b-150x150.gif": {Data: []byte("GIF89a....")},
		"2012/02/notes.pdf":     {Data: []byte("<html>not a pdf</html>")},
	}
	tests := []struct {
		url, dest string
		outcome   Outcome
		saved     string
	}{
		{"https://blog.example/wp-content/uploads/2012/02/a-300x200.jpg", "/wp-content/uploads/2012/02/a-300x200.jpg", Original, "/wp-content/uploads/2012/02/a.jpg"},
		{"https://blog.example/wp-content/uploads/2012/02/caf%C3%A9.jpg", "/wp-content/uploads/2012/02/caf%C3%A9.jpg", Saved, "/wp-content/uploads/2012/02/caf%C3%A9.jpg"},
		{"https://blog.example/wp-content/uploads/2012/02/b-150x150.gif", "/wp-content/uploads/2012/02/b-150x150.gif", Saved, "/wp-content/uploads/2012/02/b-150x150.gif"},
		{"https://blog.example/wp-content/uploads/2012/02/missing.png", "/wp-content/uploads/2012/02/missing.png", Failed, ""},
		{"https://blog.example/wp-content/uploads/2012/02/notes.pdf", "/wp-content/uploads/2012/02/notes.pdf", Failed, ""},
		{"https://blog.files.wordpress.com/2012/02/a.jpg?w=640", "/wp-content/uploads/2012/02/a.jpg", Saved, "/wp-content/uploads/2012/02/a.jpg"},
		{"https://blog.example/2012/02/elsewhere.jpg", "/2012/02/elsewhere.jpg", Failed, ""},
	}
	var refs []Ref
	for _, tt := range tests {
		refs = append(refs, Ref{URL: tt.url, Dest: tt.dest, Users: []string{"posts/p.md"}})
	}
	out := newMemOutput()
	results, err := Fetch(context.Background(), refs, out, Options{Uploads: uploads, Prefix: "static"})
	if err != nil {
		t.Fatal(err)
	}
	byDest := map[string]Result{}
	for _, r := range results {
		byDest[r.Dest] = r
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			r := byDest[tt.dest]
			if r.Outcome != tt.outcome || r.Saved != tt.saved {
				t.Errorf("got %s %q (%v), want %s %q", r.Outcome, r.Saved, r.Err, tt.outcome, tt.saved)
			}
			if r.Outcome == Failed && (r.Err == nil || len(r.Users) != 1) {
				t.Errorf("failure without a reason or its users: %+v", r)
			}
		})
	}
	want := []string{"static/wp-content/uploads/2012/02/a.jpg", "static/wp-content/uploads/2012/02/b-150x150.gif", "static/wp-content/uploads/2012/02/café.jpg"}
	if got := out.names(); !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	out := newMemOutput()
	out.files["static/wp-content/uploads/a.jpg"] = jpeg
	got := Check([]Ref{
		{URL: "https://h/wp-content/uploads/a.jpg", Dest: "/wp-content/uploads/a.jpg"},
		{URL: "https://h/wp-content/uploads/b.jpg", Dest: "/wp-content/uploads/b.jpg"},
	}, out, "static")
	if len(got) != 2 || got[0].Outcome != Present || got[1].Outcome != Missing {
		t.Errorf("Check = %+v", got)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"3", 3 * time.Second},
		{"-1", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSourceURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://h/wp-content/uploads/a.jpg?w=640#x", "https://h/wp-content/uploads/a.jpg"},
		{"//h/a.jpg", "https://h/a.jpg"},
		{"https://i0.wp.com/blog.example/wp-content/uploads/a.jpg?resize=300", "https://blog.example/wp-content/uploads/a.jpg"},
		{"mailto:x@y", ""},
		{"/relative.jpg", ""},
	}
	for _, tt := range tests {
		if got := sourceURL(tt.in); got != tt.want {
			t.Errorf("sourceURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Fetch(ctx, []Ref{{URL: "https://h/a.jpg", Dest: "/a.jpg"}}, newMemOutput(), Options{Client: http.DefaultClient, Hosts: []string{"h"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
