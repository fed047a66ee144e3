package speakers

import (
	"strings"
	"unicode"
)

// Duplicate is one quote published by several articles (wire copy): the
// same words, folded, from the same speaker.
type Duplicate struct {
	// Quote is the representative: the first of Sources.
	Quote Record
	// Sources are every record of the quote, in input order.
	Sources []Record
}

// GroupDuplicates groups the records that repeat one quote: the same text
// once case, accents, quotation marks, dashes, spacing and the punctuation
// at either end are folded, and the same speaker id. Records are kept in
// input order; a group stands where its first record stood, and that first
// record is its representative, so a caller passing records oldest article
// first shows the original with its reprints. A record with no words to
// compare stays alone.
func GroupDuplicates(recs []Record) []Duplicate {
	at := map[string]int{}
	var out []Duplicate
	for _, r := range recs {
		text := foldQuote(r.Text)
		if text == "" {
			out = append(out, Duplicate{Quote: r, Sources: []Record{r}})
			continue
		}
		key := r.SpeakerID + "\x00" + text
		if i, ok := at[key]; ok {
			out[i].Sources = append(out[i].Sources, r)
			continue
		}
		at[key] = len(out)
		out = append(out, Duplicate{Quote: r, Sources: []Record{r}})
	}
	return out
}

// foldQuote reduces a quote's text to its words: lowercase, no accents,
// one kind of apostrophe and dash, single spaces, no punctuation or
// quotation marks at either end ("It's nice to be back," and "it’s nice to
// be back." meet).
func foldQuote(s string) string {
	straight := strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '«', '»', '„', '‹', '›':
			return '"'
		}
		return r
	}, fold(s))
	return strings.TrimFunc(straight, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
}
