package render

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
)

// writeTree writes files (slash path → content) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
}

// counting is an Extractor that quotes every “…” span with a fixed speaker
// and counts its calls.
type counting struct{ calls *int }

func (c counting) Analyze(d extract.Document) extract.Result {
	*c.calls++
	var out []extract.Quote
	r := []rune(d.Text)
	for i := 0; i < len(r); i++ {
		if r[i] != '“' {
			continue
		}
		for j := i + 1; j < len(r); j++ {
			if r[j] == '”' {
				who := "Ada Lovelace"
				out = append(out, extract.Quote{ID: extract.QuoteID(d.ID, i+1, j), Text: string(r[i+1 : j]),
					Start: i + 1, End: j, Kind: extract.Direct, Speaker: &who, Lang: d.Lang})
				i = j
				break
			}
		}
	}
	return extract.Result{Lang: d.Lang, Quotes: out}
}

func smallSite(t *testing.T) (dir string, opts Options, calls *int) {
	dir = t.TempDir()
	writeTree(t, dir, map[string]string{
		"content/a.md":  "---\ntitle: First\ndate: 2024-01-02\nlang: en\nsource_url: https://example.org/a\n---\n\n“One” she said.\n",
		"content/b.md":  "---\ntitle: Second\ndate: 2024-01-03\nlang: en\n---\n\n“Two” she said, and “three”.\n",
		"content/c.txt": "Third title\n\n“Four” said Ada.\n",
	})
	calls = new(int)
	opts = Options{
		ContentDir: filepath.Join(dir, "content"), OutDir: filepath.Join(dir, "public"),
		ConfigFile: filepath.Join(dir, "none.yaml"), TemplatesDir: filepath.Join(dir, "templates"),
		CacheDir: filepath.Join(dir, "cache"), ExtractorVersion: "test", Extractor: counting{calls},
	}
	writeTree(t, dir, map[string]string{"none.yaml": "title: Small\n"})
	return dir, opts, calls
}

func TestBuildMalformedArticle(t *testing.T) {
	dir, opts, _ := smallSite(t)
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	before := readTree(t, opts.OutDir)

	writeTree(t, dir, map[string]string{"content/bad.md": "---\ntitle: Bad\ndate: [not, a, date\n---\n\nText.\n"})
	_, err = Build(context.Background(), opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "content", "bad.md")+":3")
	assert.Equal(t, before, readTree(t, opts.OutDir), "a failed build leaves the last good site")

	var log strings.Builder
	opts.KeepGoing, opts.Progress = true, &log
	rep, err := Build(context.Background(), opts)
	require.NoError(t, err)
	require.Len(t, rep.Skipped, 1)
	assert.Contains(t, log.String(), "skipped "+filepath.Join(dir, "content", "bad.md")+":3")
	assert.Equal(t, 3, rep.Articles)
}

func TestBuildIncremental(t *testing.T) {
	dir, opts, calls := smallSite(t)
	rep, err := Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Extracted)
	assert.Equal(t, 3, *calls)
	assert.Equal(t, 0, rep.Unchanged)
	page := filepath.Join(opts.OutDir, "articles", "first", "index.html")
	first := inode(t, page)
	changed := filepath.Join(opts.OutDir, "articles", "second", "index.html")
	second := inode(t, changed)

	writeTree(t, dir, map[string]string{"content/b.md": "---\ntitle: Second\ndate: 2024-01-03\nlang: en\n---\n\n“Two” she said, and “five”.\n"})
	rep, err = Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Extracted, "only the changed article is extracted again")
	assert.Equal(t, 4, *calls)
	assert.Positive(t, rep.Unchanged)
	assert.Less(t, rep.Unchanged, rep.Pages)
	assert.Equal(t, first, inode(t, page), "an unchanged page is not rewritten")
	assert.NotEqual(t, second, inode(t, changed), "a changed page is rewritten")
	data, err := os.ReadFile(changed)
	require.NoError(t, err)
	assert.Contains(t, string(data), "five")

	// A removed article takes its pages, and the folders they leave
	// empty, with it.
	require.NoError(t, os.Remove(filepath.Join(dir, "content", "c.txt")))
	_, err = Build(context.Background(), opts)
	require.NoError(t, err)
	assert.NoDirExists(t, filepath.Join(opts.OutDir, "articles", "third-title"))
	assert.Equal(t, first, inode(t, page))
	fresh := filepath.Join(t.TempDir(), "fresh")
	opts.OutDir = fresh
	_, err = Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Equal(t, readTree(t, fresh), readTree(t, filepath.Join(dir, "public")), "a rebuild gives the same site as a fresh build")
}

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.Sys().(*syscall.Stat_t).Ino
}

func TestBuildRefusesForeignOutput(t *testing.T) {
	dir, opts, _ := smallSite(t)
	writeTree(t, dir, map[string]string{"public/precious.txt": "not a site"})
	_, err := Build(context.Background(), opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "was not written by verbatim")
	_, err = os.Stat(filepath.Join(dir, "public", "precious.txt"))
	assert.NoError(t, err)

	opts.OutDir = filepath.Join(opts.ContentDir, "site")
	_, err = Build(context.Background(), opts)
	assert.ErrorContains(t, err, "overlap")
	opts.OutDir = dir
	_, err = Build(context.Background(), opts)
	assert.ErrorContains(t, err, "overlap")
}

func TestBuildTemplateOverride(t *testing.T) {
	dir, opts, _ := smallSite(t)
	writeTree(t, dir, map[string]string{"templates/404.html": `{{define "main"}}<h1>Lost: {{.Title}}</h1>{{end}}`})
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	files := readTree(t, opts.OutDir)
	assert.Contains(t, files["404.html"], "<h1>Lost: Page not found</h1>")
	assert.Contains(t, files["index.html"], "<h1>Small</h1>", "other templates stay built in")

	writeTree(t, dir, map[string]string{"templates/quote.html": `{{define "main"}}{{.Nope}}{{end}}`})
	_, err = Build(context.Background(), opts)
	assert.ErrorContains(t, err, "quote.html")
}

func TestBuildSubPath(t *testing.T) {
	_, opts, _ := smallSite(t)
	opts.BaseURL = "https://example.net/press/quotes"
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	files := readTree(t, opts.OutDir)
	home := files["index.html"]
	assert.Contains(t, home, `href="/press/quotes/style.css"`)
	assert.Contains(t, home, `href="/press/quotes/speakers/ada-lovelace/"`)
	assert.NotContains(t, home, `href="/speakers`)
	assert.Contains(t, files["sitemap.xml"], "<loc>https://example.net/press/quotes/articles/first/</loc>")
	assert.Contains(t, files["feed.json"], `"feed_url":"https://example.net/press/quotes/feed.json"`)
}

func TestBuildFeedPagination(t *testing.T) {
	dir, opts, _ := smallSite(t)
	writeTree(t, dir, map[string]string{"none.yaml": "title: Small\nfeed_page_size: 2\n"})
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	files := readTree(t, opts.OutDir)
	assert.Contains(t, files["feed.json"], `"next_url":"/feed-2.json"`)
	assert.Contains(t, files, "feed-2.json")
	assert.NotContains(t, files["feed-2.json"], "next_url")
	assert.Contains(t, files["speakers/ada-lovelace/feed.json"], `"next_url":"/speakers/ada-lovelace/feed-2.json"`)
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"typo.yaml": "title: x\nbaseurl: https://example.org/\n",
		"lang.yaml": "language: xx\n",
		"url.yaml":  "base_url: javascript:alert(1)\n",
	})
	_, err := LoadConfig(filepath.Join(dir, "typo.yaml"), false)
	assert.ErrorContains(t, err, "line 2")
	_, err = LoadConfig(filepath.Join(dir, "lang.yaml"), false)
	assert.ErrorContains(t, err, "language")
	_, err = LoadConfig(filepath.Join(dir, "url.yaml"), false)
	assert.ErrorContains(t, err, "base_url")
	cfg, err := LoadConfig(filepath.Join(dir, "missing.yaml"), true)
	require.NoError(t, err)
	assert.Equal(t, "en", cfg.Language)
}

// TestBuildSkipsLinksOutOfContent checks that a link in the content folder
// to a file outside it (/etc/shadow, say) is not published: the build goes
// on without it and warns, naming the link.
func TestBuildSkipsLinksOutOfContent(t *testing.T) {
	const secret = "root:$6$saltsalt$NotARealHash"
	tests := []struct {
		name, link string
		// target is relative to the link, or to the site folder when absolute.
		target   string
		absolute bool
	}{
		{"absolute link", "shadow.txt", "shadow", true},
		{"relative link", "sub/passwd.md", "../../shadow", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, opts, _ := smallSite(t)
			writeTree(t, dir, map[string]string{"shadow": "Shadow\n\n“" + secret + "” said root.\n"})
			link := filepath.Join(opts.ContentDir, filepath.FromSlash(tt.link))
			require.NoError(t, os.MkdirAll(filepath.Dir(link), 0o755))
			target := filepath.FromSlash(tt.target)
			if tt.absolute {
				target = filepath.Join(dir, target)
			}
			require.NoError(t, os.Symlink(target, link))
			var progress strings.Builder
			opts.Progress = &progress

			rep, err := Build(context.Background(), opts)
			require.NoError(t, err)
			assert.Equal(t, 3, rep.Articles, "the three real articles, not the link")
			for name, data := range readTree(t, opts.OutDir) {
				assert.NotContains(t, data, "saltsalt", "%s publishes the linked file", name)
			}
			require.Len(t, rep.Warnings, 1)
			assert.Contains(t, rep.Warnings[0], link+": symbolic link leads outside the content folder")
			assert.Contains(t, progress.String(), "warning: "+link+": symbolic link leads outside the content folder")
		})
	}
}

// TestBuildKeepGoingJSONLines checks that under KeepGoing one bad line of a
// JSON Lines file costs that line alone, reported as path:line, and that
// without it the line fails the build.
func TestBuildKeepGoingJSONLines(t *testing.T) {
	feed := `{"id": "j1", "title": "One", "text": "“Alpha” said Ada."}` + "\n" +
		`{"id": "j2", "title": "Two", "text": ` + "\n" + // truncated JSON
		`{"id": "j3", "title": "Three", "text": "“Gamma” said Ada."}` + "\n" +
		`{"title": "No id", "text": "“Delta” said Ada."}` + "\n" +
		`{"id": "j5", "title": "Five", "text": "“Epsilon” said Ada."}` + "\n"
	tests := []struct {
		name      string
		keepGoing bool
		articles  int
		skipped   []string // path:line of each skipped line
		fails     string   // the build's error, when it fails
	}{
		{"keep going", true, 3 + 3, []string{"feed.jsonl:2", "feed.jsonl:4"}, ""},
		{"stop", false, 0, nil, "feed.jsonl:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, opts, _ := smallSite(t)
			writeTree(t, dir, map[string]string{"content/feed.jsonl": feed})
			opts.KeepGoing = tt.keepGoing
			var progress strings.Builder
			opts.Progress = &progress
			rep, err := Build(context.Background(), opts)
			path := filepath.Join(opts.ContentDir, "feed.jsonl")
			if tt.fails != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), filepath.Join(opts.ContentDir, tt.fails)+":")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.articles, rep.Articles)
			require.Len(t, rep.Skipped, len(tt.skipped))
			for i, want := range tt.skipped {
				where := filepath.Join(opts.ContentDir, want) + ":"
				assert.True(t, strings.HasPrefix(rep.Skipped[i].Error(), where), "%v names %s", rep.Skipped[i], where)
				assert.Contains(t, progress.String(), "skipped "+where)
			}
			assert.NotContains(t, progress.String(), "skipped "+path+": ", "the file is not skipped as a whole")
		})
	}
}

// TestBuildRemovesStaleStages checks that a build removes the staging
// folders that killed builds left beside the output, and only those.
func TestBuildRemovesStaleStages(t *testing.T) {
	dir, opts, _ := smallSite(t)
	dead := exec.Command(os.Args[0], "-test.run=^$")
	require.NoError(t, dead.Run())
	old := time.Now().Add(-2 * time.Hour)
	tests := []struct {
		name string
		old  bool
		kept bool
	}{
		{fmt.Sprintf(".public.new-%d-1", dead.Process.Pid), true, false},
		{".public.new-12345", true, false},                          // named before the process ids
		{fmt.Sprintf(".public.new-%d-2", os.Getppid()), true, true}, // a live build's
		{fmt.Sprintf(".public.new-%d-3", dead.Process.Pid), false, true},
		{fmt.Sprintf(".other.new-%d-4", dead.Process.Pid), true, true},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		writeTree(t, p, map[string]string{"index.html": "x"})
		if tt.old {
			require.NoError(t, os.Chtimes(p, old, old))
		}
	}
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(dir, tt.name))
		assert.Equal(t, tt.kept, err == nil, tt.name)
	}
	planted := map[string]bool{}
	for _, tt := range tests {
		planted[tt.name] = true
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".public.new-") && !planted[e.Name()], "the build left its stage %s", e.Name())
	}
}
