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

func (quoted) Extract(d extract.Document) []extract.Quote {
	line, _, _ := strings.Cut(d.Text, "\n")
	who := "Ada Lovelace"
	n := len([]rune(line))
	return []extract.Quote{{ID: extract.QuoteID(d.ID, 0, n), Text: line, End: n, Kind: extract.Direct, Speaker: &who}}
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
	// aliases: []
	// count: 1
	// ---
}
