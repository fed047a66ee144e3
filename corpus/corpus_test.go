package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func extractor(t *testing.T) corpus.Extractor {
	t.Helper()
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	return ex
}

const blinken = "Blinken à Astana\n\n« Nous soutenons la souveraineté du Kazakhstan », a déclaré Antony Blinken.\n"

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), blinken)
	write(t, filepath.Join(dir, "b.md"), "---\ntitle: Port\nlang: en\n---\n\n\"The port stays open,\" said Tony Brellick.\n")
	write(t, filepath.Join(dir, "draft.md"), "---\ntitle: Draft\ndraft: true\n---\n\n\"Not yet,\" said Mara Quellen.\n")
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte("- name: Antony Brellick\n  aliases: [Tony Brellick]\n"))
	require.NoError(t, err)
	fixes, err := corrections.Parse("corrections.yaml", []byte("- {quote: q-0000000000000000, action: verify, by: Joe, date: 2024-05-05}\n"))
	require.NoError(t, err)
	cache := corpus.Cache{Dir: filepath.Join(t.TempDir(), "cache"), Version: "test"}
	opts := corpus.Options{Extractor: extractor(t), Cache: cache, Speakers: cfg, Corrections: fixes}

	c, err := corpus.Load(context.Background(), dir, opts)
	require.NoError(t, err)
	require.Len(t, c.Articles, 2, "the draft is left out")
	assert.Equal(t, []string{"a", "b"}, []string{c.Articles[0].Doc.ID, c.Articles[1].Doc.ID}, "path order")
	assert.Equal(t, 2, c.Extracted)

	a := c.Articles[0].Result.Quotes
	require.Len(t, a, 1)
	assert.Equal(t, "fr", a[0].Lang, "an article without lang is read in the language of its text")
	assert.Equal(t, "antony-blinken", c.Speakers.SpeakerID(0, 0))
	assert.Equal(t, "antony-brellick", c.Speakers.SpeakerID(1, 0), "speakers.yaml applies")
	require.Len(t, c.Records, 2)
	assert.Len(t, c.Records[1], 1)
	assert.Equal(t, []string{"corrections.yaml:1: correction verify of quote q-0000000000000000 (by Joe, 2024-05-05): " +
		"no article has this quote any more; the entry is kept"}, c.Warnings, "corrections apply")

	again, err := corpus.Load(context.Background(), dir, opts)
	require.NoError(t, err)
	assert.Equal(t, 0, again.Extracted, "a second run reads the cache")
	assert.Equal(t, c.Articles, again.Articles)
}

func TestLoadDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: A\nid: same\n---\n\nText.\n")
	write(t, filepath.Join(dir, "b.jsonl"), `{"id": "same", "text": "Other text."}`+"\n"+`{"id": "other", "text": "More."}`+"\n")
	_, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: extractor(t)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "b.jsonl")+`:1: document id "same" is already used by `+filepath.Join(dir, "a.md"))

	c, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: extractor(t), KeepGoing: true})
	require.NoError(t, err)
	assert.Len(t, c.Articles, 2)
	require.Len(t, c.Skipped, 1)
}

type panicking struct{}

func (panicking) Analyze(d extract.Document) extract.Result {
	if strings.Contains(d.Text, "PANIC") {
		panic("boom")
	}
	return extract.Result{}
}

func TestPanicGuard(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Fine\n\nText.\n")
	write(t, filepath.Join(dir, "b.txt"), "Bad\n\nPANIC\n")
	_, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: panicking{}, Workers: 3})
	require.Error(t, err)
	assert.Equal(t, filepath.Join(dir, "b.txt")+`: document "b": extractor panic: boom`, err.Error())

	c, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: panicking{}, KeepGoing: true})
	require.NoError(t, err, "under KeepGoing the article is left out")
	require.Len(t, c.Articles, 1)
	require.Len(t, c.Skipped, 1)
	assert.Contains(t, c.Skipped[0].Error(), "extractor panic")

	res, err := corpus.Analyze(panicking{}, document.Document{ID: "d", Text: "Text."})
	require.NoError(t, err)
	assert.NotNil(t, res.Quotes, "no quotes is [], not null")
}

// TestLoadSizeCap: an article past the size cap fails the run with its
// path, or is skipped under KeepGoing.
func TestLoadSizeCap(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Fine\n\nText.\n")
	write(t, filepath.Join(dir, "huge.md"), "---\ntitle: Huge\n---\n\n"+strings.Repeat("Un mot. ", int(document.MaxBytes)/8+1))
	_, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: panicking{}})
	require.ErrorIs(t, err, document.ErrTooLarge)
	assert.Contains(t, err.Error(), filepath.Join(dir, "huge.md")+": document too large: more than 20 MB")

	c, err := corpus.Load(context.Background(), dir, corpus.Options{Extractor: panicking{}, KeepGoing: true})
	require.NoError(t, err)
	assert.Len(t, c.Articles, 1)
	require.Len(t, c.Skipped, 1)
	assert.ErrorIs(t, c.Skipped[0], document.ErrTooLarge)
}

func TestAnalyzeRefusesQuoteDenseText(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	dense := strings.Repeat("« Oui », ", corpus.MaxQuotationMarks/2+1)
	_, err = corpus.Analyze(ex, document.Document{ID: "dense", Lang: "fr", Text: dense})
	require.ErrorIs(t, err, corpus.ErrQuoteDense)
	assert.Contains(t, err.Error(), `document "dense"`)

	res, err := corpus.Analyze(ex, document.Document{ID: "article", Lang: "fr", Text: "Titre\n\n« Nous resterons », a déclaré Paul Girard."})
	require.NoError(t, err)
	assert.Len(t, res.Quotes, 1)
}
