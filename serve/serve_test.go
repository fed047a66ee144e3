package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/render"
)

// firstLine quotes the first line of every article, as a stand-in extractor.
type firstLine struct{}

func (firstLine) Analyze(d extract.Document) extract.Result {
	line, _, _ := strings.Cut(d.Text, "\n")
	n := len([]rune(line))
	who := "Ada Lovelace"
	return extract.Result{Quotes: []extract.Quote{{ID: extract.QuoteID(d.ID, 0, n), Text: line, End: n, Kind: extract.Direct, Speaker: &who}}}
}

func site(t *testing.T) render.Options {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "content"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("---\ntitle: A\n---\n\nFirst words\n"), 0o644))
	return render.Options{
		ContentDir: filepath.Join(dir, "content"), ConfigFile: filepath.Join(dir, "verbatim.yaml"),
		TemplatesDir: filepath.Join(dir, "templates"), Extractor: firstLine{}, ExtractorVersion: "test",
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// start runs the preview server on a free port until stop.
func start(t *testing.T, opts render.Options) (url string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: opts, Port: 0, Poll: 20 * time.Millisecond, Ready: func(u string) { ready <- u }})
	}()
	select {
	case url = <-ready:
	case err := <-done:
		cancel()
		t.Fatal(err)
	}
	return url, func() {
		t.Helper()
		cancel()
		require.NoError(t, <-done)
	}
}

// subscribe opens the live-reload stream and returns a function that waits
// for the next reload event.
func subscribe(t *testing.T, url string) (reloaded func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"__verbatim/events", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	events := bufio.NewReader(resp.Body)
	_, err = events.ReadString('\n') // the greeting comment: the stream is open
	require.NoError(t, err)
	return func() {
		t.Helper()
		for {
			line, err := events.ReadString('\n')
			require.NoError(t, err, "no reload event")
			if strings.HasPrefix(line, "event: reload") {
				return
			}
		}
	}
}

func TestServeRebuildsAndReloads(t *testing.T) {
	opts := site(t)
	require.NoError(t, os.WriteFile(opts.ConfigFile, []byte("title: Preview\nbase_url: https://example.org/sub/\n"), 0o644))
	url, stop := start(t, opts)

	code, body := get(t, url+"speakers/ada-lovelace/")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "First words")
	assert.Contains(t, body, `<script src="/__verbatim/livereload.js"></script>`)
	assert.Contains(t, body, `href="/style.css"`, "served at the root whatever the configured base URL")
	code, _ = get(t, url+"no/such/page/")
	assert.Equal(t, http.StatusNotFound, code)

	reloaded := subscribe(t, url)

	require.NoError(t, os.WriteFile(filepath.Join(opts.ContentDir, "a.md"), []byte("---\ntitle: A\n---\n\nSecond words, longer\n"), 0o644))
	reloaded()
	_, body = get(t, url+"speakers/ada-lovelace/")
	assert.Contains(t, body, "Second words, longer")

	// A broken article keeps the last good site up.
	require.NoError(t, os.WriteFile(filepath.Join(opts.ContentDir, "b.md"), []byte("---\ntitle: [\n---\n"), 0o644))
	time.Sleep(200 * time.Millisecond)
	code, body = get(t, url+"speakers/ada-lovelace/")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "Second words, longer")

	stop()
}

func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	err = Run(context.Background(), Options{Build: site(t), Port: port})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already in use")
	assert.Contains(t, err.Error(), "--port")
}

// TestServeWatchesEditorialFiles: speakers.yaml and corrections.yaml in the
// site folder are inputs too; editing them rebuilds the preview.
func TestServeWatchesEditorialFiles(t *testing.T) {
	opts := site(t)
	dir := filepath.Dir(opts.ContentDir)
	t.Chdir(dir) // the site folder, where both files are looked for
	require.NoError(t, os.WriteFile(opts.ConfigFile, []byte("title: Preview\n"), 0o644))
	url, stop := start(t, opts)
	reloaded := subscribe(t, url)

	writeAtomic(t, "speakers.yaml", "- name: Ada Lovelace\n  description: Mathematician\n  qid: Q7259\n")
	reloaded()
	_, body := get(t, url+"speakers/ada-lovelace/")
	assert.Contains(t, body, `<p class="description">Mathematician</p>`)

	_, quotes := get(t, url+"quotes.json")
	var recs []struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(quotes), &recs))
	require.Len(t, recs, 1)
	writeAtomic(t, "corrections.yaml", "- quote: "+recs[0].ID+"\n  action: verify\n  by: Joe Checker\n  date: 2024-05-04\n")
	reloaded()
	_, body = get(t, url+"speakers/ada-lovelace/")
	assert.Contains(t, body, "Verified by Joe Checker on May 4, 2024")

	stop()
}

// TestServeUsesItsAddress checks that the preview's feeds and sitemap carry
// absolute URLs on the server's own address, whatever base_url says.
func TestServeUsesItsAddress(t *testing.T) {
	opts := site(t)
	require.NoError(t, os.WriteFile(opts.ConfigFile, []byte("base_url: /\n"), 0o644))
	url, stop := start(t, opts)
	defer stop()
	_, body := get(t, url+"feed.json")
	var feed struct {
		Home  string `json:"home_page_url"`
		Items []struct {
			URL string `json:"url"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &feed))
	assert.Equal(t, url, feed.Home)
	require.NotEmpty(t, feed.Items)
	assert.True(t, strings.HasPrefix(feed.Items[0].URL, url), feed.Items[0].URL)
	_, body = get(t, url+"sitemap.xml")
	assert.Contains(t, body, "<loc>"+url+"</loc>")
}

// TestServeChecksHost checks the DNS-rebinding guard: the preview answers
// to the loopback names and its own address, and to nothing else.
func TestServeChecksHost(t *testing.T) {
	opts := site(t)
	require.NoError(t, os.WriteFile(opts.ConfigFile, []byte("title: Host\n"), 0o644))
	url, stop := start(t, opts)
	defer stop()
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	_, port, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	tests := []struct {
		host string
		want int
	}{
		{addr, http.StatusOK},
		{"localhost:" + port, http.StatusOK},
		{"LOCALHOST", http.StatusOK},
		{"127.0.0.1", http.StatusOK},
		{"[::1]:" + port, http.StatusOK},
		{"evil.example:" + port, http.StatusMisdirectedRequest},
		{"evil.example", http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		require.NoError(t, err)
		req.Host = tt.host
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, tt.want, resp.StatusCode, "Host: %q", tt.host)
	}
}

// writeAtomic writes a file in one step, as editors' tools save: the poll
// could otherwise see it empty, rebuild twice, and leave a reload pending
// that the next reloaded() would take for the next rebuild's.
func writeAtomic(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".tmp"
	require.NoError(t, os.WriteFile(tmp, []byte(data), 0o644))
	require.NoError(t, os.Rename(tmp, path))
}
