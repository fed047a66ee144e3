package speakers_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// runKeyed links docs through every keyed stage, as a pipeline does, with
// the mentions in a shuffled order: the speaker id of each quote by
// document and quote index, and the speakers.
func runKeyed(t *testing.T, lk *speakers.Linker, docs []extract.Result) (map[[2]int64]string, map[string]speakers.Speaker) {
	t.Helper()
	var items []speakers.Item
	for i, r := range docs {
		for _, m := range lk.Mentions(int64(i), fmt.Sprintf("doc-%d", i), r) {
			items = append(items, speakers.Item{M: &m})
		}
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	stages := lk.Stages()
	numbered, err := speakers.Run(stages[:len(stages)-1], items)
	require.NoError(t, err)
	list := map[string]speakers.Speaker{}
	for _, it := range numbered {
		if it.N != nil {
			list[it.N.Speaker.ID] = it.N.Speaker
		}
	}
	out, err := speakers.Run(stages[len(stages)-1:], numbered)
	require.NoError(t, err)
	ids := map[[2]int64]string{}
	for _, it := range out {
		for _, q := range it.M.Quotes {
			ids[[2]int64{it.M.Doc, int64(q.I)}] = q.To
		}
	}
	return ids, list
}

// TestStagesAreLink: the keyed stages, run group by group in any order,
// give every quote the speaker id Link gives it, and the same speakers:
// one algorithm, whichever driver runs it.
func TestStagesAreLink(t *testing.T) {
	cfg, err := speakers.ParseConfig("speakers.yaml", []byte(`
- name: Ada SurnameA0
  id: ada
  aliases: [Agency SurnameB1]
  split:
    - name: Boris Elsewhere
      match:
        docs: ["doc-1*"]
- name: SurnameC2
  merge: [SurnameD3]
- name: Agency SurnameE4
  not_a_person: true
`))
	require.NoError(t, err)
	for name, cfg := range map[string]*speakers.Config{"no speakers.yaml": nil, "speakers.yaml": cfg} {
		t.Run(name, func(t *testing.T) {
			size := 1500
			if testing.Short() {
				size = 300
			}
			docs := syntheticCorpus(size)
			lk, err := speakers.New(cfg, speakers.Options{Reserved: []string{"unattributed"}})
			require.NoError(t, err)
			for i, r := range docs {
				lk.Add(fmt.Sprintf("doc-%d", i), r)
			}
			res := lk.Link()
			ids, list := runKeyed(t, lk, docs)
			n := 0
			for i, r := range docs {
				for j := range r.Quotes {
					want := res.SpeakerID(i, j)
					if got := ids[[2]int64{int64(i), int64(j)}]; got != want {
						n++
						if n < 10 {
							t.Errorf("doc-%d quote %d: %q, Link gives %q", i, j, got, want)
						}
					}
				}
			}
			assert.Zero(t, n, "quotes whose ids differ")
			var speakersOfLink int
			for _, sp := range res.Speakers {
				if sp.Quotes == 0 {
					continue
				}
				speakersOfLink++
				sp.Merges = nil
				assert.Equal(t, sp, list[sp.ID])
			}
			assert.Equal(t, speakersOfLink, len(list))
			if cfg != nil {
				// The entries apply: an explicit id, a split target.
				assert.Empty(t, res.Warnings)
				assert.Contains(t, list, "ada")
				assert.Contains(t, list, "boris-elsewhere")
				assert.Contains(t, list, "surnamec2")
			}
		})
	}
}

// TestSurnameAloneContext fixes the rule that makes surnames alone
// decomposable: an article's co-quoted context is fixed before any
// surname alone is linked, and a surname alone counts in it as itself. Two
// articles quoting "Berthe" beside "Julien", no one named in full, are one
// Berthe and one Julien; a third quoting "Berthe" beside "Paul" is
// another Berthe.
func TestSurnameAloneContext(t *testing.T) {
	lk, err := speakers.New(nil, speakers.Options{})
	require.NoError(t, err)
	name := func(s string) *string { return &s }
	docs := [][2]string{{"Berthe", "Julien"}, {"Julien", "Berthe"}, {"Berthe", "Paul"}}
	for i, d := range docs {
		id := fmt.Sprintf("doc-%d", i)
		lk.Add(id, extract.Result{Quotes: []extract.Quote{
			{ID: extract.QuoteID(id, 0, 10), Speaker: name(d[0])},
			{ID: extract.QuoteID(id, 20, 30), Speaker: name(d[1])},
		}})
	}
	res := lk.Link()
	assert.Equal(t, "berthe", res.SpeakerID(0, 0))
	assert.Equal(t, "julien", res.SpeakerID(0, 1))
	assert.Equal(t, "julien", res.SpeakerID(1, 0))
	assert.Equal(t, "berthe", res.SpeakerID(1, 1))
	assert.Equal(t, "berthe-2", res.SpeakerID(2, 0))
	assert.Equal(t, "paul", res.SpeakerID(2, 1))
}
