package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/score"
)

const evalUsage = `Usage: verbatim eval [flags] GOLD.jsonl...

Runs the extractor on the documents of each gold file (text and lang taken
from the gold) and prints exactly what the reference scorer prints:
  python3 score.py GOLD PRED [--json] [--by-lang] [--errors N]
With several gold files, each block starts with a line "==> GOLD <==".
Flags may come after the files.

Flags:
  --errors N        print up to N mistakes (MISSED, SPURIOUS, SPEAKER lines)
                      verbatim eval ../shared/eval/fr-news-dev.jsonl --errors 20
  --json            print the scores as one JSON object per gold file
                      verbatim eval ../shared/eval/*.jsonl --json
  --by-lang         add one score line per language
                      verbatim eval ../shared/eval/ggt-en-dev.jsonl --by-lang
  --by-sieve        after the report, the precision of each attribution sieve
                    (verbatim's own table, not score.py's): of the matched
                    quotes a sieve attributed, the share with the gold speaker
                      verbatim eval ../shared/eval/fr-news-dev.jsonl --by-sieve
  -j N              documents processed in parallel (default: number of CPUs, %d)
                      verbatim eval ../shared/eval/polnear-en-dev.jsonl -j 2
  --pred-out PATH   also write the predictions as JSON Lines that score.py
                    reads; with several gold files PATH is a folder and each
                    file keeps its gold file's name
                      verbatim eval gold.jsonl --pred-out pred.jsonl
                      python3 score.py gold.jsonl pred.jsonl

Example:
  verbatim eval ../shared/eval/*.jsonl --by-lang --errors 5
`

type evalFlags struct {
	opts    score.Options
	json    bool
	bySieve bool
	workers int
	predOut string
}

func runEval(ctx context.Context, args []string, stdio Stdio) error {
	return evalCommand(ctx, args, stdio, newExtractor)
}

func evalCommand(ctx context.Context, args []string, stdio Stdio, newEx func(extract.Options) (quoteExtractor, error)) error {
	fs := newFlagSet("eval", "", stdio)
	fs.Usage = func() { fmt.Fprintf(stdio.Err, evalUsage, runtime.NumCPU()) }
	var f evalFlags
	fs.IntVar(&f.opts.Errors, "errors", 0, "print up to N mistakes")
	fs.BoolVar(&f.json, "json", false, "print one JSON object")
	fs.BoolVar(&f.opts.ByLang, "by-lang", false, "one line per language")
	fs.BoolVar(&f.bySieve, "by-sieve", false, "precision of each attribution sieve")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "documents processed in parallel")
	fs.StringVar(&f.predOut, "pred-out", "", "write the predictions here")
	golds, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		fmt.Fprintln(stdio.Err, "verbatim eval: no gold files")
		fs.Usage()
		return errUsage
	}
	if f.workers < 1 {
		fmt.Fprintln(stdio.Err, "verbatim eval: -j must be at least 1")
		return errUsage
	}
	if f.predOut == "-" {
		fmt.Fprintln(stdio.Err, "verbatim eval: --pred-out needs a file name")
		return errUsage
	}
	ex, err := newEx(extract.Options{})
	if err != nil {
		return err
	}
	return evalFiles(ctx, ex, golds, f, stdio.Out)
}

// evalFiles scores the extractor on each gold file in turn.
func evalFiles(ctx context.Context, ex quoteExtractor, golds []string, f evalFlags, stdout io.Writer) error {
	if f.predOut != "" && len(golds) > 1 {
		if err := os.MkdirAll(f.predOut, 0o755); err != nil {
			return err
		}
		seen := map[string]string{}
		for _, g := range golds {
			if other, dup := seen[filepath.Base(g)]; dup {
				return fmt.Errorf("--pred-out: %s and %s would both write %s", other, g, filepath.Base(g))
			}
			seen[filepath.Base(g)] = g
		}
	}
	w := bufio.NewWriter(stdout)
	for _, g := range golds {
		report, sieves, err := evalFile(ctx, ex, g, f, len(golds) > 1)
		if err != nil {
			w.Flush()
			return err
		}
		if len(golds) > 1 {
			fmt.Fprintf(w, "==> %s <==\n", g)
		}
		if f.json {
			err = report.WriteJSON(w)
		} else {
			err = report.WriteText(w)
		}
		if err != nil {
			return err
		}
		if f.bySieve {
			if err := score.WriteSieves(w, sieves); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

func evalFile(ctx context.Context, ex quoteExtractor, goldPath string, f evalFlags, several bool) (*score.Report, []score.SieveRow, error) {
	gold, err := score.Load(goldPath)
	if err != nil {
		return nil, nil, err
	}
	docs, err := gold.Docs()
	if err != nil {
		return nil, nil, err
	}
	next := func() (score.Doc, int64, error) {
		if len(docs) == 0 {
			return score.Doc{}, 0, io.EOF
		}
		d := docs[0]
		docs = docs[1:]
		return d, int64(len(d.Text)), nil
	}
	work := func(d score.Doc) ([]byte, error) {
		res, err := corpus.Analyze(asAnalyzer(ex), document.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", goldPath, err)
		}
		return corpus.EncodeLine(jsonlRecord{ID: d.ID, Quotes: res.Quotes})
	}
	var pred bytes.Buffer
	err = corpus.Ordered(ctx, f.workers, corpus.Source[score.Doc]{Next: next}, work, func(_ score.Doc, _ int64, out []byte, err error) error {
		if err != nil {
			return err
		}
		pred.Write(out)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	predName := "predictions of " + goldPath
	if f.predOut != "" {
		predName = f.predOut
		if several {
			predName = filepath.Join(f.predOut, filepath.Base(goldPath))
		}
		out, err := createOutput(predName, nil)
		if err != nil {
			return nil, nil, err
		}
		out.w.Write(pred.Bytes())
		if err := out.commit(); err != nil {
			return nil, nil, err
		}
	}
	p, err := score.Parse(pred.Bytes(), predName)
	if err != nil {
		return nil, nil, err
	}
	report, err := score.Evaluate(gold, p, f.opts)
	if err != nil || !f.bySieve {
		return report, nil, err
	}
	sieves, err := score.BySieve(gold, p)
	return report, sieves, err
}
