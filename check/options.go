package check

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Options configure a check. The zero value is valid; the defaults named
// below are applied when a check starts.
type Options struct {
	// Require lists the classes that must be fully covered for Result.OK.
	// Nil means posts and pages.
	Require []Class
	// Concurrency bounds the requests in flight in Live mode. Zero means 8.
	Concurrency int
	// Timeout bounds each HTTP request in Live mode. Zero means 10s.
	Timeout time.Duration
	// RPS caps the request rate in Live mode (requests per second, retries
	// included). Zero means no cap beyond Concurrency.
	RPS float64
	// MaxRedirects bounds the redirects followed for one URL, in every mode.
	// Zero means 10.
	MaxRedirects int
	// MaxRetryAfter caps how long a Retry-After header makes Live mode wait.
	// Zero means 30s.
	MaxRetryAfter time.Duration
	// Method is the first request method in Live mode: "HEAD" (the default,
	// falling back to GET when the server answers 405 or 501) or "GET".
	Method string
	// Client sends Live requests. Nil means a client with no redirects
	// followed automatically; a given client's CheckRedirect is overridden on
	// a copy so that check sees every hop.
	Client *http.Client
	// Hosts are the hosts a redirect target may name and still count as the
	// same site in Site and Public mode (besides the baseURL host from
	// hugo.toml). Live mode uses only the base host.
	Hosts []string
	// BasePath is the path a built site is served under, for Public mode
	// ("/blog/"). Empty means the path of the home feed's <link> in
	// index.xml (Hugo writes the baseURL there), else "/".
	BasePath string
	// Formats limits the redirect files read in Site and Public mode:
	// "netlify", "nginx", "apache". Nil means all three.
	Formats []string
	// Progress, when set, is called after each URL is checked (in Live
	// mode: each distinct path requested), never concurrently; total is
	// the number of those.
	Progress func(done, total int)
	// UserAgent is sent with Live requests. Empty means "wpexit-check".
	UserAgent string

	// sleep waits in Live mode (tests replace it). Nil means a timer.
	sleep func(ctx context.Context, d time.Duration) error
}

func (o Options) withDefaults() Options {
	if o.Require == nil {
		o.Require = []Class{Posts, Pages}
	}
	o.Require = canonicalAll(o.Require)
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 30 * time.Second
	}
	o.Method = strings.ToUpper(o.Method)
	if o.Method == "" {
		o.Method = http.MethodHead
	}
	if o.UserAgent == "" {
		o.UserAgent = "wpexit-check"
	}
	if o.sleep == nil {
		o.sleep = sleepCtx
	}
	return o
}

func (o Options) format(name string) bool {
	if o.Formats == nil {
		return true
	}
	for _, f := range o.Formats {
		if f == name {
			return true
		}
	}
	return false
}

// sleepCtx waits d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
