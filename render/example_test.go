package render_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/render"
)

// quoted is a stand-in extractor: the whole first line is a quote by Ada.
type quoted struct{}

func (quoted) Analyze(d extract.Document) extract.Result {
	line, _, _ := strings.Cut(d.Text, "\n")
	who := "Ada Lovelace"
	n := len([]rune(line))
	return extract.Result{
		Quotes:   []extract.Quote{{ID: extract.QuoteID(d.ID, 0, n), Text: line, End: n, Kind: extract.Direct, Speaker: &who}},
		Speakers: []extract.Speaker{{Name: who, Gender: "f", Quotes: 1}},
	}
}

func ExampleBuild() {
	dir, _ := os.MkdirTemp("", "verbatim-example-")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "engine.md"),
		[]byte("---\ntitle: The Engine\ndate: 1843-10-01\n---\n\nThe engine weaves algebraic patterns\n"), 0o644)

	rep, err := render.Build(context.Background(), render.Options{
		ContentDir: filepath.Join(dir, "content"),
		OutDir:     filepath.Join(dir, "public"),
		BaseURL:    "https://example.org/quotes/",
		Extractor:  quoted{}, // nil uses the real extractor
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Articles, "article,", rep.Quotes, "quote,", rep.Speakers, "speaker")
	page, _ := os.ReadFile(filepath.Join(dir, "public", "speakers", "ada-lovelace", "index.md"))
	fmt.Print(string(page[:strings.Index(string(page), "\n## ")]))
	// Output:
	// 1 article, 1 quote, 1 speaker
	// ---
	// title: Ada Lovelace
	// speaker: Ada Lovelace
	// id: ada-lovelace
	// aliases: []
	// count: 1
	// ---
}

// The editors' files live in the site folder beside content/: speakers.yaml
// describes speakers, corrections.yaml corrects quotes by id. Both survive
// every rebuild.
func ExampleBuild_editorial() {
	dir, _ := os.MkdirTemp("", "verbatim-example-")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	line := "The engine weaves algebraic patterns"
	os.WriteFile(filepath.Join(dir, "content", "engine.md"),
		[]byte("---\ntitle: The Engine\ndate: 1843-10-01\n---\n\n"+line+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "speakers.yaml"),
		[]byte("- name: Ada Lovelace\n  description: Mathematician\n  qid: Q7259\n"), 0o644)
	id := extract.QuoteID("engine", 0, len([]rune(line))) // what quotes.json lists
	os.WriteFile(filepath.Join(dir, "corrections.yaml"),
		[]byte("- quote: "+id+"\n  action: verify\n  note: Checked against the Notes.\n  by: Charles Babbage\n  date: 1843-10-02\n"), 0o644)

	_, err := render.Build(context.Background(), render.Options{
		ContentDir:      filepath.Join(dir, "content"),
		OutDir:          filepath.Join(dir, "public"),
		SpeakersFile:    filepath.Join(dir, "speakers.yaml"),    // default: speakers.yaml
		CorrectionsFile: filepath.Join(dir, "corrections.yaml"), // default: corrections.yaml
		Extractor:       quoted{},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "speakers", "ada-lovelace", "index.md"))
	fmt.Print(string(page))
	// Output:
	// ---
	// title: Ada Lovelace
	// speaker: Ada Lovelace
	// id: ada-lovelace
	// description: Mathematician
	// wikidata: https://www.wikidata.org/wiki/Q7259
	// aliases: []
	// count: 1
	// ---
	//
	// Mathematician
	//
	// ## [The Engine](/articles/the-engine/)
	//
	// October 1, 1843
	//
	// > The engine weaves algebraic patterns
	//
	// [Permalink](/quotes/q-5bcb6ebb273bf2ba/)
	//
	// Verified by Charles Babbage on October 2, 1843
}
