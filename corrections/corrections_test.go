package corrections_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

func TestParse(t *testing.T) {
	src := `# corrections, newest last
- quote: q-3f9a0c1d2e4b5a69
  action: reject
  note: "Not a quotation: the title of a report."
  by: Ann Editor
  date: 2024-05-02
- quote: q-77aa0b1c2d3e4f50
  action: speaker
  speaker: Mara Quellen
  by: Ann Editor
  date: "2024-05-03"
- {quote: q-77aa0b1c2d3e4f50, action: verify, by: Joe Checker, date: 2024-05-04}
`
	f, err := corrections.Parse("site/corrections.yaml", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, []corrections.Entry{
		{Quote: "q-3f9a0c1d2e4b5a69", Action: corrections.Reject, Note: "Not a quotation: the title of a report.",
			By: "Ann Editor", Date: "2024-05-02", Line: 2},
		{Quote: "q-77aa0b1c2d3e4f50", Action: corrections.Speaker, Speaker: "Mara Quellen", By: "Ann Editor",
			Date: "2024-05-03", Line: 7},
		{Quote: "q-77aa0b1c2d3e4f50", Action: corrections.Verify, By: "Joe Checker", Date: "2024-05-04", Line: 12},
	}, f.Entries)
	for _, empty := range []string{"", "# none yet\n", "~"} {
		f, err := corrections.Parse("c.yaml", []byte(empty))
		require.NoError(t, err)
		assert.Empty(t, f.Entries)
	}
}

func TestParseErrors(t *testing.T) {
	ok := "  by: Ann\n  date: 2024-05-02\n"
	cases := []struct{ src, want string }{
		{"quote: q-1\n", "c.yaml:1: want a list of corrections"},
		{"- q-1\n", "c.yaml:1: want a correction"},
		{"- quote: q-1\n  action: delete\n" + ok, `c.yaml:1: action "delete": want reject, speaker or verify`},
		{"- quote: q-1\n" + ok, "c.yaml:1: correction of q-1 without an action"},
		{"- action: reject\n" + ok, "c.yaml:1: correction without a quote id"},
		{"- quote: q 1\n  action: reject\n" + ok, `c.yaml:1: quote id "q 1": no spaces`},
		{"- quote: q-1\n  action: speaker\n" + ok, "c.yaml:1: action speaker needs speaker"},
		{"- quote: q-1\n  action: verify\n  speaker: X\n" + ok, "c.yaml:1: speaker is for action speaker, not verify"},
		{"- quote: q-1\n  action: reject\n  date: 2024-05-02\n", "c.yaml:1: by: who made the correction is required"},
		{"- quote: q-1\n  action: reject\n  by: Ann\n  date: 02/05/2024\n", `c.yaml:1: date "02/05/2024": want YYYY-MM-DD`},
		{"- quote: q-1\n  action: reject\n  by: Ann\n  date: 2024-02-30\n", `date "2024-02-30"`},
		{"- quote: q-1\n  action: reject\n  by: Ann\n", `c.yaml:1: date "": want YYYY-MM-DD`},
		{"- quote: q-1\n  action: reject\n  who: Ann\n", `c.yaml:3: unknown key "who"`},
		{"- quote: q-1\n  action: [reject]\n", "c.yaml:2: action: want a single value"},
		{"- quote: q-1\n  action: reject\n" + ok + "- quote: q-1\n  action: verify\n" + ok,
			"c.yaml:5: quote q-1 was rejected at line 1"},
		{"- quote: [\n", "c.yaml:"},
	}
	for _, c := range cases {
		_, err := corrections.Parse("c.yaml", []byte(c.src))
		require.Error(t, err, c.src)
		assert.Contains(t, err.Error(), c.want, c.src)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	f, err := corrections.Load(filepath.Join(dir, "corrections.yaml"))
	require.NoError(t, err)
	assert.Empty(t, f.Entries)
	path := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(path, []byte("- quote: q-1\n  action: oops\n"), 0o644))
	_, err = corrections.Load(path)
	require.ErrorContains(t, err, path+":1:")
}

// corpus links three records: two by Ilse Varga, one by a described
// speaker.
func corpus(t *testing.T) (*speakers.Result, []speakers.Record) {
	t.Helper()
	lk, err := speakers.New(nil, speakers.Options{})
	require.NoError(t, err)
	var all []extract.Quote
	for i, name := range []string{"Ilse Varga", "Ilse Varga", "a dock worker"} {
		n := name
		all = append(all, extract.Quote{ID: extract.QuoteID("port", i*10, i*10+5), Start: i * 10, End: i*10 + 5,
			Text: "words", Speaker: &n, SpeakerMention: "she", Attribution: extract.ByPronoun, Confidence: 0.7})
	}
	lk.Add("port", extract.Result{Quotes: all})
	res := lk.Link()
	return res, res.Records(0, all)
}

func TestApply(t *testing.T) {
	res, recs := corpus(t)
	id := func(i int) string { return recs[i].ID }
	src := "- {quote: " + id(0) + ", action: speaker, speaker: Pia Lund, note: misattributed, by: Ann, date: 2024-05-02}\n" +
		"- {quote: " + id(1) + ", action: verify, by: Joe, date: 2024-05-03}\n" +
		"- {quote: " + id(2) + ", action: reject, note: not a quote, by: Ann, date: 2024-05-04}\n" +
		"- {quote: q-0000000000000000, action: verify, by: Joe, date: 2024-05-05}\n" +
		"- {quote: " + id(0) + ", action: verify, by: Joe, date: 2024-05-06}\n"
	f, err := corrections.Parse("corrections.yaml", []byte(src))
	require.NoError(t, err)
	before := append([]speakers.Record(nil), recs...)
	out, rep := f.Apply(recs, res)
	assert.Equal(t, before, recs, "the input is not modified")
	require.Len(t, out, 2, "the rejected quote is gone")

	moved := out[0]
	assert.Equal(t, "pia-lund", moved.SpeakerID)
	assert.Equal(t, "Pia Lund", moved.SpeakerName())
	assert.Equal(t, extract.Attribution("correction"), moved.Attribution)
	assert.Empty(t, moved.SpeakerMention)
	assert.True(t, moved.Verified, "verified after the move")
	assert.Equal(t, "2024-05-06", moved.VerifiedOn)

	checked := out[1]
	assert.Equal(t, "ilse-varga", checked.SpeakerID)
	assert.True(t, checked.Verified)
	assert.Equal(t, "Joe", checked.VerifiedBy)
	assert.Equal(t, "2024-05-03", checked.VerifiedOn)

	require.Len(t, rep.Applied, 4)
	assert.Equal(t, "ilse-varga", rep.Applied[0].Before.SpeakerID)
	assert.Equal(t, "pia-lund", rep.Applied[0].After.SpeakerID)
	assert.Nil(t, rep.Applied[2].After, "rejected")
	assert.Equal(t, "not a quote", rep.Applied[2].Entry.Note)
	require.Len(t, rep.Stale, 1)
	assert.Equal(t, []string{
		"corrections.yaml:1: correction speaker of quote " + id(0) + " (by Ann, 2024-05-02): " +
			`no article or speakers.yaml entry names a speaker "Pia Lund"; the quote goes to a new speaker of that name`,
		"corrections.yaml:4: correction verify of quote q-0000000000000000 (by Joe, 2024-05-05): " +
			"no article has this quote any more; the entry is kept"}, rep.Warnings(),
		"a speaker no article names warns, like a stale quote, in file order")

	res.Recount(out)
	sp, ok := res.Speaker("pia-lund")
	require.True(t, ok)
	assert.Equal(t, 1, sp.Quotes)
	sp, _ = res.Speaker("ilse-varga")
	assert.Equal(t, 1, sp.Quotes)

	// Without a resolver the name is set, without an id.
	out, _ = f.Apply(recs, nil)
	assert.Equal(t, "Pia Lund", out[0].SpeakerName())
	assert.Empty(t, out[0].SpeakerID)
}

func TestSpeakerCorrectionToKnownSpeaker(t *testing.T) {
	res, recs := corpus(t)
	src := "- {quote: " + recs[2].ID + ", action: speaker, speaker: Ilse Varga, by: Ann, date: 2024-05-02}\n" +
		"- {quote: " + recs[0].ID + ", action: speaker, speaker: ilse-varga, by: Ann, date: 2024-05-02}\n"
	f, err := corrections.Parse("corrections.yaml", []byte(src))
	require.NoError(t, err)
	out, rep := f.Apply(recs, res)
	assert.Empty(t, rep.Warnings(), "a name or an id the corpus knows")
	assert.Equal(t, "ilse-varga", out[2].SpeakerID)

	cfg, err := speakers.ParseConfig("speakers.yaml", []byte("- name: Pia Lund\n  aliases: [P. Lund]\n"))
	require.NoError(t, err)
	lk, err := speakers.New(cfg, speakers.Options{})
	require.NoError(t, err)
	res = lk.Link()
	f, err = corrections.Parse("corrections.yaml", []byte("- {quote: "+recs[0].ID+", action: speaker, speaker: P. Lund, by: Ann, date: 2024-05-02}\n"))
	require.NoError(t, err)
	_, rep = f.Apply(recs, res)
	assert.Empty(t, rep.Unknown, "a speakers.yaml entry is known")
}

// TestSurvivesRebuild runs the real extractor: editing, adding and removing
// other articles leaves a correction's quote id, and so the correction,
// in place; only the quote's own disappearance makes the entry stale.
func TestSurvivesRebuild(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	harbour := "Harbour plan approved\n\nThe council of Valbrune approved the harbour plan on Monday.\n\n" +
		"\"We will rebuild the harbour before winter,\" said Mara Quellen, the port minister.\n"
	strike := "Dockers strike\n\nThe dockers of Harrowgate stopped work on Tuesday.\n\n" +
		"\"We will not unload a single ship,\" said Pia Lund, a union delegate.\n"
	build := func(articles map[string]string, order ...string) []speakers.Record {
		lk, err := speakers.New(nil, speakers.Options{})
		require.NoError(t, err)
		var results []extract.Result
		for _, id := range order {
			r := ex.Analyze(extract.Document{ID: id, Lang: "en", Text: articles[id]})
			results = append(results, r)
			lk.Add(id, r)
		}
		res := lk.Link()
		var recs []speakers.Record
		for i, r := range results {
			recs = append(recs, res.Records(i, r.Quotes)...)
		}
		return recs
	}
	first := build(map[string]string{"harbour": harbour, "strike": strike}, "harbour", "strike")
	var target string
	for _, r := range first {
		if r.DocID == "harbour" && strings.HasPrefix(r.Text, "We will rebuild") {
			target = r.ID
		}
	}
	require.NotEmpty(t, target, "the extractor finds the harbour quote: %+v", first)
	f, err := corrections.Parse("corrections.yaml", []byte(
		"- {quote: "+target+", action: verify, by: Ann, date: 2024-05-02}\n"))
	require.NoError(t, err)

	// Another article is edited (a paragraph added before its quote), a
	// new one comes first in the corpus.
	edited := strings.Replace(strike, "\n\n\"We", "\n\nThe port was quiet all morning.\n\n\"We", 1)
	second := build(map[string]string{"harbour": harbour, "strike": edited, "aaa": strike}, "aaa", "harbour", "strike")
	out, rep := f.Apply(second, nil)
	assert.Empty(t, rep.Stale)
	require.Len(t, rep.Applied, 1)
	found := false
	for _, r := range out {
		if r.ID == target {
			found = true
			assert.True(t, r.Verified)
		}
	}
	assert.True(t, found)

	// The quote itself is edited away: the entry is stale, reported, kept.
	gone := strings.Replace(harbour, "before winter", "in spring", 1)
	third := build(map[string]string{"harbour": gone, "strike": strike}, "harbour", "strike")
	_, rep = f.Apply(third, nil)
	require.Len(t, rep.Stale, 1)
	assert.Contains(t, rep.Warnings()[0], "corrections.yaml:1: correction verify of quote "+target)
	assert.Len(t, f.Entries, 1)
}

func FuzzParse(f *testing.F) {
	f.Add("- {quote: q-1, action: reject, by: Ann, date: 2024-05-02}\n")
	f.Add("- quote: q-1\n  action: speaker\n  speaker: X\n  by: A\n  date: 2024-01-31\n")
	f.Add("- {quote: q-1, action: verify, by: A, date: 2024-13-01}\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := corrections.Parse("c.yaml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "c.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, e := range file.Entries {
			switch e.Action {
			case corrections.Reject, corrections.Verify, corrections.Speaker:
			default:
				t.Fatalf("action %q accepted", e.Action)
			}
			if e.Quote == "" || e.By == "" || len(e.Date) != 10 || e.Line < 1 {
				t.Fatalf("invalid entry accepted: %+v", e)
			}
		}
		name := "X"
		recs := []speakers.Record{{Quote: extract.Quote{ID: "q-1", Speaker: &name}}}
		out, rep := file.Apply(recs, nil)
		if len(out)+len(rep.Applied)+len(rep.Stale) < 1 && len(file.Entries) > 0 {
			t.Fatal("entries lost")
		}
	})
}
