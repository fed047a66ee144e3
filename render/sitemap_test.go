package render

import (
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestURLSetAsMarshal checks that urlset writes the bytes xml.MarshalIndent
// writes for the same URLs, escapes and empty lastmod included.
func TestURLSetAsMarshal(t *testing.T) {
	marshal := func(urls []sitemapURL) []byte {
		data, err := marshalXML(struct {
			XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
			URL     []sitemapURL `xml:"url"`
		}{URL: urls})
		require.NoError(t, err)
		return data
	}
	hostile := []sitemapURL{
		{Loc: "https://example.org/", Lastmod: "2024-01-02"},
		{Loc: "https://example.org/a?b=1&c=<2>\"'", Lastmod: ""},
		{Loc: "/rel/é\t\n\r\x00\x7f\ufffd\xff/", Lastmod: "x&y"},
		{Loc: "", Lastmod: ""},
	}
	for _, urls := range [][]sitemapURL{nil, {}, hostile[:1], hostile} {
		got, err := urlset(urls)
		require.NoError(t, err)
		assert.Equal(t, string(marshal(urls)), string(got))
	}
}
