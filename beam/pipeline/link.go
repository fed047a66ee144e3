package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/speakers"
)

// linkKey is the key every summary is grouped under. The speakers linker
// makes decisions that cross surnames (see README.md: co-quoted speakers,
// surnames alone that turn out to be organisations, ids told apart by
// "-2"), so one group gets the corpus, in summaries: the linking is exact,
// the very code `verbatim extract --jsonl` runs, and the rest of the
// pipeline (reading, extraction, joining, writing) is parallel.
const linkKey = 0

// linkFn links the corpus's speakers. Config is the text of speakers.yaml
// ("" for none), carried in the DoFn so that workers need no access to the
// launcher's files.
type linkFn struct {
	ConfigName string
	Config     string
}

func init() {
	register.DoFn5x1[context.Context, int, func(*[]byte) bool, func(int64, []byte), func(int, []byte), error](&linkFn{})
	register.Iter1[[]byte]()
	register.Function2x0(seedLink)
}

// seedLink gives the link stage one element even for an empty corpus, so
// that PREFIX-speakers.jsonl is written, empty.
func seedLink(_ []byte, emit func(int, []byte)) { emit(linkKey, nil) }

func (f *linkFn) ProcessElement(ctx context.Context, _ int, summaries func(*[]byte) bool, emitIDs func(int64, []byte), emitSpeakers func(int, []byte)) error {
	var cfg *speakers.Config
	if f.Config != "" {
		var err error
		if cfg, err = speakers.ParseConfig(f.ConfigName, []byte(f.Config)); err != nil {
			return fmt.Errorf("speakers config: %w", err)
		}
	}
	var docs []summary
	var b []byte
	for summaries(&b) {
		if len(b) == 0 {
			continue // the seed
		}
		var s summary
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("decode a document summary: %w", err)
		}
		docs = append(docs, s)
	}
	res, err := link(cfg, docs)
	if err != nil {
		return err
	}
	for i, d := range docs {
		if len(d.Quotes) == 0 {
			continue
		}
		ids := make([]string, len(d.Quotes))
		for j := range ids {
			ids[j] = res.SpeakerID(i, j)
		}
		b, err := json.Marshal(ids)
		if err != nil {
			return fmt.Errorf("encode speaker ids: %w", err)
		}
		emitIDs(d.Order, b)
	}
	var out []byte
	for _, sp := range res.Speakers {
		if sp.Quotes == 0 {
			continue
		}
		// A line of PREFIX-speakers.jsonl: the speaker as `verbatim
		// speakers --json` gives it; the merges, for editors, are left to
		// that command.
		line := sp
		line.Merges = nil
		b, err := corpus.EncodeLine(line)
		if err != nil {
			return fmt.Errorf("encode speaker %s: %w", sp.ID, err)
		}
		out = append(out, b...)
	}
	// One element: the speakers keep the linker's order (most quoted first).
	emitSpeakers(0, out)
	return nil
}

// link sorts the documents into corpus order, since the linker's result
// depends on it and a group comes in any order, and links them.
func link(cfg *speakers.Config, docs []summary) (*speakers.Result, error) {
	lk, err := speakers.New(cfg, speakers.Options{})
	if err != nil {
		return nil, fmt.Errorf("speakers linker: %w", err)
	}
	slices.SortFunc(docs, func(a, b summary) int { return cmp.Compare(a.Order, b.Order) })
	for _, d := range docs {
		lk.Add(d.ID, d.result())
	}
	return lk.Link(), nil
}
