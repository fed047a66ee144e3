package webpage

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// meta is what a page says about itself.
type meta struct {
	Title, Outlet, Lang, Canonical string
	Date                           time.Time
	Authors                        []string
	// titleTag is the <title> text, the last resort for Title since it
	// usually carries the site's name too.
	titleTag string
}

// readMeta reads the metadata of the whole page. JSON-LD is the publisher's
// structured statement about the article, so it wins over meta tags, which
// are often written for social networks (og:title is sometimes a teaser).
func readMeta(doc *html.Node, base *url.URL) meta {
	tags := map[string]string{}
	var tagAuthors []string
	var ld []string
	var m meta
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "html":
			m.Lang = normLang(attr(n, "lang"))
			if m.Lang == "" {
				m.Lang = normLang(attr(n, "xml:lang"))
			}
		case "svg", "math":
			return false // their <title> is not the page's
		case "title":
			if m.titleTag == "" {
				m.titleTag = cleanLine(textContent(n))
			}
		case "meta":
			content := cleanLine(attr(n, "content"))
			if content == "" {
				return false
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				key := strings.ToLower(strings.TrimSpace(attr(n, k)))
				if key == "" {
					continue
				}
				if _, seen := tags[key]; !seen {
					tags[key] = content
				}
				if key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" {
					tagAuthors = append(tagAuthors, content)
				}
			}
		case "time":
			// <time itemprop="datePublished" datetime="…"> in microdata pages.
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				if _, seen := tags["datepublished"]; !seen && attr(n, "datetime") != "" {
					tags["datepublished"] = strings.TrimSpace(attr(n, "datetime"))
				}
			}
		case "link":
			if m.Canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.Canonical = resolveURL(base, attr(n, "href"))
			}
		case "script":
			if strings.EqualFold(strings.TrimSpace(strings.Split(attr(n, "type"), ";")[0]), "application/ld+json") {
				ld = append(ld, textContent(n))
			}
			return false
		}
		return true
	})

	a := jsonLDArticle(ld)
	pick := func(vals ...string) string {
		for _, v := range vals {
			if v != "" {
				return v
			}
		}
		return ""
	}
	m.Title = pick(a.headline, tags["og:title"], tags["twitter:title"], tags["headline"])
	m.Outlet = pick(a.publisher, tags["og:site_name"], tags["application-name"])
	if m.Date = a.date; m.Date.IsZero() {
		for _, k := range dateTags {
			if t, ok := parseDate(tags[k]); ok {
				m.Date = t
				break
			}
		}
	}
	m.Authors = a.authors
	if len(m.Authors) == 0 {
		for _, s := range tagAuthors {
			if !looksLikeURL(s) {
				m.Authors = appendName(m.Authors, s)
			}
		}
	}
	if u := resolveURL(base, a.url); u != "" {
		m.Canonical = u
	}
	if m.Canonical == "" {
		m.Canonical = resolveURL(base, tags["og:url"])
	}
	if l := normLang(a.lang); l != "" {
		m.Lang = l
	}
	for _, k := range []string{"content-language", "og:locale", "dc.language", "language"} {
		if m.Lang == "" {
			m.Lang = normLang(tags[k])
		}
	}
	return m
}

// dateTags are the meta tags that carry a publication date, best first.
var dateTags = []string{
	"article:published_time", "og:article:published_time", "datepublished", "article.published",
	"dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date", "pubdate", "publishdate",
	"publish-date", "parsely-pub-date", "sailthru.date",
}

// fallback fills what the page's own metadata left empty from what the
// readability library guessed.
func (m *meta) fallback(ra readability.Article) {
	if m.Title == "" {
		m.Title = cleanLine(ra.Title())
	}
	if m.Outlet == "" {
		m.Outlet = cleanLine(ra.SiteName())
	}
	if len(m.Authors) == 0 {
		if b := byline(ra.Byline()); b != "" && !looksLikeURL(b) {
			m.Authors = []string{b}
		}
	}
	if m.Date.IsZero() {
		if t, err := ra.PublishedTime(); err == nil && t.Year() > 1 {
			m.Date = t
		}
	}
	if m.Lang == "" {
		m.Lang = normLang(ra.Language())
	}
}

// byline strips the "By" of a byline.
func byline(s string) string {
	s = cleanLine(s)
	for _, p := range []string{"by ", "par ", "von ", "de "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// ldArticle is what the JSON-LD of a page says about its article.
type ldArticle struct {
	headline, publisher, url, lang string
	date                           time.Time
	authors                        []string
}

// newsTypes are the schema.org types of news articles, preferred over the
// other Article types (blog posts, reports) when a page has several.
var newsTypes = []string{
	"NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
	"OpinionNewsArticle", "ReportageNews", "ReviewNewsArticle",
}

var articleTypes = []string{
	"Article", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle",
	"SatiricalArticle", "SocialMediaPosting", "AdvertiserContentArticle",
}

// jsonLDArticle reads the first news article (else the first article) in
// the page's JSON-LD blocks. A block that is not valid JSON is skipped:
// pages often carry broken ones.
func jsonLDArticle(blocks []string) ldArticle {
	var nodes []map[string]any
	for _, b := range blocks {
		v, ok := parseLD(b)
		if ok {
			nodes = collectLD(v, nodes, 0)
		}
	}
	ids := map[string]map[string]any{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok && id != "" {
			if _, dup := ids[id]; !dup {
				ids[id] = n
			}
		}
	}
	var best map[string]any
	for _, types := range [][]string{newsTypes, articleTypes} {
		for _, n := range nodes {
			if hasType(n, types) {
				best = n
				break
			}
		}
		if best != nil {
			break
		}
	}
	if best == nil {
		return ldArticle{}
	}
	a := ldArticle{
		headline:  ldText(best["headline"]),
		publisher: ldName(best["publisher"], ids),
		lang:      ldLang(best["inLanguage"]),
	}
	if a.headline == "" {
		a.headline = ldText(best["name"])
	}
	for _, k := range []string{"datePublished", "dateCreated"} {
		if t, ok := parseDate(ldText(best[k])); ok {
			a.date = t
			break
		}
	}
	for _, name := range ldNames(best["author"], ids) {
		a.authors = appendName(a.authors, name)
	}
	a.url = ldURL(best["url"])
	if a.url == "" {
		a.url = ldURL(best["mainEntityOfPage"])
	}
	return a
}

// parseLD decodes one JSON-LD block, tolerating the HTML comment and CDATA
// wrappers of old pages and raw line breaks inside strings.
func parseLD(s string) (any, bool) {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"/*<![CDATA[*/", "/*]]>*/"}, {"<![CDATA[", "]]>"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, w[0])), w[1]))
		}
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v, true
	}
	if err := json.Unmarshal([]byte(escapeControls(s)), &v); err == nil {
		return v, true
	}
	return nil, false
}

// escapeControls escapes the control characters found inside JSON strings,
// which JSON forbids and hand-written templates often emit.
func escapeControls(s string) string {
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString && c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[c>>4])
			b.WriteByte("0123456789abcdef"[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// collectLD lists the objects a JSON-LD value describes: top-level arrays,
// @graph members and the main entity of a WebPage. It does not go into
// other properties, so that an ItemList of related articles is never taken
// for the article.
func collectLD(v any, out []map[string]any, depth int) []map[string]any {
	if depth > 8 {
		return out
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = collectLD(e, out, depth+1)
		}
	case map[string]any:
		out = append(out, v)
		if g, ok := v["@graph"]; ok {
			out = collectLD(g, out, depth+1)
		}
		if e, ok := v["mainEntity"]; ok {
			out = collectLD(e, out, depth+1)
		}
	}
	return out
}

func hasType(n map[string]any, types []string) bool {
	var ts []any
	switch t := n["@type"].(type) {
	case string:
		ts = []any{t}
	case []any:
		ts = t
	}
	for _, t := range ts {
		s, _ := t.(string)
		// "schema:NewsArticle" and "https://schema.org/NewsArticle" too.
		if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
			s = s[i+1:]
		}
		if slices.Contains(types, s) {
			return true
		}
	}
	return false
}

// ldText reads a JSON-LD string value; a list gives its first string.
func ldText(v any) string {
	switch v := v.(type) {
	case string:
		return cleanLine(decodeEntities(v))
	case []any:
		for _, e := range v {
			if s := ldText(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames reads the names of a person or organisation value: a string, an
// object with a name, an {"@id"} reference, or a list of those.
func ldNames(v any, ids map[string]map[string]any) []string {
	switch v := v.(type) {
	case string:
		if s := cleanLine(decodeEntities(v)); s != "" && !looksLikeURL(s) {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, ldNames(e, ids)...)
		}
		return out
	case map[string]any:
		name := ldText(v["name"])
		if name == "" {
			if id, ok := v["@id"].(string); ok {
				name = ldText(ids[id]["name"])
			}
		}
		if name != "" && !looksLikeURL(name) {
			return []string{name}
		}
	}
	return nil
}

func ldName(v any, ids map[string]map[string]any) string {
	if names := ldNames(v, ids); len(names) > 0 {
		return names[0]
	}
	return ""
}

// ldURL reads a URL given as a string or as an object with @id or url.
func ldURL(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		for _, k := range []string{"@id", "url"} {
			if s, ok := v[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	case []any:
		for _, e := range v {
			if s := ldURL(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldLang reads inLanguage: a code, or a Language object.
func ldLang(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		for _, k := range []string{"alternateName", "name"} {
			if s, ok := v[k].(string); ok && normLang(s) != "" {
				return s
			}
		}
	}
	return ""
}

// normLang reduces a language tag to its primary subtag: "fr-FR", "fr_FR"
// and "FR" give "fr". Anything that is not a tag ("French") gives "".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// dateLayouts are the date forms found in meta tags and JSON-LD, tried in
// order; those without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "20060102",
}

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1800 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// resolveURL makes a page's URL absolute against base and keeps it only
// when it is http(s); the fragment is dropped.
func resolveURL(base *url.URL, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q, dropped := u.Query(), false
		for k := range q {
			if strings.HasPrefix(k, "utm_") || slices.Contains(trackingParams, k) {
				q.Del(k)
				dropped = true
			}
		}
		if dropped {
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}

// trackingParams are query parameters that say where a reader came from,
// not which page it is.
var trackingParams = []string{"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "xtor"}

func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "/")
}

// appendName adds a name unless it is already there.
func appendName(names []string, name string) []string {
	name = cleanLine(name)
	if name == "" {
		return names
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return names
		}
	}
	return append(names, name)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
