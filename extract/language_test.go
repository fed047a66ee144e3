package extract_test

import (
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
}
