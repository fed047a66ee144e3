package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Template files, each parsed together with base.html. A site's templates/
// folder may override any of them, one file at a time.
var pageTemplates = []string{"index.html", "speakers.html", "articles.html", "speaker.html", "article.html", "quote.html", "search.html", "corrections.html", "404.html"}

// Static files copied as they are to the root of the site.
var staticFiles = []string{"style.css", "search.js"}

// overlay serves a file from the site's template folder when it has one,
// else from the embedded templates.
type overlay struct {
	dir  string // "" when the site has no template folder
	base fs.FS
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if o.dir != "" {
		data, err := readInside(o.dir, name)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return fs.ReadFile(o.base, name)
}

// readInside reads dir/name, refusing a symbolic link that leads out of
// dir: a template folder copied from elsewhere must not publish a file of
// the machine (a style.css linked to a key) as part of the site.
func readInside(dir, name string) ([]byte, error) {
	p := filepath.Join(dir, name)
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("%s: symbolic link leads outside %s; copy the file into the folder instead", p, dir)
	}
	return os.ReadFile(real)
}

// where names the file a template came from, for error messages.
func (o overlay) where(name string) string {
	if o.dir != "" {
		if _, err := os.Stat(filepath.Join(o.dir, name)); err == nil {
			return filepath.Join(o.dir, name)
		}
	}
	return "templates/" + name + " (embedded)"
}

// parseTemplates parses each page template with the base layout.
// It also returns the source of every file, which fingerprints the pages.
func parseTemplates(o overlay) (map[string]*template.Template, map[string][]byte, error) {
	baseSrc, err := o.ReadFile("base.html")
	if err != nil {
		return nil, nil, fmt.Errorf("template base.html: %w", err)
	}
	sources := map[string][]byte{"base.html": baseSrc}
	out := map[string]*template.Template{}
	for _, name := range pageTemplates {
		src, err := o.ReadFile(name)
		if err != nil {
			return nil, nil, fmt.Errorf("template %s: %w", name, err)
		}
		sources[name] = src
		t, err := template.New("base.html").Funcs(funcs).Parse(string(baseSrc))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", o.where("base.html"), err)
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", o.where(name), err)
		}
		out[name] = t
	}
	for _, name := range staticFiles {
		data, err := o.ReadFile(name)
		if err != nil {
			return nil, nil, fmt.Errorf("template %s: %w", name, err)
		}
		sources[name] = data
	}
	return out, sources, nil
}

// pageData is what every page template receives.
type pageData struct {
	Site      *Site
	Lang      string // interface language
	Kind      string
	Title     string
	Root      string // base path for in-site links, ends with "/"
	Canonical string
	Feed      string // this page's JSON Feed, if any
	CSS, JS   string

	Speaker  *Speaker
	Article  *Article
	Quote    *Quote
	Quotes   []*Quote
	Speakers []*Speaker
	Articles []*Article
	// Corrections are the entries of corrections.yaml (corrections page).
	Corrections []*Correction
	Body        template.HTML
	JSONLD      template.JS
	// ClaimLD is the schema.org Claim beside a permalink's Quotation.
	ClaimLD template.JS
	// Share, when set, gives the description, Open Graph and Twitter
	// card tags that make a shared link preview well.
	Share *shareMeta
}

// shareMeta is what a link preview shows of a page.
type shareMeta struct {
	Title, Description string
	Locale             string // og:locale, e.g. fr_FR
	Published          string // RFC 3339, "" when undated
}

// funcs are the template functions. Functions rather than methods, since
// text/template looks methods up by name at every call.
var funcs = template.FuncMap{
	// t translates an interface string: {{t $.Lang "speakers"}}.
	"t": translate,
	// date formats a date for readers of lang.
	"date": formatDate,
	// isodate formats a date for <time datetime>, "" for no date.
	"isodate": isodate,
	// other returns lang when it differs from the page's, for lang
	// attributes.
	"other": func(page, lang string) string {
		if lang == page {
			return ""
		}
		return lang
	},
	// plural writes n with the singular or plural word.
	"plural": plural,
	// card prepares a quote for the "quote" template.
	"card": func(p *pageData, q *Quote) quoteView { return quoteView{pageData: p, Q: q} },
	// cardInArticle prepares a quote listed under its article's heading.
	"cardInArticle": func(p *pageData, q *Quote) quoteView { return quoteView{pageData: p, Q: q, InArticle: true} },
	// around splits a quote's sentence around the quote.
	"around": around,
}

// plural writes n with the singular or plural word.
func plural(lang string, n int, one, many string) string {
	key := many
	if n == 1 || (n == 0 && lang == "fr") {
		key = one
	}
	return fmt.Sprintf("%d %s", n, translate(lang, key))
}

// isodate formats a date for <time datetime>, "" for no date.
func isodate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func execute(t *template.Template, name string, data *pageData) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return stripControls(buf.Bytes()), nil
}

// stripControls removes the control characters HTML forbids (C0 but tab,
// line feed, form feed and carriage return; DEL; C1), which articles may
// carry and html/template lets through: browsers show them as boxes or
// drop them, validators reject the page, and some parsers stop. They are
// dropped from the page only; quotes.json and the feeds keep the text as
// the article has it (JSON escapes them).
func stripControls(page []byte) []byte {
	if !hasControl(page) {
		return page
	}
	out := make([]byte, 0, len(page))
	for i := 0; i < len(page); {
		r, n := utf8.DecodeRune(page[i:])
		if !isControl(r) || n == 1 && r == utf8.RuneError && page[i] >= 0x80 {
			out = append(out, page[i:i+n]...)
		}
		i += n
	}
	return out
}

func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	}
	return false
}

// hasControl is the fast check: C0 and DEL are single bytes, and C1 is
// 0xC2 followed by 0x80–0x9F in UTF-8.
func hasControl(page []byte) bool {
	for i, b := range page {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7f {
			return true
		}
		if b == 0xc2 && i+1 < len(page) && page[i+1] >= 0x80 && page[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// quoteView is what the "quote" template gets: the page and one quote.
type quoteView struct {
	*pageData
	Q *Quote
	// InArticle hides the article's title, for quotes listed under it.
	InArticle bool
}

// contextParts splits a quote's sentence around the quote, so the page can
// show the quoted words highlighted in their sentence.
type contextParts struct {
	Before, Match, After string
}

// around returns the sentence split around the quote; Match is empty when
// the quote is not found in its sentence.
func around(quote *Quote) contextParts {
	s, q := quote.Sentence, quote.Text
	if i := strings.Index(s, q); q != "" && i >= 0 {
		return contextParts{s[:i], q, s[i+len(q):]}
	}
	return contextParts{Before: s}
}
