package render

import (
	"fmt"
	"html/template"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// TestJSONLDAsMaps checks that the JSON-LD structs write the bytes the maps
// they replaced wrote (kept below as the reference), for every optional
// key present and absent.
func TestJSONLDAsMaps(t *testing.T) {
	date := time.Date(2024, 5, 21, 0, 0, 0, 0, time.UTC)
	var arts []*Article
	for _, src := range []string{"", "https://news.example.com/a"} {
		for _, d := range []time.Time{{}, date} {
			for _, outlet := range []string{"", "The Times"} {
				for _, authors := range [][]string{nil, {"Ann"}, {"Ann", "Bob <b>"}} {
					arts = append(arts, &Article{Doc: document.Document{Title: "T & \"u\"", Date: d, Outlet: outlet, Authors: authors},
						Slug: "t", Source: src})
				}
			}
		}
	}
	var sps []*Speaker
	for _, name := range []string{"", "Ada <Lovelace>"} {
		for _, unnamed := range []bool{false, true} {
			for _, org := range []bool{false, true} {
				for _, aliases := range [][]string{nil, {}, {"A. L."}} {
					for _, desc := range []string{"", "Mayor"} {
						for _, wd := range []string{"", "https://www.wikidata.org/wiki/Q1"} {
							sps = append(sps, &Speaker{Name: name, Slug: "s", Unnamed: unnamed, Org: org, Aliases: aliases, Description: desc, Wikidata: wd})
						}
					}
				}
			}
		}
	}
	sps = append(sps, &Speaker{Name: "Unattributed", Slug: "unattributed", Unattributed: true})
	for _, raw := range []string{"https://quotes.example.org/sub/", "/"} {
		b, err := parseBase(raw)
		require.NoError(t, err)
		s := &Site{base: b}
		for i, sp := range sps {
			a := arts[i%len(arts)]
			q := &Quote{Record: speakers.Record{Quote: extract.Quote{ID: "q-1", Text: "Words </script>", Lang: "fr"}}, Article: a, Speaker: sp}
			if i%3 == 0 {
				orig := &Quote{Article: arts[(i+5)%len(arts)]}
				q.Sources = []*Quote{orig, q}
			}
			name := fmt.Sprintf("%s speaker %d", raw, i)
			assert.Equal(t, mapQuotationLD(s, q), quotationLD(s, q), name)
			assert.Equal(t, mapClaimLD(s, q), claimLD(s, q), name)
			assert.Equal(t, mapSpeakerLD(s, sp), speakerLD(s, sp), name)
		}
	}
}

// maparticleLD was the schema.org NewsArticle a quote was printed in, at its
// source URL when it has one, else at its page on this site.
func mapArticleLD(s *Site, a *Article) map[string]any {
	article := map[string]any{
		"@type":    "NewsArticle",
		"headline": a.Doc.Title,
		"url":      a.Source,
	}
	if a.Source == "" {
		article["url"] = s.base.url("articles/" + a.Slug + "/")
	}
	if !a.Doc.Date.IsZero() {
		article["datePublished"] = rfc3339(a.Doc.Date)
	}
	if a.Doc.Outlet != "" {
		article["publisher"] = map[string]any{"@type": "Organization", "name": a.Doc.Outlet}
	}
	if len(a.Doc.Authors) > 0 {
		var authors []map[string]any
		for _, name := range a.Doc.Authors {
			authors = append(authors, map[string]any{"@type": "Person", "name": name})
		}
		article["author"] = authors
	}
	return article
}

// mapquotationLD was the schema.org Quotation of a permalink page.
func mapQuotationLD(s *Site, q *Quote) template.JS {
	ld := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "Quotation",
		"@id":        s.base.url("quotes/" + q.ID + "/"),
		"url":        s.base.url("quotes/" + q.ID + "/"),
		"text":       q.Text,
		"inLanguage": q.Lang,
		"isBasedOn":  mapArticleLD(s, q.Article),
	}
	if !q.Speaker.Unattributed {
		ld["spokenByCharacter"] = mapSpeakerEntity(s, q.Speaker)
	}
	return scriptJSON(ld)
}

// mapclaimLD was the schema.org Claim of a permalink page, beside its
// Quotation: what fact-checkers review. A ClaimReview's itemReviewed can
// name it by its @id (the permalink's URL with #claim), and search engines
// read who made the claim (author), when, where it appeared (appearance)
// and the first article that printed the words (firstAppearance).
func mapClaimLD(s *Site, q *Quote) template.JS {
	permalink := s.base.url("quotes/" + q.ID + "/")
	// Each copy of wire copy has its own permalink and Claim: its
	// appearance is its own article, its first appearance the oldest copy
	// (listing every copy on every copy's page would grow as their square).
	first := q.Article
	if len(q.Sources) > 0 {
		first = q.Sources[0].Article
	}
	ld := map[string]any{
		"@context":        "https://schema.org",
		"@type":           "Claim",
		"@id":             permalink + "#claim",
		"url":             permalink,
		"text":            q.Text,
		"inLanguage":      q.Lang,
		"appearance":      mapArticleLD(s, q.Article),
		"firstAppearance": mapArticleLD(s, first),
	}
	if !first.Doc.Date.IsZero() {
		ld["datePublished"] = rfc3339(first.Doc.Date)
	}
	if !q.Speaker.Unattributed {
		ld["author"] = mapSpeakerEntity(s, q.Speaker)
	}
	return scriptJSON(ld)
}

// mapspeakerEntity was the schema.org Person or Organization of a speaker,
// the same resource as its Wikidata item when speakers.yaml gives one.
func mapSpeakerEntity(s *Site, sp *Speaker) map[string]any {
	e := map[string]any{"@type": "Person", "url": s.base.url("speakers/" + sp.Slug + "/")}
	if sp.Org {
		e["@type"] = "Organization"
	}
	if sp.Unnamed {
		// "a witness" describes someone; it is not a name.
		e["description"] = sp.Name
	} else {
		e["name"] = sp.Name
	}
	if len(sp.Aliases) > 0 && !sp.Unnamed {
		e["alternateName"] = sp.Aliases
	}
	if sp.Description != "" {
		e["description"] = sp.Description
	}
	if sp.Wikidata != "" {
		e["sameAs"] = sp.Wikidata
	}
	return e
}

// mapspeakerLD was the schema.org ProfilePage of a speaker page; the section of
// unattributed quotes has none.
func mapSpeakerLD(s *Site, sp *Speaker) template.JS {
	if sp.Unattributed {
		return ""
	}
	return scriptJSON(map[string]any{
		"@context":   "https://schema.org",
		"@type":      "ProfilePage",
		"url":        s.base.url("speakers/" + sp.Slug + "/"),
		"mainEntity": mapSpeakerEntity(s, sp),
	})
}
