package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/corpus"
)

// joinFn puts the speaker ids back into a document's output line, and
// sends the line to its shard. The line goes through the same decode and
// encode as in `verbatim extract --jsonl`, so the bytes are the same.
type joinFn struct {
	Shards int
}

func init() {
	register.DoFn5x1[context.Context, int64, func(*[]byte) bool, func(*[]byte) bool, func(int, []byte), error](&joinFn{})
}

func (f *joinFn) ProcessElement(_ context.Context, order int64, lines, idLists func(*[]byte) bool, emit func(int, []byte)) error {
	ids := map[int]string{}
	var b []byte
	for idLists(&b) {
		var list []quoteID
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("document %d: decode speaker ids: %w", order, err)
		}
		for _, q := range list {
			ids[q.I] = q.ID
		}
	}
	shard := shardOf(order, f.Shards)
	for lines(&b) {
		var rec outLine
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("document %d: decode its line: %w", order, err)
		}
		for j := range rec.Quotes {
			if id := ids[j]; id != "" {
				rec.Quotes[j].SpeakerID = &id
			}
		}
		out, err := corpus.EncodeLine(rec)
		if err != nil {
			return fmt.Errorf("document %q: encode: %w", rec.ID, err)
		}
		emit(shard, out)
	}
	return nil
}

// shardOf spreads documents over the output files by a hash of their place,
// so that a shard holds documents of every input file.
func shardOf(order int64, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(strconv.FormatInt(order, 10)))
	return int(h.Sum32() % uint32(shards))
}
