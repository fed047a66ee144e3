package speakers_test

import (
	"fmt"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// Two articles spell a minister's name two ways; a third names him by
// surname alone. One speaker comes out, with one id.
func ExampleLinker() {
	say := func(docID, name string, aliases ...string) extract.Result {
		q := extract.Quote{ID: extract.QuoteID(docID, 10, 40), Start: 10, End: 40, Speaker: &name}
		return extract.Result{Quotes: []extract.Quote{q}, Speakers: []extract.Speaker{{Name: name, Aliases: aliases, Quotes: 1}}}
	}
	lk, err := speakers.New(nil, speakers.Options{})
	if err != nil {
		panic(err)
	}
	lk.Add("harbour-1", say("harbour-1", "Antony Brellick", "Brellick"))
	lk.Add("harbour-2", say("harbour-2", "Anthony Brellick"))
	lk.Add("harbour-3", say("harbour-3", "Brellick"))
	res := lk.Link()
	for doc := range 3 {
		fmt.Println(res.SpeakerID(doc, 0))
	}
	sp := res.Speakers[0]
	fmt.Println(sp.Name, sp.Quotes, sp.Aliases)
	for _, m := range sp.Merges {
		fmt.Printf("%s ← %s (%s)\n", sp.Name, m.From, m.Rule)
	}
	// Output:
	// antony-brellick
	// antony-brellick
	// antony-brellick
	// Antony Brellick 3 [Brellick Anthony Brellick]
	// Antony Brellick ← Anthony Brellick (spelling)
	// Antony Brellick ← Brellick (surname: only one)
}

func ExampleParseConfig() {
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte(`
- name: Antony Brellick
  aliases: [Tony Brellick]
  description: Port minister of Valbrune
  qid: Q4242
`))
	if err != nil {
		panic(err)
	}
	lk, _ := speakers.New(cfg, speakers.Options{})
	name := "Tony Brellick"
	lk.Add("harbour-4", extract.Result{Quotes: []extract.Quote{{ID: "q-1", Speaker: &name}}})
	res := lk.Link()
	sp, _ := res.Speaker(res.SpeakerID(0, 0))
	fmt.Println(sp.ID, "|", sp.Name, "|", sp.Description, "|", sp.QID)
	_, err = speakers.ParseConfig("speakers.yaml", []byte("- name: A\n  qid: 42\n"))
	fmt.Println(err)
	// Output:
	// antony-brellick | Antony Brellick | Port minister of Valbrune | Q4242
	// speakers.yaml:1: qid "42": want a Wikidata item id such as Q42
}

func ExampleGroupDuplicates() {
	name := "Mara Quellen"
	q := func(doc, text string) speakers.Record {
		return speakers.Record{Quote: extract.Quote{Text: text, Speaker: &name}, DocID: doc, SpeakerID: "mara-quellen"}
	}
	groups := speakers.GroupDuplicates([]speakers.Record{
		q("wire-1", "We will rebuild the harbour,"),
		q("paper-2", "we will rebuild the harbour."),
		q("paper-3", "Not before winter."),
	})
	for _, g := range groups {
		fmt.Printf("%q from %d articles\n", g.Quote.Text, len(g.Sources))
	}
	// Output:
	// "We will rebuild the harbour," from 2 articles
	// "Not before winter." from 1 articles
}
