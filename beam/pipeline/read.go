package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/document"
)

// inputFile is one file of the corpus and its rank in name order.
type inputFile struct {
	Index int
	Path  string
}

// line is one non-blank input line and its place in the corpus.
type line struct {
	Order  int64 // file index << 32 | line number: corpus order
	Path   string
	Number int
	Offset int64
	Bytes  []byte
}

func init() {
	beam.RegisterType(typeOf[inputFile]())
	beam.RegisterType(typeOf[line]())
	register.Function4x1(readFile)
	register.Emitter1[line]()
}

// orderOf packs a document's place into one sortable key. Files hold fewer
// than 2^31 lines, and a corpus fewer than 2^31 files.
func orderOf(file, number int) int64 { return int64(file)<<32 | int64(uint32(number)) }

// Match lists the files a glob names, in name order: the corpus order,
// which is what `verbatim extract --jsonl` gets from a shell glob. It runs
// when the pipeline is built, on the launching machine.
func Match(ctx context.Context, glob string) ([]string, error) {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", glob, err)
	}
	defer fs.Close()
	files, err := fs.List(ctx, glob)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", glob, err)
	}
	slices.Sort(files)
	return files, nil
}

// readFile emits the non-blank lines of one file. A file is read by one
// worker, serially, since line numbers need it; the lines are reshuffled
// before the extraction, which is where the time goes.
func readFile(ctx context.Context, f inputFile, emit func(line), bad func(badLine)) error {
	fs, err := filesystem.New(ctx, f.Path)
	if err != nil {
		return fmt.Errorf("read %s: %w", f.Path, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, f.Path)
	if err != nil {
		// An unreadable file is reported like a bad line and the other
		// files go on: one file that matched the glob and then vanished
		// must not cost the hours of work on the others.
		badLines.Inc(ctx, 1)
		bad(badLine{Path: f.Path, Error: err.Error()})
		return nil
	}
	defer rc.Close()
	r := document.NewJSONLReader(rc, f.Path)
	for {
		l, err := r.NextLine()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			// A read error past some lines: what was read is kept, the
			// failure is reported once.
			badLines.Inc(ctx, 1)
			bad(badLine{Path: f.Path, Error: err.Error()})
			return nil
		}
		emit(line{Order: orderOf(f.Index, l.Number), Path: l.Path, Number: l.Number, Offset: l.Offset, Bytes: l.Bytes})
	}
}
