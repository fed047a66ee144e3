package render

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/render/slug"
)

// Site is everything the outputs are made from. Every slice is in its
// display order, which is also the order of the output.
type Site struct {
	Config   Config
	Articles []*Article // newest first, then by slug
	Speakers []*Speaker // most quoted first, then by slug; Unattributed last
	Quotes   []*Quote   // newest first, then by article, then by position

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

// Speaker is everyone quoted under one speaker key.
type Speaker struct {
	Key     string
	Name    string
	Aliases []string // other spellings found, sorted
	Slug    string
	// Unattributed gathers the quotes whose speaker the text does not tell:
	// a section, not a person.
	Unattributed bool
	Quotes       []*Quote // newest first
	Groups       []Group  // Quotes by article, in the same order
	URL          string
}

// Group is a run of one speaker's quotes from one article.
type Group struct {
	Article *Article
	Quotes  []*Quote
}

// Quote is an extracted quote placed in the site.
type Quote struct {
	extract.Quote
	Article *Article
	Speaker *Speaker
	URL     string // in-site permalink
	// SourceLink is the article's source URL with a text fragment that jumps
	// to the quoted words, or "".
	SourceLink string
}

const unattributedSlug = "unattributed"

// speakerKey decides which quotes share a speaker page. Today it folds case,
// accents and spacing of the quote's speaker name, so "Tokaïev" and
// "Tokaiev" meet; a corpus-wide speaker identity will replace it. An empty
// key means unattributed.
func speakerKey(q extract.Quote) string {
	name := strings.TrimSpace(q.SpeakerName())
	if name == "" {
		return ""
	}
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// article pairs a document with its extracted quotes, as loading yields it.
type article struct {
	doc    document.Document
	quotes []extract.Quote
}

// newSite links articles, quotes and speakers and fixes every order.
func newSite(cfg Config, in []article) *Site {
	b, _ := parseBase(cfg.BaseURL) // checked when the config was loaded
	s := &Site{Config: cfg, base: b}

	items := make([]slug.Item, 0, len(in))
	for _, a := range in {
		items = append(items, slug.Item{Key: a.doc.ID, Name: a.doc.Title, Explicit: a.doc.Slug})
	}
	articleSlugs := slug.Assign(items)

	speakers := map[string]*Speaker{}
	spellings := map[string]map[string]int{}
	for _, a := range in {
		art := &Article{
			Doc:    a.doc,
			Slug:   articleSlugs[a.doc.ID],
			Lang:   cmp.Or(a.doc.Lang, cfg.Language),
			Source: safeURL(a.doc.SourceURL),
		}
		art.URL = b.rel("articles/" + art.Slug + "/")
		for _, eq := range a.quotes {
			if eq.Lang == "" {
				eq.Lang = art.Lang
			}
			key := speakerKey(eq)
			sp := speakers[key]
			if sp == nil {
				sp = &Speaker{Key: key, Unattributed: key == ""}
				speakers[key] = sp
				spellings[key] = map[string]int{}
			}
			if key != "" {
				spellings[key][strings.TrimSpace(eq.SpeakerName())]++
			}
			q := &Quote{Quote: eq, Article: art, Speaker: sp}
			q.SourceLink = textFragment(art.Source, eq.Text)
			art.Quotes = append(art.Quotes, q)
			sp.Quotes = append(sp.Quotes, q)
		}
		slices.SortStableFunc(art.Quotes, func(x, y *Quote) int { return cmp.Compare(x.Start, y.Start) })
		s.Articles = append(s.Articles, art)
	}
	slices.SortFunc(s.Articles, compareArticles)

	items = items[:0]
	for key, sp := range speakers {
		if sp.Unattributed {
			sp.Name = translate(cfg.Language, "unattributed")
			items = append(items, slug.Item{Key: key, Name: sp.Name, Explicit: unattributedSlug})
			continue
		}
		sp.Name, sp.Aliases = pickName(spellings[key])
		items = append(items, slug.Item{Key: key, Name: sp.Name})
	}
	speakerSlugs := slug.Assign(items)
	for key, sp := range speakers {
		sp.Slug = speakerSlugs[key]
		sp.URL = b.rel("speakers/" + sp.Slug + "/")
		slices.SortFunc(sp.Quotes, compareQuotes)
		for _, q := range sp.Quotes {
			if n := len(sp.Groups); n > 0 && sp.Groups[n-1].Article == q.Article {
				sp.Groups[n-1].Quotes = append(sp.Groups[n-1].Quotes, q)
			} else {
				sp.Groups = append(sp.Groups, Group{Article: q.Article, Quotes: []*Quote{q}})
			}
		}
		s.Speakers = append(s.Speakers, sp)
	}
	slices.SortFunc(s.Speakers, func(x, y *Speaker) int {
		if x.Unattributed != y.Unattributed {
			if x.Unattributed {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(len(y.Quotes), len(x.Quotes)), cmp.Compare(x.Slug, y.Slug))
	})

	for _, a := range s.Articles {
		for _, q := range a.Quotes {
			q.URL = b.rel("quotes/" + q.ID + "/")
			s.Quotes = append(s.Quotes, q)
		}
	}
	// Articles are already newest first and quotes by position within each,
	// so s.Quotes is in compareQuotes order.
	return s
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

func compareQuotes(x, y *Quote) int {
	if x.Article != y.Article {
		return compareArticles(x.Article, y.Article)
	}
	return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.ID, y.ID))
}

// pickName returns the most frequent spelling as the name, the others as
// aliases; ties go to the longest, then the smallest spelling.
func pickName(counts map[string]int) (string, []string) {
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(len(b), len(a)), cmp.Compare(a, b))
	})
	if len(names) == 0 {
		return "", nil
	}
	aliases := slices.Clone(names[1:])
	slices.Sort(aliases)
	return names[0], aliases
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
