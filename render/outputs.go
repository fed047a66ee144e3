package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/verbatim-news/verbatim/speakers"
)

// page is one file of the site: its path under the output folder and how to
// make its bytes. Pages are rendered in parallel, so make must only read.
type page struct {
	path string
	make func() ([]byte, error)
	// sitemap pages are listed in sitemap.xml with lastmod as their date.
	sitemap bool
	lastmod time.Time
	// key fingerprints the page's inputs (fingerprint.go); "" means the
	// page is always rendered.
	key string
}

// output is one row of the output table: a kind of file and the pages of
// that kind. prior holds the pages of the rows above, for outputs that
// describe the site itself (the sitemap).
type output struct {
	name  string
	pages func(r *renderer, prior []page) []page
}

// outputs is the table of everything a build writes, in order.
var outputs = []output{
	{"home", (*renderer).homePages},
	{"speaker-list", (*renderer).speakerListPages},
	{"article-list", (*renderer).articleListPages},
	{"speaker", (*renderer).speakerPages},
	{"speaker-markdown", (*renderer).speakerMarkdownPages},
	{"speaker-feed", (*renderer).speakerFeedPages},
	{"article", (*renderer).articlePages},
	{"quote", (*renderer).quotePages},
	{"feed", (*renderer).feedPages},
	{"quotes-json", (*renderer).quotesJSONPages},
	{"search", (*renderer).searchPages},
	{"corrections", (*renderer).correctionsPages},
	{"static", (*renderer).staticPages},
	{"404", (*renderer).notFoundPages},
	{"sitemap", (*renderer).sitemapPages},
}

// renderer holds what pages are made from. It is read-only once built.
type renderer struct {
	site *Site
	tmpl map[string]*template.Template
	// fast lists the page templates the site has as built in, whose
	// pages fastPage writes without html/template.
	fast    map[string]bool
	static  map[string][]byte
	digests *digests // nil: no fingerprints, every page is rendered
}

// key fingerprints a page made from the given digests.
func (r *renderer) key(kind string, parts ...digest) string {
	if r.digests == nil {
		return ""
	}
	return r.digests.key(kind, parts...)
}

func (r *renderer) data(kind, title, path string) *pageData {
	s := r.site
	return &pageData{
		Site: s, Lang: s.Config.Language, Kind: kind, Title: title,
		Root: s.base.path, Canonical: s.base.url(path),
		CSS: s.base.rel("style.css"), JS: s.base.rel("search.js"),
	}
}

func (r *renderer) html(path, tmpl string, sitemap bool, lastmod time.Time, fill func() *pageData) page {
	return page{path: path, sitemap: sitemap, lastmod: lastmod, make: func() ([]byte, error) {
		if r.fast[tmpl] {
			return fastPage(tmpl, fill()), nil
		}
		return execute(r.tmpl[tmpl], tmpl, fill())
	}}
}

func (r *renderer) newest() time.Time {
	if len(r.site.Articles) == 0 {
		return time.Time{}
	}
	return r.site.Articles[0].Doc.Date
}

func (r *renderer) homePages([]page) []page {
	return []page{r.html("index.html", "index.html", true, r.newest(), func() *pageData {
		s := r.site
		d := r.data("index", s.Config.Title, "")
		d.Feed = s.base.rel("feed.json")
		for _, sp := range s.Speakers {
			if len(d.Speakers) == s.Config.Latest {
				break
			}
			if !sp.Unattributed && !sp.Unnamed {
				d.Speakers = append(d.Speakers, sp)
			}
		}
		d.Quotes = s.Unique[:min(len(s.Unique), s.Config.Latest)]
		return d
	})}
}

func (r *renderer) speakerListPages([]page) []page {
	return []page{r.html("speakers/index.html", "speakers.html", true, r.newest(), func() *pageData {
		d := r.data("speakers", translate(r.site.Config.Language, "all-speakers"), "speakers/")
		d.Speakers = r.site.Speakers
		return d
	})}
}

func (r *renderer) articleListPages([]page) []page {
	return []page{r.html("articles/index.html", "articles.html", true, r.newest(), func() *pageData {
		d := r.data("articles", translate(r.site.Config.Language, "all-articles"), "articles/")
		d.Articles = r.site.Articles
		return d
	})}
}

func (r *renderer) speakerPages([]page) []page {
	var out []page
	for _, sp := range r.site.Speakers {
		path := "speakers/" + sp.Slug + "/"
		p := r.html(path+"index.html", "speaker.html", true, sp.Quotes[0].Article.Doc.Date, func() *pageData {
			d := r.data("speaker", sp.Name, path)
			d.Speaker = sp
			d.Feed = r.site.base.rel(path + "feed.json")
			d.JSONLD = speakerLD(r.site, sp)
			return d
		})
		if r.digests != nil {
			p.key = r.key("speaker-page", r.digests.speaker[sp])
		}
		out = append(out, p)
	}
	return out
}

func (r *renderer) speakerMarkdownPages([]page) []page {
	var out []page
	for _, sp := range r.site.Speakers {
		p := page{path: "speakers/" + sp.Slug + "/index.md", make: func() ([]byte, error) {
			return speakerMarkdown(r.site, sp)
		}}
		if r.digests != nil {
			p.key = r.key("speaker-md", r.digests.speaker[sp])
		}
		out = append(out, p)
	}
	return out
}

func (r *renderer) articlePages([]page) []page {
	var out []page
	for _, a := range r.site.Articles {
		path := "articles/" + a.Slug + "/"
		p := r.html(path+"index.html", "article.html", true, a.Doc.Date, func() *pageData {
			d := r.data("article", a.Doc.Title, path)
			d.Article = a
			d.Body = articleBody(a)
			return d
		})
		if r.digests != nil {
			p.key = r.key("article-page", r.digests.article[a])
		}
		out = append(out, p)
	}
	return out
}

// articleBody renders the article text with its quotes highlighted. A body
// that goldmark cannot render falls back to escaped plain text.
func articleBody(a *Article) template.HTML {
	spans := a.spans(runeIndex(a.Doc.Text))
	if a.Doc.Format == "md" {
		if h, err := renderMarkdown([]byte(a.Doc.Text), spans); err == nil {
			return template.HTML(h)
		}
		return template.HTML(renderPlain([]byte(a.Doc.Text), 0, spans))
	}
	return template.HTML(renderPlain([]byte(a.Doc.Text), bodyStart(a.Doc.Text, a.Doc.Title), spans))
}

func (r *renderer) quotePages([]page) []page {
	var out []page
	for _, q := range r.site.Quotes {
		path := "quotes/" + q.ID + "/"
		p := r.html(path+"index.html", "quote.html", true, q.Article.Doc.Date, func() *pageData {
			title := translate(r.site.Config.Language, "quote-unknown")
			if !q.Speaker.Unattributed {
				title = translate(r.site.Config.Language, "quote-by", q.Speaker.Name)
			}
			d := r.data("quote", title, path)
			d.Quote = q
			d.JSONLD = quotationLD(r.site, q)
			d.ClaimLD = claimLD(r.site, q)
			d.Share = quoteShare(r.site, q)
			return d
		})
		if r.digests != nil {
			p.key = r.key("quote-page", r.digests.quote[q])
		}
		out = append(out, p)
	}
	return out
}

func (r *renderer) searchPages([]page) []page {
	return []page{
		r.html("search/index.html", "search.html", true, time.Time{}, func() *pageData {
			d := r.data("search", translate(r.site.Config.Language, "search"), "search/")
			d.Speakers = r.site.Speakers
			return d
		}),
		{path: "search/index.js", make: func() ([]byte, error) { return searchIndex(r.site) }},
	}
}

func (r *renderer) staticPages([]page) []page {
	var out []page
	for _, name := range staticFiles {
		out = append(out, page{path: name, make: func() ([]byte, error) { return r.static[name], nil }})
	}
	return out
}

// correctionsPages is the public list of the editors' corrections, which
// fact-checking codes ask for. It is always there, if only to say that
// nothing was corrected.
func (r *renderer) correctionsPages([]page) []page {
	var lastmod time.Time
	if len(r.site.Corrections) > 0 {
		lastmod = r.site.Corrections[0].Date
	}
	return []page{r.html("corrections/index.html", "corrections.html", true, lastmod, func() *pageData {
		d := r.data("corrections", translate(r.site.Config.Language, "corrections"), "corrections/")
		d.Corrections = r.site.Corrections
		return d
	})}
}

func (r *renderer) notFoundPages([]page) []page {
	return []page{r.html("404.html", "404.html", false, time.Time{}, func() *pageData {
		return r.data("404", translate(r.site.Config.Language, "not-found"), "404.html")
	})}
}

// quoteRecord is a quote as quotes.json publishes it: the extractor's
// record with its speaker id and verification (speakers.Record), plus
// where the site put it.
type quoteRecord struct {
	speakers.Record
	Article     string `json:"article"`
	ArticleID   string `json:"article_id"`
	SpeakerSlug string `json:"speaker_slug"`
	URL         string `json:"url"`
	// DuplicateOf is the quote that stands for this one on speaker pages
	// and in feeds: the same words by the same speaker, printed earlier.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func (r *renderer) quotesJSONPages([]page) []page {
	p := page{path: "quotes.json", make: func() ([]byte, error) {
		recs := make([]quoteRecord, 0, len(r.site.Quotes))
		for _, q := range r.site.Quotes {
			rec := quoteRecord{Record: q.Record, Article: q.Article.Slug, ArticleID: q.Article.Doc.ID,
				SpeakerSlug: q.Speaker.Slug, URL: r.site.base.url("quotes/" + q.ID + "/")}
			if !q.shown() {
				rec.DuplicateOf = q.Sources[0].ID
			}
			recs = append(recs, rec)
		}
		return marshalLines(recs)
	}}
	if r.digests != nil {
		// The largest file of the site, and the same bytes after most
		// changes to one article: a quote's digest covers its record,
		// article and speaker; which quote a reprint points to is added.
		h := newHasher("quotes-json").digest(r.digests.env)
		for _, q := range r.site.Quotes {
			dup := ""
			if !q.shown() {
				dup = q.Sources[0].ID
			}
			h.digest(r.digests.quote[q]).str(dup)
		}
		p.key = h.sum().String()
	}
	return []page{p}
}

// marshalJSON encodes v compactly, keeping <, > and & escaped so that no
// JSON file can be sniffed into HTML nor close a script element.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// marshalLines encodes a list as a JSON array with one element per line,
// so that large files stay easy to diff and to grep.
func marshalLines[T any](list []T) ([]byte, error) {
	var buf bytes.Buffer
	// Sized once for the usual record: growing a buffer of tens of
	// megabytes by doubling copies and clears it many times over.
	buf.Grow(len(list) * recordSizeHint)
	buf.WriteString("[")
	enc := json.NewEncoder(&buf)
	for i, v := range list {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	buf.WriteString("\n]\n")
	return buf.Bytes(), nil
}

// recordSizeHint is about the bytes of one quote record in JSON.
const recordSizeHint = 768

// maxSitemapURLs is the protocol's limit per sitemap file; beyond it
// sitemap.xml becomes an index of numbered sitemaps.
const maxSitemapURLs = 50000

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

func (r *renderer) sitemapPages(prior []page) []page {
	var urls []sitemapURL
	for _, p := range prior {
		if !p.sitemap {
			continue
		}
		u := sitemapURL{Loc: r.site.base.url(trimIndex(p.path))}
		if !p.lastmod.IsZero() {
			u.Lastmod = p.lastmod.Format(time.DateOnly)
		}
		urls = append(urls, u)
	}
	if len(urls) <= maxSitemapURLs {
		return []page{{path: "sitemap.xml", make: func() ([]byte, error) { return urlset(urls) }}}
	}
	var out []page
	type entry struct {
		Loc string `xml:"loc"`
	}
	var index []entry
	for i := 0; i*maxSitemapURLs < len(urls); i++ {
		chunk := urls[i*maxSitemapURLs : min(len(urls), (i+1)*maxSitemapURLs)]
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		index = append(index, entry{r.site.base.url(name)})
		out = append(out, page{path: name, make: func() ([]byte, error) { return urlset(chunk) }})
	}
	out = append(out, page{path: "sitemap.xml", make: func() ([]byte, error) {
		return marshalXML(struct {
			XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
			Sitemap []entry  `xml:"sitemap"`
		}{Sitemap: index})
	}})
	return out
}

// urlset writes a sitemap of urls: the bytes xml.MarshalIndent gives
// (TestURLSetAsMarshal), written directly because a sitemap lists every
// page and every build writes it.
func urlset(urls []sitemapURL) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(xml.Header) + len(urls)*sitemapURLSizeHint)
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, u := range urls {
		b.WriteString("\n <url>\n  <loc>")
		if err := xml.EscapeText(&b, []byte(u.Loc)); err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		b.WriteString("</loc>")
		if u.Lastmod != "" {
			b.WriteString("\n  <lastmod>")
			if err := xml.EscapeText(&b, []byte(u.Lastmod)); err != nil {
				return nil, fmt.Errorf("sitemap: %w", err)
			}
			b.WriteString("</lastmod>")
		}
		b.WriteString("\n </url>")
	}
	if len(urls) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}

// sitemapURLSizeHint is about the bytes of one url element.
const sitemapURLSizeHint = 128

func marshalXML(v any) ([]byte, error) {
	data, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	return append(append([]byte(xml.Header), data...), '\n'), nil
}

// trimIndex turns a file path into the URL path that serves it.
func trimIndex(p string) string {
	if p == "index.html" {
		return ""
	}
	if len(p) > len("/index.html") && p[len(p)-len("/index.html"):] == "/index.html" {
		return p[:len(p)-len("index.html")]
	}
	return p
}

// quoteShare is the link preview of a quote's permalink: who said what,
// where and when, in the interface language.
func quoteShare(s *Site, q *Quote) *shareMeta {
	lang := s.Config.Language
	who := translate(lang, "quote-unknown")
	if !q.Speaker.Unattributed {
		who = q.Speaker.Name
	}
	where := q.Article.Doc.Title
	if o := q.Article.Doc.Outlet; o != "" {
		where += " (" + o + ")"
	}
	where += ", " + formatDate(lang, q.Article.Doc.Date)
	// Previews cut titles near 70 characters and descriptions near 200:
	// shorten the words here, at a word, rather than mid-word there.
	desc := translate(lang, "share-description", shorten(q.Text, 200), who, where)
	if q.Speaker.Unattributed {
		desc = translate(lang, "share-description-anon", shorten(q.Text, 200), where)
	}
	return &shareMeta{
		Title:       translate(lang, "share-title", who, shorten(q.Text, 90)),
		Description: desc,
		Locale:      ogLocale(lang),
		Published:   rfc3339(q.Article.Doc.Date),
	}
}

// ogLocale is the Open Graph locale of an interface language.
func ogLocale(lang string) string {
	switch lang {
	case "fr":
		return "fr_FR"
	case "en":
		return "en_US"
	}
	return lang
}

// shorten cuts s to at most n characters, at a space when there is one,
// and marks the cut with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := r[:n-1]
	if i := lastSpace(cut); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(string(cut), " ,;:") + "…"
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}
