package extract_test

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/extract"
)

// checkQuotes asserts what every result must satisfy, whatever the input:
// offsets in bounds and pointing at the quote's text, quotes ordered and
// disjoint, speaker spans in bounds, identifiers present and unique.
func checkQuotes(t *testing.T, text string, quotes []extract.Quote) {
	t.Helper()
	runes := []rune(text)
	n := len(runes)
	ids := map[string]bool{}
	for i, q := range quotes {
		if q.Start < 0 || q.Start >= q.End || q.End > n {
			t.Fatalf("quote %d: span [%d, %d) out of bounds (text has %d code points)", i, q.Start, q.End, n)
		}
		if got := string(runes[q.Start:q.End]); q.Text != got {
			t.Fatalf("quote %d: Text %q but text[%d:%d] is %q", i, q.Text, q.Start, q.End, got)
		}
		if i > 0 && q.Start < quotes[i-1].End {
			t.Fatalf("quote %d [%d, %d) starts before quote %d ends (%d): unordered or overlapping",
				i, q.Start, q.End, i-1, quotes[i-1].End)
		}
		if (q.SpeakerStart == nil) != (q.SpeakerEnd == nil) {
			t.Fatalf("quote %d: speaker_start and speaker_end must be set together", i)
		}
		if q.SpeakerStart != nil && (*q.SpeakerStart < 0 || *q.SpeakerStart >= *q.SpeakerEnd || *q.SpeakerEnd > n) {
			t.Fatalf("quote %d: speaker span [%d, %d) out of bounds (%d code points)", i, *q.SpeakerStart, *q.SpeakerEnd, n)
		}
		if q.ID == "" {
			t.Fatalf("quote %d: empty ID", i)
		}
		if ids[q.ID] {
			t.Fatalf("quote %d: ID %s repeated", i, q.ID)
		}
		ids[q.ID] = true
	}
}

// FuzzExtract runs the extractor on arbitrary text and language codes. The
// seeds in testdata/fuzz/FuzzExtract run with every go test.
func FuzzExtract(f *testing.F) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkQuotes(t, text, ex.Extract(extract.Document{ID: "fuzz", Lang: lang, Text: text}))
	})
}

func TestHostileInputs(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sentence := "« Nous restons prudents », a déclaré la ministre Claire Dubois. \"It's fine,\" he said.\n\n"
	tests := []struct {
		name, lang, text string
		long             bool
	}{
		{name: "invalid UTF-8", lang: "fr", text: "\xff« Nous \xc3 restons », a dit \x80Jean Dupont.\xe2\x80"},
		{name: "NUL bytes", lang: "fr", text: "« Nous\x00 restons », a dit\x00 Jean Dupont.\x00"},
		{name: "10,000 unbalanced «", lang: "fr", text: strings.Repeat("« ", 10_000)},
		{name: "10,000 unbalanced \"", lang: "en", text: strings.Repeat("\" ", 10_000) + "he said."},
		{name: "10,000 closing marks", lang: "fr", text: strings.Repeat("» ” ", 5_000)},
		{name: "10,000 elided straight openers", lang: "fr", text: strings.Repeat("qu'\" a ", 10_000)},
		{name: "10,000 spaced straight marks", lang: "fr", text: strings.Repeat("de \" ", 10_000)},
		{name: "10,000 single openers", lang: "en", text: strings.Repeat("'a ", 10_000)},
		{name: "10,000 possessive apostrophes", lang: "en", text: "'" + strings.Repeat("a' b ", 10_000)},
		{name: "deep nesting", lang: "fr", text: strings.Repeat("« “ ‹ ", 3_000) + "x" + strings.Repeat(" › ” »", 3_000)},
		{name: "unknown language", lang: "xx", text: sentence},
		{name: "no language", lang: "", text: sentence},
		{name: "only whitespace", lang: "fr", text: "\u202f\u00a0 \n\n\t"},
		{name: "50 MB article", lang: "fr", text: strings.Repeat(sentence, 50<<20/len(sentence)), long: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long && testing.Short() {
				t.Skip("long input skipped in -short mode")
			}
			checkQuotes(t, tt.text, ex.Extract(extract.Document{ID: "hostile", Lang: tt.lang, Text: tt.text}))
		})
	}
}
