package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// ShardName is the name of output shard i of n.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// writeFn writes one group of lines to one file: a shard (Shards > 0, the
// group's key is the shard) or the file Path. Empty elements are seeds,
// there so that every shard is written even when empty.
type writeFn struct {
	Prefix string
	Shards int
	Path   string
	// Sort orders the lines as speakers (the speakers file): the one
	// output whose order is not free.
	Sort bool
}

// seedShards emits an empty element for every shard.
type seedShards struct {
	Shards int
}

func init() {
	register.DoFn3x1[context.Context, int, func(*[]byte) bool, error](&writeFn{})
	register.DoFn2x0[[]byte, func(int, []byte)](&seedShards{})
}

func (f *seedShards) ProcessElement(_ []byte, emit func(int, []byte)) {
	for i := range f.Shards {
		emit(i, nil)
	}
}

func (f *writeFn) ProcessElement(ctx context.Context, key int, lines func(*[]byte) bool) error {
	name := f.Path
	if f.Shards > 0 {
		name = ShardName(f.Prefix, key, f.Shards)
	}
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer fs.Close()
	wc, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	w := bufio.NewWriterSize(wc, 1<<16)
	var b []byte
	var held [][]byte
	for lines(&b) {
		if len(b) == 0 {
			continue
		}
		if f.Sort {
			held = append(held, slices.Clone(b))
			continue
		}
		if _, err := w.Write(b); err != nil {
			wc.Close()
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := sortSpeakers(held); err != nil {
		wc.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	for _, b := range held {
		if _, err := w.Write(b); err != nil {
			wc.Close()
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err := w.Flush(); err != nil {
		wc.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := wc.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
