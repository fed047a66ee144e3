package render

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/internal/slug"
	"github.com/verbatim-news/verbatim/speakers"
)

// Site is everything the outputs are made from. Every slice is in its
// display order, which is also the order of the output.
type Site struct {
	Config   Config
	Articles []*Article // newest first, then by slug
	// Speakers are the named speakers, most quoted first, then by slug;
	// then the described ones ("a witness"); Unattributed last.
	Speakers []*Speaker
	Quotes   []*Quote // every quote: newest first, then by article, then by position
	// Unique are the Quotes without reprints: one quote per group of
	// duplicates (its oldest source), in the same order. Lists of quotes
	// across articles (home, feeds, search) show these.
	Unique []*Quote
	// Corrections are the entries of corrections.yaml, newest first.
	Corrections []*Correction

	base base
}

// Article is one document with its quotes.
type Article struct {
	Doc    document.Document
	Slug   string
	Lang   string
	Quotes []*Quote // by position in the text
	// Source is the document's source URL if it is safe to link to.
	Source string
	URL    string // in-site link to the article page
}

// Speaker is one person or organisation across the articles, as the
// speakers linker and speakers.yaml make it, or the section of quotes
// without a speaker.
type Speaker struct {
	ID      string // the linker's id, "" for Unattributed
	Name    string // canonical name
	Aliases []string
	Slug    string // the page's folder: the id
	// Description and QID come from speakers.yaml; Wikidata is the URL of
	// the QID's item.
	Description, QID, Wikidata string
	Org                        bool // an organisation, not a person
	// Unnamed marks a speaker an article only describes ("a witness"):
	// one article's, never linked to another.
	Unnamed bool
	// Unattributed gathers the quotes whose speaker the text does not tell:
	// a section, not a person.
	Unattributed bool
	// Quotes are shown once per group of duplicates, newest first.
	Quotes []*Quote
	Groups []Group // Quotes by article, in the same order
	// Articles counts the articles quoting the speaker, reprints included.
	Articles int
	URL      string
}

// Group is a run of one speaker's quotes from one article.
type Group struct {
	Article *Article
	Quotes  []*Quote
}

// Quote is a published quote placed in the site: the extracted quote with
// its corpus-wide speaker id and verification (speakers.Record).
type Quote struct {
	speakers.Record
	Article *Article
	Speaker *Speaker
	URL     string // in-site permalink
	// SourceLink is the article's source URL with a text fragment that jumps
	// to the quoted words, or "".
	SourceLink string
	// Sources are every quote of the same words by the same speaker (wire
	// copy), oldest first, this one included; nil when there is only one.
	// Sources[0], the original, is the one lists show.
	Sources []*Quote
	// Also are the other sources its card lists: all of them for the
	// original; for a reprint, the original, with More the number of the
	// others, so that words reprinted by a hundred articles do not list a
	// hundred sources on each of their pages.
	Also []*Quote
	More int
	// VerifiedDate is VerifiedOn as a date.
	VerifiedDate time.Time
	// Corrections applied to this quote, in file order.
	Corrections []*Correction
}

// shown tells whether lists of quotes across articles show q: it is the
// first of its duplicates, or has none.
func (q *Quote) shown() bool { return len(q.Sources) == 0 || q.Sources[0] == q }

// Correction is one entry of corrections.yaml as the corrections page
// shows it.
type Correction struct {
	Entry corrections.Entry
	Date  time.Time
	// Stale marks an entry whose quote no article has any more.
	Stale bool
	// Text is the quote's words, "" when Stale.
	Text    string
	Article *Article // the quote's article; nil when Stale
	Quote   *Quote   // the quote as published; nil when rejected or Stale
	// From and To are the speakers before and after a speaker correction.
	From, To SpeakerRef
}

// SpeakerRef names a speaker, with the URL of its page or "" when it has
// none (a speaker left without quotes).
type SpeakerRef struct{ Name, URL string }

// unattributedSlug is the section of quotes without a speaker, an id the
// linker never hands out.
const unattributedSlug = corpus.UnattributedID

// newSite places the linked and corrected quotes in articles and speaker
// pages and fixes every order.
func newSite(cfg Config, c *corpus.Corpus) *Site {
	arts := c.Articles
	b, _ := parseBase(cfg.BaseURL) // checked when the config was loaded
	s := &Site{Config: cfg, base: b}

	items := make([]slug.Item, 0, len(arts))
	for _, a := range arts {
		items = append(items, slug.Item{Key: a.Doc.ID, Name: a.Doc.Title, Explicit: a.Doc.Slug})
	}
	articleSlugs := slug.Assign(items)

	// One page per linked speaker with quotes left after corrections.
	byID := map[string]*Speaker{}
	for _, ls := range c.Speakers.Speakers {
		if ls.Quotes == 0 {
			continue
		}
		sp := &Speaker{ID: ls.ID, Name: ls.Name, Aliases: ls.Aliases, Slug: ls.ID, Description: ls.Description,
			QID: ls.QID, Org: ls.Org, Unnamed: ls.Unnamed}
		if sp.QID != "" {
			sp.Wikidata = "https://www.wikidata.org/wiki/" + sp.QID
		}
		byID[sp.ID] = sp
	}
	// speakers.yaml may give a speaker the id the section would take.
	unattributed := &Speaker{Unattributed: true, Name: translate(cfg.Language, "unattributed"), Slug: unattributedSlug}
	for n := 2; byID[unattributed.Slug] != nil; n++ {
		unattributed.Slug = unattributedSlug + "-" + strconv.Itoa(n)
	}

	byQuote := map[string]*Quote{}
	for i, a := range arts {
		art := &Article{
			Doc:    a.Doc,
			Slug:   articleSlugs[a.Doc.ID],
			Lang:   cmp.Or(a.Doc.Lang, a.Result.Lang, cfg.Language),
			Source: safeURL(a.Doc.SourceURL),
		}
		art.URL = b.rel("articles/" + art.Slug + "/")
		for _, r := range c.Records[i] {
			sp := byID[r.SpeakerID]
			if sp == nil {
				sp = unattributed
			}
			q := &Quote{Record: r, Article: art, Speaker: sp, URL: b.rel("quotes/" + r.ID + "/")}
			if r.Verified {
				q.VerifiedDate, _ = time.Parse(time.DateOnly, r.VerifiedOn) // checked when corrections.yaml was read
			}
			art.Quotes = append(art.Quotes, q)
			byQuote[q.ID] = q
		}
		slices.SortStableFunc(art.Quotes, func(x, y *Quote) int { return cmp.Compare(x.Start, y.Start) })
		s.Articles = append(s.Articles, art)
	}
	slices.SortFunc(s.Articles, compareArticles)
	for _, a := range s.Articles {
		s.Quotes = append(s.Quotes, a.Quotes...)
	}
	// A fragment link per quote, string work done on every core.
	forEach(len(s.Quotes), func(i int) {
		q := s.Quotes[i]
		q.SourceLink = textFragment(q.Article.Source, q.Text)
	})
	// Articles are newest first and quotes by position within each, so
	// s.Quotes is in that order: article (compareArticles), then position.

	// Duplicates: the oldest source stands for the group.
	oldest := slices.Clone(s.Quotes)
	slices.SortStableFunc(oldest, compareOldest)
	recs := make([]speakers.Record, len(oldest))
	for i, q := range oldest {
		recs[i] = q.Record
	}
	for _, d := range speakers.DuplicateIndexes(recs) {
		if len(d) < 2 {
			continue
		}
		group := make([]*Quote, len(d))
		for i, k := range d {
			group[i] = byQuote[recs[k].ID]
		}
		for i, q := range group {
			q.Sources = group
			if i == 0 {
				q.Also = group[1:]
			} else {
				q.Also, q.More = group[:1], len(group)-2
			}
		}
	}

	all := map[*Speaker][]*Quote{}
	for _, q := range s.Quotes {
		all[q.Speaker] = append(all[q.Speaker], q)
		if q.shown() {
			s.Unique = append(s.Unique, q)
		}
	}
	for sp, qs := range all {
		sp.URL = b.rel("speakers/" + sp.Slug + "/")
		articles := map[*Article]bool{}
		for _, q := range qs {
			articles[q.Article] = true
			if !q.shown() {
				continue
			}
			sp.Quotes = append(sp.Quotes, q)
			if n := len(sp.Groups); n > 0 && sp.Groups[n-1].Article == q.Article {
				sp.Groups[n-1].Quotes = append(sp.Groups[n-1].Quotes, q)
			} else {
				sp.Groups = append(sp.Groups, Group{Article: q.Article, Quotes: []*Quote{q}})
			}
		}
		sp.Articles = len(articles)
		s.Speakers = append(s.Speakers, sp)
	}
	slices.SortFunc(s.Speakers, func(x, y *Speaker) int {
		if x.Unattributed != y.Unattributed {
			return boolOrder(x.Unattributed)
		}
		if x.Unnamed != y.Unnamed {
			return boolOrder(x.Unnamed)
		}
		return cmp.Or(cmp.Compare(len(y.Quotes), len(x.Quotes)), cmp.Compare(x.Slug, y.Slug))
	})

	s.Corrections = newCorrections(c, s, byQuote, byID, unattributed)
	return s
}

// boolOrder sorts the items for which last is true after the others.
func boolOrder(last bool) int {
	if last {
		return 1
	}
	return -1
}

// newCorrections lists every entry of corrections.yaml, applied or stale,
// newest first; an applied entry is also attached to its quote.
func newCorrections(c *corpus.Corpus, s *Site, byQuote map[string]*Quote, byID map[string]*Speaker, unattributed *Speaker) []*Correction {
	articles := map[string]*Article{}
	for _, a := range s.Articles {
		articles[a.Doc.ID] = a
	}
	ref := func(r speakers.Record) SpeakerRef {
		if sp := byID[r.SpeakerID]; sp != nil && len(sp.Quotes) > 0 {
			return SpeakerRef{Name: sp.Name, URL: sp.URL}
		}
		if ls, ok := c.Speakers.Speaker(r.SpeakerID); ok {
			return SpeakerRef{Name: ls.Name}
		}
		if name := r.SpeakerName(); name != "" {
			return SpeakerRef{Name: name}
		}
		return SpeakerRef{Name: unattributed.Name, URL: unattributed.URL}
	}
	var out []*Correction
	for _, a := range c.Fixes.Applied {
		cr := &Correction{Entry: a.Entry, Text: a.Before.Text, Article: articles[a.Before.DocID], From: ref(a.Before)}
		if a.After != nil {
			cr.Quote = byQuote[a.After.ID]
			cr.To = ref(*a.After)
			if cr.Quote != nil {
				cr.Quote.Corrections = append(cr.Quote.Corrections, cr)
			}
		}
		out = append(out, cr)
	}
	for _, e := range c.Fixes.Stale {
		out = append(out, &Correction{Entry: e, Stale: true})
	}
	for _, cr := range out {
		cr.Date, _ = time.Parse(time.DateOnly, cr.Entry.Date) // checked when corrections.yaml was read
	}
	slices.SortStableFunc(out, func(x, y *Correction) int {
		return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(y.Entry.Line, x.Entry.Line))
	})
	return out
}

// compareArticles orders newest first; undated articles go last; the slug
// breaks ties so that the order never depends on the input order.
func compareArticles(x, y *Article) int {
	xz, yz := x.Doc.Date.IsZero(), y.Doc.Date.IsZero()
	if xz != yz {
		if xz {
			return 1
		}
		return -1
	}
	return cmp.Or(y.Doc.Date.Compare(x.Doc.Date), cmp.Compare(x.Slug, y.Slug))
}

// compareOldest orders quotes oldest article first, so that the original
// comes before its reprints; undated articles still go last.
func compareOldest(x, y *Quote) int {
	if x.Article != y.Article {
		xz, yz := x.Article.Doc.Date.IsZero(), y.Article.Doc.Date.IsZero()
		if xz != yz {
			return boolOrder(xz)
		}
		return cmp.Or(x.Article.Doc.Date.Compare(y.Article.Doc.Date), cmp.Compare(x.Article.Slug, y.Article.Slug))
	}
	return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.ID, y.ID))
}

// spans returns the quote spans of an article for highlighting, in byte
// offsets into text (the article's Text), skipping quotes whose offsets do
// not point at their words and quotes overlapping an earlier one.
func (a *Article) spans(idx []int) []span {
	var out []span
	last := -1
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(idx)-1 || q.Start >= q.End {
			continue
		}
		bs, be := idx[q.Start], idx[q.End]
		if bs < last || a.Doc.Text[bs:be] != q.Text {
			continue
		}
		last = be
		sp := span{start: bs, end: be, id: q.ID, href: q.Speaker.URL, title: q.Speaker.Name}
		if q.Speaker.Unattributed {
			sp.href, sp.title = q.URL, ""
		}
		out = append(out, sp)
	}
	return out
}
