package webpage_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/webpage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// pageURLs are where the test pages pretend to come from.
var pageURLs = map[string]string{
	"furniture.html":       "https://courier.example/news/2024/05/02/ferry-plan?utm_source=feed",
	"graph-fr-latin1.html": "https://www.courrier.example/sante/greve-hopitaux-lyon",
	"meta-de.html":         "https://rundschau.example/wirtschaft/hafenstreik",
	"minimal.html":         "",
}

// describe writes an Article as the golden files show it.
func describe(a webpage.Article) string {
	var b strings.Builder
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "title: %s\ndate: %s\nauthors: %s\noutlet: %s\nlang: %s\ncanonical: %s\n---\n%s",
		a.Title, date, strings.Join(a.Authors, " | "), a.Outlet, a.Lang, a.CanonicalURL, a.Text)
	return b.String()
}

func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	for _, page := range pages {
		name := filepath.Base(page)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			require.NoError(t, err)
			pageURL, ok := pageURLs[name]
			require.True(t, ok, "add %s to pageURLs", name)
			a, err := webpage.Parse(bytes.NewReader(data), pageURL)
			require.NoError(t, err)
			got := describe(a)
			golden := strings.TrimSuffix(page, ".html") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./webpage -update to create the golden files")
			assert.Equal(t, string(want), got)
		})
	}
}

// TestFurnitureNeverYieldsQuotes reads a page whose menus, ads, share bar,
// pull quote, comments and related-article list are full of quotation
// marks, and whose article has exactly two quotes: the extractor must find
// those two and nothing else.
func TestFurnitureNeverYieldsQuotes(t *testing.T) {
	data, err := os.ReadFile("testdata/furniture.html")
	require.NoError(t, err)
	a, err := webpage.Parse(bytes.NewReader(data), pageURLs["furniture.html"])
	require.NoError(t, err)

	for _, furniture := range []string{
		"Opinion", "Best rates", "Tweet this", "only ferry", "A ferry too far", "never asked",
		"money is there", "best news", "Waste of money", "Get the news first", "Local news", "not a quote",
		"Tags:", "Share on", "ADVERTISEMENT", "Related stories", "3 comments",
	} {
		assert.NotContains(t, a.Text, furniture)
	}
	assert.Equal(t, 1, strings.Count(a.Text, "kept that promise"), "the pull quote does not repeat the quote")

	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	quotes := ex.Extract(extract.Document{ID: "ferry", Lang: a.Lang, Text: a.Text})
	var texts []string
	for _, q := range quotes {
		texts = append(texts, q.Text)
		runes := []rune(a.Text)
		require.True(t, q.Start >= 0 && q.End <= len(runes) && q.Start <= q.End, "offsets %d:%d", q.Start, q.End)
		assert.Equal(t, q.Text, string(runes[q.Start:q.End]))
	}
	assert.Equal(t, []string{
		"For twenty years we have promised the islanders a better service, and tonight we have finally kept that promise,",
		"I will believe it when I see the boat,",
	}, texts)
}

func TestMetadataPrecedence(t *testing.T) {
	body := `<body><article><p>` + strings.Repeat("The council met on Monday and talked for a long time about the budget. ", 8) + `</p></article></body>`
	page := func(head string) string { return `<html lang="en-US"><head>` + head + `</head>` + body + `</html>` }
	ld := func(js string) string { return `<script type="application/ld+json">` + js + `</script>` }
	metaTags := `<title>Tag title | Site</title>
		<meta property="og:title" content="OG title">
		<meta property="og:site_name" content="OG outlet">
		<meta property="article:published_time" content="2024-01-02T03:04:05Z">
		<meta name="author" content="Meta Author">
		<meta property="og:url" content="https://og.example/a">
		<link rel="canonical" href="https://canonical.example/a">`
	date := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return d
	}
	tests := []struct {
		name, pageURL, html string
		want                webpage.Article
	}{
		{"meta tags alone", "", page(metaTags), webpage.Article{
			Title: "OG title", Outlet: "OG outlet", Date: date("2024-01-02T03:04:05Z"), Authors: []string{"Meta Author"},
			Lang: "en", CanonicalURL: "https://canonical.example/a"}},
		{"JSON-LD wins over meta tags", "", page(metaTags + ld(`{"@context": "https://schema.org", "@type": "NewsArticle",
			"headline": "LD headline", "datePublished": "2024-02-03T10:00:00+01:00", "author": "LD Author",
			"publisher": {"@type": "Organization", "name": "LD outlet"}, "url": "https://ld.example/a", "inLanguage": "fr-CA"}`)),
			webpage.Article{Title: "LD headline", Outlet: "LD outlet", Date: date("2024-02-03T10:00:00+01:00"),
				Authors: []string{"LD Author"}, Lang: "fr", CanonicalURL: "https://ld.example/a"}},
		{"JSON-LD fills only what it has", "", page(metaTags + ld(`{"@type": "Article", "headline": "LD headline"}`)),
			webpage.Article{Title: "LD headline", Outlet: "OG outlet", Date: date("2024-01-02T03:04:05Z"),
				Authors: []string{"Meta Author"}, Lang: "en", CanonicalURL: "https://canonical.example/a"}},
		{"authors as a list of objects and strings, deduplicated", "", page(ld(`{"@type": "NewsArticle", "headline": "H",
			"author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chen", {"name": "ann lee"}, "https://example.org/staff/x"]}`)),
			webpage.Article{Title: "H", Authors: []string{"Ann Lee", "Bo Chen"}, Lang: "en"}},
		{"@graph with @id references and a typed list", "https://news.example/x", page(ld(`{"@context": "https://schema.org", "@graph": [
			{"@type": "WebSite", "@id": "https://news.example/#site", "name": "Site name"},
			{"@type": "Person", "@id": "https://news.example/#p1", "name": "Dana Scully"},
			{"@type": "Organization", "@id": "https://news.example/#org", "name": "Graph outlet"},
			{"@type": ["Article", "NewsArticle"], "headline": "Graph headline", "datePublished": "2024-03-04",
			 "author": {"@id": "https://news.example/#p1"}, "publisher": {"@id": "https://news.example/#org"},
			 "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example/x"}}]}`)),
			webpage.Article{Title: "Graph headline", Outlet: "Graph outlet", Date: date("2024-03-04T00:00:00Z"),
				Authors: []string{"Dana Scully"}, Lang: "en", CanonicalURL: "https://news.example/x"}},
		{"a NewsArticle is preferred over a BlogPosting; related lists are ignored", "", page(
			ld(`[{"@type": "BlogPosting", "headline": "Blog"}, {"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "headline": "Related"}]}]`) +
				ld(`{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Main entity"}}`)),
			webpage.Article{Title: "Main entity", Lang: "en"}},
		{"invalid JSON-LD is skipped; raw line breaks are tolerated", "", page(metaTags +
			ld(`{"@type": "NewsArticle", "headline": "broken",}`) + ld("<!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Line\nbreak\"}\n-->")),
			webpage.Article{Title: "Line break", Outlet: "OG outlet", Date: date("2024-01-02T03:04:05Z"),
				Authors: []string{"Meta Author"}, Lang: "en", CanonicalURL: "https://canonical.example/a"}},
		{"relative canonical resolved against the page URL, fragment dropped", "https://site.example/news/a?x=1",
			page(`<link rel="canonical" href="/news/a#top">`),
			webpage.Article{Lang: "en", CanonicalURL: "https://site.example/news/a"}},
		{"no canonical: og:url, then the page URL", "https://site.example/p",
			page(`<meta property="og:url" content="https://site.example/og">`),
			webpage.Article{Lang: "en", CanonicalURL: "https://site.example/og"}},
		{"page URL when nothing else", "https://site.example/p", page(``),
			webpage.Article{Lang: "en", CanonicalURL: "https://site.example/p"}},
		{"a canonical that is not http is dropped", "", page(`<link rel="canonical" href="javascript:alert(1)">`),
			webpage.Article{Lang: "en"}},
		{"entities in JSON-LD are decoded", "", page(ld(`{"@type": "NewsArticle", "headline": "Caf&eacute; &#8220;talks&#8221;", "author": {"name": "O&#039;Brien"}}`)),
			webpage.Article{Title: "Café “talks”", Authors: []string{"O'Brien"}, Lang: "en"}},
		{"dates without colon in the zone and language objects", "", page(ld(`{"@type": "NewsArticle", "headline": "H",
			"datePublished": "2024-05-06T07:08:09+0200", "inLanguage": {"@type": "Language", "name": "German", "alternateName": "de"}}`)),
			webpage.Article{Title: "H", Date: date("2024-05-06T07:08:09+02:00"), Lang: "de"}},
		{"unparsable date is no date", "", page(`<meta property="article:published_time" content="last Tuesday">`),
			webpage.Article{Lang: "en"}},
		{"og:locale when the page has no lang", "", strings.Replace(page(`<meta property="og:locale" content="de_DE">`), ` lang="en-US"`, "", 1),
			webpage.Article{Lang: "de"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := webpage.Parse(strings.NewReader(tt.html), tt.pageURL)
			require.NoError(t, err)
			assert.NotEmpty(t, a.Text)
			a.Text = ""
			if tt.want.Title == "" {
				// The readability library's guess from <title> or the page.
				tt.want.Title = a.Title
			}
			assert.Equal(t, tt.want.Title, a.Title)
			assert.True(t, tt.want.Date.Equal(a.Date), "date %v, want %v", a.Date, tt.want.Date)
			a.Date, tt.want.Date = time.Time{}, time.Time{}
			assert.Equal(t, tt.want, a)
		})
	}
}

func TestCharsets(t *testing.T) {
	para := func(s string) string {
		return `<body><article><p>` + s + `</p><p>` + strings.Repeat("Filler sentence for the article body. ", 10) + `</p></article></body></html>`
	}
	const want = "« Ça coûte cher », dit-elle."
	latin1 := []byte("\xab \xc7a co\xfbte cher \xbb, dit-elle.")
	utf16 := []byte{0xff, 0xfe}
	for _, r := range `<html><head><meta charset="utf-16"></head>` + para(want) {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name        string
		page        []byte
		contentType string
		want        string
	}{
		{"meta charset", append([]byte(`<html><head><meta charset="iso-8859-1"></head>`), para(string(latin1))...), "", want},
		{"http-equiv", append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>`), para(string(latin1))...), "", want},
		{"Content-Type header wins over meta", append([]byte(`<html><head><meta charset="utf-8"></head>`), para(string(latin1))...), "text/html; charset=ISO-8859-1", want},
		{"no declaration, legacy bytes", append([]byte(`<html><head></head>`), para(string(latin1))...), "", want},
		{"no declaration, UTF-8 after the first KB", []byte(`<html><head><!--` + strings.Repeat("x", 2000) + `--></head>` + para(want)), "", want},
		{"stale meta, valid UTF-8", []byte(`<html><head><meta charset="iso-8859-1"></head>` + para(want)), "", want},
		{"UTF-16 with byte order mark", utf16, "", want},
		{"invalid UTF-8 becomes U+FFFD", []byte(`<html><head><meta charset="utf-8"></head>` + para("Caf\xe9 \xff\xfe ok")), "", "Caf\uFFFD \uFFFD ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := webpage.ParseWith(bytes.NewReader(tt.page), "", webpage.Options{ContentType: tt.contentType})
			require.NoError(t, err)
			first, _, _ := strings.Cut(a.Text, "\n")
			assert.Equal(t, tt.want, first)
		})
	}
}

func TestHostilePages(t *testing.T) {
	t.Run("larger than MaxBytes", func(t *testing.T) {
		_, err := webpage.ParseWith(strings.NewReader(strings.Repeat("<p>word</p>", 1000)), "", webpage.Options{MaxBytes: 4 << 10})
		require.ErrorIs(t, err, webpage.ErrTooLarge)
		assert.EqualError(t, err, "page too large: more than 4 KB")
	})
	t.Run("larger than the default cap", func(t *testing.T) {
		_, err := webpage.Parse(repeated(webpage.DefaultMaxBytes+1), "")
		require.ErrorIs(t, err, webpage.ErrTooLarge)
		assert.EqualError(t, err, "page too large: more than 20 MB")
	})
	t.Run("nested too deep", func(t *testing.T) {
		_, err := webpage.Parse(strings.NewReader(strings.Repeat("<span>", 5000)+"text"), "")
		require.ErrorIs(t, err, webpage.ErrTooDeep)
	})
	t.Run("many paragraphs in hundreds of wrappers", func(t *testing.T) {
		page := strings.Repeat("<div>", 300) + strings.Repeat("<p>A paragraph of the article, with <a href=\"#\">a link</a>.</p>", 20000)
		_, err := webpage.Parse(strings.NewReader(page), "")
		require.ErrorIs(t, err, webpage.ErrTooComplex)
		assert.Regexp(t, `^page too complex: \d+ nodes nested \d+ levels deep on average$`, err.Error())
	})
	t.Run("nested deep but within the limit", func(t *testing.T) {
		a, err := webpage.Parse(strings.NewReader(strings.Repeat("<div>", 400)+"<p>Some words here.</p>"), "")
		require.NoError(t, err)
		assert.Equal(t, "Some words here.\n", a.Text)
	})
	for _, tt := range []struct{ name, html string }{
		{"empty", ""},
		{"only furniture", `<nav><p>Home</p></nav><footer><p>"Footer quote"</p></footer><div class="comments"><p>"x"</p></div>`},
		{"only scripts", `<script>document.write("<p>hi</p>")</script>`},
		{"controls and punctuation only", "\x00\x01\x02 — * · \x7f"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := webpage.Parse(strings.NewReader(tt.html), "")
			require.ErrorIs(t, err, webpage.ErrNoText)
		})
	}
	t.Run("malformed HTML still reads", func(t *testing.T) {
		a, err := webpage.Parse(strings.NewReader(`<html><body><p>First paragraph with <b>bold <i>and</b> italic</i> text.<p>Second "quoted" paragraph<div>unclosed`), "")
		require.NoError(t, err)
		assert.Contains(t, a.Text, "First paragraph with bold and italic text.")
		assert.Contains(t, a.Text, `Second "quoted" paragraph`)
	})
}

// repeated returns a reader of n bytes of article-like HTML without holding
// them in memory.
func repeated(n int64) *repeatReader {
	return &repeatReader{left: n, unit: []byte("<p>Some more words.</p>\n")}
}

type repeatReader struct {
	left int64
	unit []byte
	pos  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && r.left > 0 {
		c := copy(p[n:], r.unit[r.pos:])
		c = int(min(int64(c), r.left))
		r.pos = (r.pos + c) % len(r.unit)
		n += c
		r.left -= int64(c)
	}
	return n, nil
}

func TestTitleFallbacks(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"<title> when readability gives up", `<html><head><title>Tag title</title></head><body><p>Short.</p></body></html>`, "Tag title"},
		{"first heading when there is no title", `<html><body><h1>Heading title</h1><p>Short text.</p></body></html>`, "Heading title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := webpage.Parse(strings.NewReader(tt.html), "")
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.Title)
			assert.NotContains(t, a.Text, tt.want, "the title is not repeated in the text")
		})
	}
}

// hostileDeadline is how long a hostile page may take before the test
// calls it a hang. Each page below is read in well under a second; the
// deadline only stops a regression from stalling the test run.
const hostileDeadline = 20 * time.Second

// parseOrHang parses page in a goroutine and fails the test if it does not
// return before hostileDeadline.
func parseOrHang(t *testing.T, page string, opts webpage.Options) (webpage.Article, error) {
	t.Helper()
	type result struct {
		a   webpage.Article
		err error
	}
	done := make(chan result, 1)
	go func() {
		a, err := webpage.ParseWith(strings.NewReader(page), "", opts)
		done <- result{a, err}
	}()
	select {
	case r := <-done:
		return r.a, r.err
	case <-time.After(hostileDeadline):
		t.Fatalf("parsing did not return within %s: the HTML parser loops", hostileDeadline)
		return webpage.Article{}, nil
	}
}

// TestHostileHTMLReturns holds the pages that made the HTML parser of
// golang.org/x/net v0.41 loop forever (CVE-2025-58190) or take most of a
// minute (CVE-2025-47911).
func TestHostileHTMLReturns(t *testing.T) {
	tests := []struct {
		name string
		page string
		want error
	}{
		{"svg and select in a table (CVE-2025-58190)", `<table><tbody><svg><td><desc><select></select></tbody>`, webpage.ErrNoText},
		{"64k nested divs (CVE-2025-47911)", strings.Repeat("<div>", 64<<10) + "<p>Deep words.</p>", webpage.ErrTooDeep},
		{"64k nested spans", strings.Repeat("<span>", 64<<10) + "text", webpage.ErrTooDeep},
		{"64k stray closing tags", strings.Repeat("</dl>", 64<<10) + "<p>Some words here.</p>", nil},
		{"20k nested tables", strings.Repeat("<table><tr><td>", 20<<10) + "text", webpage.ErrTooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseOrHang(t, tt.page, webpage.Options{})
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
		})
	}
}

func TestParseTimeout(t *testing.T) {
	data, err := os.ReadFile("testdata/furniture.html")
	require.NoError(t, err)
	// A timeout that has passed before parsing starts gives the error
	// every time, whatever the speed of the machine.
	_, err = parseOrHang(t, string(data), webpage.Options{Timeout: time.Nanosecond})
	require.ErrorIs(t, err, webpage.ErrTimeout)
	assert.EqualError(t, err, "page took too long to read: more than 1ns")
}
