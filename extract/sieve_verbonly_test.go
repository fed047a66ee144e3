package extract

import "testing"

func TestVerbOnly(t *testing.T) {
	runCueSieve(t, verbOnly{}, []sieveCase{
		{"french passive report", "fr", "Titre\n\n« Rien n'est décidé », a déclaré hier soir.", "a déclaré", ""},
		{"verb before", "en", "Headline\n\nThe statement said “no decision was taken”.", "said", ""},
		{"no verb", "en", "Headline\n\nThe so-called “green corridor” opened.", "", ""},
	})
}
