package check

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a Transport that records every host and path requested.
type recorder struct {
	mu    sync.Mutex
	hosts map[string]int
	paths map[string]int // "METHOD /path?query"
	next  http.RoundTripper
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.hosts[req.URL.Host]++
	r.paths[req.Method+" "+req.URL.RequestURI()]++
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

// testServer answers like a half-migrated site.
func testServer(t *testing.T) *httptest.Server {
	var mu sync.Mutex
	seen := map[string]int{}
	once := func(p string) bool { // true the first time p is requested
		mu.Lock()
		defer mu.Unlock()
		seen[p]++
		return seen[p] == 1
	}
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }
	mux.HandleFunc("/ok/", ok)
	mux.HandleFunc("/中文/", ok)
	mux.HandleFunc("/in-host/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/in-host-abs/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+r.Host+"/ok/", http.StatusFound)
	})
	mux.HandleFunc("/off-host/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://elsewhere.example/x/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/other-port/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.1:1/x/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-https/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://"+r.Host+"/ok/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-404/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/missing/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/", http.StatusFound)
	})
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // answers only when the client gives up
	})
	mux.HandleFunc("/flaky/", func(w http.ResponseWriter, r *http.Request) {
		if once(r.URL.Path) {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		ok(w, r)
	})
	mux.HandleFunc("/always-500/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/busy/", func(w http.ResponseWriter, r *http.Request) {
		if once(r.URL.Path) {
			w.Header().Set("Retry-After", "2")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		ok(w, r)
	})
	mux.HandleFunc("/maintenance/", func(w http.ResponseWriter, r *http.Request) {
		if once(r.URL.Path) {
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			http.Error(w, "later", http.StatusServiceUnavailable)
			return
		}
		ok(w, r)
	})
	mux.HandleFunc("/no-head/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			http.Error(w, "no", http.StatusMethodNotAllowed)
			return
		}
		ok(w, r)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("p") == "12" {
			http.Redirect(w, r, "/ok/", http.StatusMovedPermanently)
			return
		}
		ok(w, r) // a static host: any other query gets the home page
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestLive(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		path string
		want string
	}{
		{"/ok/", ""},
		{"/ok", ""}, // ServeMux redirects to /ok/ on the same host
		{"/中文/", ""},
		{"/%E4%B8%AD%E6%96%87/", ""},
		{"/%e4%b8%ad%e6%96%87/", ""},
		{"/missing/", "HTTP 404"},
		{"/in-host/", ""},
		{"/in-host-abs/", ""},
		{"/off-host/", "redirects off-host to https://elsewhere.example/x/"},
		{"/to-404/", "HTTP 404 at /missing/"},
		{"/other-port/", "redirects off-host to http://127.0.0.1:1/x/"}, // same machine, another port
		{"/to-https/", "redirects off-host to https://127.0.0.1:"},      // another scheme
		{"/loop/", "more than 10 redirects"},
		{"/slow/", "timed out after 500ms"},
		{"/flaky/", ""},
		{"/always-500/", "HTTP 500"},
		{"/busy/", ""},
		{"/maintenance/", ""},
		{"/no-head/", ""},
		{"/?p=12", ""},
		{"/?p=13", "without a redirect"},
		{"/ok/", ""}, // a duplicate is requested once
	}
	rec := &recorder{hosts: map[string]int{}, paths: map[string]int{}, next: http.DefaultTransport}
	var slept []time.Duration
	var mu sync.Mutex
	var progress []int
	opts := Options{
		Client:        &http.Client{Transport: rec},
		Timeout:       500 * time.Millisecond, // generous: the machine may be busy
		MaxRetryAfter: 5 * time.Second,
		Concurrency:   4,
		Progress:      func(done, total int) { progress = append(progress, done, total) },
		sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			slept = append(slept, d)
			mu.Unlock()
			return ctx.Err()
		},
	}
	base, _ := url.Parse(srv.URL)
	res, err := Live(context.Background(), base, oldURLs(tests), opts)
	if err != nil {
		t.Fatal(err)
	}
	assertVerdicts(t, res, tests)

	for h := range rec.hosts {
		if h != base.Host {
			t.Errorf("requested host %q, want only %q", h, base.Host)
		}
	}
	for _, c := range []struct {
		req  string
		want int
	}{
		{"HEAD /ok/", 3},         // directly (the duplicate adds nothing), then after each redirect to it
		{"HEAD /missing/", 2},    // once directly, once via /to-404/: a 404 is not retried
		{"HEAD /always-500/", 2}, // one retry, no more
		{"HEAD /flaky/", 2},
		{"HEAD /slow/", 2}, // a timeout is retried once
		{"HEAD /no-head/", 1},
		{"GET /no-head/", 1},
	} {
		got := rec.paths[c.req]
		if c.req == "HEAD /ok/" {
			if got < c.want {
				t.Errorf("%s requested %d times, want at least %d", c.req, got, c.want)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s requested %d times, want %d", c.req, got, c.want)
		}
	}
	if !slices.Contains(slept, 2*time.Second) {
		t.Errorf("slept %v, want the 429's Retry-After of 2s", slept)
	}
	if !slices.Contains(slept, 5*time.Second) {
		t.Errorf("slept %v, want the 503's hour-long Retry-After capped at 5s", slept)
	}
	unique := len(tests) - 1
	if n := len(progress); n != 2*unique || progress[n-2] != unique || progress[n-1] != unique {
		t.Errorf("progress calls %v, want %d ending at %d/%d", progress, unique, unique, unique)
	}
}

func TestLiveBase(t *testing.T) {
	for _, s := range []string{"", "ftp://x/", "/relative"} {
		u, _ := url.Parse(s)
		if _, err := Live(context.Background(), u, nil, Options{}); err == nil {
			t.Errorf("base %q: no error", s)
		}
	}
}

func TestLiveUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base, _ := url.Parse(srv.URL)
	srv.Close()
	opts := Options{sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
	_, err := Live(context.Background(), base, []OldURL{{Path: "/a/"}}, opts)
	if err == nil || !strings.Contains(err.Error(), "request failed") {
		t.Errorf("down site: error %v, want one saying the request failed", err)
	}
}

func TestLiveCancel(t *testing.T) {
	srv := testServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	base, _ := url.Parse(srv.URL)
	if _, err := Live(ctx, base, []OldURL{{Path: "/ok/"}}, Options{}); err == nil {
		t.Error("cancelled check returned no error")
	}
}

// With --rps the limiter spaces every request; the test's sleep returns at
// once, so the waits it is asked for show the spacing.
func TestLiveRate(t *testing.T) {
	srv := testServer(t)
	base, _ := url.Parse(srv.URL)
	var mu sync.Mutex
	var waits []time.Duration
	opts := Options{RPS: 0.5, Concurrency: 1, sleep: func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}}
	urls := []OldURL{{Path: "/ok/"}, {Path: "/missing/"}, {Path: "/no-head/"}} // 5 requests: HEAD / (is the site up?), then HEAD, HEAD, HEAD, GET
	if _, err := Live(context.Background(), base, urls, opts); err != nil {
		t.Fatal(err)
	}
	if len(waits) != 5 {
		t.Fatalf("waits %v, want one per request (5)", waits)
	}
	for i, d := range waits {
		want := time.Duration(i) * 2 * time.Second
		if d > want || d < want-time.Second {
			t.Errorf("wait %d = %v, want about %v", i, d, want)
		}
	}
}
