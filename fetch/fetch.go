package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/verbatim-news/verbatim/webpage"
)

// Defaults for the zero values of Client's fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultRetries      = 1
	DefaultRetryPause   = 2 * time.Second
	homePage            = "https://github.com/verbatim-news/verbatim"
)

// Sentinel errors, to be tested with errors.Is. A non-2xx response gives a
// *StatusError.
var (
	ErrNotHTML        = errors.New("not an HTML page")
	ErrTimeout        = errors.New("timed out")
	ErrTooManyHops    = errors.New("too many redirects")
	ErrUnsupportedURL = errors.New("not an http or https URL")
)

// StatusError is a response whose status is not 2xx.
type StatusError struct {
	Method, URL string
	Code        int
	// Status is the status line's text, as "404 Not Found".
	Status string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Method, e.URL, e.Status)
}

// Client downloads articles. The zero value is ready to use; a Client is
// safe for concurrent use once its fields are set.
type Client struct {
	// HTTP sends the requests; nil means a client on http.DefaultTransport.
	// Its CheckRedirect, when nil, is replaced by one that follows at most
	// MaxRedirects redirects to http(s) URLs.
	HTTP *http.Client
	// UserAgent names the client; empty means DefaultUserAgent().
	UserAgent string
	// Timeout bounds one attempt, headers and body; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes bounds a page; 0 means webpage.DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed; 0 means
	// DefaultMaxRedirects, a negative value follows none.
	MaxRedirects int
	// Retries is the number of extra attempts after a 5xx status or a
	// timeout; 0 means DefaultRetries, a negative value means none. Other
	// failures (4xx, not HTML, too large) are never retried.
	Retries int
	// RetryPause is the wait before a retry; 0 means DefaultRetryPause.
	RetryPause time.Duration
}

// DefaultUserAgent names verbatim, its version and where to read about it,
// so that a site's operators know who is calling.
func DefaultUserAgent() string {
	version := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
	return "verbatim/" + version + " (+" + homePage + ")"
}

// Fetch downloads the page at rawURL and returns its article. The article's
// CanonicalURL is the page's own, else the URL after redirects.
func (c *Client) Fetch(ctx context.Context, rawURL string) (webpage.Article, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return webpage.Article{}, fmt.Errorf("fetch %q: %w", rawURL, ErrUnsupportedURL)
	}
	retries := c.Retries
	if retries == 0 {
		retries = DefaultRetries
	}
	pause := c.RetryPause
	if pause <= 0 {
		pause = DefaultRetryPause
	}
	for attempt := 0; ; attempt++ {
		a, retry, err := c.get(ctx, u.String())
		if err == nil || !retry || attempt >= retries {
			return a, err
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return webpage.Article{}, fmt.Errorf("%w; retry cancelled: %w", err, ctx.Err())
		case <-t.C:
		}
	}
}

// get makes one attempt. retry tells whether the failure is worth another.
func (c *Client) get(ctx context.Context, target string) (a webpage.Article, retry bool, err error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	fail := func(err error) (webpage.Article, bool, error) {
		if ctx.Err() == nil && actx.Err() != nil {
			return webpage.Article{}, true, fmt.Errorf("GET %s: %w: no complete response within %s", target, ErrTimeout, timeout)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the url.Error repeats the method and URL
		}
		return webpage.Article{}, false, fmt.Errorf("GET %s: %w", target, err)
	}

	req, err := http.NewRequestWithContext(actx, http.MethodGet, target, nil)
	if err != nil {
		return fail(err)
	}
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent()
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return fail(err)
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The standard reason phrase, not the server's own wording, so
		// that messages read the same whatever the server.
		status := resp.Status
		if text := http.StatusText(resp.StatusCode); text != "" {
			status = fmt.Sprintf("%d %s", resp.StatusCode, text)
		}
		return webpage.Article{}, resp.StatusCode >= 500 && resp.StatusCode <= 599,
			&StatusError{Method: http.MethodGet, URL: target, Code: resp.StatusCode, Status: status}
	}
	limit := c.MaxBytes
	if limit <= 0 {
		limit = webpage.DefaultMaxBytes
	}
	if resp.ContentLength > limit {
		return webpage.Article{}, false, fmt.Errorf("GET %s: %w: %s, more than %s", target, webpage.ErrTooLarge,
			webpage.FormatBytes(resp.ContentLength), webpage.FormatBytes(limit))
	}
	body := bufio.NewReader(resp.Body)
	ctype := resp.Header.Get("Content-Type")
	if ctype == "" {
		// No declared type: look at the bytes as a browser would.
		head, _ := body.Peek(512)
		ctype = http.DetectContentType(head)
	}
	if mt, _, err := mime.ParseMediaType(ctype); err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		return webpage.Article{}, false, fmt.Errorf("GET %s: %w: content type is %q", target, ErrNotHTML, ctype)
	}
	a, err = webpage.ParseWith(body, resp.Request.URL.String(), webpage.Options{MaxBytes: limit, ContentType: ctype})
	if err != nil {
		if actx.Err() != nil {
			return fail(err)
		}
		return webpage.Article{}, false, fmt.Errorf("GET %s: %w", target, err)
	}
	return a, false, nil
}

// httpClient returns the client to send with, with the redirect policy.
func (c *Client) httpClient() *http.Client {
	hc := http.Client{}
	if c.HTTP != nil {
		hc = *c.HTTP
	}
	if hc.CheckRedirect == nil {
		hops := c.MaxRedirects
		if hops == 0 {
			hops = DefaultMaxRedirects
		}
		hops = max(hops, 0)
		hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrUnsupportedURL)
			}
			if len(via) > hops {
				return fmt.Errorf("%w: stopped after %d", ErrTooManyHops, hops)
			}
			return nil
		}
	}
	return &hc
}
