package webpage

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func parseBody(t *testing.T, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + src + "</body></html>"))
	require.NoError(t, err)
	body := findElement(doc, "body")
	require.NotNil(t, body)
	return body
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, lang, html string
		want             []string
	}{
		{"paragraphs and headings are lines", "",
			"<h2>A  heading</h2><p>First\n   paragraph.</p><p>Second.</p>",
			[]string{"A heading", "First paragraph.", "Second."}},
		{"inline elements run on", "",
			`<p>He <em>said</em> <a href="#">"yes"</a>, <span>twice</span>.</p>`,
			[]string{`He said "yes", twice.`}},
		{"list items are lines, nested lists too", "",
			"<ul><li>one</li><li>two<ul><li>two.a</li></ul></li></ul>",
			[]string{"one", "two", "two.a"}},
		{"br ends a line", "",
			"<div>Line one<br>Line two<br><br>Line three</div>",
			[]string{"Line one", "Line two", "Line three"}},
		{"table rows are lines, cells are spaced", "",
			"<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>",
			[]string{"Name Votes", "Ann 12"}},
		{"pre keeps its line breaks", "",
			"<pre>a   b\nc\n\nd</pre>",
			[]string{"a b", "c", "d"}},
		{"q gets the marks a browser draws, by language", "en",
			"<p>She called it <q>a <q>bold</q> move</q>.</p>",
			[]string{"She called it “a ‘bold’ move”."}},
		{"q in French", "fr", "<p>Il a parlé d'un <q>tournant</q>.</p>",
			[]string{"Il a parlé d'un «\u00a0tournant\u00a0»."}},
		{"q in German", "de", "<p>Er sprach von einer <q>Wende</q>.</p>",
			[]string{"Er sprach von einer „Wende“."}},
		{"entities decoded, double-encoded ones too", "",
			"<p>&laquo;&nbsp;Oui&nbsp;&raquo; &amp;quot;AT&amp;amp;T&amp;quot; R&amp;D &amp;notanentity; &amp;</p>",
			[]string{"«\u00a0Oui\u00a0» \"AT&T\" R&D &notanentity; &"}},
		{"no-break spaces inside stay, invisible characters go", "",
			"<p>\u00a0« Non\u202f», dit Ka\u00adtha\u200brina.\u00a0</p>",
			[]string{"« Non\u202f», dit Katharina."}},
		{"scripts, styles and images give no text", "",
			`<p>Text<script>var x = "<p>no</p>";</script><style>p{}</style><img alt="alt text"> end.</p>`,
			[]string{"Text end."}},
		{"lines without letters are dropped", "",
			"<p>* * *</p><p>—</p><p>Real text.</p>",
			[]string{"Real text."}},
		{"controls are removed", "",
			"<p>a\u0007b\u0085c</p>",
			[]string{"abc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paragraphs(parseBody(t, tt.html), tt.lang))
		})
	}
}

// TestCleanWithoutReadability checks the furniture removal on its own, so
// that it holds whatever the readability library keeps.
func TestCleanWithoutReadability(t *testing.T) {
	page := `<header class="masthead"><p>"Masthead motto"</p></header>
<nav><p>"Menu"</p></nav>
<main class="has-comments with-sidebar">
<article class="article">
  <header><h1>Title</h1><p>Standfirst "kept".</p></header>
  <p>Body "one".</p>
  <div class="share-tools"><p>"Share"</p></div>
  <div class="ad-container"><p>"Ad one"</p></div>
  <div class="top-ad"><p>"Ad two"</p></div>
  <div class="adv"><p>"Ad three"</p></div>
  <div class="advertisement"><p>"Ad four"</p></div>
  <div class="promoBox"><p>"Promo"</p></div>
  <div class="newsletter-signup"><p>"Newsletter"</p></div>
  <div class="socialLinks"><p>"Social"</p></div>
  <div class="relatedArticles"><p>"Related"</p></div>
  <div class="read-more"><p>"Read more"</p></div>
  <div id="comments"><p>"Comment one"</p></div>
  <ol class="comment-list"><li>"Comment two"</li></ol>
  <div itemprop="comment"><p>"Comment three"</p></div>
  <aside><p>"Aside"</p></aside>
  <figure><blockquote>Figure "kept"</blockquote><figcaption>"Caption"</figcaption></figure>
  <p hidden>"Hidden one"</p>
  <p aria-hidden="true">"Hidden two"</p>
  <p style="display: none">"Hidden three"</p>
  <div role="complementary"><p>"Complementary"</p></div>
  <div class="commentary"><p>Commentary "kept".</p></div>
  <div class="header-image"><p>Header image caption "kept".</p></div>
  <div class="download"><p>Download "kept".</p></div>
  <footer><p>"Article footer"</p></footer>
  <p>Body "two".<!-- "HTML comment" --></p>
</article>
</main>
<section class="related"><article><h3>"Related card"</h3></article></section>
<div class="comments"><article class="comment"><p>"Comment article"</p></article></div>
<footer><p>"Site footer"</p></footer>`
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	clean(doc)
	got := strings.Join(paragraphs(doc, "en"), "\n")
	assert.Equal(t, strings.Join([]string{
		"Title", `Standfirst "kept".`, `Body "one".`, `Figure "kept"`, `Commentary "kept".`,
		`Header image caption "kept".`, `Download "kept".`, `Body "two".`,
	}, "\n"), got)
}

func TestCleanKeepsTheArticleWhateverItsName(t *testing.T) {
	long := strings.Repeat("Words of the article itself. ", 20)
	tests := []struct{ name, html string }{
		{"container named like furniture holds most of the text",
			`<div class="content-with-share-bar"><p>` + long + `</p></div><div class="share"><p>Share</p></div>`},
		{"body class", `<p>` + long + `</p>`},
		{"article inside a comments-named wrapper", `<div class="comments-layout"><article><p>` + long + `</p></article></div><div class="comments"><p>Short.</p></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<html><body class="page-comments">` + tt.html + `</body></html>`))
			require.NoError(t, err)
			clean(doc)
			assert.Contains(t, strings.Join(paragraphs(doc, ""), "\n"), strings.TrimSpace(long))
		})
	}
}

func TestDropLinkLists(t *testing.T) {
	body := parseBody(t, `<p>Text with <a href="#">a link</a> inside a longer sentence that is the article.</p>
<ul><li><a href="/a">"Quote" in a related title</a></li><li><a href="/b">Another "one"</a></li></ul>
<ul><li>A real list item</li><li>Another real item with <a href="#">a link</a></li></ul>
<p><a href="/c">A paragraph that is only a "link"</a></p>
<p><strong>Read more:</strong> <a href="/d">"Something" happened</a></p>
<p>À lire aussi : <a href="/e">« Une phrase »</a></p>
<p>End.</p>`)
	dropLinkLists(body)
	assert.Equal(t, []string{
		"Text with a link inside a longer sentence that is the article.",
		"A real list item", "Another real item with a link", "End.",
	}, paragraphs(body, ""))
}

func TestIsFurnitureName(t *testing.T) {
	for name, want := range map[string]bool{
		"related-articles": true, "relatedStories": true, "share": true, "shareButtons": true, "social-bar": true,
		"comments": true, "js-comment-list": true, "commentaires": true, "newsletter": true, "promo": true,
		"ad": true, "ad-slot": true, "top-ad": true, "ads": true, "advert": true, "advertisement": true,
		"sponsored-content": true, "outbrain": true, "taboola-below": true, "read-more": true, "pullquote": true,
		"commentary": false, "header": false, "download": false, "shadow": false, "loading": false,
		"has-comments": false, "with-sidebar": false, "article-body": false, "subscriber-content": false,
		"address": false, "admin": false, "badge": false, "lead": false,
	} {
		assert.Equal(t, want, isFurnitureName(name), name)
	}
}

func TestDecodeEntities(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"no entity":                         "no entity",
		"&quot;x&quot;":                     `"x"`,
		"&#8220;x&#x201D;":                  "“x”",
		"AT&T & R&D":                        "AT&T & R&D",
		"&unknown; &;":                      "&unknown; &;",
		"&amp;quot;":                        "&quot;", // one level per call
		"&" + strings.Repeat("a", 50) + ";": "&" + strings.Repeat("a", 50) + ";",
	} {
		assert.Equal(t, want, decodeEntities(in), in)
	}
}

func TestNormLang(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "fr-FR": "fr", "en_US": "en", "DE": "de", "gsw": "gsw", "French": "", "": "", "x": "", "zh-Hant-TW": "zh",
	} {
		assert.Equal(t, want, normLang(in), in)
	}
}

// cancelAfter cancels its context once n bytes were read through it.
type cancelAfter struct {
	r      *strings.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	return n, err
}

// TestParseStopsWhenGivenUp: a parse whose time is up stops at its next
// read instead of reading the page to its end in the background.
func TestParseStopsWhenGivenUp(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>Un paragraphe de texte, « avec une citation », dit-il.</p>", 20000) + "</body></html>"
	ctx, cancel := context.WithCancel(context.Background())
	src := &cancelAfter{r: strings.NewReader(page), n: 64 << 10, cancel: cancel}
	_, err := html.Parse(ctxReader{ctx, src})
	require.ErrorIs(t, err, context.Canceled)
	assert.Positive(t, src.r.Len(), "the parse read the whole page after it was given up")
}
