package extract

import "testing"

// contextCase: the sieve and speaker of one quote of a whole document.
type contextCase struct {
	name, lang, text, quote string
	wantSieve               Sieve
	wantSpeaker             string
}

func runContextCases(t *testing.T, cases []contextCase) {
	t.Helper()
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range ex.Extract(Document{ID: c.name, Lang: c.lang, Text: c.text}) {
				if q.Text != c.quote {
					continue
				}
				if q.Sieve != c.wantSieve || q.SpeakerName() != c.wantSpeaker {
					t.Fatalf("sieve %q speaker %q, want %q %q", q.Sieve, q.SpeakerName(), c.wantSieve, c.wantSpeaker)
				}
				return
			}
			t.Fatalf("quote %q not found", c.quote)
		})
	}
}

func TestPreviousQuoteSieve(t *testing.T) {
	runContextCases(t, []contextCase{
		{"english follow-up quote", "en", "Headline\n\n“It was close,” Derek Osei said. “We need a recount.”",
			"We need a recount.", SievePreviousQuote, "Derek Osei"},
		{"french paragraph of its own", "fr", "Titre\n\n« Le chantier commence lundi », a annoncé Paul Girard.\n\n« Il durera deux ans. »",
			"Il durera deux ans.", SievePreviousQuote, "Paul Girard"},
		{"a paragraph of narration between", "en", "Headline\n\n\"It was close,\" Derek Osei said.\n\nNobody in the hall expected a ruling that day.\n\n\"We need a recount.\"",
			"We need a recount.", SievePreviousQuote, "Derek Osei"},
		{"a new subject between takes the floor from the last speaker", "fr", "Titre\n\n« Le chantier avance bien », a assuré Paul Roux.\n\nLes riverains ont défilé jusqu'à la mairie samedi.\n\n« Nous reviendrons samedi prochain. »",
			"Nous reviendrons samedi prochain.", SieveNone, ""},
	})
}

func TestPreviousSubjectSieve(t *testing.T) {
	runContextCases(t, []contextCase{
		{"french subject of the sentence before", "fr", "Titre\n\nAnne Roux a visité le chantier mardi. « Les délais seront tenus. »",
			"Les délais seront tenus.", SievePreviousSubject, "Anne Roux"},
		{"an institution whose words the paragraph before reports", "fr", "Titre\n\nLa préfecture a indiqué que la route resterait fermée.\n\n« Les travaux prendront plusieurs jours. »",
			"Les travaux prendront plusieurs jours.", SievePreviousSubject, "La préfecture"},
	})
}

func TestParagraphSieve(t *testing.T) {
	runContextCases(t, []contextCase{
		{"long partial after an attributed quote", "fr",
			"Titre\n\n« Les détenus sont battus », affirme Amnistie Globale. Les prisonniers sont maintenus dans « des positions de stress douloureuses pendant des heures ».",
			"des positions de stress douloureuses pendant des heures", SieveParagraph, "Amnistie Globale"},
		{"long partial with its clause's subject and no verb of speech", "fr",
			"Titre\n\nNadia Ferrand a ouvert sa permanence à Lille. Elle se présente comme « la candidate des quartiers oubliés ».",
			"la candidate des quartiers oubliés", SieveParagraph, "Nadia Ferrand"},
	})
}
