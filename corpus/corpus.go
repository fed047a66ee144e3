package corpus

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"

	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// Options tell Load and Build how to make a corpus. Only Extractor is
// required.
type Options struct {
	// Extractor finds quotes; an article without a language is read in
	// the one detected from its text (see extract.Options).
	Extractor Extractor
	// Workers extract in parallel; default GOMAXPROCS.
	Workers int
	// Cache keeps extraction results between runs; the zero Cache none.
	Cache Cache
	// KeepGoing skips malformed articles, and those the extractor panics
	// on, instead of failing (Corpus.Skipped).
	KeepGoing bool
	// Speakers is speakers.yaml, Corrections corrections.yaml; nil for
	// none.
	Speakers    *speakers.Config
	Corrections *corrections.File
	// Extracted, when set, is called once per article extracted or taken
	// from the cache, from the pool's collecting goroutine (for progress).
	Extracted func()
	// Phase, when set, is called at the end of each stage, "read",
	// "extract" and "link", for timing.
	Phase func(name string)
}

func (o Options) phase(name string) {
	if o.Phase != nil {
		o.Phase(name)
	}
}

// Article is one document and what the extractor found in it.
type Article struct {
	Doc    document.Document
	Result extract.Result
}

// Corpus is every article of a run, in corpus order, with its speakers
// linked and the corrections applied.
type Corpus struct {
	Articles []Article
	Linked
	// Skipped lists the articles left out under KeepGoing: malformed
	// files, single lines of JSON Lines files (path:line), articles the
	// extractor failed on.
	Skipped []error
	// Warnings are for the editors, naming file and line: links in the
	// content folder that lead out of it (skipped), speakers.yaml entries
	// that matched nothing, corrections whose quote or speaker is unknown.
	Warnings []string
	// Extracted counts the articles read by the extractor, the others
	// coming from the cache.
	Extracted int
}

// Load reads the articles of the folder dir and builds their corpus.
func Load(ctx context.Context, dir string, opts Options) (*Corpus, error) {
	docs, skipped, warnings, err := Read(ctx, dir, opts.KeepGoing)
	if err != nil {
		return nil, err
	}
	opts.phase("read")
	c, err := Build(ctx, docs, opts)
	if err != nil {
		return nil, err
	}
	c.Skipped = append(skipped, c.Skipped...)
	c.Warnings = append(append([]string(nil), warnings...), c.Warnings...)
	return c, nil
}

// Build extracts the documents, in corpus order, and links them.
func Build(ctx context.Context, docs []document.Document, opts Options) (*Corpus, error) {
	arts, fresh, failed, err := Extract(ctx, docs, opts)
	if err != nil {
		return nil, err
	}
	opts.phase("extract")
	linked, warnings, err := link(arts, opts.Speakers, opts.Corrections, opts.Cache)
	if err != nil {
		return nil, err
	}
	opts.phase("link")
	return &Corpus{Articles: arts, Linked: linked, Warnings: warnings, Extracted: fresh, Skipped: failed}, nil
}

// Extract finds the quotes and speakers of every document on the pool,
// from the cache when it can, behind the panic guard. Articles are in the
// order of docs; fresh counts those the extractor read. An extractor panic
// fails the run, or under KeepGoing leaves the article out, in failed.
func Extract(ctx context.Context, docs []document.Document, opts Options) (arts []Article, fresh int, failed []error, err error) {
	if opts.Extractor == nil {
		return nil, 0, nil, fmt.Errorf("corpus: no extractor")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var extracted atomic.Int64
	work := func(d document.Document) (Article, error) {
		key := opts.Cache.key(d)
		res, ok := opts.Cache.get(key)
		if !ok {
			var err error
			if res, err = Analyze(opts.Extractor, d); err != nil {
				return Article{}, fmt.Errorf("%s: %w", Location(d), err)
			}
			extracted.Add(1)
			if err := opts.Cache.put(key, res); err != nil {
				return Article{}, fmt.Errorf("cache %s: %w", Location(d), err)
			}
		}
		tidy(d, res)
		return Article{Doc: d, Result: res}, nil
	}
	size := func(d document.Document) int64 { return int64(len(d.Text)) }
	arts = make([]Article, 0, len(docs))
	err = Ordered(ctx, workers, SliceSource(docs, size), work, func(_ document.Document, _ int64, a Article, err error) error {
		if err != nil && opts.KeepGoing {
			failed = append(failed, err)
			return nil
		}
		if err != nil {
			return err
		}
		arts = append(arts, a)
		if opts.Extracted != nil {
			opts.Extracted()
		}
		return nil
	})
	if err != nil {
		return nil, 0, nil, err
	}
	return arts, int(extracted.Load()), failed, nil
}
