package extract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
)

func TestLanguageDetection(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	assert.Equal(t, "fr", ex.DetectLanguage("Le gouvernement a annoncé mardi que les élections auront lieu dans le pays."))
	assert.Equal(t, "en", ex.DetectLanguage("The government said on Tuesday that the elections would be held in the country."))
	assert.Equal(t, "", ex.DetectLanguage("12 345 678"))
	// A short test sentence: its reporting verb is the evidence.
	assert.Equal(t, "fr", ex.DetectLanguage("« Oui », dit Paul Roux."))
	assert.Equal(t, "en", ex.DetectLanguage("“Yes,” said Paul Roux."))
	assert.Equal(t, "", ex.DetectLanguage("“Paul Roux”"))
}

// TestInvalidUTF8Offsets: text that is not UTF-8 is analysed as it is,
// each invalid byte one code point of []rune(text), as the offsets are
// documented; repairing it would merge the run \xff\xfe into one code point
// and shift the quote. Language detection reads it as repaired text: an
// invalid byte ends a word as U+FFFD does.
func TestInvalidUTF8Offsets(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	text := "Le gouvernement a annoncé \xff\xfe mardi que les élections auront lieu.\n" +
		"« Nous restons prudents », a déclaré le ministre Jean Dupont."
	repaired := strings.ToValidUTF8(text, "\uFFFD")
	assert.Equal(t, ex.DetectLanguage(repaired), ex.DetectLanguage(text))

	res := ex.Analyze(extract.Document{ID: "bad", Text: text})
	assert.Equal(t, "fr", res.Lang)
	require.Len(t, res.Quotes, 1)
	q := res.Quotes[0]
	runes := []rune(text)
	assert.Equal(t, q.Text, string(runes[q.Start:q.End]))
	assert.Equal(t, "Nous restons prudents", strings.Trim(q.Text, "« »\u00a0\u202f"))
	assert.Equal(t, len([]rune(repaired))+1, len(runes), "the repair would shift offsets by one")
}
