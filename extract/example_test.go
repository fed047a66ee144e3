package extract_test

import (
	"fmt"

	"github.com/verbatim-news/verbatim/extract"
)

func ExampleExtractor_Extract() {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "« Nous restons prudents », a déclaré la ministre Claire Dubois."
	for _, q := range ex.Extract(extract.Document{ID: "exemple", Lang: "fr", Text: text}) {
		// Offsets count code points: « and the space before "Nous" are 0 and 1.
		fmt.Printf("[%d:%d] %s\n", q.Start, q.End, q.Text)
		fmt.Println("speaker:", q.SpeakerName())
	}
	// Output:
	// [2:23] Nous restons prudents
	// speaker: Claire Dubois
}
