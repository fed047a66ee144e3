package speakers

import (
	"runtime"
	"strings"
	"sync"
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
	groups := DuplicateIndexes(recs)
	out := make([]Duplicate, len(groups))
	for i, g := range groups {
		out[i].Sources = make([]Record, len(g))
		for j, k := range g {
			out[i].Sources[j] = recs[k]
		}
		out[i].Quote = out[i].Sources[0]
	}
	return out
}

// DuplicateIndexes is GroupDuplicates without copying records: each group
// is the indexes in recs of its records, in input order, and the groups
// stand where their first record stands.
func DuplicateIndexes(recs []Record) [][]int {
	folded := foldQuotes(recs)
	at := map[string]int{}
	var out [][]int
	for i, r := range recs {
		text := folded[i]
		if text == "" {
			out = append(out, []int{i})
			continue
		}
		key := r.SpeakerID + "\x00" + text
		if g, ok := at[key]; ok {
			out[g] = append(out[g], i)
			continue
		}
		at[key] = len(out)
		out = append(out, []int{i})
	}
	return out
}

// foldQuotes folds the text of every record, on every core: a site
// groups all its quotes at every build, and folding (Unicode
// normalisation) is most of the cost.
func foldQuotes(recs []Record) []string {
	out := make([]string, len(recs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(recs)/minFoldBatch))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Contiguous stripes: the result does not depend on the
			// number of workers.
			for i := w * len(recs) / workers; i < (w+1)*len(recs)/workers; i++ {
				out[i] = foldQuote(recs[i].Text)
			}
		})
	}
	wg.Wait()
	return out
}

// minFoldBatch is the fewest records worth a worker of their own.
const minFoldBatch = 256

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
