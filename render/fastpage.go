package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"strconv"
	"strings"

	"github.com/verbatim-news/verbatim/templates"
)

// Quote permalinks, articles and speakers are nearly all of a site's
// pages, and html/template spent most of their time on reflection: a field
// looked up by name and an escaper called through reflect.Value.Call for
// every value. The writers here give the same bytes as base.html with
// quote.html, article.html or speaker.html, the built-in files, in plain
// Go: each value escaped once, as html/template escapes it in its context.
//
// They stand for those files only. A site that overrides base.html or the
// page's template gets html/template, so the templates stay what drives
// the output; TestFastPagesMatchTemplates compares both on hostile data,
// and a change to one of the files makes its fast path step aside
// (builtin) until the writer is brought up to date.

// fastPages are the page templates that have a writer here.
var fastPages = map[string]func(w *htmlWriter, d *pageData){
	"quote.html":    (*htmlWriter).quoteMain,
	"article.html":  (*htmlWriter).articleMain,
	"speaker.html":  (*htmlWriter).speakerMain,
	"articles.html": (*htmlWriter).articlesMain,
	"speakers.html": (*htmlWriter).speakersMain,
}

// fastHeads are the "head" blocks of the page templates that define one.
var fastHeads = map[string]func(w *htmlWriter, d *pageData){
	"quote.html":   (*htmlWriter).quoteHead,
	"speaker.html": (*htmlWriter).speakerHead,
}

// builtin returns the names of the page templates of fastPages that the
// site has as they are built in, base.html included, byte for byte.
func builtin(sources map[string][]byte) map[string]bool {
	same := func(name string) bool {
		embedded, err := fs.ReadFile(templates.FS(), name)
		return err == nil && bytes.Equal(embedded, sources[name])
	}
	out := map[string]bool{}
	if !same("base.html") {
		return out
	}
	for name := range fastPages {
		if same(name) {
			out[name] = true
		}
	}
	return out
}

// pageSize is a first guess at a page's size, to grow the buffer once.
const pageSize = 8 << 10

// fastPage renders d as base.html with the page template name does; name
// must be one of fastPages.
func fastPage(name string, d *pageData) []byte {
	w := &htmlWriter{b: make([]byte, 0, pageSize), lang: d.Lang}
	w.base(d, fastHeads[name], fastPages[name])
	return stripControls(w.b)
}

// base writes base.html around the page's head block (nil for none) and
// main block.
func (w *htmlWriter) base(d *pageData, head, main func(w *htmlWriter, d *pageData)) {
	cfg := d.Site.Config
	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(d.Lang)
	w.raw("\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'\">\n" +
		"<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n<title>")
	if d.Kind == "index" {
		w.text(cfg.Title)
	} else {
		w.text(d.Title)
		w.raw(" · ")
		w.text(cfg.Title)
	}
	w.raw("</title>")
	if s := d.Share; s != nil {
		w.raw("\n<meta name=\"description\" content=\"")
		w.text(s.Description)
		w.raw("\">\n<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:site_name\" content=\"")
		w.text(cfg.Title)
		w.raw("\">\n<meta property=\"og:title\" content=\"")
		w.text(s.Title)
		w.raw("\">\n<meta property=\"og:description\" content=\"")
		w.text(s.Description)
		w.raw("\">\n<meta property=\"og:url\" content=\"")
		w.text(d.Canonical)
		w.raw("\">\n<meta property=\"og:locale\" content=\"")
		w.text(s.Locale)
		w.raw("\">")
		if s.Published != "" {
			w.raw("\n<meta property=\"article:published_time\" content=\"")
			w.text(s.Published)
			w.raw("\">")
		}
		w.raw("\n<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"")
		w.text(s.Title)
		w.raw("\">\n<meta name=\"twitter:description\" content=\"")
		w.text(s.Description)
		w.raw("\">")
	} else if cfg.Description != "" {
		w.raw("\n<meta name=\"description\" content=\"")
		w.text(cfg.Description)
		w.raw("\">")
	}
	w.raw("\n<link rel=\"canonical\" href=\"")
	w.url(d.Canonical)
	w.raw("\">\n<link rel=\"stylesheet\" href=\"")
	w.url(d.CSS)
	w.raw("\">")
	if d.Feed != "" {
		w.raw("\n<link rel=\"alternate\" type=\"application/feed+json\" title=\"")
		w.text(d.Title)
		w.raw("\" href=\"")
		w.url(d.Feed)
		w.raw("\">")
	}
	if head != nil {
		head(w, d)
	}
	w.raw("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	w.t("skip")
	w.raw("</a>\n<header class=\"site\">\n<a class=\"brand\" href=\"")
	w.url(d.Root)
	w.raw("\">")
	w.text(cfg.Title)
	w.raw("</a>\n<nav aria-label=\"")
	w.t("main-nav")
	w.raw("\">\n<ul>\n")
	for _, item := range []string{"speakers", "articles", "search", "corrections"} {
		w.raw("<li><a href=\"")
		w.url(d.Root)
		w.raw(item + "/\"")
		if d.Kind == item {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		w.t(item)
		w.raw("</a></li>\n")
	}
	w.raw("</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
	main(w, d)
	w.raw("\n</main>\n<footer class=\"site\">\n<p>")
	w.t("footer")
	if d.Feed != "" {
		w.raw(" <a href=\"")
		w.url(d.Feed)
		w.raw("\">")
		w.t("feed")
		w.raw("</a>")
	}
	w.raw("</p>\n</footer>\n</body>\n</html>\n")
}

// script writes a JSON-LD block. JSON-LD is template.JS, which
// html/template writes into a script as it is (marshalJSON escaped it).
func (w *htmlWriter) script(js template.JS) {
	w.raw("\n<script type=\"application/ld+json\">")
	w.raw(string(js))
	w.raw("</script>")
}

// quoteHead is quote.html's "head".
func (w *htmlWriter) quoteHead(d *pageData) {
	w.script(d.JSONLD)
	if d.ClaimLD != "" {
		w.script(d.ClaimLD)
	}
}

// quoteMain is quote.html's "main".
func (w *htmlWriter) quoteMain(d *pageData) {
	q := d.Quote
	w.raw("\n<h1>")
	w.text(d.Title)
	w.raw("</h1>\n")
	w.card(d, q, false)
	w.raw("\n<dl class=\"facts\">\n<dt>")
	w.t("article-page")
	w.raw("</dt><dd><a href=\"")
	w.url(q.Article.URL)
	w.raw("#")
	w.urlPart(q.ID)
	w.raw("\">")
	w.text(q.Article.Doc.Title)
	w.raw("</a>")
	if o := q.Article.Doc.Outlet; o != "" {
		w.raw(" · ")
		w.text(o)
	}
	w.raw("</dd>")
	if q.Cue != "" {
		w.raw("\n<dt>")
		w.t("cue")
		w.raw("</dt><dd>")
		w.text(q.Cue)
		w.raw("</dd>")
	}
	w.raw("\n<dt>")
	w.t("kind-direct")
	w.raw(" / ")
	w.t("kind-partial")
	w.raw("</dt><dd>")
	if string(q.Kind) == "partial" {
		w.t("kind-partial")
	} else {
		w.t("kind-direct")
	}
	w.raw("</dd>")
	for _, c := range q.Corrections {
		w.raw("\n<dt>")
		w.t("correction")
		w.raw("</dt><dd>")
		w.t("action-" + string(c.Entry.Action))
		w.raw(", <time datetime=\"")
		w.text(isodate(c.Date))
		w.raw("\">")
		w.text(formatDate(w.lang, c.Date))
		w.raw("</time>, ")
		w.text(c.Entry.By)
		if c.Entry.Note != "" {
			w.raw(" — ")
			w.text(c.Entry.Note)
		}
		w.raw(" · <a href=\"")
		w.url(d.Root)
		w.raw("corrections/\">")
		w.t("corrections")
		w.raw("</a></dd>")
	}
	w.raw("\n</dl>\n")
}

// articleMain is article.html's "main".
func (w *htmlWriter) articleMain(d *pageData) {
	a := d.Article
	w.raw("\n<article class=\"article\"")
	w.langAttr(a.Lang)
	w.raw(">\n<header>\n<h1>")
	w.text(a.Doc.Title)
	w.raw("</h1>\n<p class=\"meta\">")
	if len(a.Doc.Authors) > 0 {
		w.t("by")
		w.raw(" ")
		w.list(a.Doc.Authors)
		w.raw(" · ")
	}
	if a.Doc.Outlet != "" {
		w.text(a.Doc.Outlet)
		w.raw(" · ")
	}
	w.raw("\n")
	w.time(a)
	if a.Source != "" {
		w.raw(" · <a href=\"")
		w.url(a.Source)
		w.raw("\" rel=\"noopener noreferrer\">")
		w.t("source")
		w.raw("</a>")
	} else {
		w.raw(" · ")
		w.t("no-source")
	}
	w.raw("</p>\n</header>\n<div class=\"body\">\n")
	// Body is template.HTML, written as it is.
	w.raw(string(d.Body))
	w.raw("\n</div>\n</article>\n<section aria-labelledby=\"h-quotes\">\n<h2 id=\"h-quotes\">")
	w.t("article-quotes")
	w.raw("</h2>")
	for _, q := range a.Quotes {
		w.raw("\n")
		w.card(d, q, true)
	}
	if len(a.Quotes) == 0 {
		w.raw("\n<p>")
		w.t("no-quotes")
		w.raw("</p>")
	}
	w.raw("\n</section>\n")
}

// speakerHead is speaker.html's "head".
func (w *htmlWriter) speakerHead(d *pageData) {
	if d.JSONLD != "" {
		w.script(d.JSONLD)
	}
}

// speakerMain is speaker.html's "main".
func (w *htmlWriter) speakerMain(d *pageData) {
	sp := d.Speaker
	w.raw("\n<h1>")
	w.text(sp.Name)
	w.raw("</h1>")
	if sp.Description != "" {
		w.raw("\n<p class=\"description\">")
		w.text(sp.Description)
		w.raw("</p>")
	}
	w.raw("\n<p class=\"lead\">")
	w.text(plural(w.lang, len(sp.Quotes), "quote", "quotes"))
	w.raw(" · ")
	w.text(plural(w.lang, sp.Articles, "article-one", "article-many"))
	if sp.Unattributed {
		w.raw(". ")
		w.t("unattributed-note")
	} else if sp.Unnamed {
		w.raw(". ")
		w.t("unnamed-note")
	}
	w.raw("</p>")
	if len(sp.Aliases) > 0 {
		w.raw("\n<p>")
		w.t("also-as")
		w.raw(" ")
		w.list(sp.Aliases)
		w.raw("</p>")
	}
	if sp.Wikidata != "" {
		w.raw("\n<p class=\"wikidata\"><a href=\"")
		w.url(sp.Wikidata)
		w.raw("\" rel=\"noopener noreferrer\">")
		w.t("wikidata")
		w.raw(" ")
		w.text(sp.QID)
		w.raw("</a></p>")
	}
	for i, g := range sp.Groups {
		n := strconv.Itoa(i)
		w.raw("\n<section class=\"group\" aria-labelledby=\"g" + n + "\"")
		w.langAttr(g.Article.Lang)
		w.raw(">\n<h2 id=\"g" + n + "\"><a href=\"")
		w.url(g.Article.URL)
		w.raw("\">")
		w.text(g.Article.Doc.Title)
		w.raw("</a></h2>\n<p class=\"meta\">")
		w.time(g.Article)
		if o := g.Article.Doc.Outlet; o != "" {
			w.raw(" · ")
			w.text(o)
		}
		w.raw("</p>")
		for _, q := range g.Quotes {
			w.raw("\n")
			w.card(d, q, true)
		}
		w.raw("\n</section>")
	}
	w.raw("\n")
}

// articlesMain writes articles.html: every article, one line each. It
// and speakersMain are pages of thousands of lines that every build
// renders, since no fingerprint stands for them.
func (w *htmlWriter) articlesMain(d *pageData) {
	w.raw("\n<h1>")
	w.text(d.Title)
	w.raw("</h1>\n<ol class=\"articles\">")
	for _, a := range d.Articles {
		w.raw("\n<li")
		w.langAttr(a.Lang)
		w.raw("><a href=\"")
		w.url(a.URL)
		w.raw("\">")
		w.text(a.Doc.Title)
		w.raw("</a> <span class=\"meta\">")
		w.time(a)
		if o := a.Doc.Outlet; o != "" {
			w.raw(" · ")
			w.text(o)
		}
		w.raw(" · ")
		w.text(plural(w.lang, len(a.Quotes), "quote", "quotes"))
		w.raw("</span></li>")
	}
	w.raw("\n</ol>\n")
}

// speakersMain writes speakers.html: every speaker with its count.
func (w *htmlWriter) speakersMain(d *pageData) {
	w.raw("\n<h1>")
	w.text(d.Title)
	w.raw("</h1>\n<ol class=\"speakers\">")
	for _, sp := range d.Speakers {
		w.raw("\n<li><a href=\"")
		w.url(sp.URL)
		w.raw("\">")
		w.text(sp.Name)
		w.raw("</a> <span class=\"count\">")
		w.text(plural(w.lang, len(sp.Quotes), "quote", "quotes"))
		w.raw("</span></li>")
	}
	w.raw("\n</ol>\n")
}

// langAttr writes a lang attribute when lang is set and differs from the
// page's: the template function "other".
func (w *htmlWriter) langAttr(lang string) {
	if lang != w.lang && lang != "" {
		w.raw(" lang=\"")
		w.text(lang)
		w.raw("\"")
	}
}

// list writes names separated by commas.
func (w *htmlWriter) list(names []string) {
	for i, n := range names {
		if i > 0 {
			w.raw(", ")
		}
		w.text(n)
	}
}

// card writes base.html's "quote" template: a quote's card.
func (w *htmlWriter) card(d *pageData, q *Quote, inArticle bool) {
	w.raw("\n<figure class=\"quote\"")
	w.langAttr(q.Lang)
	w.raw(">\n<blockquote")
	if q.SourceLink != "" {
		w.raw(" cite=\"")
		w.url(q.SourceLink)
		w.raw("\"")
	}
	w.raw("><p>")
	w.text(q.Text)
	w.raw("</p></blockquote>\n<figcaption>\n<p class=\"who\"><a href=\"")
	w.url(q.Speaker.URL)
	w.raw("\">")
	if q.Speaker.Unattributed {
		w.t("unattributed")
	} else {
		w.text(q.Speaker.Name)
	}
	w.raw("</a>")
	if q.Cue != "" {
		w.raw(" <span class=\"cue\">(")
		w.text(q.Cue)
		w.raw(")</span>")
	}
	w.raw("</p>")
	switch c := around(q); {
	case c.Before != "" && c.Match != "":
		w.raw("\n<p class=\"context\">")
		w.text(c.Before)
		w.raw("<mark>")
		w.text(c.Match)
		w.raw("</mark>")
		w.text(c.After)
		w.raw("</p>")
	case c.Before != "":
		w.raw("\n<p class=\"context\">")
		w.text(c.Before)
		w.raw("</p>")
	case c.Match != "":
		w.raw("\n<p class=\"context\"><mark>")
		w.text(c.Match)
		w.raw("</mark>")
		w.text(c.After)
		w.raw("</p>")
	}
	w.raw("\n<p class=\"meta\">")
	w.time(q.Article)
	if !inArticle {
		w.raw(" · <a href=\"")
		w.url(q.Article.URL)
		w.raw("#")
		w.urlPart(q.ID)
		w.raw("\">")
		w.text(q.Article.Doc.Title)
		w.raw("</a>")
	}
	if q.SourceLink != "" {
		w.raw(" · <a href=\"")
		w.url(q.SourceLink)
		w.raw("\" rel=\"noopener noreferrer\">")
		w.t("source-words")
		w.raw("</a>")
	}
	w.raw("\n · <a href=\"")
	w.url(q.URL)
	w.raw("\">")
	w.t("permalink")
	w.raw("</a></p>")
	if q.Verified {
		w.raw("\n<p class=\"verified\"><span aria-hidden=\"true\">✓ </span>")
		w.t("verified-by", q.VerifiedBy, formatDate(w.lang, q.VerifiedDate))
		w.raw("</p>")
	}
	if len(q.Also) > 0 {
		w.raw("\n<p class=\"also\">")
		w.t("also-in")
		w.raw(" ")
		for i, o := range q.Also {
			if i > 0 {
				w.t("list-sep")
			}
			w.raw("<a href=\"")
			w.url(o.Article.URL)
			w.raw("#")
			w.urlPart(o.ID)
			w.raw("\">")
			w.text(o.Article.Doc.Title)
			w.raw("</a> (")
			w.time(o.Article)
			if out := o.Article.Doc.Outlet; out != "" {
				w.raw(", ")
				w.text(out)
			}
			if o.SourceLink != "" {
				w.raw(", <a href=\"")
				w.url(o.SourceLink)
				w.raw("\" rel=\"noopener noreferrer\">")
				w.t("source")
				w.raw("</a>")
			}
			w.raw(")")
		}
		if q.More != 0 {
			w.t("list-sep")
			w.raw("<a href=\"")
			w.url(q.Sources[0].URL)
			w.raw("\">")
			w.t("more-sources", q.More)
			w.raw("</a>")
		}
		w.raw("</p>")
	}
	w.raw("\n</figcaption>\n</figure>")
}

// time writes an article's date as the card's <time> element.
func (w *htmlWriter) time(a *Article) {
	w.raw("<time")
	if iso := isodate(a.Doc.Date); iso != "" {
		w.raw(" datetime=\"")
		w.text(iso)
		w.raw("\"")
	}
	w.raw(">")
	w.text(formatDate(w.lang, a.Doc.Date))
	w.raw("</time>")
}

// htmlWriter appends a page, escaping values as html/template does in
// each context.
type htmlWriter struct {
	b    []byte
	lang string // the page's interface language
}

// t writes an interface string: the template function "t".
func (w *htmlWriter) t(key string, args ...any) { w.text(translate(w.lang, key, args...)) }

// raw writes template text, which needs no escaping.
func (w *htmlWriter) raw(s string) { w.b = append(w.b, s...) }

// text writes a string in element text or a quoted attribute value that
// is no URL: html/template's htmlEscaper, attrEscaper and rcdataEscaper,
// which agree on strings. They replace runes, but every rune they replace
// is ASCII, which no byte of a multi-byte sequence can be, and they leave
// invalid UTF-8 as it is: a byte loop does the same.
func (w *htmlWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.b = append(w.b, s[last:i]...)
		w.b = append(w.b, repl...)
		last = i + 1
	}
	w.b = append(w.b, s[last:]...)
}

// url writes a string at the start of a URL attribute: html/template's
// urlFilter (a scheme other than http, https or mailto becomes
// "#ZgotmplZ"), urlNormalizer, then attrEscaper.
func (w *htmlWriter) url(s string) {
	if !safeScheme(s) {
		w.raw("#ZgotmplZ")
		return
	}
	w.text(processURL(s, true))
}

// urlPart writes a string after a URL's "?" or "#": html/template's
// urlEscaper, whose output needs no attribute escaping.
func (w *htmlWriter) urlPart(s string) { w.raw(processURL(s, false)) }

// safeScheme is html/template's isSafeURL.
func safeScheme(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		return strings.EqualFold(protocol, "http") || strings.EqualFold(protocol, "https") || strings.EqualFold(protocol, "mailto")
	}
	return true
}

// processURL percent-encodes s as html/template's urlNormalizer (norm) or
// urlEscaper does: unreserved characters stay; when normalizing, so do
// the reserved ones and valid escapes.
func processURL(s string, norm bool) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+16)
		}
		b = append(b, s[last:i]...)
		b = append(b, '%', hexLower[c>>4], hexLower[c&15])
		last = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

const hexLower = "0123456789abcdef"

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
