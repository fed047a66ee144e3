package render

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAbsoluteURLs checks the URLs that the sitemap protocol, JSON Feed and
// schema.org want absolute: absolute with an absolute base_url, and one
// warning per build without one.
func TestAbsoluteURLs(t *testing.T) {
	tests := []struct {
		base   string
		prefix string // every checked URL starts with it
		warn   bool
	}{
		{"https://quotes.example.org/sub/", "https://quotes.example.org/sub/", false},
		{"http://127.0.0.1:1313/", "http://127.0.0.1:1313/", false},
		{"/sub/", "/sub/", true},
		{"/", "/", true},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			_, opts, _ := smallSite(t)
			opts.BaseURL = tt.base
			var log strings.Builder
			opts.Progress = &log
			rep, err := Build(context.Background(), opts)
			require.NoError(t, err)
			if tt.warn {
				assert.Contains(t, rep.BaseURLWarning, "not an absolute URL")
				assert.Equal(t, 1, strings.Count(log.String(), "not an absolute URL"), "warned once")
			} else {
				assert.Empty(t, rep.BaseURLWarning)
				assert.NotContains(t, log.String(), "absolute")
			}

			var urls []string
			sitemap := readFile(t, opts.OutDir, "sitemap.xml")
			for _, m := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(sitemap, -1) {
				urls = append(urls, m[1])
			}
			require.NotEmpty(t, urls)
			var feed struct {
				Home  string `json:"home_page_url"`
				Feed  string `json:"feed_url"`
				Items []struct {
					URL string `json:"url"`
				} `json:"items"`
			}
			require.NoError(t, json.Unmarshal([]byte(readFile(t, opts.OutDir, "feed.json")), &feed))
			urls = append(urls, feed.Home, feed.Feed)
			for _, it := range feed.Items {
				urls = append(urls, it.URL)
			}
			page := readFile(t, opts.OutDir, "quotes/"+firstQuoteID(t, opts.OutDir)+"/index.html")
			m := regexp.MustCompile(`"@id":"([^"]*)"`).FindAllStringSubmatch(page, -1)
			require.NotEmpty(t, m)
			for _, id := range m {
				urls = append(urls, id[1])
			}
			for _, u := range urls {
				assert.True(t, strings.HasPrefix(u, tt.prefix), "%s does not start with %s", u, tt.prefix)
			}
		})
	}
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	require.NoError(t, err)
	return string(data)
}

func firstQuoteID(t *testing.T, out string) string {
	t.Helper()
	var recs []struct {
		ID string `json:"id"`
	}
	require.NoError(t, json.Unmarshal([]byte(readFile(t, out, "quotes.json")), &recs))
	require.NotEmpty(t, recs)
	return recs[0].ID
}
