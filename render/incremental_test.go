package render

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/render/internal/sitegen"
)

// incrementalArticles is the size of the corpus TestIncrementalMatchesFull
// changes step by step: enough for speakers quoted in several articles.
const incrementalArticles = 40

// TestIncrementalMatchesFull changes a site the ways editors do (an
// article's text, its quotes and speakers, a new article, a deleted one,
// speakers.yaml, corrections.yaml, verbatim.yaml, a change undone) and after
// each step compares every file of the rebuilt site, with its caches (the
// extraction and link results, the manifest of page fingerprints), byte for
// byte with a fresh build made without any cache into a new folder, under
// another GOMAXPROCS. A cache that served a stale result would show here.
func TestIncrementalMatchesFull(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a generated corpus with the real extractor")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	arts, err := sitegen.Generate("content", incrementalArticles, 7)
	require.NoError(t, err)
	writeTree(t, ".", map[string]string{"verbatim.yaml": "title: Incremental\nbase_url: https://example.org/\n"})
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	opts := Options{OutDir: "public", Extractor: ex, ExtractorVersion: "test", CacheDir: "cache"}

	path := func(a sitegen.Article) string { return filepath.Join("content", a.Name+".md") }
	edit := func(a sitegen.Article, f func(string) string) func(t *testing.T) {
		return func(t *testing.T) {
			data, err := os.ReadFile(path(a))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(path(a), []byte(f(string(data))), 0o644))
		}
	}
	appendText := func(a sitegen.Article, text string) func(t *testing.T) {
		return edit(a, func(s string) string { return s + text })
	}
	// quoteID is the id of a quote of the current site by a speaker.
	quoteID := func(t *testing.T, n int) string {
		data, err := os.ReadFile(filepath.Join("public", "quotes.json"))
		require.NoError(t, err)
		var recs []struct {
			ID        string `json:"id"`
			SpeakerID string `json:"speaker_id"`
		}
		require.NoError(t, json.Unmarshal(data, &recs))
		for _, r := range recs {
			if r.SpeakerID != "" {
				if n == 0 {
					return r.ID
				}
				n--
			}
		}
		t.Fatal("not enough attributed quotes")
		return ""
	}
	speaker := arts[3].Quotes[0].Speaker
	surname := speaker[strings.LastIndex(speaker, " ")+1:]
	var original string

	steps := []struct {
		name   string
		change func(t *testing.T)
	}{
		{"first", func(*testing.T) {}},
		{"same again", func(*testing.T) {}},
		{"text without a quote", appendText(arts[0], "\n\nLe conseil reprendra ses travaux jeudi.\n")},
		{"a new quote", appendText(arts[1], "\n\n« Nous irons jusqu'au bout », a déclaré Bastien Keraudren.\n")},
		{"a quote's speaker renamed", edit(arts[2], func(s string) string {
			original = s
			return strings.ReplaceAll(s, arts[2].Quotes[0].Speaker, "Orson Petrescu")
		})},
		{"a surname alone", appendText(arts[4], fmt.Sprintf("\n\n« Rien n'est joué », a ajouté %s.\n", surname))},
		{"an article added", func(t *testing.T) {
			extra := arts[5]
			extra.Name, extra.Title = "zz-added", "Un article ajouté"
			extra.Body += fmt.Sprintf("\n\n« Le vote aura lieu demain », a déclaré %s.\n", speaker)
			require.NoError(t, os.WriteFile(path(extra), []byte(extra.Markdown()), 0o644))
		}},
		{"an article removed", func(t *testing.T) { require.NoError(t, os.Remove(path(arts[6]))) }},
		{"speakers.yaml", func(t *testing.T) {
			writeTree(t, ".", map[string]string{"speakers.yaml": fmt.Sprintf(
				"- name: %s\n  id: the-speaker\n  description: Mayor of Valbrune\n  qid: Q4242\n  aliases: [%s]\n- name: Orson Petrescu\n  not_a_person: true\n",
				speaker, surname)})
		}},
		{"corrections.yaml", func(t *testing.T) {
			writeTree(t, ".", map[string]string{"corrections.yaml": "- quote: " + quoteID(t, 0) +
				"\n  action: reject\n  note: Not a quotation.\n  by: Ann Editor\n  date: 2024-05-02\n" +
				"- quote: " + quoteID(t, 1) + "\n  action: verify\n  note: Checked.\n  by: Joe Checker\n  date: 2024-05-04\n" +
				"- quote: " + quoteID(t, 2) + "\n  action: speaker\n  speaker: Bastien Keraudren\n  note: Misattributed.\n  by: Ann Editor\n  date: 2024-05-05\n"})
		}},
		{"speakers.yaml changed", func(t *testing.T) {
			writeTree(t, ".", map[string]string{"speakers.yaml": fmt.Sprintf("- name: %s\n  description: Port minister\n", speaker)})
		}},
		{"verbatim.yaml", func(t *testing.T) {
			writeTree(t, ".", map[string]string{"verbatim.yaml": "title: Incremental quotes\nbase_url: https://example.org/quotes/\nlatest: 5\n"})
		}},
		{"a change undone", func(t *testing.T) { require.NoError(t, os.WriteFile(path(arts[2]), []byte(original), 0o644)) }},
		{"editorial files removed", func(t *testing.T) {
			require.NoError(t, os.Remove("speakers.yaml"))
			require.NoError(t, os.Remove("corrections.yaml"))
		}},
		{"nothing", func(*testing.T) {}},
	}
	for i, st := range steps {
		st.change(t)
		_, err := Build(context.Background(), opts)
		require.NoError(t, err, st.name)

		fresh := opts
		fresh.OutDir = filepath.Join(t.TempDir(), "fresh")
		fresh.CacheDir = ""
		procs := 1
		if i%2 == 1 {
			procs = 3
		}
		old := runtime.GOMAXPROCS(procs)
		_, err = Build(context.Background(), fresh)
		runtime.GOMAXPROCS(old)
		require.NoError(t, err, st.name)

		want, got := readTree(t, fresh.OutDir), readTree(t, opts.OutDir)
		require.Equal(t, len(want), len(got), "%s: number of files", st.name)
		for name, data := range want {
			if !assert.Equal(t, data, got[name], "%s: %s", st.name, name) {
				break
			}
		}
	}
}
