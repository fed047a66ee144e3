package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/shared"
)

// TestEvalAgreesWithScorePy runs verbatim eval over every gold file with
// --pred-out, then score.py on the same predictions, and requires the
// same output byte for byte. The stand-in extractor finds real quote marks
// and names, so the matching and speaker rules are exercised even while the
// real extractor finds little.
func TestEvalAgreesWithScorePy(t *testing.T) {
	golds := shared.EvalCorpora(t)

	jsonFlags := []string{"--json", "--by-lang", "--errors", "50"}
	textFlags := []string{"--by-lang", "--errors", "50"}
	extractors := []struct {
		name  string
		new   func() (quoteExtractor, error)
		flags [][]string
	}{
		{"marks", func() (quoteExtractor, error) { return &markExtractor{}, nil }, [][]string{jsonFlags, textFlags}},
		// The real extractor is slower: one run, with the brief's flags.
		{"extractor", func() (quoteExtractor, error) { return extract.New(extract.Options{}) }, [][]string{jsonFlags}},
	}
	for _, e := range extractors {
		t.Run(e.name, func(t *testing.T) {
			ex, err := e.new()
			require.NoError(t, err)
			for _, flags := range e.flags {
				predDir := t.TempDir()
				args := append([]string{"eval", "-j", "2", "--pred-out", predDir}, flags...)
				var stdout, stderr bytes.Buffer
				code := mainWith(t, ex, append(args, golds...), &stdout, &stderr)
				require.Equal(t, 0, code, stderr.String())

				var want bytes.Buffer
				for _, gold := range golds {
					want.WriteString("==> " + gold + " <==\n")
					pred := filepath.Join(predDir, filepath.Base(gold))
					want.Write(shared.ScorePy(t, gold, pred, flags...))
				}
				require.Equal(t, want.String(), stdout.String(), "flags %v", flags)
			}
		})
	}
}

func TestEvalSingleFile(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	writeFile(t, gold, `{"id": "a", "lang": "fr", "text": "« Nous restons prudents », a déclaré Claire Dubois.", "quotes": [{"start": 2, "end": 23, "speaker": "Claire Dubois"}]}`+"\n"+
		`{"id": 7, "lang": "en", "text": "No quote here.", "quotes": []}`+"\n")
	pred := filepath.Join(dir, "pred.jsonl")
	var stdout, stderr bytes.Buffer
	code := mainWith(t, &markExtractor{}, []string{"eval", gold, "--pred-out", pred, "--by-lang", "--errors", "5"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, `all: {'gold': 1, 'pred': 1, 'matched': 1, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'exact_span_share': 1.0, 'speaker_strict': 1.0, 'speaker_lenient': 1.0, 'end_to_end_f1': 1.0}
fr: {'gold': 1, 'pred': 1, 'matched': 1, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'exact_span_share': 1.0, 'speaker_strict': 1.0, 'speaker_lenient': 1.0, 'end_to_end_f1': 1.0}
en: {'gold': 0, 'pred': 0, 'matched': 0, 'precision': 0.0, 'recall': 0.0, 'f1': 0.0, 'exact_span_share': 0.0, 'speaker_strict': 0.0, 'speaker_lenient': 0.0, 'end_to_end_f1': 0.0}
invalid_predictions: 0
documents_missing_from_pred: 0
`, stdout.String())
	b, err := os.ReadFile(pred)
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "7"}, outputIDs(t, string(b)))
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	noText := filepath.Join(dir, "notext.jsonl")
	writeFile(t, noText, `{"id": "a", "quotes": []}`+"\n")
	notJSON := filepath.Join(dir, "bad.jsonl")
	writeFile(t, notJSON, "{\"id\": \"a\", \"text\": \"x\"}\n{oops\n")
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"eval"}, 2, "no gold files"},
		{[]string{"eval", filepath.Join(dir, "missing.jsonl")}, 1, "missing.jsonl: no such file or directory"},
		{[]string{"eval", noText}, 1, `notext.jsonl: document a: "text" must be a string`},
		{[]string{"eval", notJSON}, 1, "bad.jsonl:2: not JSON: invalid character 'o'"},
		{[]string{"eval", noText, "--pred-out", "-"}, 2, "--pred-out needs a file name"},
		{[]string{"eval", noText, filepath.Join("x", filepath.Base(noText)), "--pred-out", dir}, 1, "would both write notext.jsonl"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, tt.code, mainWith(t, &markExtractor{}, tt.args, &stdout, &stderr), tt.args)
		assert.Contains(t, stderr.String(), tt.msg, tt.args)
	}

	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, Main(context.Background(), []string{"eval", "--help"}, Stdio{Out: &stdout, Err: &stderr}))
	for _, flag := range []string{"--errors N", "--json", "--by-lang", "-j N", "--pred-out PATH"} {
		assert.Contains(t, stderr.String(), "\n  "+flag+" ", "flag %s is explained", flag)
	}
	assert.True(t, strings.Contains(stderr.String(), "python3 score.py"))
}
