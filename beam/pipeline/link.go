package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/speakers"
)

// linker is the speakers linker a worker runs the link stages with. Config
// is the text of speakers.yaml ("" for none), carried in the DoFns so that
// workers need no access to the launcher's files.
type linker struct {
	ConfigName string
	Config     string

	lk     *speakers.Linker
	stages []speakers.Stage
}

func (l *linker) setup() error {
	var cfg *speakers.Config
	if l.Config != "" {
		var err error
		if cfg, err = speakers.ParseConfig(l.ConfigName, []byte(l.Config)); err != nil {
			return fmt.Errorf("speakers config: %w", err)
		}
	}
	lk, err := speakers.New(cfg, speakers.Options{})
	if err != nil {
		return fmt.Errorf("speakers linker: %w", err)
	}
	l.lk, l.stages = lk, lk.Stages()
	return nil
}

// shapeStages are the link stages, for the pipeline's shape: the stages
// depend on speakers.yaml only through what their groups do.
func shapeStages() []speakers.Stage {
	lk, err := speakers.New(nil, speakers.Options{})
	if err != nil {
		return nil
	}
	return lk.Stages()
}

// stageFn runs link stage Stage on one group, and sends what it gives to
// the next stage's groups. The last stage gives each document the speaker
// ids of its quotes (KV<order, ids>); StageNumber also gives the
// speakers, lines of PREFIX-speakers.jsonl.
type stageFn struct {
	Stage int
	linker
}

// quoteID is the speaker id of one quote of a document.
type quoteID struct {
	I  int    `json:"i"`
	ID string `json:"id"`
}

func init() {
	register.DoFn7x1[context.Context, string, func(*[]byte) bool, func(string, []byte), func(string, []byte), func(int64, []byte), func(int, []byte), error](&stageFn{})
	register.Emitter2[string, []byte]()
	register.Iter1[[]byte]()
}

func (f *stageFn) Setup() error { return f.setup() }

func (f *stageFn) ProcessElement(ctx context.Context, key string, values func(*[]byte) bool,
	emitNext, emitDecided func(string, []byte), emitIDs func(int64, []byte), emitSpeakers func(int, []byte)) error {
	st := f.stages[f.Stage]
	var items []speakers.Item
	// forms are the combined mentions' forms by place: what the group
	// decides for one goes to the join on its form (spreadFn).
	forms := map[speakers.Pos]string{}
	var b []byte
	size := 0
	for values(&b) {
		size += len(b)
		var it speakers.Item
		if err := json.Unmarshal(b, &it); err != nil {
			return fmt.Errorf("link stage %s, group %q: decode: %w", st.Name, key, err)
		}
		if form := st.Form(key, it); form != "" && it.M != nil {
			forms[speakers.Pos{it.M.Doc, int64(it.M.Local)}] = formKey(key, form)
		}
		items = append(items, it)
	}
	groupItems.Update(ctx, int64(len(items)))
	groupBytes.Update(ctx, int64(size))
	out, err := st.Run(key, items)
	if err != nil {
		return fmt.Errorf("link stage %s, group %q: %w", st.Name, key, err)
	}
	if len(forms) > 0 {
		rest := out[:0:0]
		for _, it := range out {
			fk, ok := "", false
			if it.M != nil {
				fk, ok = forms[speakers.Pos{it.M.Doc, int64(it.M.Local)}]
			}
			if !ok {
				rest = append(rest, it)
				continue
			}
			enc, err := json.Marshal(it)
			if err != nil {
				return fmt.Errorf("link stage %s, group %q: encode: %w", st.Name, key, err)
			}
			emitDecided(fk, enc)
		}
		out = rest
	}
	if f.Stage == len(f.stages)-1 {
		return emitQuoteIDs(out, emitIDs)
	}
	if st.Name == speakers.StageNumber {
		for _, it := range out {
			if it.N == nil {
				continue
			}
			// A line of PREFIX-speakers.jsonl: the speaker as `verbatim
			// speakers --json` gives it; the merges, for editors, are
			// left to that command.
			line, err := corpus.EncodeLine(it.N.Speaker)
			if err != nil {
				return fmt.Errorf("encode speaker %s: %w", it.N.Speaker.ID, err)
			}
			emitSpeakers(0, line)
		}
	}
	return emitItems(f.stages[f.Stage+1], out, emitNext)
}

// emitItems sends items to their groups of stage st.
func emitItems(st speakers.Stage, items []speakers.Item, emit func(string, []byte)) error {
	for _, it := range items {
		keys := st.Keys(it)
		if len(keys) == 0 {
			continue
		}
		b, err := json.Marshal(it)
		if err != nil {
			return fmt.Errorf("link stage %s: encode: %w", st.Name, err)
		}
		for _, k := range keys {
			if form := st.Form(k, it); form != "" {
				k = formKey(k, form)
			}
			emit(k, b)
		}
	}
	return nil
}

func emitQuoteIDs(items []speakers.Item, emit func(int64, []byte)) error {
	for _, it := range items {
		m := it.M
		if m == nil || len(m.Quotes) == 0 {
			continue
		}
		ids := make([]quoteID, len(m.Quotes))
		for i, q := range m.Quotes {
			ids[i] = quoteID{I: q.I, ID: q.To}
		}
		b, err := json.Marshal(ids)
		if err != nil {
			return fmt.Errorf("encode speaker ids: %w", err)
		}
		emit(m.Doc, b)
	}
	return nil
}

// sortSpeakers orders the lines of PREFIX-speakers.jsonl as the linker
// orders its speakers: most quoted first, then by id.
func sortSpeakers(lines [][]byte) error {
	type key struct {
		ID     string `json:"id"`
		Quotes int    `json:"quotes"`
	}
	keys := make(map[*byte]key, len(lines))
	for _, l := range lines {
		var k key
		if err := json.Unmarshal(l, &k); err != nil {
			return fmt.Errorf("decode a speaker: %w", err)
		}
		keys[&l[0]] = k
	}
	slices.SortFunc(lines, func(a, b []byte) int {
		ka, kb := keys[&a[0]], keys[&b[0]]
		return cmp.Or(kb.Quotes-ka.Quotes, strings.Compare(ka.ID, kb.ID))
	})
	return nil
}
