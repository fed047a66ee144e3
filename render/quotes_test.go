package render

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
)

// capturing is an Extractor that keeps what it gave, to write a run's files.
type capturing struct {
	counting
	out map[string]extract.Result
}

func (c capturing) Analyze(d extract.Document) extract.Result {
	r := c.counting.Analyze(d)
	c.out[d.ID] = r
	return r
}

// noExtractor fails a build that extracts.
type noExtractor struct{ t *testing.T }

func (n noExtractor) Analyze(d extract.Document) extract.Result {
	n.t.Errorf("document %s extracted again", d.ID)
	return extract.Result{}
}

// TestBuildFromQuotes: with Options.Quotes the site is built from a
// finished run's records, with their speaker ids, and nothing is extracted.
func TestBuildFromQuotes(t *testing.T) {
	dir, opts, calls := smallSite(t)
	got := map[string]extract.Result{}
	opts.Extractor = capturing{counting{calls}, got}
	opts.OutDir = filepath.Join(dir, "first")
	build(t, opts)
	require.NotEmpty(t, got)

	// The run's files, as verbatim-beam writes them, with an id the
	// linker would never give, to tell them apart.
	var lines []string
	for id, r := range got {
		var qs []map[string]any
		for _, q := range r.Quotes {
			b, err := json.Marshal(q)
			require.NoError(t, err)
			var m map[string]any
			require.NoError(t, json.Unmarshal(b, &m))
			m["speaker_id"] = "ada-from-the-run"
			qs = append(qs, m)
		}
		b, err := json.Marshal(map[string]any{"id": id, "quotes": qs})
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	writeTree(t, dir, map[string]string{
		"run/out-00000-of-00001.jsonl": strings.Join(lines, "\n") + "\n",
		"run/out-speakers.jsonl":       `{"id":"ada-from-the-run","name":"Ada Lovelace","aliases":["Ada"],"quotes":4,"docs":3}` + "\n",
		"run/out-errors.jsonl":         `{"path":"x.jsonl","line":3,"error":"not JSON"}` + "\n",
	})
	matches, err := filepath.Glob(filepath.Join(dir, "run", "out-*.jsonl"))
	require.NoError(t, err)
	opts.Quotes = matches
	opts.Extractor = noExtractor{t}
	opts.OutDir = filepath.Join(dir, "second")
	opts.CacheDir = ""
	rep, files := build(t, opts)
	assert.Equal(t, 0, rep.Extracted)
	recs := quotesJSON(t, files)
	require.Len(t, recs, 4)
	for text, r := range recs {
		assert.Equal(t, "ada-from-the-run", r["speaker_id"], text)
	}
	assert.Equal(t, []string{"ada-from-the-run"}, speakerPages(files))

	// A malformed record names its file and line.
	writeTree(t, dir, map[string]string{"run/out-00000-of-00001.jsonl": lines[0] + "\n{\"id\":\n"})
	_, err = Build(t.Context(), opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.ToSlash(filepath.Join(dir, "run", "out-00000-of-00001.jsonl"))+":2")
}
