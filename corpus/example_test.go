package corpus_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/extract"
)

// Load reads a folder of articles, extracts them and links their speakers:
// the corpus build, serve, speakers and extract share.
func ExampleLoad() {
	dir, err := os.MkdirTemp("", "corpus-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	articles := map[string]string{
		"port.txt":  "Port\n\n\"The port stays open,\" said Antony Brellick.\n",
		"quays.txt": "Quays\n\n\"The quays will be rebuilt,\" said Anthony Brellick.\n",
	}
	for name, text := range articles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	c, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: ex})
	if err != nil {
		log.Fatal(err)
	}
	for i, a := range c.Articles {
		for j, q := range a.Result.Quotes {
			fmt.Printf("%s: %q, %s\n", a.Doc.ID, q.Text, c.Speakers.SpeakerID(i, j))
		}
	}
	// Output:
	// port: "The port stays open,", antony-brellick
	// quays: "The quays will be rebuilt,", antony-brellick
}
