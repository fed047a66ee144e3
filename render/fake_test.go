package render

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/verbatim-news/verbatim/extract"
)

// recorded is an Extractor that replays quotes listed in a YAML file, so
// that site tests do not depend on the real extractor's progress.
type recorded map[string][]struct {
	Text        string `yaml:"text"`
	Speaker     string `yaml:"speaker"`
	Cue         string `yaml:"cue"`
	Kind        string `yaml:"kind"`
	Attribution string `yaml:"attribution"`
	After       string `yaml:"after"` // search the text after this string
}

func loadRecorded(t testing.TB, path string) recorded {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var r recorded
	require.NoError(t, yaml.Unmarshal(data, &r))
	return r
}

// Analyze gives the recorded quotes; the linker learns the speakers from
// their names, as it does from a cache that kept only quotes.
func (r recorded) Analyze(d extract.Document) extract.Result {
	var out []extract.Quote
	from := 0
	for _, q := range r[d.ID] {
		if q.After != "" {
			if i := strings.Index(d.Text[from:], q.After); i >= 0 {
				from += i
			}
		}
		i := strings.Index(d.Text[from:], q.Text)
		if i < 0 {
			panic("recorded quote not in " + d.ID + ": " + q.Text)
		}
		bs := from + i
		be := bs + len(q.Text)
		from = be
		start := len([]rune(d.Text[:bs]))
		end := start + len([]rune(q.Text))
		kind := extract.Kind(q.Kind)
		if kind == "" {
			kind = extract.Direct
		}
		speaker := q.Speaker
		out = append(out, extract.Quote{
			ID: extract.QuoteID(d.ID, start, end), Text: q.Text, Start: start, End: end,
			Kind: kind, Speaker: &speaker, Cue: q.Cue, Attribution: extract.Attribution(q.Attribution),
			Sentence: sentence(d.Text, bs, be), Confidence: 1, Lang: d.Lang,
		})
	}
	return extract.Result{Lang: d.Lang, Quotes: out}
}

// sentence returns the paragraph around a byte span, as a stand-in for the
// extractor's sentence.
func sentence(text string, bs, be int) string {
	a := strings.LastIndex(text[:bs], "\n") + 1
	b := strings.Index(text[be:], "\n")
	if b < 0 {
		return text[a:]
	}
	return text[a : be+b]
}
