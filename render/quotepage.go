package render

import (
	"bytes"
	"io/fs"
	"strings"

	"github.com/verbatim-news/verbatim/templates"
)

// Quote permalinks are most of a site's pages (one per quote, against one
// per article or speaker), and html/template spends most of their time on
// reflection: a field looked up by name and an escaper called through
// reflect.Value.Call for every value. quotePage writes the same bytes as
// base.html and quote.html, the built-in ones, in plain Go: each value
// escaped once, as html/template escapes it in its context.
//
// It stands for those two files only. A site that overrides either of them
// gets html/template, so the templates stay what drives the output;
// TestQuotePageMatchesTemplates compares the two on hostile data, and a
// change to either file makes the fast path step aside (builtinQuotePage)
// until it is brought up to date.

// builtinQuotePage reports whether the site renders quote pages with the
// built-in base.html and quote.html, byte for byte.
func builtinQuotePage(sources map[string][]byte) bool {
	for _, name := range []string{"base.html", "quote.html"} {
		embedded, err := fs.ReadFile(templates.FS(), name)
		if err != nil || !bytes.Equal(embedded, sources[name]) {
			return false
		}
	}
	return true
}

// quotePageSize is a first guess at a permalink page's size, to grow the
// buffer once.
const quotePageSize = 8 << 10

// quotePage renders a quote permalink page as base.html with quote.html
// does.
func quotePage(d *pageData) []byte {
	w := &htmlWriter{b: make([]byte, 0, quotePageSize)}
	lang := d.Lang
	t := func(key string, args ...any) { w.text(translate(lang, key, args...)) }
	cfg := d.Site.Config

	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(lang)
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
	// quote.html's "head": JSON-LD is template.JS, which html/template
	// writes into a script as it is (marshalJSON escaped it).
	w.raw("\n<script type=\"application/ld+json\">")
	w.raw(string(d.JSONLD))
	w.raw("</script>")
	if d.ClaimLD != "" {
		w.raw("\n<script type=\"application/ld+json\">")
		w.raw(string(d.ClaimLD))
		w.raw("</script>")
	}
	w.raw("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	t("skip")
	w.raw("</a>\n<header class=\"site\">\n<a class=\"brand\" href=\"")
	w.url(d.Root)
	w.raw("\">")
	w.text(cfg.Title)
	w.raw("</a>\n<nav aria-label=\"")
	t("main-nav")
	w.raw("\">\n<ul>\n")
	for _, item := range []string{"speakers", "articles", "search", "corrections"} {
		w.raw("<li><a href=\"")
		w.url(d.Root)
		w.raw(item + "/\"")
		if d.Kind == item {
			w.raw(" aria-current=\"page\"")
		}
		w.raw(">")
		t(item)
		w.raw("</a></li>\n")
	}
	w.raw("</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")

	// quote.html's "main".
	q := d.Quote
	w.raw("\n<h1>")
	w.text(d.Title)
	w.raw("</h1>\n")
	w.card(d, q, false)
	w.raw("\n<dl class=\"facts\">\n<dt>")
	t("article-page")
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
		t("cue")
		w.raw("</dt><dd>")
		w.text(q.Cue)
		w.raw("</dd>")
	}
	w.raw("\n<dt>")
	t("kind-direct")
	w.raw(" / ")
	t("kind-partial")
	w.raw("</dt><dd>")
	if string(q.Kind) == "partial" {
		t("kind-partial")
	} else {
		t("kind-direct")
	}
	w.raw("</dd>")
	for _, c := range q.Corrections {
		w.raw("\n<dt>")
		t("correction")
		w.raw("</dt><dd>")
		t("action-" + string(c.Entry.Action))
		w.raw(", <time datetime=\"")
		w.text(isodate(c.Date))
		w.raw("\">")
		w.text(formatDate(lang, c.Date))
		w.raw("</time>, ")
		w.text(c.Entry.By)
		if c.Entry.Note != "" {
			w.raw(" — ")
			w.text(c.Entry.Note)
		}
		w.raw(" · <a href=\"")
		w.url(d.Root)
		w.raw("corrections/\">")
		t("corrections")
		w.raw("</a></dd>")
	}
	w.raw("\n</dl>\n")

	w.raw("\n</main>\n<footer class=\"site\">\n<p>")
	t("footer")
	if d.Feed != "" {
		w.raw(" <a href=\"")
		w.url(d.Feed)
		w.raw("\">")
		t("feed")
		w.raw("</a>")
	}
	w.raw("</p>\n</footer>\n</body>\n</html>\n")
	return stripControls(w.b)
}

// card writes base.html's "quote" template: a quote's card.
func (w *htmlWriter) card(d *pageData, q *Quote, inArticle bool) {
	lang := d.Lang
	t := func(key string, args ...any) { w.text(translate(lang, key, args...)) }
	w.raw("\n<figure class=\"quote\"")
	if q.Lang != lang && q.Lang != "" {
		w.raw(" lang=\"")
		w.text(q.Lang)
		w.raw("\"")
	}
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
		t("unattributed")
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
	w.time(lang, q.Article)
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
		t("source-words")
		w.raw("</a>")
	}
	w.raw("\n · <a href=\"")
	w.url(q.URL)
	w.raw("\">")
	t("permalink")
	w.raw("</a></p>")
	if q.Verified {
		w.raw("\n<p class=\"verified\"><span aria-hidden=\"true\">✓ </span>")
		t("verified-by", q.VerifiedBy, formatDate(lang, q.VerifiedDate))
		w.raw("</p>")
	}
	if len(q.Also) > 0 {
		w.raw("\n<p class=\"also\">")
		t("also-in")
		w.raw(" ")
		for i, o := range q.Also {
			if i > 0 {
				t("list-sep")
			}
			w.raw("<a href=\"")
			w.url(o.Article.URL)
			w.raw("#")
			w.urlPart(o.ID)
			w.raw("\">")
			w.text(o.Article.Doc.Title)
			w.raw("</a> (")
			w.time(lang, o.Article)
			if out := o.Article.Doc.Outlet; out != "" {
				w.raw(", ")
				w.text(out)
			}
			if o.SourceLink != "" {
				w.raw(", <a href=\"")
				w.url(o.SourceLink)
				w.raw("\" rel=\"noopener noreferrer\">")
				t("source")
				w.raw("</a>")
			}
			w.raw(")")
		}
		if q.More != 0 {
			t("list-sep")
			w.raw("<a href=\"")
			w.url(q.Sources[0].URL)
			w.raw("\">")
			t("more-sources", q.More)
			w.raw("</a>")
		}
		w.raw("</p>")
	}
	w.raw("\n</figcaption>\n</figure>")
}

// time writes an article's date as the card's <time> element.
func (w *htmlWriter) time(lang string, a *Article) {
	w.raw("<time")
	if iso := isodate(a.Doc.Date); iso != "" {
		w.raw(" datetime=\"")
		w.text(iso)
		w.raw("\"")
	}
	w.raw(">")
	w.text(formatDate(lang, a.Doc.Date))
	w.raw("</time>")
}

// htmlWriter appends a page, escaping values as html/template does in
// each context.
type htmlWriter struct{ b []byte }

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
