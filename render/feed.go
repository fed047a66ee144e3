package render

import (
	"html/template"
	"strconv"
	"time"
)

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url,omitempty"`
	FeedURL     string       `json:"feed_url,omitempty"`
	Description string       `json:"description,omitempty"`
	NextURL     string       `json:"next_url,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []feedAuthor `json:"authors,omitempty"`
	Items       []feedItem   `json:"items"`
}

type feedAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type feedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	ExternalURL   string       `json:"external_url,omitempty"`
	Title         string       `json:"title,omitempty"`
	ContentText   string       `json:"content_text"`
	DatePublished string       `json:"date_published,omitempty"`
	Authors       []feedAuthor `json:"authors,omitempty"`
	Language      string       `json:"language,omitempty"`
	Verbatim      feedVerbatim `json:"_verbatim"`
}

// feedVerbatim is the feed's extension object: what a reader of quotes needs
// beyond JSON Feed's own fields.
type feedVerbatim struct {
	About       string      `json:"about"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Kind        string      `json:"kind"`
	Cue         string      `json:"cue,omitempty"`
	Attribution string      `json:"attribution,omitempty"`
	Sentence    string      `json:"sentence,omitempty"`
	Speaker     *string     `json:"speaker"`
	SpeakerID   string      `json:"speaker_id,omitempty"`
	Verified    bool        `json:"verified,omitempty"`
	VerifiedBy  string      `json:"verified_by,omitempty"`
	VerifiedOn  string      `json:"verified_on,omitempty"` // YYYY-MM-DD
	Article     feedArticle `json:"article"`
	// AlsoIn are the other articles that print the same words by the same
	// speaker (wire copy), oldest first: the item stands for them all.
	AlsoIn []feedSource `json:"also_in,omitempty"`
}

// feedSource is another article's copy of a quote.
type feedSource struct {
	ID         string      `json:"id"`
	URL        string      `json:"url"`
	SourceLink string      `json:"external_url,omitempty"`
	Article    feedArticle `json:"article"`
}

type feedArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	SourceURL string `json:"source_url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Date      string `json:"date,omitempty"`
}

const feedAbout = "https://github.com/verbatim-news/verbatim#json-feed"

// feedFiles splits quotes into pages of JSON Feed linked by next_url:
// dir/feed.json, dir/feed-2.json, …
func (r *renderer) feedFiles(dir, title, home string, quotes []*Quote) []page {
	s := r.site
	size := s.Config.FeedPageSize
	n := max(1, (len(quotes)+size-1)/size)
	name := func(i int) string {
		if i == 0 {
			return dir + "feed.json"
		}
		return dir + "feed-" + strconv.Itoa(i+1) + ".json"
	}
	var out []page
	for i := range n {
		chunk := quotes[min(len(quotes), i*size):min(len(quotes), (i+1)*size)]
		p := page{path: name(i), make: func() ([]byte, error) {
			f := jsonFeed{
				Version: "https://jsonfeed.org/version/1.1", Title: title,
				HomePageURL: s.base.url(home), FeedURL: s.base.url(name(i)),
				Description: s.Config.Description, Language: s.Config.Language,
				Items: make([]feedItem, 0, len(chunk)),
			}
			if i+1 < n {
				f.NextURL = s.base.url(name(i + 1))
			}
			for _, q := range chunk {
				f.Items = append(f.Items, r.feedItem(q))
			}
			return marshalJSON(f)
		}}
		if r.digests != nil {
			p.key = r.digests.quotesKey("feed", chunk, dir, title, home, strconv.Itoa(i), strconv.Itoa(n))
		}
		out = append(out, p)
	}
	return out
}

func (r *renderer) feedItem(q *Quote) feedItem {
	s := r.site
	a := q.Article
	it := feedItem{
		ID: q.ID, URL: s.base.url("quotes/" + q.ID + "/"), ExternalURL: q.SourceLink,
		ContentText: q.Text, Language: q.Lang, DatePublished: rfc3339(a.Doc.Date),
		Verbatim: feedVerbatim{
			About: feedAbout, Start: q.Start, End: q.End, Kind: string(q.Kind), Cue: q.Cue,
			Attribution: string(q.Attribution), Sentence: q.Sentence, Speaker: q.Quote.Speaker,
			SpeakerID: q.SpeakerID, Verified: q.Verified, VerifiedBy: q.VerifiedBy, VerifiedOn: q.VerifiedOn,
			Article: r.feedArticle(a),
		},
	}
	for _, o := range q.Also {
		it.Verbatim.AlsoIn = append(it.Verbatim.AlsoIn, feedSource{ID: o.ID, URL: s.base.url("quotes/" + o.ID + "/"),
			SourceLink: o.SourceLink, Article: r.feedArticle(o.Article)})
	}
	if !q.Speaker.Unattributed {
		it.Authors = []feedAuthor{{Name: q.Speaker.Name, URL: s.base.url("speakers/" + q.Speaker.Slug + "/")}}
		it.Title = q.Speaker.Name
	}
	return it
}

func (r *renderer) feedArticle(a *Article) feedArticle {
	return feedArticle{ID: a.Doc.ID, Title: a.Doc.Title, URL: r.site.base.url("articles/" + a.Slug + "/"),
		SourceURL: a.Source, Outlet: a.Doc.Outlet, Date: rfc3339(a.Doc.Date)}
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func (r *renderer) feedPages([]page) []page {
	return r.feedFiles("", r.site.Config.Title, "", r.site.Unique)
}

func (r *renderer) speakerFeedPages([]page) []page {
	var out []page
	for _, sp := range r.site.Speakers {
		dir := "speakers/" + sp.Slug + "/"
		title := r.site.Config.Title + " — " + sp.Name
		out = append(out, r.feedFiles(dir, title, dir, sp.Quotes)...)
	}
	return out
}

// The JSON-LD objects below are structs, not maps, so that a quote page
// does not sort keys by reflection: their fields are in the order
// encoding/json sorts map keys (bytes, "@" first), which the pages have
// always had. A key present with an empty value is a *string.

// newsArticleLD is a schema.org NewsArticle.
type newsArticleLD struct {
	Type          string     `json:"@type"`
	Author        []entityLD `json:"author,omitempty"`
	DatePublished string     `json:"datePublished,omitempty"`
	Headline      string     `json:"headline"`
	Publisher     *entityLD  `json:"publisher,omitempty"`
	URL           string     `json:"url"`
}

// entityLD is a schema.org Person or Organization: the publisher and
// authors of an article, or a speaker.
type entityLD struct {
	Type          string   `json:"@type"`
	AlternateName []string `json:"alternateName,omitempty"`
	Description   *string  `json:"description,omitempty"`
	Name          *string  `json:"name,omitempty"`
	SameAs        string   `json:"sameAs,omitempty"`
	URL           string   `json:"url,omitempty"`
}

// articleLD is the schema.org NewsArticle a quote was printed in, at its
// source URL when it has one, else at its page on this site.
func articleLD(s *Site, a *Article) *newsArticleLD {
	article := &newsArticleLD{Type: "NewsArticle", Headline: a.Doc.Title, URL: a.Source}
	if a.Source == "" {
		article.URL = s.base.url("articles/" + a.Slug + "/")
	}
	if !a.Doc.Date.IsZero() {
		article.DatePublished = rfc3339(a.Doc.Date)
	}
	if a.Doc.Outlet != "" {
		article.Publisher = &entityLD{Type: "Organization", Name: &a.Doc.Outlet}
	}
	for i := range a.Doc.Authors {
		article.Author = append(article.Author, entityLD{Type: "Person", Name: &a.Doc.Authors[i]})
	}
	return article
}

// quotationLD is the schema.org Quotation of a permalink page.
func quotationLD(s *Site, q *Quote) template.JS {
	ld := struct {
		Context           string         `json:"@context"`
		ID                string         `json:"@id"`
		Type              string         `json:"@type"`
		InLanguage        string         `json:"inLanguage"`
		IsBasedOn         *newsArticleLD `json:"isBasedOn"`
		SpokenByCharacter *entityLD      `json:"spokenByCharacter,omitempty"`
		Text              string         `json:"text"`
		URL               string         `json:"url"`
	}{
		Context: "https://schema.org", Type: "Quotation",
		ID: s.base.url("quotes/" + q.ID + "/"), URL: s.base.url("quotes/" + q.ID + "/"),
		Text: q.Text, InLanguage: q.Lang, IsBasedOn: articleLD(s, q.Article),
	}
	if !q.Speaker.Unattributed {
		ld.SpokenByCharacter = speakerEntity(s, q.Speaker)
	}
	return scriptJSON(ld)
}

// claimLD is the schema.org Claim of a permalink page, beside its
// Quotation: what fact-checkers review. A ClaimReview's itemReviewed can
// name it by its @id (the permalink's URL with #claim), and search engines
// read who made the claim (author), when, where it appeared (appearance)
// and the first article that printed the words (firstAppearance).
func claimLD(s *Site, q *Quote) template.JS {
	permalink := s.base.url("quotes/" + q.ID + "/")
	// Each copy of wire copy has its own permalink and Claim: its
	// appearance is its own article, its first appearance the oldest copy
	// (listing every copy on every copy's page would grow as their square).
	first := q.Article
	if len(q.Sources) > 0 {
		first = q.Sources[0].Article
	}
	ld := struct {
		Context         string         `json:"@context"`
		ID              string         `json:"@id"`
		Type            string         `json:"@type"`
		Appearance      *newsArticleLD `json:"appearance"`
		Author          *entityLD      `json:"author,omitempty"`
		DatePublished   string         `json:"datePublished,omitempty"`
		FirstAppearance *newsArticleLD `json:"firstAppearance"`
		InLanguage      string         `json:"inLanguage"`
		Text            string         `json:"text"`
		URL             string         `json:"url"`
	}{
		Context: "https://schema.org", Type: "Claim", ID: permalink + "#claim", URL: permalink,
		Text: q.Text, InLanguage: q.Lang, Appearance: articleLD(s, q.Article), FirstAppearance: articleLD(s, first),
	}
	if !first.Doc.Date.IsZero() {
		ld.DatePublished = rfc3339(first.Doc.Date)
	}
	if !q.Speaker.Unattributed {
		ld.Author = speakerEntity(s, q.Speaker)
	}
	return scriptJSON(ld)
}

// speakerEntity is the schema.org Person or Organization of a speaker,
// the same resource as its Wikidata item when speakers.yaml gives one.
func speakerEntity(s *Site, sp *Speaker) *entityLD {
	e := &entityLD{Type: "Person", URL: s.base.url("speakers/" + sp.Slug + "/")}
	if sp.Org {
		e.Type = "Organization"
	}
	if sp.Unnamed {
		// "a witness" describes someone; it is not a name.
		e.Description = &sp.Name
	} else {
		e.Name = &sp.Name
	}
	if len(sp.Aliases) > 0 && !sp.Unnamed {
		e.AlternateName = sp.Aliases
	}
	if sp.Description != "" {
		e.Description = &sp.Description
	}
	e.SameAs = sp.Wikidata
	return e
}

// speakerLD is the schema.org ProfilePage of a speaker page; the section of
// unattributed quotes has none.
func speakerLD(s *Site, sp *Speaker) template.JS {
	if sp.Unattributed {
		return ""
	}
	return scriptJSON(struct {
		Context    string    `json:"@context"`
		Type       string    `json:"@type"`
		MainEntity *entityLD `json:"mainEntity"`
		URL        string    `json:"url"`
	}{Context: "https://schema.org", Type: "ProfilePage", MainEntity: speakerEntity(s, sp), URL: s.base.url("speakers/" + sp.Slug + "/")})
}

func scriptJSON(v any) template.JS {
	data, err := marshalJSON(v)
	if err != nil {
		return ""
	}
	// marshalJSON escapes <, > and &, so the JSON cannot close its script.
	return template.JS(data)
}

// searchIndex is the compact index the search page loads: speakers and
// articles once, quotes as rows pointing at them. It is a script rather
// than JSON so that the search also works from files opened locally.
func searchIndex(s *Site) ([]byte, error) {
	type index struct {
		Speakers [][2]string `json:"s"` // name, slug
		Articles [][3]string `json:"a"` // title, slug, date
		Quotes   [][4]any    `json:"q"` // id, text, speaker index, article index
	}
	var ix index
	spIdx := map[*Speaker]int{}
	for i, sp := range s.Speakers {
		spIdx[sp] = i
		ix.Speakers = append(ix.Speakers, [2]string{sp.Name, sp.Slug})
	}
	arIdx := map[*Article]int{}
	for i, a := range s.Articles {
		arIdx[a] = i
		d := ""
		if !a.Doc.Date.IsZero() {
			// The date as every page writes it: one format on the site.
			d = formatDate(s.Config.Language, a.Doc.Date)
		}
		ix.Articles = append(ix.Articles, [3]string{a.Doc.Title, a.Slug, d})
	}
	for _, q := range s.Unique {
		ix.Quotes = append(ix.Quotes, [4]any{q.ID, q.Text, spIdx[q.Speaker], arIdx[q.Article]})
	}
	data, err := marshalJSON(ix)
	if err != nil {
		return nil, err
	}
	return append(append([]byte("window.verbatimIndex = "), data...), ';', '\n'), nil
}
