package render

import (
	"fmt"
	"slices"
	"time"
)

// messages holds the interface strings per language. A key missing in one
// language falls back to English, then to the key itself.
var messages = map[string]map[string]string{
	"en": {
		"skip":                   "Skip to content",
		"home":                   "Home",
		"speakers":               "Speakers",
		"articles":               "Articles",
		"search":                 "Search",
		"latest":                 "Latest quotes",
		"quotes":                 "quotes",
		"quote":                  "quote",
		"said":                   "said",
		"unattributed":           "Unattributed quotes",
		"unattributed-note":      "Quotes whose speaker the text does not tell.",
		"source":                 "Source",
		"source-words":           "Read these words in the source",
		"no-source":              "No link to the source",
		"article-page":           "Article",
		"permalink":              "Permalink",
		"context":                "Context",
		"cue":                    "Cue",
		"kind-direct":            "Full quote",
		"kind-partial":           "Partial quote",
		"by":                     "By",
		"in":                     "in",
		"also-as":                "Also written:",
		"speaker-quotes":         "Quotes by %s",
		"article-quotes":         "Quotes in this article",
		"no-quotes":              "No quote was found in this article.",
		"all-speakers":           "All speakers",
		"all-articles":           "All articles",
		"feed":                   "JSON Feed",
		"search-label":           "Words",
		"search-speaker":         "Speaker",
		"search-any":             "Anyone",
		"search-results":         "Results",
		"search-count":           "%d quotes",
		"search-count-one":       "%d quote",
		"list-sep":               "; ",
		"share-title":            "%s: “%s”",
		"share-description":      "“%s” — %s, %s",
		"share-description-anon": "“%s” — %s",
		"search-nojs":            "Search runs in your browser and needs JavaScript.",
		"not-found":              "Page not found",
		"not-found-text":         "This page does not exist, or not any more.",
		"back-home":              "Back to the home page",
		"quote-by":               "Quote by %s",
		"quote-unknown":          "Quote",
		"main-nav":               "Main",
		"footer":                 "Quotes found by verbatim in the articles of this site. Check them against the source.",
		"date-unknown":           "undated",
		"count-articles":         "%d articles",
		"article-one":            "article",
		"article-many":           "articles",
		"unnamed-note":           "A speaker the article describes without naming.",
		"wikidata":               "Wikidata",
		"verified-by":            "Verified by %s on %s",
		"also-in":                "Also in:",
		"more-sources":           "and %d more",
		"corrections":            "Corrections",
		"corrections-intro":      "Every correction the editors made to the quotes of this site: quotes withdrawn, speakers corrected, quotes checked against the source.",
		"no-corrections":         "No correction so far.",
		"correction":             "Correction",
		"action-reject":          "Quote withdrawn",
		"action-speaker":         "Speaker corrected",
		"action-verify":          "Quote verified",
		"quote-gone":             "no article has this quote any more.",
		"speaker-before":         "Attributed to:",
		"speaker-after":          "Now attributed to:",
	},
	"fr": {
		"skip":                   "Aller au contenu",
		"home":                   "Accueil",
		"speakers":               "Personnes citées",
		"articles":               "Articles",
		"search":                 "Recherche",
		"latest":                 "Dernières citations",
		"quotes":                 "citations",
		"quote":                  "citation",
		"said":                   "a dit",
		"unattributed":           "Citations non attribuées",
		"unattributed-note":      "Citations dont le texte ne dit pas l’auteur.",
		"source":                 "Source",
		"source-words":           "Lire ces mots dans la source",
		"no-source":              "Pas de lien vers la source",
		"article-page":           "Article",
		"permalink":              "Lien permanent",
		"context":                "Contexte",
		"cue":                    "Verbe",
		"kind-direct":            "Citation complète",
		"kind-partial":           "Citation partielle",
		"by":                     "Par",
		"in":                     "dans",
		"also-as":                "Aussi écrit\u202f:",
		"speaker-quotes":         "Citations de %s",
		"article-quotes":         "Citations de cet article",
		"no-quotes":              "Aucune citation trouvée dans cet article.",
		"all-speakers":           "Toutes les personnes citées",
		"all-articles":           "Tous les articles",
		"feed":                   "Flux JSON",
		"search-label":           "Mots",
		"search-speaker":         "Personne",
		"search-any":             "Tout le monde",
		"search-results":         "Résultats",
		"search-count":           "%d citations",
		"search-count-one":       "%d citation",
		"list-sep":               "\u202f; ",
		"share-title":            "%s\u202f: «\u202f%s\u202f»",
		"share-description":      "«\u202f%s\u202f» — %s, %s",
		"share-description-anon": "«\u202f%s\u202f» — %s",
		"search-nojs":            "La recherche se fait dans votre navigateur et demande JavaScript.",
		"not-found":              "Page introuvable",
		"not-found-text":         "Cette page n’existe pas, ou plus.",
		"back-home":              "Retour à l’accueil",
		"quote-by":               "Citation de %s",
		"quote-unknown":          "Citation",
		"main-nav":               "Principale",
		"footer":                 "Citations trouvées par verbatim dans les articles de ce site. Vérifiez-les dans la source.",
		"date-unknown":           "sans date",
		"count-articles":         "%d articles",
		"article-one":            "article",
		"article-many":           "articles",
		"unnamed-note":           "Une personne que l’article décrit sans la nommer.",
		"wikidata":               "Wikidata",
		"verified-by":            "Vérifiée par %s le %s",
		"also-in":                "Également dans\u202f:",
		"more-sources":           "et %d autres",
		"corrections":            "Corrections",
		"corrections-intro":      "Toutes les corrections apportées par la rédaction aux citations de ce site\u202f: citations retirées, auteurs corrigés, citations vérifiées à la source.",
		"no-corrections":         "Aucune correction pour l’instant.",
		"correction":             "Correction",
		"action-reject":          "Citation retirée",
		"action-speaker":         "Auteur corrigé",
		"action-verify":          "Citation vérifiée",
		"quote-gone":             "aucun article ne contient plus cette citation.",
		"speaker-before":         "Attribuée à\u202f:",
		"speaker-after":          "Désormais attribuée à\u202f:",
	},
}

var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

func languages() []string {
	var out []string
	for l := range messages {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// translate returns the interface string key in lang, formatted with args.
func translate(lang, key string, args ...any) string {
	s, ok := messages[lang][key]
	if !ok {
		if s, ok = messages["en"][key]; !ok {
			s = key
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// formatDate writes a date the way readers of lang expect it.
func formatDate(lang string, t time.Time) string {
	if t.IsZero() {
		return translate(lang, "date-unknown")
	}
	m, ok := months[lang]
	if !ok {
		m = months["en"]
	}
	if lang == "en" {
		return fmt.Sprintf("%s %d, %d", m[t.Month()-1], t.Day(), t.Year())
	}
	day := fmt.Sprint(t.Day())
	if lang == "fr" && t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, m[t.Month()-1], t.Year())
}
