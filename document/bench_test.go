package document_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/document"
)

// BenchmarkParseJSONLine parses every line of the eval corpora (../shared),
// with Params decoded as build needs them and skipped as extract does.
func BenchmarkParseJSONLine(b *testing.B) {
	paths, _ := filepath.Glob("../../shared/eval/*.jsonl")
	if len(paths) == 0 {
		b.Skip("no eval corpora in ../shared/eval")
	}
	var lines []document.Line
	var size int64
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		r := document.NewJSONLReader(f, p)
		for {
			l, err := r.NextLine()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			lines = append(lines, l)
			size += int64(len(l.Bytes))
		}
		f.Close()
	}
	for _, bc := range []struct {
		name  string
		parse func(document.Line) (document.Document, error)
	}{
		{"params", document.ParseJSONLine},
		{"skip-params", document.LineOptions{SkipParams: true}.Parse},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, l := range lines {
					if _, err := bc.parse(l); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
