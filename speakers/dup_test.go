package speakers_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

func rec(doc, speakerID, text string, start int) speakers.Record {
	return speakers.Record{Quote: extract.Quote{ID: extract.QuoteID(doc, start, start+len(text)), Text: text, Start: start,
		End: start + len(text)}, DocID: doc, SpeakerID: speakerID}
}

func TestGroupDuplicates(t *testing.T) {
	recs := []speakers.Record{
		rec("wire/1", "mara-quellen", "We will rebuild the harbour before winter,", 10),
		rec("wire/2", "ilse-varga", "Nobody will lose a job.", 40),
		rec("paper/7", "mara-quellen", "we will  rebuild the harbour before winter.", 300),
		rec("paper/8", "pia-lund", "We will rebuild the harbour before winter,", 12), // another speaker
		rec("paper/9", "mara-quellen", "« We will rebuild the harbour before wínter »", 5),
		rec("paper/9", "mara-quellen", "…", 90), // nothing to compare
		rec("paper/9", "mara-quellen", "...", 95),
		rec("blog/1", "mara-quellen", "We will rebuild the harbour before winter, and spring", 1),
	}
	got := speakers.GroupDuplicates(recs)
	var shape [][]string
	for _, g := range got {
		var docs []string
		for _, s := range g.Sources {
			docs = append(docs, s.DocID)
		}
		shape = append(shape, docs)
		assert.Equal(t, g.Sources[0], g.Quote, "the first source represents the group")
	}
	assert.Equal(t, [][]string{
		{"wire/1", "paper/7", "paper/9"},
		{"wire/2"},
		{"paper/8"},
		{"paper/9"},
		{"paper/9"},
		{"blog/1"},
	}, shape)
	assert.Empty(t, speakers.GroupDuplicates(nil))
}

func TestRecordJSON(t *testing.T) {
	name := "Mara Quellen"
	r := speakers.Record{Quote: extract.Quote{ID: "q-1", Text: "Yes.", Start: 1, End: 5, Kind: extract.Direct,
		Speaker: &name, Attribution: extract.ByName, Lang: "en"}, DocID: "news/1", SpeakerID: "mara-quellen",
		Verified: true, VerifiedBy: "Ann Editor", VerifiedOn: "2024-05-02"}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"q-1","text":"Yes.","start":1,"end":5,"kind":"direct","speaker":"Mara Quellen",
		"attribution":"name","sentence":"","confidence":0,"lang":"en","doc_id":"news/1","speaker_id":"mara-quellen",
		"verified":true,"verified_by":"Ann Editor","verified_on":"2024-05-02"}`, string(b))
	b, err = json.Marshal(speakers.Record{Quote: extract.Quote{ID: "q-2"}})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "speaker_id")
	assert.NotContains(t, string(b), "verified")
}
