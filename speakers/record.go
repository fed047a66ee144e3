package speakers

import "github.com/verbatim-news/verbatim/extract"

// Record is a quote as the site publishes it: the extracted quote, the
// document it comes from, its corpus-wide speaker and its verification.
// Encoded as JSON, the quote's fields come first, flattened, then these.
type Record struct {
	extract.Quote
	DocID      string `json:"doc_id,omitempty"`
	SpeakerID  string `json:"speaker_id,omitempty"`
	Verified   bool   `json:"verified,omitempty"`
	VerifiedBy string `json:"verified_by,omitempty"`
	VerifiedOn string `json:"verified_on,omitempty"` // YYYY-MM-DD
}

// Records pairs the quotes of document doc (its index in the order of Add)
// with their speaker ids. quotes are the ones given to Add for that
// document; a quote unknown to the linker gets no speaker id.
func (r *Result) Records(doc int, quotes []extract.Quote) []Record {
	out := make([]Record, len(quotes))
	var d docRef
	if doc >= 0 && doc < len(r.docs) {
		d = r.docs[doc]
	}
	for i, q := range quotes {
		out[i] = Record{Quote: q, DocID: d.id}
		if i < d.nQuotes && r.byQuoteIndex(d.quotes+i) == q.ID {
			out[i].SpeakerID = r.idOf(d.quotes + i)
		} else if q.Speaker != nil {
			out[i].SpeakerID = r.QuoteSpeakerID(q.ID)
		}
	}
	return out
}

func (r *Result) byQuoteIndex(q int) string { return r.quoteIDs[q] }
