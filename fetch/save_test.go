package fetch_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/fetch"
	"github.com/verbatim-news/verbatim/webpage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var fetched = time.Date(2024, 5, 3, 14, 15, 16, 0, time.FixedZone("CEST", 2*3600))

func ferry() webpage.Article {
	return webpage.Article{
		Title:        `Harbour board backs "ferry plan": a turning point?`,
		Text:         "The board voted on Tuesday.\n\n“We kept that promise,” the chair said.\n\n\"I will believe it when I see the boat,\" Marsh said.\n",
		Date:         time.Date(2024, 5, 2, 9, 30, 0, 0, time.FixedZone("", 3600)),
		Authors:      []string{"Priya Raman", "Tom O'Ellery"},
		Outlet:       "The Courier: Northgate",
		Lang:         "en",
		CanonicalURL: "https://courier.example/news/ferry-plan",
	}
}

func TestMarkdownGolden(t *testing.T) {
	got := fetch.Markdown(ferry(), fetched)
	golden := filepath.Join("testdata", "ferry.md")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./fetch -update to create the golden file")
	assert.Equal(t, string(want), string(got))
	assert.Equal(t, got, fetch.Markdown(ferry(), fetched), "deterministic")
}

// TestSaveAndReadBack writes an article and reads it with the document
// package, as verbatim build will: the metadata and the text come back.
func TestSaveAndReadBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	a := ferry()
	path, replaced, err := fetch.Save(dir, a, fetched, false)
	require.NoError(t, err)
	assert.False(t, replaced)
	assert.Equal(t, filepath.Join(dir, "2024-05-02-harbour-board-backs-ferry-plan-a-turning-point.md"), path)

	docs, err := document.ReadFile(path)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	assert.Equal(t, a.Text, d.Text, "the text comes back byte for byte")
	assert.Equal(t, a.Title, d.Title)
	assert.True(t, a.Date.Equal(d.Date), d.Date)
	assert.Equal(t, a.Authors, d.Authors)
	assert.Equal(t, a.Outlet, d.Outlet)
	assert.Equal(t, a.Lang, d.Lang)
	assert.Equal(t, a.CanonicalURL, d.SourceURL)
	assert.Equal(t, "harbour-board-backs-ferry-plan-a-turning-point", d.Slug)
	assert.Equal(t, "2024-05-02-harbour-board-backs-ferry-plan-a-turning-point", d.ID)
	assert.Equal(t, map[string]any{"fetched": time.Date(2024, 5, 3, 12, 15, 16, 0, time.UTC)}, d.Params)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
}

func TestSaveNeverOverwritesWithoutForce(t *testing.T) {
	dir := t.TempDir()
	a := ferry()
	path, _, err := fetch.Save(dir, a, fetched, false)
	require.NoError(t, err)
	first, err := os.ReadFile(path)
	require.NoError(t, err)

	a.Text = "Changed text.\n"
	again, replaced, err := fetch.Save(dir, a, fetched, false)
	require.ErrorIs(t, err, fetch.ErrExists)
	assert.False(t, replaced)
	assert.Equal(t, path, again, "the path is told")
	assert.Equal(t, path+": file already exists", err.Error())
	now, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, first, now, "the existing file is untouched")

	_, replaced, err = fetch.Save(dir, a, fetched, true)
	require.NoError(t, err)
	assert.True(t, replaced)
	now, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasSuffix(now, []byte("\nChanged text.\n")), "--force replaces")

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
}

// TestEscapedLinesStayText renders the body with goldmark: a paragraph
// that starts like Markdown block syntax must come out as a paragraph of
// text. (Inline syntax inside a line, such as [a](b), is not escaped: news
// text almost never holds it, and every escape shifts quote offsets.)
func TestEscapedLinesStayText(t *testing.T) {
	lines := []string{
		"# not a heading", "- not a list", "+ not a list", "* not a list", "> not a quote", "1. not a list",
		"2024) not a list", "--- not a rule", "***", "___", "```not code", "~~~ not code", "<div>not a block",
		"[not]: http://a.reference", "| not | a table |", "\\ backslash", "=== not setext",
		"«\u00a0Guillemets\u00a0» stay", "\"Straight quotes\" stay", "“Curly quotes” stay", "1990 was a year.",
	}
	a := ferry()
	a.Text = strings.Join(lines, "\n\n") + "\n"
	md := fetch.Markdown(a, fetched)
	d, err := document.ParseMarkdown("a.md", md)
	require.NoError(t, err)

	var out bytes.Buffer
	require.NoError(t, goldmark.Convert([]byte(d.Text), &out))
	var want strings.Builder
	for _, l := range lines {
		want.WriteString("<p>" + htmlEscape(l) + "</p>\n")
	}
	assert.Equal(t, want.String(), out.String())
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func TestEscapeLine(t *testing.T) {
	for in, want := range map[string]string{
		"# x": `\# x`, "-x": `\-x`, "1. x": `1\. x`, "12) x": `12\) x`, "1234567890. x": "1234567890. x",
		"1990 was": "1990 was", "« x »": "« x »", `"x"`: `"x"`, "!x": "!x", "[x]: y": `\[x]: y`, "": "",
	} {
		assert.Equal(t, want, fetch.EscapeLine(in), in)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		name string
		a    webpage.Article
		want string
	}{
		{"date and title", webpage.Article{Title: "Valbrune adopte un budget", Date: time.Date(2024, 3, 12, 23, 30, 0, 0, time.FixedZone("", 3600))},
			"2024-03-12-valbrune-adopte-un-budget.md"},
		{"date in the publisher's zone", webpage.Article{Title: "T", Date: time.Date(2024, 3, 12, 23, 30, 0, 0, time.FixedZone("", -5*3600))},
			"2024-03-12-t.md"},
		{"undated", webpage.Article{Title: "Hafenarbeiter streiken weiter"}, "hafenarbeiter-streiken-weiter.md"},
		{"no title: the URL's last segment", webpage.Article{CanonicalURL: "https://x.example/news/ferry-plan.html"}, "ferry-plan.md"},
		{"no title, bare host", webpage.Article{CanonicalURL: "https://x.example/"}, "x-example.md"},
		{"nothing", webpage.Article{}, "article.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fetch.FileName(tt.a))
		})
	}
}
