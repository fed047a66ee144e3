package speakers_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// Published gives back the ids of a finished run, as Link gave them.
func TestPublished(t *testing.T) {
	lk, err := speakers.New(nil, speakers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	name := func(s string) *string { return &s }
	docs := []struct {
		id     string
		quotes []extract.Quote
	}{
		{"a", []extract.Quote{{ID: "q1", Speaker: name("Antony Brellick")}, {ID: "q2"}}},
		{"b", []extract.Quote{{ID: "q3", Speaker: name("Anthony Brellick")}, {ID: "q4", Speaker: name("a witness")}}},
	}
	for _, d := range docs {
		lk.Add(d.id, extract.Result{Quotes: d.quotes})
	}
	linked := lk.Link()
	var pub []speakers.PublishedDoc
	for i, d := range docs {
		p := speakers.PublishedDoc{ID: d.id, Quotes: d.quotes}
		for j := range d.quotes {
			p.SpeakerIDs = append(p.SpeakerIDs, linked.SpeakerID(i, j))
		}
		pub = append(pub, p)
	}
	// The list lacks the witness: it is added, named as its quote names it.
	res := speakers.Published(linked.Speakers[:1], pub, nil)
	for i, d := range docs {
		for j, rec := range res.Records(i, d.quotes) {
			if want := linked.SpeakerID(i, j); rec.SpeakerID != want || rec.DocID != d.id {
				t.Errorf("doc %s quote %d: %q in %q, want %q", d.id, j, rec.SpeakerID, rec.DocID, want)
			}
		}
	}
	if len(res.Speakers) != 2 {
		t.Fatalf("speakers: %+v, want the listed one and the witness", res.Speakers)
	}
	if sp, ok := res.Speaker(linked.SpeakerID(1, 1)); !ok || sp.Name != "a witness" {
		t.Errorf("witness: %+v, %v", sp, ok)
	}
	if id, _ := res.Resolve("Antony Brellick"); id != linked.SpeakerID(0, 0) {
		t.Errorf("Resolve = %q, want %q", id, linked.SpeakerID(0, 0))
	}
}
