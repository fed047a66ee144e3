package corrections_test

import (
	"fmt"

	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

func ExampleFile_Apply() {
	who := "Ilse Varga"
	recs := []speakers.Record{
		{Quote: extract.Quote{ID: "q-aaaa", Text: "We will rebuild the harbour.", Speaker: &who}, SpeakerID: "ilse-varga"},
		{Quote: extract.Quote{ID: "q-bbbb", Text: "Annual Report 2024", Speaker: &who}, SpeakerID: "ilse-varga"},
	}
	f, err := corrections.Parse("corrections.yaml", []byte(`
- quote: q-aaaa
  action: verify
  by: Joe Checker
  date: 2024-05-04
- quote: q-bbbb
  action: reject
  note: The title of a report, not a quotation.
  by: Ann Editor
  date: 2024-05-02
- quote: q-cccc
  action: reject
  by: Ann Editor
  date: 2024-04-01
`))
	if err != nil {
		panic(err)
	}
	out, rep := f.Apply(recs, nil)
	for _, r := range out {
		fmt.Println(r.Text, r.Verified, r.VerifiedBy)
	}
	for _, a := range rep.Applied {
		fmt.Printf("%s %q %q\n", a.Entry.Action, a.Before.Text, a.Entry.Note)
	}
	for _, w := range rep.Warnings() {
		fmt.Println(w)
	}
	// Output:
	// We will rebuild the harbour. true Joe Checker
	// verify "We will rebuild the harbour." ""
	// reject "Annual Report 2024" "The title of a report, not a quotation."
	// corrections.yaml:11: correction reject of quote q-cccc (by Ann Editor, 2024-04-01): no article has this quote any more; the entry is kept
}
