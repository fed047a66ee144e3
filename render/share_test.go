package render

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuotePermalinkShares checks what a shared permalink shows: the
// description, Open Graph and Twitter card tags, and the schema.org Claim
// beside the Quotation, in both interface languages.
func TestQuotePermalinkShares(t *testing.T) {
	tests := []struct {
		lang, title, description string
	}{
		{"en", `Ada Lovelace: “One”`, `“One” — Ada Lovelace, First, January 2, 2024`},
		{"fr", "Ada Lovelace\u202f: «\u202fOne\u202f»", "«\u202fOne\u202f» — Ada Lovelace, First, 2 janvier 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dir, opts, _ := smallSite(t)
			writeTree(t, dir, map[string]string{"none.yaml": "title: Small\nbase_url: https://q.example.org/\nlanguage: " + tt.lang + "\n"})
			_, err := Build(context.Background(), opts)
			require.NoError(t, err)
			var recs []struct{ ID, Text string }
			require.NoError(t, json.Unmarshal([]byte(readFile(t, opts.OutDir, "quotes.json")), &recs))
			id := ""
			for _, r := range recs {
				if r.Text == "One" {
					id = r.ID
				}
			}
			require.NotEmpty(t, id)
			permalink := "https://q.example.org/quotes/" + id + "/"
			page := readFile(t, opts.OutDir, "quotes/"+id+"/index.html")
			for _, want := range []string{
				`<meta name="description" content="` + tt.description + `">`,
				`<meta property="og:title" content="` + tt.title + `">`,
				`<meta property="og:description" content="` + tt.description + `">`,
				`<meta property="og:url" content="` + permalink + `">`,
				`<meta property="og:type" content="article">`,
				`<meta name="twitter:card" content="summary">`,
				`<meta name="twitter:title" content="` + tt.title + `">`,
			} {
				assert.Contains(t, page, want)
			}

			var claim map[string]any
			for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(page, -1) {
				var ld map[string]any
				require.NoError(t, json.Unmarshal([]byte(m[1]), &ld))
				if ld["@type"] == "Claim" {
					claim = ld
				}
			}
			require.NotNil(t, claim, "a Claim beside the Quotation")
			assert.Equal(t, permalink+"#claim", claim["@id"])
			assert.Equal(t, permalink, claim["url"])
			assert.Equal(t, "One", claim["text"])
			assert.Equal(t, "2024-01-02T00:00:00Z", claim["datePublished"])
			assert.Equal(t, "Ada Lovelace", claim["author"].(map[string]any)["name"])
			assert.Equal(t, "https://example.org/a", claim["firstAppearance"].(map[string]any)["url"])
			assert.Equal(t, "First", claim["appearance"].(map[string]any)["headline"])
		})
	}
}

// TestFrenchTypography checks that the French interface puts a narrow
// no-break space, and only that, before : ; ? and !.
func TestFrenchTypography(t *testing.T) {
	for key, msg := range messages["fr"] {
		for i, r := range msg {
			if !strings.ContainsRune(":;?!", r) || i == 0 {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(msg[:i])
			assert.Equal(t, '\u202f', prev, "%s: %q: want a narrow no-break space before %q", key, msg, r)
		}
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijklmnop", 10, "abcdefghi…"},
		{"one, two three", 6, "one…"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, shorten(tt.in, tt.n), tt.in)
	}
}
