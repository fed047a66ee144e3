package render

import (
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/speakers"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The sample site of the tests is the project's sample articles plus the
// hostile fixtures: articles written to attack the site (markup in every
// field, a slug that climbs out of the output folder), which belong in the
// tests, not in the sample a new user opens.
const (
	sampleContent  = "../content"
	hostileContent = "testdata/hostile"
)

// sampleContentDir copies the sample articles and the hostile fixtures
// into one content folder for the test.
func sampleContentDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, src := range []string{sampleContent, hostileContent} {
		entries, err := os.ReadDir(src)
		require.NoError(t, err)
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, err := os.ReadFile(filepath.Join(src, e.Name()))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
		}
	}
	return dir
}

// buildSample builds the sample site with the recorded extractor.
func buildSample(t testing.TB, out string, mod func(*Options)) Report {
	t.Helper()
	rep, err := Build(context.Background(), sampleOptions(t, out, mod))
	require.NoError(t, err)
	return rep
}

func sampleOptions(t testing.TB, out string, mod func(*Options)) Options {
	opts := Options{
		ContentDir:      sampleContentDir(t),
		OutDir:          out,
		ConfigFile:      filepath.Join("testdata", "sample.yaml"),
		SpeakersFile:    filepath.Join("testdata", "sample-speakers.yaml"),
		CorrectionsFile: filepath.Join("testdata", "sample-corrections.yaml"),
		TemplatesDir:    filepath.Join("testdata", "no-templates"),
		Extractor:       loadRecorded(t, filepath.Join("testdata", "sample-quotes.yaml")),
	}
	if mod != nil {
		mod(&opts)
	}
	return opts
}

// readTree returns every file under dir by slash path.
func readTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	require.NoError(t, err)
	return files
}

func TestGoldenSampleSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rep := buildSample(t, out, nil)
	assert.Equal(t, 6, rep.Articles)
	assert.Empty(t, rep.Skipped)

	golden := filepath.Join("testdata", "golden", "sample")
	got := readTree(t, out)
	// The manifest's fingerprints include the version of the binary.
	delete(got, marker)
	if *update {
		require.NoError(t, os.RemoveAll(golden))
		for name, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		}
		return
	}
	want := readTree(t, golden)
	for name := range want {
		_, ok := got[name]
		assert.True(t, ok, "missing %s", name)
	}
	for name, data := range got {
		w, ok := want[name]
		if !assert.True(t, ok, "unexpected file %s (run go test ./render -update)", name) {
			continue
		}
		assert.Equal(t, w, data, "%s differs from the golden file (run go test ./render -update)", name)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	var trees []map[string]string
	for i, procs := range []int{1, 4, 1} {
		prev := runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, "out", string(rune('a'+i)))
		buildSample(t, out, func(o *Options) { o.CacheDir = filepath.Join(dir, "cache"); o.ExtractorVersion = "test" })
		runtime.GOMAXPROCS(prev)
		trees = append(trees, readTree(t, out))
	}
	assert.Equal(t, trees[0], trees[1])
	assert.Equal(t, trees[0], trees[2])
}

func TestSampleSiteContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildSample(t, out, nil)
	files := readTree(t, out)

	// One page for both spellings of Jérôme Lefèvre-Daucourt, in two
	// articles, named by the spelling that keeps its accents, with the
	// description speakers.yaml gives.
	page := files["speakers/jerome-lefevre-daucourt/index.html"]
	assert.Contains(t, page, "premier pas, encore timide")
	assert.Contains(t, page, "An announcement is not a budget line,")
	assert.Contains(t, page, "<h1>Jérôme Lefèvre-Daucourt</h1>\n<p class=\"description\">Président de la fédération régionale des hôpitaux</p>")
	assert.Contains(t, page, "Aussi écrit\u202f: Jerome Lefevre-Daucourt", "the other spelling is listed")

	// Newest first, grouped by article.
	hel := files["speakers/helene-marchetti-roux/index.html"]
	assert.Less(t, strings.Index(hel, "lac de Vireux"), strings.Index(hel, "Valbrune adopte"))

	// Scare quotes are not quotes: no page holds them as a quote.
	for name, data := range files {
		if strings.HasPrefix(name, "quotes/") {
			assert.NotContains(t, data, "<p>ville apaisée</p>", name)
		}
	}

	// The article page highlights each quote, linked to its speaker.
	art := files["articles/valbrune-adopte-un-budget-de-transition-l-opposition-denonce-un-trompe-l-oeil/index.html"]
	assert.Contains(t, art, `title="Hélène Marchetti-Roux">engagement sans faille</a></mark>`)

	// The Markdown page has its front matter.
	md := files["speakers/jerome-lefevre-daucourt/index.md"]
	assert.True(t, strings.HasPrefix(md, "---\ntitle: Jérôme Lefèvre-Daucourt\nspeaker: Jérôme Lefèvre-Daucourt\nid: jerome-lefevre-daucourt\n"+
		"description: Président de la fédération régionale des hôpitaux\naliases:\n    - Jerome Lefevre-Daucourt\ncount: 4\n---\n"), md)

	// quotes.json carries the extractor's record, the speaker id, the
	// verification and the site's slugs; the rejected quote is gone.
	var recs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(files["quotes.json"]), &recs))
	require.Len(t, recs, 26)
	verified := 0
	for _, r := range recs {
		for _, k := range []string{"id", "text", "start", "end", "kind", "speaker", "speaker_id", "doc_id", "article", "speaker_slug"} {
			assert.Contains(t, r, k)
		}
		assert.NotEqual(t, "q-b3441309313a6a57", r["id"], "rejected")
		if r["verified"] == true {
			verified++
			assert.Equal(t, "q-92765946ecfa03a7", r["id"])
			assert.Equal(t, "Camille Ferrand", r["verified_by"])
			assert.Equal(t, "2024-04-03", r["verified_on"])
		}
	}
	assert.Equal(t, 1, verified)

	// The hostile slug stays inside the output folder.
	assert.Contains(t, files, "articles/etc-hostile/index.html")
}

// TestRenderCorpus: render only renders; a corpus loaded by package corpus
// and handed to Render gives the site Build gives.
func TestRenderCorpus(t *testing.T) {
	dir := t.TempDir()
	opts := sampleOptions(t, filepath.Join(dir, "built"), func(o *Options) { o.ExtractorVersion = "test" })
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)

	spk, err := speakers.LoadConfig(opts.SpeakersFile)
	require.NoError(t, err)
	fixes, err := corrections.Load(opts.CorrectionsFile)
	require.NoError(t, err)
	cor, err := corpus.Load(context.Background(), opts.ContentDir, corpus.Options{Extractor: opts.Extractor, Speakers: spk, Corrections: fixes})
	require.NoError(t, err)
	opts.OutDir = filepath.Join(dir, "rendered")
	rep, err := Render(context.Background(), cor, opts)
	require.NoError(t, err)
	assert.Equal(t, len(cor.Articles), rep.Articles)
	assert.Equal(t, readTree(t, filepath.Join(dir, "built")), readTree(t, opts.OutDir))
}

// TestSampleContentIsJournalism checks that the sample a new user opens
// holds articles only: the hostile fixtures stay in testdata.
func TestSampleContentIsJournalism(t *testing.T) {
	entries, err := os.ReadDir(sampleContent)
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(sampleContent, e.Name()))
		require.NoError(t, err)
		text := strings.ToLower(string(data))
		for _, bad := range []string{"<script", "onerror", "javascript:", "alert(", "test article"} {
			assert.NotContains(t, text, bad, "%s is a test fixture, not an article: move it to %s", e.Name(), hostileContent)
		}
		for _, field := range []string{"\ntitle:", "\ndate:", "\nlang:", "\nsource_url:", "\noutlet:"} {
			assert.Contains(t, text, field, "%s: an article says where it comes from", e.Name())
		}
	}
}
