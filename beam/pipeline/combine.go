package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/speakers"
)

// A stage that combines (speakers.Stage.Combine) gets each mention keyed
// by its group's key and its form's hash: a CombinePerKey makes the one
// mention the group gets per form (partly before the shuffle, on the
// runners that lift combines), the group runs on those, and a
// CoGroupByKey on the same key gives each mention what its group decided
// for its form. So a group holds the distinct forms under its key, and
// the join streams the mentions of one form past one decision.

// formSep separates the group's key from the form's hash.
const formSep = "\x00"

// formHashLen is the bytes of SHA-256 a form's key keeps: 128 bits, no
// collision among any corpus's forms.
const formHashLen = 16

// formKey is the key a mention goes to a combining stage's group by.
func formKey(key, form string) string {
	h := sha256.Sum256([]byte(form))
	return key + formSep + hex.EncodeToString(h[:formHashLen])
}

func init() {
	register.Function4x0(splitForms)
	register.Function3x0(unform)
	register.Combiner1[[]byte](&repCombine{})
	register.DoFn6x1[context.Context, string, func(*[]byte) bool, func(*[]byte) bool, func(string, []byte), func(int64, []byte), error](&spreadFn{})
}

// splitForms parts a stage's input: items for their group as they are,
// mentions for their form's.
func splitForms(key string, b []byte, plain, forms func(string, []byte)) {
	if strings.Contains(key, formSep) {
		forms(key, b)
		return
	}
	plain(key, b)
}

// unform sends a form's mention to its group.
func unform(key string, b []byte, emit func(string, []byte)) {
	k, _, _ := strings.Cut(key, formSep)
	emit(k, b)
}

// repCombine combines the mentions of one form into the first in corpus
// order, standing for all (speakers.Combined), and sums counts of one pair
// of clusters (speakers.CombinedCounts).
type repCombine struct{}

func (repCombine) MergeAccumulators(a, b []byte) ([]byte, error) {
	var x, y speakers.Item
	if err := json.Unmarshal(a, &x); err != nil {
		return nil, fmt.Errorf("combine mentions: decode: %w", err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		return nil, fmt.Errorf("combine mentions: decode: %w", err)
	}
	var z speakers.Item
	switch {
	case x.M != nil && y.M != nil:
		z.M = speakers.Combined([]*speakers.Mention{x.M, y.M})
	case x.C != nil && y.C != nil:
		z.C = speakers.CombinedCounts(x.C, y.C)
	default:
		return nil, fmt.Errorf("combine mentions: two items of different kinds")
	}
	out, err := json.Marshal(z)
	if err != nil {
		return nil, fmt.Errorf("combine mentions: encode: %w", err)
	}
	return out, nil
}

// spreadFn gives each mention of one form what its group decided for the
// form, and sends it on to the next stage (or, after the last, its quotes'
// speaker ids to its document).
type spreadFn struct {
	Stage int
	linker
}

func (f *spreadFn) Setup() error { return f.setup() }

func (f *spreadFn) ProcessElement(_ context.Context, key string, occs, decided func(*[]byte) bool,
	emitNext func(string, []byte), emitIDs func(int64, []byte)) error {
	st := f.stages[f.Stage]
	var b []byte
	var out *speakers.Mention
	for decided(&b) {
		var it speakers.Item
		if err := json.Unmarshal(b, &it); err != nil {
			return fmt.Errorf("link stage %s, form %q: decode: %w", st.Name, key, err)
		}
		out = it.M
	}
	if out == nil {
		return nil // the group gave nothing for this form
	}
	group, _, _ := strings.Cut(key, formSep)
	for occs(&b) {
		var it speakers.Item
		if err := json.Unmarshal(b, &it); err != nil {
			return fmt.Errorf("link stage %s, form %q: decode: %w", st.Name, key, err)
		}
		one := []speakers.Item{{M: st.Apply(group, out, it.M)}}
		if f.Stage == len(f.stages)-1 {
			if err := emitQuoteIDs(one, emitIDs); err != nil {
				return err
			}
			continue
		}
		if err := emitItems(f.stages[f.Stage+1], one, emitNext); err != nil {
			return err
		}
	}
	return nil
}
