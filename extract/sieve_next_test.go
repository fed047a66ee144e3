package extract

import "testing"

func TestNextSentence(t *testing.T) {
	runCueSieve(t, nextSentence{}, []sieveCase{
		{"english speaker opens the next sentence", "en", "Headline\n\n“Yes.” Smith said.", "said", "Smith"},
		{"the next sentence is about something else", "en", "Headline\n\n“Yes.” The vote was close.", "", ""},
	})
}
