package media

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// Options configure Fetch. Client or Uploads must be set.
type Options struct {
	// Client makes the requests; its CheckRedirect is wrapped so that no
	// redirect leaves Hosts.
	Client *http.Client
	// Uploads, when set, is a copy of wp-content/uploads: files are taken
	// from it and nothing is requested.
	Uploads fs.FS
	// Hosts are the only hosts requested (lower case, with port when not
	// the default). Refs on other hosts fail without a request.
	Hosts []string
	// Prefix is put before every file name in Output ("static").
	Prefix string
	// Concurrency bounds the files fetched at once (default 8); PerHost
	// bounds the requests in flight to one host (default 4).
	Concurrency, PerHost int
	// Timeout bounds one request, body included (default 60s).
	Timeout time.Duration
	// MaxBytes is the largest file accepted (default 512 MiB).
	MaxBytes int64
	// Retries is how many times a request is retried after a network
	// error, a 429 or a 5xx (default 3; negative for none).
	Retries int
	// Backoff is the first wait before a retry, doubled each time
	// (default 500ms); MaxWait caps every wait, Retry-After included
	// (default 60s).
	Backoff, MaxWait time.Duration
	// State, when set, is consulted to skip complete files and updated.
	State *State
	// OnBytes is called with the bytes written as they are; OnDone once
	// per file the posts use. Both may be called concurrently.
	OnBytes func(n int64)
	OnDone  func(Result)
}

func (o *Options) defaults() {
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.PerHost <= 0 {
		o.PerHost = 4
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 512 << 20
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = 500 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 60 * time.Second
	}
	if o.State == nil {
		o.State = NewState()
	}
}

// Fetch brings every file the refs name into out and says what became of
// each, in the order the refs first name them. One file's failure never
// stops the others; the error is only ctx's when the run was cancelled.
func Fetch(ctx context.Context, refs []Ref, out Output, opts Options) ([]Result, error) {
	opts.defaults()
	if opts.Client == nil && opts.Uploads == nil {
		return nil, errors.New("fetch media: no client and no uploads folder")
	}
	f := newFetcher(out, opts)
	jobs, bad := plan(refs)
	done := map[string]*Result{}
	// First the files the refs name and the originals of thumbnails...
	var first, thumbs []*job
	for _, j := range jobs {
		done[j.name] = &Result{Dest: j.dest, Users: j.users, URL: firstOf(j.sources)}
		if j.original != "" {
			thumbs = append(thumbs, j)
		} else {
			first = append(first, j)
		}
	}
	if err := f.run(ctx, first, done); err != nil {
		return nil, err
	}
	// ...then the thumbnails whose original could not be had.
	var rest []*job
	for _, j := range thumbs {
		if o := done[outName(j.original)]; o.Saved != "" {
			r := done[j.name]
			r.Outcome, r.Saved, r.URL = Original, o.Saved, o.URL
			f.report(*r)
			continue
		}
		rest = append(rest, j)
	}
	if err := f.run(ctx, rest, done); err != nil {
		return nil, err
	}
	var results []Result
	for _, r := range bad {
		res := Result{Dest: r.Dest, URL: r.URL, Users: r.Users, Outcome: Failed, Err: errors.New("not a URL or a path that can be fetched")}
		f.report(res)
		results = append(results, res)
	}
	for _, j := range jobs {
		if !j.implicit {
			results = append(results, *done[j.name])
		}
	}
	return results, nil
}

// Check says, without fetching anything, which files the refs name are in
// out (Present) and which are not (Missing).
func Check(refs []Ref, out Output, prefix string) []Result {
	jobs, bad := plan(refs)
	var results []Result
	for _, r := range bad {
		results = append(results, Result{Dest: r.Dest, URL: r.URL, Users: r.Users, Outcome: Missing})
	}
	for _, j := range jobs {
		if j.implicit {
			continue
		}
		r := Result{Dest: j.dest, URL: firstOf(j.sources), Users: j.users, Outcome: Missing}
		if _, err := out.Size(path.Join(prefix, j.name)); err == nil {
			r.Outcome, r.Saved = Present, j.dest
		}
		results = append(results, r)
	}
	return results
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// fetcher is one Fetch at work.
type fetcher struct {
	out   Output
	opts  Options
	hosts map[string]chan struct{} // allowed host → its request slots
}

func newFetcher(out Output, opts Options) *fetcher {
	f := &fetcher{out: out, opts: opts, hosts: map[string]chan struct{}{}}
	for _, h := range opts.Hosts {
		f.hosts[strings.ToLower(h)] = make(chan struct{}, opts.PerHost)
	}
	if opts.Client != nil {
		c := *opts.Client
		next := c.CheckRedirect
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if !f.allowed(req.URL) {
				return fmt.Errorf("redirected to %s, which is not an allowed host", req.URL.Host)
			}
			if next != nil {
				return next(req, via)
			}
			if len(via) >= 10 {
				return errors.New("stopped after 10 redirects")
			}
			return nil
		}
		f.opts.Client = &c
	}
	return f
}

func (f *fetcher) allowed(u *url.URL) bool {
	_, ok := f.hosts[strings.ToLower(u.Host)]
	return ok
}

func (f *fetcher) report(r Result) {
	if f.opts.OnDone != nil {
		f.opts.OnDone(r)
	}
}

// run fetches jobs on up to Concurrency goroutines, filling done.
func (f *fetcher) run(ctx context.Context, jobs []*job, done map[string]*Result) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(f.opts.Concurrency)
	for _, j := range jobs {
		r := done[j.name] // each job writes only its own result
		g.Go(func() error {
			f.one(gctx, j, r)
			if !j.implicit {
				f.report(*r)
			}
			return nil
		})
	}
	g.Wait()
	return context.Cause(ctx)
}

// fileBase is the decoded last path segment of a URL, or "".
func fileBase(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Path == "" {
		return ""
	}
	return path.Base(p.Path)
}

// one brings one file: from the state, from its sources in turn.
func (f *fetcher) one(ctx context.Context, j *job, r *Result) {
	st, known := f.opts.State.get(j.name)
	if known && st.Saved != "" && !st.Absent {
		if size, err := f.out.Size(path.Join(f.opts.Prefix, outName(st.Saved))); err == nil && size == st.Size {
			r.Outcome, r.Saved = Present, st.Saved
			return
		}
	}
	if size, err := f.out.Size(path.Join(f.opts.Prefix, j.name)); err == nil && (!known || st.Size == size) {
		r.Outcome, r.Saved = Present, j.dest
		return
	}
	if known && st.Absent && j.implicit {
		r.Outcome, r.Err = Failed, errors.New("known to be absent")
		return
	}
	var errs []string
	for _, src := range j.sources {
		name, dest := j.name, j.dest
		if b := fileBase(src); b != "" && b != path.Base(j.name) {
			// A size variant the index led to this file: saved at its own
			// path, which the links then name.
			name, dest = withName(j.name, b), withName(j.dest, url.PathEscape(b))
		}
		var fs FileState
		var err error
		if f.opts.Uploads != nil {
			fs, err = f.fromUploads(src, dest, path.Join(f.opts.Prefix, name))
		} else {
			fs, err = f.fromHTTP(ctx, src, path.Join(f.opts.Prefix, name))
		}
		if err == nil {
			fs.Saved = dest
			f.opts.State.put(j.name, fs)
			r.Outcome, r.Saved, r.URL, r.Bytes, r.Err = Saved, dest, src, fs.Size, nil
			return
		}
		if ctx.Err() != nil {
			r.Outcome, r.Err = Failed, context.Cause(ctx)
			return
		}
		if j.implicit && isAbsent(err) && len(j.sources) == 1 {
			f.opts.State.put(j.name, FileState{URL: src, Absent: true})
		}
		errs = append(errs, err.Error())
	}
	r.Outcome, r.Err = Failed, errors.New(strings.Join(errs, "; "))
}
