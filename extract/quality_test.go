package extract_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/shared"
	"github.com/verbatim-news/verbatim/score"
)

// scoreFile runs the extractor on a gold file and scores it with the Go
// port of score.py.
func scoreFile(t *testing.T, ex *extract.Extractor, path string) score.Row {
	t.Helper()
	gold, err := score.Load(path)
	require.NoError(t, err)
	docs, err := gold.Docs()
	require.NoError(t, err)
	var pred bytes.Buffer
	enc := json.NewEncoder(&pred)
	for _, d := range docs {
		quotes := ex.Extract(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
		if quotes == nil {
			quotes = []extract.Quote{}
		}
		require.NoError(t, enc.Encode(map[string]any{"id": d.ID, "quotes": quotes}))
	}
	predCorpus, err := score.Parse(pred.Bytes(), "pred")
	require.NoError(t, err)
	report, err := score.Evaluate(gold, predCorpus, score.Options{})
	require.NoError(t, err)
	require.Zero(t, report.InvalidPredictions, "every offset must be in bounds and text must equal the slice")
	return report.Rows[0]
}

// TestSeedGold is the acceptance test of the seed article: five quotes,
// Blinken twice (Antony and Anthony merged), Tokaïev three times, and
// "partenaire fiable" rejected.
func TestSeedGold(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	row := scoreFile(t, ex, shared.EvalFile(t, "seed-gold.jsonl"))
	require.Equal(t, 5, row.Gold)
	require.Equal(t, 5, row.Pred)
	require.Equal(t, 1.0, row.EndToEndF1)
	require.Equal(t, 1.0, row.ExactSpanShare)
}

// TestDevSetFloors guards the measured quality on the dev sets against
// regressions. The floors sit a little under the figures measured when
// they were set; the targets are higher and reported in the notes.
func TestDevSetFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("dev sets take a few seconds")
	}
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	floors := []struct {
		file          string
		f1, endToEnd  float64
		checkEndToEnd bool
	}{
		{"fr-news-dev.jsonl", 0.96, 0.86, true},
		{"fr-news-dev-straight.jsonl", 0.96, 0.86, true}, // the same with straight marks
		{"ggt-en-dev.jsonl", 0.96, 0.835, true},
		{"ggt-en-dev-single.jsonl", 0.96, 0.84, true}, // British single marks
		// The validation set: a floor against regressions only; rules are
		// never tuned to its articles.
		{"fr-news-val.jsonl", 0.91, 0.71, true},
		{"fr-news-val-straight.jsonl", 0.91, 0.71, true},
		{"polnear-en-dev.jsonl", 0.92, 0, false}, // speakers there are mentions as written
		{"aads-fr-dev.jsonl", 0.80, 0, false},    // novels: no speakers in the gold
	}
	for _, f := range floors {
		t.Run(f.file, func(t *testing.T) {
			row := scoreFile(t, ex, shared.EvalFile(t, f.file))
			t.Logf("%s: P=%.4f R=%.4f F1=%.4f exact=%.4f speaker=%.4f e2e=%.4f",
				f.file, row.Precision, row.Recall, row.F1, row.ExactSpanShare, row.SpeakerStrict, row.EndToEndF1)
			require.GreaterOrEqual(t, row.F1, f.f1)
			if f.checkEndToEnd {
				require.GreaterOrEqual(t, row.EndToEndF1, f.endToEnd)
			}
		})
	}
}

// TestProbeArticleFloors scores the invented articles of testdata/articles
// (French wire copy, regional dailies, political and Belgian, Swiss and
// Québec press, African, society, business and court pages, a news wiki;
// English news and politics; English fiction),
// annotated by hand under GUIDELINES.md before the extractor ran on them. They are development data: their errors guided
// the rules, so the floors guard against regressions and say nothing of
// unseen articles. testdata/heldback is the exception: scored, never read.
func TestProbeArticleFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("probe articles take a second")
	}
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	floors := []struct {
		file         string
		f1, endToEnd float64
	}{
		{"articles/fr-wire.jsonl", 0.98, 0.91},
		{"articles/fr-region.jsonl", 0.98, 0.93},
		{"articles/fr-politique.jsonl", 0.99, 0.93},
		{"articles/fr-monde.jsonl", 0.98, 0.91},
		{"articles/fr-societe.jsonl", 0.98, 0.86},
		{"articles/fr-breves.jsonl", 0.95, 0.90},
		{"articles/fr-eco.jsonl", 0.98, 0.82},
		{"articles/fr-justice.jsonl", 0.99, 0.79},
		{"articles/fr-analyse.jsonl", 0.98, 0.87},
		{"articles/fr-local.jsonl", 0.98, 0.87},
		{"articles/fr-web.jsonl", 0.97, 0.76},
		{"articles/en-news.jsonl", 1.00, 0.90},
		{"articles/en-politics.jsonl", 0.98, 0.89},
		{"articles/en-fiction.jsonl", 0.98, 0.51},
		{"articles/en-business.jsonl", 0.98, 0.86},
		{"articles/en-novel.jsonl", 0.95, 0.60},
		{"articles/fr-sport.jsonl", 0.95, 0.69},
		{"articles/fr-roman.jsonl", 0.96, 0.62},
		{"articles/fr-sciences.jsonl", 0.98, 0.85},
		{"articles/fr-wiki.jsonl", 0.98, 0.86},
		{"articles/en-cases.jsonl", 0.95, 0.88},
		{"articles/fr-cases.jsonl", 0.97, 0.85},
		{"articles/en-wire.jsonl", 0.98, 0.84},
		{"articles/fr-radiotv.jsonl", 0.97, 0.80},
		{"articles/en-canada.jsonl", 0.98, 0.92},
		{"articles/fr-wiki2.jsonl", 0.99, 0.80},
		{"articles/fr-straight.jsonl", 0.98, 0.89},
		{"articles/en-uk.jsonl", 0.99, 0.94},
		{"articles/en-us.jsonl", 0.99, 0.96},
		{"articles/fr-wiki3.jsonl", 0.98, 0.82},
		{"articles/en-fiction2.jsonl", 0.99, 0.49},
		// Held back: scored only, their errors never read (see the README).
		{"heldback/fr-mixed.jsonl", 0.98, 0.86},
		{"heldback/en-mixed.jsonl", 0.99, 0.80},
		{"heldback/fr-mixed2.jsonl", 0.98, 0.89},
		{"heldback/en-mixed2.jsonl", 0.97, 0.90},
	}
	for _, f := range floors {
		t.Run(f.file, func(t *testing.T) {
			row := scoreFile(t, ex, "testdata/"+f.file)
			t.Logf("%s: P=%.4f R=%.4f F1=%.4f speaker=%.4f e2e=%.4f", f.file, row.Precision, row.Recall, row.F1, row.SpeakerStrict, row.EndToEndF1)
			require.GreaterOrEqual(t, row.F1, f.f1)
			require.GreaterOrEqual(t, row.EndToEndF1, f.endToEnd)
		})
	}
}
