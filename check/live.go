package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Live checks the old URLs against a running site at base (scheme, host
// and an optional path prefix, put before each old path that does not
// already start with it). Each URL is requested on base's host only,
// with HEAD (falling back to GET on 405 or 501) unless Options.Method says
// GET. Redirects are followed while they stay on base's scheme and host, up
// to Options.MaxRedirects; the final answer must be 2xx. A URL with a query
// must be redirected at least once: a static host answers the bare path.
// Network errors, 5xx and 429 are retried once, after Retry-After when
// given. Identical paths are requested once.
func Live(ctx context.Context, base *url.URL, urls []OldURL, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	if base == nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("check live: base %v: want an http or https URL with a host", base)
	}
	lc := newLiveChecker(base, opts)
	if err := lc.reachable(ctx); err != nil {
		return nil, fmt.Errorf("check live: %w", err)
	}
	var paths []string
	index := map[string]int{}
	for _, u := range urls {
		if _, ok := index[u.Path]; !ok {
			index[u.Path] = len(paths)
			paths = append(paths, u.Path)
		}
	}
	verdicts, err := lc.run(ctx, paths)
	if err != nil {
		return nil, fmt.Errorf("check live: %w", err)
	}
	reasons := make([]string, len(urls))
	for i, u := range urls {
		reasons[i] = verdicts[index[u.Path]]
	}
	return newResult("live", urls, reasons, opts), nil
}

// liveChecker holds what every request of one Live check shares.
type liveChecker struct {
	base   *url.URL
	opts   Options
	client *http.Client
	limit  *limiter
	mu     sync.Mutex
	done   int
}

func newLiveChecker(base *url.URL, opts Options) *liveChecker {
	c := &http.Client{}
	if opts.Client != nil {
		cp := *opts.Client
		c = &cp
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &liveChecker{base: base, opts: opts, client: c, limit: newLimiter(opts.RPS, opts.sleep)}
}

// run probes every path with at most Concurrency in flight; it fails only
// when ctx is done.
func (lc *liveChecker) run(ctx context.Context, paths []string) ([]string, error) {
	verdicts := make([]string, len(paths))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(lc.opts.Concurrency)
	for i, p := range paths {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			v, err := lc.probe(gctx, p)
			if err != nil {
				return err
			}
			verdicts[i] = v
			lc.progress(len(paths))
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return verdicts, ctx.Err()
}

// reachable asks for base once, so that a site that is down fails the
// check at once instead of once per URL. Any HTTP answer will do.
func (lc *liveChecker) reachable(ctx context.Context) error {
	a := lc.fetch(ctx, lc.base)
	if err := ctx.Err(); err != nil {
		return err
	}
	if a.err != nil {
		return fmt.Errorf("%s: %w", lc.base.Redacted(), a.err)
	}
	return nil
}

func (lc *liveChecker) progress(total int) {
	if lc.opts.Progress == nil {
		return
	}
	lc.mu.Lock()
	defer lc.mu.Unlock()
	lc.done++
	lc.opts.Progress(lc.done, total)
}

// probe follows one old URL to its final answer and returns "" when that
// is a 2xx on the base host, else why not. The error is ctx's.
func (lc *liveChecker) probe(ctx context.Context, oldPath string) (string, error) {
	cur := lc.resolve(oldPath)
	hasQuery := cur.RawQuery != ""
	for hops := 0; ; hops++ {
		a := lc.fetch(ctx, cur)
		if err := ctx.Err(); err != nil {
			return "", err
		}
		at := ""
		if hops > 0 {
			at = " at " + cur.RequestURI()
		}
		switch {
		case a.err != nil:
			return a.err.Error() + at, nil
		case a.status >= 200 && a.status < 300:
			if hasQuery && hops == 0 {
				return fmt.Sprintf("answered %d without a redirect: the query is ignored and the page at %s is served", a.status, cur.EscapedPath()), nil
			}
			return "", nil
		case a.status >= 300 && a.status < 400 && a.location != "":
			next, err := cur.Parse(a.location)
			if err != nil {
				return fmt.Sprintf("HTTP %d with a bad Location %q%s", a.status, a.location, at), nil
			}
			if !sameOrigin(next, lc.base) {
				return "redirects off-host to " + next.String(), nil
			}
			if hops+1 > lc.opts.MaxRedirects {
				return fmt.Sprintf("more than %d redirects", lc.opts.MaxRedirects), nil
			}
			cur = next
		default:
			return fmt.Sprintf("HTTP %d%s", a.status, at), nil
		}
	}
}

// resolve puts the old path and query on the base URL. The path keeps its
// percent-encoding when valid; the host is always base's.
func (lc *liveChecker) resolve(oldPath string) *url.URL {
	u := *lc.base
	raw := "/" + strings.TrimLeft(oldPath, "/")
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	p, q, _ := strings.Cut(raw, "?")
	escaped := (&url.URL{Path: decodePath(p)}).EscapedPath()
	if ref, err := url.Parse(p); err == nil && ref.Host == "" && ref.Scheme == "" {
		escaped = ref.EscapedPath()
	}
	prefix := strings.TrimSuffix(lc.base.EscapedPath(), "/")
	if prefix != "" && (escaped == prefix || strings.HasPrefix(escaped, prefix+"/")) {
		prefix = "" // the old path already holds the install directory
	}
	full, err := url.Parse(prefix + escaped)
	if err != nil {
		full = &url.URL{Path: prefix + decodePath(p)}
	}
	u.Path, u.RawPath = full.Path, full.RawPath
	u.RawQuery = strings.NewReplacer("&amp;", "&", "&#038;", "&").Replace(q)
	u.Fragment = ""
	return &u
}

// sameOrigin compares scheme, host and port (default ports filled in).
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(hostPort(a), hostPort(b))
}

func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if strings.EqualFold(u.Scheme, "https") {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

// answer is the outcome of one request, after retries.
type answer struct {
	status   int
	location string
	err      error // network failure or timeout, after the retry
}

// fetch requests u: HEAD falls back to GET on 405/501; a network error,
// 5xx or 429 is retried once, after Retry-After (capped) when given.
func (lc *liveChecker) fetch(ctx context.Context, u *url.URL) answer {
	method := lc.opts.Method
	retried := false
	for {
		if err := lc.limit.wait(ctx); err != nil {
			return answer{err: err}
		}
		a, retryAfter := lc.once(ctx, method, u)
		if method == http.MethodHead && (a.status == http.StatusMethodNotAllowed || a.status == http.StatusNotImplemented) {
			method = http.MethodGet
			continue
		}
		again := a.err != nil || a.status >= 500 || a.status == http.StatusTooManyRequests
		if !again || retried || ctx.Err() != nil {
			return a
		}
		retried = true
		wait := time.Second
		if retryAfter >= 0 {
			wait = min(retryAfter, lc.opts.MaxRetryAfter)
		}
		if err := lc.opts.sleep(ctx, wait); err != nil {
			return answer{err: err}
		}
	}
}

// once sends one request with the per-request timeout. retryAfter is -1
// when the answer has no usable Retry-After.
func (lc *liveChecker) once(ctx context.Context, method string, u *url.URL) (answer, time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, lc.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return answer{err: fmt.Errorf("build request: %w", err)}, -1
	}
	req.Header.Set("User-Agent", lc.opts.UserAgent)
	resp, err := lc.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("timed out after %s", lc.opts.Timeout)
		} else {
			err = fmt.Errorf("request failed: %w", errors.Unwrap(err))
		}
		return answer{err: err}, -1
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	_ = resp.Body.Close()
	a := answer{status: resp.StatusCode, location: resp.Header.Get("Location")}
	return a, retryAfter(resp.Header.Get("Retry-After"), time.Now())
}
