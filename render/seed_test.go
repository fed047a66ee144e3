package render

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/internal/shared"
)

// TestSeedSite builds the seed article as a site with the real extractor,
// saved as a .txt file, which gives no language: the French rules must come
// from the text, whatever the interface language, including in a bare
// folder with no verbatim.yaml at all.
func TestSeedSite(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(shared.Dir(t, "seeds"), "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds)
	seed, err := os.ReadFile(seeds[0])
	require.NoError(t, err)
	tests := []struct {
		name   string
		config string // verbatim.yaml; empty means none
	}{
		{"bare folder", ""},
		{"English interface", "title: Seed\nlanguage: en\n"},
		{"French interface", "title: Seed\nlanguage: fr\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"content/blinken.txt": string(seed)})
			if tt.config != "" {
				writeTree(t, dir, map[string]string{"verbatim.yaml": tt.config})
			}
			// Options{} reads the site folder verbatim runs in, as
			// "verbatim build" does.
			t.Chdir(dir)
			_, err = Build(context.Background(), Options{})
			require.NoError(t, err)
			files := readTree(t, filepath.Join(dir, "public"))

			count := func(page string) int { return strings.Count(files[page], `<figure class="quote"`) }
			assert.Equal(t, 2, count("speakers/antony-blinken/index.html"), "Antony Blinken's quotes")
			assert.Equal(t, 3, count("speakers/kassym-jomart-tokaiev/index.html"), "Kassym-Jomart Tokaïev's quotes")
			pages := 0
			for name, data := range files {
				if strings.HasPrefix(name, "articles/") && name != "articles/index.html" && strings.HasSuffix(name, "/index.html") {
					pages++
					// The template marks the article only when its language is
					// not the page's.
					assert.Regexp(t, `<article class="article" lang="fr"|<html lang="fr">(?s:.*)<article class="article">`, data,
						"the article is marked with the detected language")
				}
			}
			assert.Equal(t, 1, pages)
			for name, data := range files {
				if strings.HasPrefix(name, "articles/") {
					// The article's text holds the words; they must not be a highlight.
					assert.NotRegexp(t, `<mark[^>]*>(<a [^>]*>)?partenaire fiable`, data, name)
					continue
				}
				assert.NotContains(t, data, "partenaire fiable", name)
			}
		})
	}
}

// TestArticleLanguageIsNotTheInterfaceLanguage builds, with the real
// extractor, articles that give no language in sites whose interface
// speaks the other language: speakers come from the article's own rules.
func TestArticleLanguageIsNotTheInterfaceLanguage(t *testing.T) {
	const english = `Harbour council approves the new ferry plan

The harbour council of Valbrune approved the new ferry plan on Monday after a long debate.

"We will build the new pier before the summer," said Mara Quellen, the head of the port authority.

Residents had asked for the plan for years. "The old boats are too slow and too expensive," Quellen added.

Council member Tobias Renwick voted against it. "Nobody has told us who will pay for the pier," he said.
`
	const french = `Le conseil du port adopte le plan des ferries

Le conseil du port de Valbrune a adopté lundi le nouveau plan des ferries après un long débat.

« Nous construirons le nouveau quai avant l'été », a déclaré Mara Quellen, la directrice du port.

Le conseiller Tobias Renwick a voté contre. « Personne ne nous a dit qui paiera le quai », a-t-il affirmé.
`
	tests := []struct {
		name, interfaceLang, file, text string
		want                            map[string]int // speaker slug → quotes
	}{
		{"English .txt, French interface", "fr", "ferry.txt", english, map[string]int{"mara-quellen": 2, "tobias-renwick": 1}},
		{"English .md without lang, French interface", "fr", "ferry.md", "---\ntitle: Ferry\n---\n\n" + english, map[string]int{"mara-quellen": 2, "tobias-renwick": 1}},
		{"French .txt, English interface", "en", "ferry.txt", french, map[string]int{"mara-quellen": 1, "tobias-renwick": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{
				"content/" + tt.file: tt.text,
				"verbatim.yaml":      "title: Port\nlanguage: " + tt.interfaceLang + "\n",
			})
			t.Chdir(dir)
			_, err := Build(context.Background(), Options{})
			require.NoError(t, err)
			files := readTree(t, filepath.Join(dir, "public"))
			for slug, n := range tt.want {
				assert.Equal(t, n, strings.Count(files["speakers/"+slug+"/index.html"], `<figure class="quote"`), slug)
			}
			assert.NotContains(t, files, "speakers/unattributed/index.html")
		})
	}
}
