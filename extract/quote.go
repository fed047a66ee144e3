package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Document is one article as the extractor sees it: an identifier, an optional
// language code ("fr", "en"; empty means detect) and the text whose code points
// every offset refers to.
type Document struct {
	ID   string
	Lang string
	Text string
}

// Kind tells whether the quotation is the whole reported utterance or a quoted
// stretch inside paraphrase.
type Kind string

const (
	Direct  Kind = "direct"
	Partial Kind = "partial"
)

// Attribution names the evidence that gave a quote its speaker.
type Attribution string

const (
	ByName        Attribution = "name"
	BySurname     Attribution = "surname"
	ByPronoun     Attribution = "pronoun"
	ByDescription Attribution = "description"
	ByColon       Attribution = "colon"
	ByAccordingTo Attribution = "according_to"
	ByContext     Attribution = "context"
	ByNone        Attribution = "none"
)

// Quote is one direct quotation. Offsets are Unicode code points into the
// document text: []rune(text)[Start:End] == Text.
type Quote struct {
	ID             string      `json:"id"`
	Text           string      `json:"text"`
	Start          int         `json:"start"`
	End            int         `json:"end"`
	Kind           Kind        `json:"kind"`
	Speaker        *string     `json:"speaker"`
	SpeakerMention string      `json:"speaker_mention,omitempty"`
	SpeakerStart   *int        `json:"speaker_start,omitempty"`
	SpeakerEnd     *int        `json:"speaker_end,omitempty"`
	Cue            string      `json:"cue,omitempty"`
	Attribution    Attribution `json:"attribution"`
	Sieve          Sieve       `json:"sieve,omitempty"`
	Sentence       string      `json:"sentence"`
	Confidence     float64     `json:"confidence"`
	Lang           string      `json:"lang"`
}

// QuoteID derives a stable identifier from the document identifier and the
// span, so the same quote in the same article keeps its permalink across runs.
func QuoteID(docID string, start, end int) string {
	h := sha256.New()
	h.Write([]byte(docID))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(start)))
	h.Write([]byte{':'})
	h.Write([]byte(strconv.Itoa(end)))
	return "q-" + hex.EncodeToString(h.Sum(nil)[:8])
}

// SpeakerName returns the speaker or "" when none was found.
func (q Quote) SpeakerName() string {
	if q.Speaker == nil {
		return ""
	}
	return *q.Speaker
}
