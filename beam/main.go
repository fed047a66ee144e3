// Command verbatim-beam runs verbatim's quote extraction and speaker linking
// as an Apache Beam pipeline, for corpora past one machine:
//
//	verbatim-beam --input 'corpus/*.jsonl' --output out/quotes [--runner prism|flink|spark|dataflow] [--speakers speakers.yaml]
//
// It writes out/quotes-SSSSS-of-NNNNN.jsonl, the lines `verbatim extract
// --jsonl` writes for the same files (any line order), with the same
// speaker ids; out/quotes-speakers.jsonl, the speakers; and
// out/quotes-errors.jsonl, the lines that gave no document. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/verbatim-news/verbatim/beam/pipeline"
	vspeakers "github.com/verbatim-news/verbatim/speakers"
)

// Beam's own flags (--runner, --endpoint, --environment_type, --project…)
// live in the default flag set, so ours do too.
var (
	input    = flag.String("input", "", "JSON Lines documents: a file or a glob (local, gs://, s3://)")
	output   = flag.String("output", "", "prefix of the output files")
	shards   = flag.Int("shards", 8, "number of output shards")
	lang     = flag.String("lang", "", "language of documents that give none, when detection is unsure (fr, en, de)")
	speakers = flag.String("speakers", "", "speakers.yaml to apply over the automatic links")
)

func main() {
	flag.Parse()
	// On a cluster the same binary is the worker: Init takes over then.
	beam.Init()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "verbatim-beam:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	if *input == "" || *output == "" {
		flag.Usage()
		return errors.New("--input and --output are required")
	}
	files, err := pipeline.Match(ctx, *input)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		// Most likely a typo: an empty output would hide it. An empty
		// file is an empty corpus and gives empty output.
		return fmt.Errorf("--input %s matches no file", *input)
	}
	o := pipeline.Options{Files: files, Output: *output, Shards: *shards, Lang: *lang}
	if *speakers != "" {
		data, err := readAll(ctx, *speakers)
		if err != nil {
			return err
		}
		// Checked here, so that a typo fails the launch, not the link stage
		// after hours of extraction.
		if _, err := vspeakers.ParseConfig(*speakers, data); err != nil {
			return err
		}
		o.SpeakersName, o.Speakers = *speakers, string(data)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, o); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	docs, bad := pipeline.Counts(res)
	fmt.Fprintf(os.Stderr, "verbatim-beam: %d files, %d documents, %d bad lines (listed in %s)\n",
		len(files), docs, bad, pipeline.ErrorsFile(*output))
	if bad > 0 {
		return fmt.Errorf("%d lines gave no document", bad)
	}
	return nil
}

// readAll reads a whole small file through Beam's filesystems.
func readAll(ctx context.Context, name string) ([]byte, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}
