package extract_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/shared"
)

type benchDoc struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
}

type benchOut struct {
	ID     string          `json:"id"`
	Quotes []extract.Quote `json:"quotes"`
}

// loadCorpus reads the lines of a corpus and the total size of its texts,
// which is what b.SetBytes reports throughput on.
func loadCorpus(b *testing.B, path string) ([][]byte, int64) {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	var textBytes int64
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var d benchDoc
		if err := json.Unmarshal(l, &d); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		lines = append(lines, l)
		textBytes += int64(len(d.Text))
	}
	return lines, textBytes
}

// run decodes each line, hands it to process and writes one JSON line per
// document to io.Discard: the whole of `verbatim extract --jsonl -j 1` but
// the file reading.
func run(b *testing.B, path string, process func(benchDoc) []extract.Quote) {
	lines, textBytes := loadCorpus(b, path)
	b.Run(strings.TrimSuffix(filepath.Base(path), ".jsonl"), func(b *testing.B) {
		b.SetBytes(textBytes)
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		for b.Loop() {
			for _, l := range lines {
				var d benchDoc
				if err := json.Unmarshal(l, &d); err != nil {
					b.Fatal(err)
				}
				if err := enc.Encode(benchOut{ID: d.ID, Quotes: process(d)}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkExtract measures the extractor on each dev corpus, one worker.
func BenchmarkExtract(b *testing.B) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range shared.EvalCorpora(b) {
		run(b, path, func(d benchDoc) []extract.Quote {
			return ex.Extract(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
		})
	}
}

// BenchmarkBaseline does only what any extractor must: decode the JSON
// Lines, index each text by code point and write a line per document. The
// ratio BenchmarkExtract / BenchmarkBaseline is the extractor's own cost.
func BenchmarkBaseline(b *testing.B) {
	var sink int
	for _, path := range shared.EvalCorpora(b) {
		run(b, path, func(d benchDoc) []extract.Quote {
			sink += len([]rune(d.Text))
			return []extract.Quote{}
		})
	}
	_ = sink
}
