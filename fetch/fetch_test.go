package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/fetch"
	"github.com/verbatim-news/verbatim/webpage"
)

// articlePage is a small news page; canonical is empty to test the
// fallback to the URL after redirects.
func articlePage(title, canonical string) string {
	link := ""
	if canonical != "" {
		link = `<link rel="canonical" href="` + canonical + `">`
	}
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | Courier</title>` + link + `
<meta property="og:title" content="` + title + `">
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2024-05-02T09:30:00+01:00">
<meta name="author" content="Priya Raman">
</head><body>
<nav><a href="/">"Home"</a></nav>
<article><h1>` + title + `</h1>
<p>The harbour board voted on Tuesday to back a plan for a second ferry between the town and the islands.</p>
<p>"We have finally kept that promise," the chair, Margaret Osei, said after the meeting.</p>
<div class="share"><a href="#">"Share"</a></div>
</article>
<section class="related"><ul><li><a href="/x">"Never asked," say residents</a></li></ul></section>
</body></html>`
}

// server is a test site; hits counts requests per path.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	ua   []string
}

func newServer(t *testing.T) *server {
	s := &server{hits: map[string]int{}}
	release := make(chan struct{})
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		html(w, articlePage("Harbour board backs ferry plan", "/news/ferry-plan"))
	})
	mux.HandleFunc("/no-canonical", func(w http.ResponseWriter, r *http.Request) {
		html(w, articlePage("Ferry plan", ""))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if s.count(r) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		html(w, articlePage("Flaky but fine", ""))
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "<p>not HTML, says the header</p>")
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no sniffing by the server
		fmt.Fprint(w, articlePage("Sniffed as HTML", ""))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, "<html><body><article><p>\xab Enfin \xbb, a d\xe9clar\xe9 la maire apr\xe8s le vote du conseil municipal.</p></article></body></html>")
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "100000")
		fmt.Fprint(w, strings.Repeat("<p>word</p>", 100000/11))
	})
	mux.HandleFunc("/huge-streamed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 20 {
			fmt.Fprint(w, strings.Repeat("<p>word</p>", 500))
			w.(http.Flusher).Flush() // chunked: no Content-Length
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		select {
		case <-r.Context().Done(): // the client gave up
		case <-release:
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved/no-canonical", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved/no-canonical", func(w http.ResponseWriter, r *http.Request) {
		html(w, articlePage("Moved article", ""))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file", http.StatusFound)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		if r.URL.Path != "/flaky" && r.URL.Path != "/slow" {
			s.hits[r.URL.Path]++
		}
		s.ua = append(s.ua, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		close(release)
		s.Close()
	})
	return s
}

func (s *server) count(r *http.Request) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	return s.hits[r.URL.Path]
}

func (s *server) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// client is a Client that never waits long: retries pause a millisecond.
func client() *fetch.Client {
	return &fetch.Client{RetryPause: time.Millisecond}
}

func TestFetchArticle(t *testing.T) {
	s := newServer(t)
	a, err := client().Fetch(context.Background(), s.URL+"/article")
	require.NoError(t, err)
	assert.Equal(t, "Harbour board backs ferry plan", a.Title)
	assert.Equal(t, "The Courier", a.Outlet)
	assert.Equal(t, []string{"Priya Raman"}, a.Authors)
	assert.Equal(t, "en", a.Lang)
	assert.Equal(t, s.URL+"/news/ferry-plan", a.CanonicalURL, "relative canonical resolved against the page URL")
	assert.Equal(t, "The harbour board voted on Tuesday to back a plan for a second ferry between the town and the islands.\n\n"+
		"\"We have finally kept that promise,\" the chair, Margaret Osei, said after the meeting.\n", a.Text)

	s.mu.Lock()
	ua := s.ua[len(s.ua)-1]
	s.mu.Unlock()
	assert.Regexp(t, `^verbatim/\S+ \(\+https://github\.com/verbatim-news/verbatim\)$`, ua)
	assert.Equal(t, fetch.DefaultUserAgent(), ua)
}

func TestFetchOutcomes(t *testing.T) {
	s := newServer(t)
	tests := []struct {
		name, path string
		client     fetch.Client
		err        string // exact error text; {url} is the server's address
		is         error
		hits       int // requests made, 0 to skip the check
		title      string
	}{
		{name: "404", path: "/missing", err: "GET {url}/missing: 404 Not Found", hits: 1},
		{name: "500 is retried once", path: "/broken", err: "GET {url}/broken: 500 Internal Server Error", hits: 2},
		{name: "500 without retries", path: "/broken", client: fetch.Client{Retries: -1}, err: "GET {url}/broken: 500 Internal Server Error", hits: 1},
		{name: "503 then 200", path: "/flaky", hits: 2, title: "Flaky but fine"},
		{name: "text/plain", path: "/text", is: fetch.ErrNotHTML, err: `GET {url}/text: not an HTML page: content type is "text/plain; charset=utf-8"`, hits: 1},
		{name: "pdf", path: "/pdf", is: fetch.ErrNotHTML, err: `GET {url}/pdf: not an HTML page: content type is "application/pdf"`},
		{name: "no content type, sniffed", path: "/untyped", title: "Sniffed as HTML"},
		{name: "charset from the header", path: "/latin1", title: ""},
		{name: "too large by Content-Length", path: "/huge-declared", client: fetch.Client{MaxBytes: 50_000}, is: webpage.ErrTooLarge,
			err: "GET {url}/huge-declared: page too large: 97.7 KB, more than 48.8 KB"},
		{name: "too large while streaming", path: "/huge-streamed", client: fetch.Client{MaxBytes: 50_000}, is: webpage.ErrTooLarge,
			err: "GET {url}/huge-streamed: page too large: more than 48.8 KB", hits: 1},
		{name: "timeout is retried once", path: "/slow", client: fetch.Client{Timeout: 20 * time.Millisecond}, is: fetch.ErrTimeout,
			err: "GET {url}/slow: timed out: no complete response within 20ms", hits: 2},
		{name: "timeout without retries", path: "/slow", client: fetch.Client{Timeout: 20 * time.Millisecond, Retries: -1}, is: fetch.ErrTimeout, hits: 1},
		{name: "redirect followed", path: "/redirect", title: "Moved article"},
		{name: "redirect loop", path: "/loop", is: fetch.ErrTooManyHops, err: "GET {url}/loop: too many redirects: stopped after 5", hits: 6},
		{name: "no redirects allowed", path: "/redirect", client: fetch.Client{MaxRedirects: -1}, is: fetch.ErrTooManyHops, err: "GET {url}/redirect: too many redirects: stopped after 0"},
		{name: "redirect to ftp", path: "/to-ftp", is: fetch.ErrUnsupportedURL, err: "GET {url}/to-ftp: redirect to ftp://example.org/file: not an http or https URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.hitsOf(tt.path)
			c := tt.client
			c.RetryPause = time.Millisecond
			a, err := c.Fetch(context.Background(), s.URL+tt.path)
			if tt.hits > 0 {
				assert.Equal(t, tt.hits, s.hitsOf(tt.path)-before, "requests made")
			}
			if tt.err == "" && tt.is == nil {
				require.NoError(t, err)
				if tt.title != "" {
					assert.Equal(t, tt.title, a.Title)
				}
				assert.NotEmpty(t, a.Text)
				return
			}
			require.Error(t, err)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			if tt.err != "" {
				assert.Equal(t, strings.ReplaceAll(tt.err, "{url}", s.URL), err.Error())
			}
		})
	}
}

func TestStatusError(t *testing.T) {
	s := newServer(t)
	_, err := client().Fetch(context.Background(), s.URL+"/missing")
	var se *fetch.StatusError
	require.True(t, errors.As(err, &se))
	assert.Equal(t, http.StatusNotFound, se.Code)
	assert.Equal(t, s.URL+"/missing", se.URL)
}

func TestFetchLatin1(t *testing.T) {
	s := newServer(t)
	a, err := client().Fetch(context.Background(), s.URL+"/latin1")
	require.NoError(t, err)
	assert.Equal(t, "« Enfin », a déclaré la maire après le vote du conseil municipal.\n", a.Text)
	assert.Equal(t, s.URL+"/latin1", a.CanonicalURL, "no canonical: the URL fetched")
}

func TestFetchRedirectCanonical(t *testing.T) {
	s := newServer(t)
	a, err := client().Fetch(context.Background(), s.URL+"/redirect")
	require.NoError(t, err)
	assert.Equal(t, s.URL+"/moved/no-canonical", a.CanonicalURL, "the URL after redirects")
}

func TestFetchBadURL(t *testing.T) {
	for _, u := range []string{"", "example.org/a", "ftp://example.org/a", "file:///etc/passwd", "http://", "http://%zz"} {
		_, err := client().Fetch(context.Background(), u)
		require.ErrorIs(t, err, fetch.ErrUnsupportedURL, u)
	}
}

func TestFetchCancelledDuringRetryPause(t *testing.T) {
	s := newServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	c := &fetch.Client{RetryPause: time.Hour, HTTP: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if calls.Add(1) == 1 {
			defer cancel() // cancel once the first attempt has failed
		}
		return http.DefaultTransport.RoundTrip(r)
	})}}
	_, err := c.Fetch(ctx, s.URL+"/broken")
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "500 Internal Server Error", "the last failure is still told")
	assert.Equal(t, int32(1), calls.Load(), "no retry after cancellation")
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCustomUserAgentAndClient(t *testing.T) {
	s := newServer(t)
	c := &fetch.Client{UserAgent: "newsroom-bot/1.0", HTTP: &http.Client{}}
	_, err := c.Fetch(context.Background(), s.URL+"/article")
	require.NoError(t, err)
	s.mu.Lock()
	defer s.mu.Unlock()
	assert.Equal(t, "newsroom-bot/1.0", s.ua[len(s.ua)-1])
}
