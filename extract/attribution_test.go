package extract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
)

type wantQuote struct {
	text, speaker string
	attribution   extract.Attribution
}

// TestAttribution covers the constructions news writing uses to attribute
// quotes, one short article each. The first line of every text is a
// headline, as in the plain-text input format.
func TestAttribution(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []wantQuote
	}{
		{"french inverted with description", "fr",
			"Titre\n\nLa ministre de la Santé Claire Vasseur a visité l'hôpital mardi.\n\n« Nous tiendrons nos engagements », a déclaré la ministre.",
			[]wantQuote{{"Nous tiendrons nos engagements", "Claire Vasseur", extract.ByDescription}}},
		{"french clitic inversion and stray space", "fr",
			"Titre\n\nLe maire Paul Girard est arrivé tôt. « Le chantier commence lundi », a -t-il annoncé.",
			[]wantQuote{{"Le chantier commence lundi", "Paul Girard", extract.ByPronoun}}},
		{"french ajoute-t-elle", "fr",
			"Titre\n\nSophie Marchand, la directrice du port, a reçu les syndicats. « Rien n'est décidé », ajoute-t-elle.",
			[]wantQuote{{"Rien n'est décidé", "Sophie Marchand", extract.ByPronoun}}},
		{"french split quote", "fr",
			"Titre\n\nJean Dulac a parlé aux habitants. « Nous reconstruirons », a-t-il dit, « mais pas ici. »",
			[]wantQuote{{"Nous reconstruirons", "Jean Dulac", extract.ByPronoun}, {"mais pas ici.", "Jean Dulac", extract.ByPronoun}}},
		{"french partial quotes and ce dernier", "fr",
			"Titre\n\nAnne Roux a rencontré le président Marc Lenoir. Ce dernier a salué son « engagement sans faille » et promis de « tout reprendre ».",
			[]wantQuote{{"engagement sans faille", "Marc Lenoir", extract.ByPronoun}, {"tout reprendre", "Marc Lenoir", extract.ByPronoun}}},
		{"french demonym description", "fr",
			"Titre\n\nLe Premier ministre Lars Nyberg, chef du gouvernement de Suède, est à Paris. Le Premier ministre suédois a qualifié la réunion d'« utile et franche ».",
			[]wantQuote{{"utile et franche", "Lars Nyberg", extract.ByDescription}}},
		{"french selon", "fr",
			"Titre\n\nSelon Hélène Caradec, « la saison est perdue ».",
			[]wantQuote{{"la saison est perdue", "Hélène Caradec", extract.ByAccordingTo}}},
		{"french colon", "fr",
			"Titre\n\nMarc Lenoir : « Je ne démissionnerai pas. »",
			[]wantQuote{{"Je ne démissionnerai pas.", "Marc Lenoir", extract.ByColon}}},
		{"french scare quote rejected", "fr",
			"Titre\n\nLa ville joue la carte du « tourisme vert » depuis des années.",
			nil},
		{"french spelling variants merged", "fr",
			"Titre\n\nLe ministre Antoine Ferrand est en visite. « Nous restons prudents », a déclaré Anthoine Ferrand.",
			[]wantQuote{{"Nous restons prudents", "Antoine Ferrand", extract.ByName}}},
		{"english said after name", "en",
			"Headline\n\n“We will appeal,” said Maria Lopez, the union's lawyer.",
			[]wantQuote{{"We will appeal,", "Maria Lopez", extract.ByName}}},
		{"english name then verb and pronoun follow-up", "en",
			"Headline\n\nCouncillor Derek Osei spoke after the vote.\n\n“It was close,” Osei said. “We need a recount.”\n\n“Nobody expected this,” he added.",
			[]wantQuote{{"It was close,", "Derek Osei", extract.BySurname}, {"We need a recount.", "Derek Osei", extract.ByContext}, {"Nobody expected this,", "Derek Osei", extract.ByPronoun}}},
		{"english according to", "en",
			"Headline\n\nThe bridge will close in May, according to Ruth Adler, who called the repairs “long overdue.”",
			[]wantQuote{{"long overdue.", "Ruth Adler", extract.ByName}}},
		{"english unnamed speaker", "en",
			"Headline\n\n“The fire spread in minutes,” a witness told reporters.",
			[]wantQuote{{"The fire spread in minutes,", "a witness", extract.ByDescription}}},
		{"english pronoun after an unnamed newcomer", "en",
			"Headline\n\n“We will not move,” said Marcus Ostrova, the union secretary.\n\nOutside the hall, a crane driver was blunt. “Nobody has been paid since March,” he said.",
			[]wantQuote{{"We will not move,", "Marcus Ostrova", extract.ByName}, {"Nobody has been paid since March,", "a crane driver", extract.ByPronoun}}},
		{"english title rejected", "en",
			"Headline\n\nShe starred in the film “Winter Harbour” last year.",
			nil},
		{"english no speaker stays null", "en",
			"Headline\n\nThe sign read: “Closed until further notice.”",
			[]wantQuote{{"Closed until further notice.", "", extract.ByNone}}},
		{"multi-paragraph quote", "en",
			"Headline\n\nMayor Lina Okafor spoke at length.\n\n“We have done the work. We have found the money.\n\n“Now we build,” Okafor said.",
			[]wantQuote{{"We have done the work. We have found the money.", "Lina Okafor", extract.ByContext}, {"Now we build,", "Lina Okafor", extract.BySurname}}},
	}
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quotes := ex.Extract(extract.Document{ID: "t", Lang: tc.lang, Text: tc.text})
			var got []wantQuote
			for _, q := range quotes {
				got = append(got, wantQuote{q.Text, q.SpeakerName(), q.Attribution})
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestHeadlineAndFurnitureNeverQuote(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	text := "Le ministre : « Nous gagnerons »\n\nPartager cet article\n\nPUBLICITÉ\n\nLe ministre Paul Roux a parlé. « Nous gagnerons », a-t-il dit.\n\nÀ découvrir également\n\nPaul Roux : « une autre histoire »"
	quotes := ex.Extract(extract.Document{ID: "f", Lang: "fr", Text: text})
	require.Len(t, quotes, 1)
	assert.Equal(t, "Nous gagnerons", quotes[0].Text)
	assert.Greater(t, quotes[0].Start, 40, "the headline's quote is not reported")
}

func TestLanguageDetection(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	assert.Equal(t, "fr", ex.DetectLanguage("Le gouvernement a annoncé mardi que les élections auront lieu dans le pays."))
	assert.Equal(t, "en", ex.DetectLanguage("The government said on Tuesday that the elections would be held in the country."))
	assert.Equal(t, "", ex.DetectLanguage("12 345 678"))
}

func TestUnknownLanguageStillFindsSpans(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	quotes := ex.Extract(extract.Document{ID: "x", Lang: "es", Text: "Titular\n\n«Vamos a ganar las elecciones», dijo el candidato."})
	require.Len(t, quotes, 1)
	assert.Equal(t, "Vamos a ganar las elecciones", quotes[0].Text)
	assert.Nil(t, quotes[0].Speaker)
}
