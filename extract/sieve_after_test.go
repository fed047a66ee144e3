package extract

import "testing"

func TestAfterQuote(t *testing.T) {
	runCueSieve(t, afterQuote{}, []sieveCase{
		{"french verb then name", "fr", "Titre\n\n« Nous resterons », a déclaré Paul Girard.", "a déclaré", "Paul Girard"},
		{"french inversion", "fr", "Titre\n\n« Nous resterons », a-t-elle ajouté.", "a-t-elle ajouté", "elle"},
		{"english name then verb", "en", "Headline\n\n“We will stay,” Maria Lopez said.", "said", "Maria Lopez"},
		{"english premodified name", "en", "Headline\n\n“We will stay,” veteran councillor Ann Lee said.", "said", "Ann Lee"},
		{"nothing after", "en", "Headline\n\nThe sign read “Closed for winter”.", "", ""},
	})
}
