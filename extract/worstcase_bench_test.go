package extract_test

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/extract"
)

// BenchmarkWorstCase runs shapes of text that once made some stage
// quadratic: thousands of quotes in one sentence, incises inside one quote,
// long runs of names, roles and pronouns. MB/s should stay in the range of
// the dev corpora; a drop by orders of magnitude means a stage lost its
// bound.
func BenchmarkWorstCase(b *testing.B) {
	cases := []struct{ name, lang, unit string }{
		{"quotes-one-sentence", "fr", "« Oui », a dit Jean Dupont, "},
		{"pronoun-inversions", "fr", "« Oui », a-t-il dit, "},
		{"incises-one-quote", "fr", "Oui, dit-il, "},
		{"dialogue-turns", "fr", "Oui ! — Non ! "},
		{"english-said", "en", "“Yes,” he said, “no.” "},
		{"french-straight", "fr", "\" Oui \", a dit Jean Dupont, \" non \". "},
		{"british-single", "en", "'Yes,' he said of the workers' union, 'no.' "},
		{"elided-straight-openers", "fr", "qu'\" a "},
		{"quotes-and-commas", "en", "“a b c”, d, "},
		{"names", "en", "Jean Dupont "},
		{"roles", "fr", "le président du Kazakhstan, "},
		{"descriptions-with-complements", "fr", "« Oui », dit la porte-parole de la fédération des banques. "},
		{"speaking-documents", "en", "The report says “no”. "},
		{"opinion-holders", "fr", "Pour la CGT, « non ». "},
		{"participles", "fr", "Estimant que « non », il a voté, trouvant le « oui » "},
		{"lead-descriptions", "fr", "Le ministre a déclaré que « non ». Le maire a dit « oui ». "},
		{"acronyms", "en", "Human Rights Watch (HRW) said “no”. "},
		{"particles", "en", "Ben van der Pluijm said “no”. "},
		{"tex-marks", "en", "``Yes,'' he said, ``no `` "},
		{"camps-and-partitives", "fr", "Chez Renault, on dit que « l'un des manifestants » a lancé « non ». "},
		{"dialogue-inside-unclosed", "fr", "« Oui ? — Non, avait-elle répondu ; « bien » "},
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		text := "Titre\n\n" + strings.Repeat(c.unit, 200_000/len(c.unit))
		if c.name == "incises-one-quote" || c.name == "dialogue-turns" {
			text = "Titre\n\n« " + strings.Repeat(c.unit, 200_000/len(c.unit)) + "»"
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				ex.Extract(extract.Document{ID: "w", Lang: c.lang, Text: text})
			}
		})
	}
}
