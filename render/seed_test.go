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

// TestSeedSite builds the seed article as a site with the real extractor.
func TestSeedSite(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(shared.Dir(t, "seeds"), "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds)
	dir := t.TempDir()
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		require.NoError(t, err)
		writeTree(t, dir, map[string]string{"content/" + filepath.Base(s): string(data)})
	}
	writeTree(t, dir, map[string]string{"verbatim.yaml": "title: Seed\nlanguage: fr\n"})
	out := filepath.Join(dir, "public")
	_, err = Build(context.Background(), Options{
		ContentDir: filepath.Join(dir, "content"), OutDir: out,
		ConfigFile: filepath.Join(dir, "verbatim.yaml"), TemplatesDir: filepath.Join(dir, "templates"),
	})
	require.NoError(t, err)
	files := readTree(t, out)

	count := func(page string) int { return strings.Count(files[page], `<figure class="quote"`) }
	assert.Equal(t, 2, count("speakers/antony-blinken/index.html"), "Antony Blinken's quotes")
	assert.Equal(t, 3, count("speakers/kassym-jomart-tokaiev/index.html"), "Kassym-Jomart Tokaïev's quotes")
	for name, data := range files {
		if strings.HasPrefix(name, "articles/") {
			// The article's text holds the words; they must not be a highlight.
			assert.NotRegexp(t, `<mark[^>]*>(<a [^>]*>)?partenaire fiable`, data, name)
			continue
		}
		assert.NotContains(t, data, "partenaire fiable", name)
	}
}
