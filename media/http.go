package media

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// statusError is an HTTP answer that is not the file.
type statusError struct {
	code  int
	retry time.Duration // Retry-After, when given
}

func (e *statusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.code, http.StatusText(e.code))
}

// permanentError is a failure no retry can mend (too big, wrong type).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// isAbsent reports whether err is the host saying the file does not exist.
func isAbsent(err error) bool {
	var se *statusError
	return errors.As(err, &se) && (se.code == http.StatusNotFound || se.code == http.StatusGone)
}

// retryable reports whether another try may succeed, and how long to wait
// at least (Retry-After).
func retryable(err error) (bool, time.Duration) {
	var se *statusError
	var pe *permanentError
	switch {
	case errors.As(err, &pe):
		return false, 0
	case errors.As(err, &se):
		return se.code == http.StatusTooManyRequests || se.code >= 500, se.retry
	}
	return true, 0 // network errors and timeouts
}

// fromHTTP fetches src into name, retrying what may pass on a second try.
func (f *fetcher) fromHTTP(ctx context.Context, src, name string) (FileState, error) {
	u, err := url.Parse(src)
	if err != nil {
		return FileState{}, fmt.Errorf("%s: %w", src, err)
	}
	slots, ok := f.hosts[u.Host]
	if !ok {
		return FileState{}, fmt.Errorf("%s: host %s is not allowed (see --media-hosts)", src, u.Host)
	}
	wait := f.opts.Backoff
	for try := 0; ; try++ {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return FileState{}, context.Cause(ctx)
		}
		fs, err := f.get(ctx, src, name)
		<-slots
		if err == nil {
			return fs, nil
		}
		again, after := retryable(err)
		if !again || try >= f.opts.Retries {
			return FileState{}, fmt.Errorf("%s: %w", src, err)
		}
		d := max(wait, after)
		d = min(d, f.opts.MaxWait)
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return FileState{}, context.Cause(ctx)
		}
		wait *= 2
	}
}

// get makes one request and writes the file when the answer is it.
func (f *fetcher) get(ctx context.Context, src, name string) (FileState, error) {
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return FileState{}, &permanentError{err}
	}
	req.Header.Set("User-Agent", "wpexit (media of a site moving off WordPress)")
	resp, err := f.opts.Client.Do(req)
	if err != nil {
		return FileState{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return FileState{}, &statusError{code: resp.StatusCode, retry: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return FileState{}, &permanentError{fmt.Errorf("%d bytes is over the %d-byte limit", resp.ContentLength, f.opts.MaxBytes)}
	}
	n, err := f.write(name, resp.Header.Get("Content-Type"), resp.Body)
	if err != nil {
		return FileState{}, err
	}
	return FileState{URL: src, Size: n, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}

// write checks the body's type and size while copying it to name; the file
// appears only when all of it is there.
func (f *fetcher) write(name, ctype string, body io.Reader) (int64, error) {
	br := bufio.NewReaderSize(body, 512)
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	if err := checkType(name, ctype, head); err != nil {
		return 0, &permanentError{err}
	}
	out, err := f.out.Create(name)
	if err != nil {
		return 0, &permanentError{fmt.Errorf("create %s: %w", name, err)}
	}
	n, err := io.Copy(out, &counter{r: io.LimitReader(br, f.opts.MaxBytes+1), f: f.opts.OnBytes})
	switch {
	case err != nil:
		out.Abort()
		return 0, err
	case n > f.opts.MaxBytes:
		out.Abort()
		return 0, &permanentError{fmt.Errorf("over the %d-byte limit", f.opts.MaxBytes)}
	}
	if err := out.Commit(); err != nil {
		return 0, &permanentError{fmt.Errorf("write %s: %w", name, err)}
	}
	return n, nil
}

// counter reports the bytes read through it.
type counter struct {
	r io.Reader
	f func(int64)
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 && c.f != nil {
		c.f(int64(n))
	}
	return n, err
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. 0 when
// absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
