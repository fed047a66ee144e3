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

// Records alone (plain extract --jsonl output) name speakers without a
// description: speakers.yaml gives it, by name or alias.
func TestPublishedDescribedByConfig(t *testing.T) {
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte("- name: Antony Brellick\n  aliases: [Tony Brellick]\n  description: Mayor of Valbrune.\n  qid: Q42\n"))
	if err != nil {
		t.Fatal(err)
	}
	name := func(s string) *string { return &s }
	pub := []speakers.PublishedDoc{
		{ID: "a", Quotes: []extract.Quote{{ID: "q1", Speaker: name("Tony Brellick")}}, SpeakerIDs: []string{"tony-brellick"}},
		{ID: "b", Quotes: []extract.Quote{{ID: "q2", Speaker: name("a witness")}}, SpeakerIDs: []string{"a-witness"}},
	}
	res := speakers.Published(nil, pub, cfg)
	sp, ok := res.Speaker("tony-brellick")
	if !ok || sp.Name != "Antony Brellick" || sp.Description != "Mayor of Valbrune." || sp.QID != "Q42" {
		t.Errorf("described speaker: %+v, %v", sp, ok)
	}
	if sp, ok := res.Speaker("a-witness"); !ok || sp.Description != "" || !sp.Unnamed {
		t.Errorf("witness: %+v, %v", sp, ok)
	}
}
