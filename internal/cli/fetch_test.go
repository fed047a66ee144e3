package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/fetch"
)

func newsSite(t *testing.T) *httptest.Server {
	page := func(title, date, body string) string {
		return `<html lang="fr"><head><meta charset="utf-8"><title>` + title + `</title>
<meta property="article:published_time" content="` + date + `">
<meta property="og:site_name" content="La Gazette"></head>
<body><nav><a href="/">« Accueil »</a></nav><article><h1>` + title + `</h1>` + body + `</article>
<div class="comments"><p>« Bravo », écrit un lecteur.</p></div></body></html>`
	}
	pages := map[string]string{
		"/a": page("Valbrune vote son budget", "2024-03-12T08:00:00+01:00",
			`<p>Le conseil municipal a adopté lundi soir le budget de la ville.</p>
<p>« Nous ne pouvons plus attendre », a lancé la maire, Hélène Marchetti-Roux.</p>`),
		"/b": page("# Grève à Lyon", "2024-04-02T07:00:00+02:00",
			`<p>- Trois hôpitaux sont en grève depuis mardi, selon les syndicats de la région.</p>`),
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestFetchCommand(t *testing.T) {
	site := newsSite(t)
	content := filepath.Join(t.TempDir(), "content")
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), append([]string{"fetch"}, args...), Stdio{Out: &stdout, Err: &stderr})
		assert.Empty(t, stdout.String(), "fetch reports on stderr only")
		return code, stderr.String()
	}
	fileA := filepath.Join(content, "2024-03-12-valbrune-vote-son-budget.md")
	fileB := filepath.Join(content, "2024-04-02-greve-a-lyon.md")

	code, stderr := run("--content", content, site.URL+"/a", site.URL+"/missing", site.URL+"/b")
	assert.Equal(t, 1, code, "one URL failed")
	assert.Equal(t, "saved   "+site.URL+"/a -> "+fileA+"\n"+
		"failed  "+site.URL+"/missing: GET "+site.URL+"/missing: 404 Not Found\n"+
		"saved   "+site.URL+"/b -> "+fileB+"\n"+
		"verbatim fetch: 1 of 3 URLs failed\n", stderr)

	docs, err := document.ReadFile(fileA)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	assert.Equal(t, "Valbrune vote son budget", docs[0].Title)
	assert.Equal(t, "fr", docs[0].Lang)
	assert.Equal(t, "La Gazette", docs[0].Outlet)
	assert.Equal(t, site.URL+"/a", docs[0].SourceURL)
	assert.Equal(t, "Le conseil municipal a adopté lundi soir le budget de la ville.\n\n"+
		"« Nous ne pouvons plus attendre », a lancé la maire, Hélène Marchetti-Roux.\n", docs[0].Text)
	fetchedAt, ok := docs[0].Params["fetched"].(time.Time)
	require.True(t, ok, "fetched is a timestamp: %v", docs[0].Params)
	assert.Equal(t, time.UTC, fetchedAt.Location())

	docs, err = document.ReadFile(fileB)
	require.NoError(t, err)
	assert.Equal(t, "# Grève à Lyon", docs[0].Title, "the title is front matter, never a heading")
	assert.Equal(t, `\- Trois hôpitaux sont en grève depuis mardi, selon les syndicats de la région.`+"\n", docs[0].Text,
		"a line starting with - stays text")

	before, err := os.ReadFile(fileA)
	require.NoError(t, err)
	code, stderr = run(site.URL+"/a", "--content", content)
	assert.Equal(t, 1, code)
	assert.Equal(t, "failed  "+site.URL+"/a: "+fileA+": file already exists; nothing written (use --force to replace it)\n"+
		"verbatim fetch: 1 of 1 URLs failed\n", stderr)
	after, err := os.ReadFile(fileA)
	require.NoError(t, err)
	assert.Equal(t, before, after, "an existing file is never touched without --force")

	code, stderr = run(site.URL+"/a", "--content", content, "--force")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "saved   "+site.URL+"/a -> "+fileA+" (replaced the existing file, --force)\n", stderr)

	entries, err := os.ReadDir(content)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary files left")
}

func TestFetchCommandUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--timeout", "0s", "https://example.org/"}, {"--nope"}} {
		var stderr bytes.Buffer
		code := Main(context.Background(), append([]string{"fetch"}, args...), Stdio{Out: &bytes.Buffer{}, Err: &stderr})
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, stderr.String())
	}
	var stderr bytes.Buffer
	assert.Equal(t, 0, Main(context.Background(), []string{"fetch", "--help"}, Stdio{Out: &bytes.Buffer{}, Err: &stderr}))
	assert.True(t, strings.HasPrefix(stderr.String(), "Usage: verbatim fetch [flags] URL..."))
}

func TestFetchCommandFixedClockAndTimeout(t *testing.T) {
	site := newsSite(t)
	content := t.TempDir()
	env := fetchEnv{
		client: &fetch.Client{RetryPause: time.Millisecond},
		now:    func() time.Time { return time.Date(2024, 5, 3, 14, 0, 0, 0, time.FixedZone("CEST", 2*3600)) },
	}
	var stderr bytes.Buffer
	err := fetchCommand(context.Background(), []string{"--content", content, "--timeout", "5s", site.URL + "/a"}, Stdio{Err: &stderr}, env)
	require.NoError(t, err, stderr.String())
	data, err := os.ReadFile(filepath.Join(content, "2024-03-12-valbrune-vote-son-budget.md"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "\nfetched: 2024-05-03T12:00:00Z\n")
	assert.Equal(t, time.Duration(0), env.client.Timeout, "the shared client is not changed by --timeout")
}
