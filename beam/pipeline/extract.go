package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// badLine is a line (or file) that gave no document.
type badLine struct {
	Path  string `json:"path"`
	Line  int    `json:"line,omitempty"`
	Error string `json:"error"`
}

// outLine is an output line of `verbatim extract --jsonl`, and of this
// pipeline: the same fields, in the same order.
type outLine struct {
	ID     string     `json:"id"`
	Quotes []outQuote `json:"quotes"`
}

type outQuote struct {
	extract.Quote
	SpeakerID *string `json:"speaker_id"`
}

// extractFn parses and extracts one line. The extractor is built once per
// worker (Setup): it loads the language data.
type extractFn struct {
	Lang string // language of documents that give none, when detection is unsure
	linker

	ex *extract.Extractor
}

// Counters of a run, read back by Counts.
var (
	documents = beam.NewCounter("verbatim", "documents")
	badLines  = beam.NewCounter("verbatim", "bad_lines")
	// Bytes shuffled: output lines to the join, mentions to the first
	// link stage (the cost model in README.md is built on them).
	lineBytes    = beam.NewCounter("verbatim", "line_bytes")
	summaryBytes = beam.NewCounter("verbatim", "summary_bytes")
	// The size of the link stages' groups, items and bytes: what one
	// worker holds at once.
	groupItems = beam.NewDistribution("verbatim", "link_group_items")
	groupBytes = beam.NewDistribution("verbatim", "link_group_bytes")
)

func init() {
	register.DoFn5x1[context.Context, line, func(int64, []byte), func(string, []byte), func(badLine), error](&extractFn{})
	register.Emitter2[int64, []byte]()
	register.Emitter2[int, []byte]()
	register.Emitter1[badLine]()
	beam.RegisterType(reflect.TypeOf((*badLine)(nil)).Elem())
}

func (f *extractFn) Setup() error {
	ex, err := extract.New(extract.Options{DefaultLang: f.Lang})
	if err != nil {
		return fmt.Errorf("extractor: %w", err)
	}
	f.ex = ex
	return f.setup()
}

// ProcessElement emits the document's output line under its place, its
// speakers' mentions to the first link stage's groups, or the line as bad. Bad
// input never fails the job: like `verbatim extract --jsonl --keep-going`,
// it is reported and the rest goes on.
func (f *extractFn) ProcessElement(ctx context.Context, l line, emitLine func(int64, []byte), emitMention func(string, []byte), emitBad func(badLine)) error {
	// As extract --jsonl does: the fields the extractor never reads (gold
	// quotes, in an annotated corpus) stay undecoded.
	d, err := document.LineOptions{SkipParams: true}.Parse(document.Line{Path: l.Path, Number: l.Number, Offset: l.Offset, Bytes: l.Bytes})
	if err == nil {
		var res extract.Result
		res, err = f.analyze(d)
		if err == nil {
			err = f.emit(ctx, l.Order, d.ID, res, emitLine, emitMention)
		}
	}
	if err != nil {
		badLines.Inc(ctx, 1)
		msg := err.Error()
		if !strings.Contains(msg, l.Path) {
			msg = fmt.Sprintf("%s:%d: %s", l.Path, l.Number, msg)
		}
		log.Warnf(ctx, "verbatim-beam: %s", msg)
		emitBad(badLine{Path: l.Path, Line: l.Number, Error: msg})
		return nil
	}
	documents.Inc(ctx, 1)
	return nil
}

// analyze runs the extractor, turning a panic into an error naming the
// document, so one bad article cannot fail a job of millions.
func (f *extractFn) analyze(d document.Document) (res extract.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("document %q: extractor panic: %v", d.ID, p)
		}
	}()
	res = f.ex.Analyze(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
	if res.Quotes == nil {
		res.Quotes = []extract.Quote{}
	}
	return res, nil
}

func (f *extractFn) emit(ctx context.Context, order int64, id string, res extract.Result, emitLine func(int64, []byte), emitMention func(string, []byte)) error {
	out := outLine{ID: id, Quotes: make([]outQuote, len(res.Quotes))}
	for i, q := range res.Quotes {
		out.Quotes[i].Quote = q
	}
	b, err := corpus.EncodeLine(out)
	if err != nil {
		return fmt.Errorf("document %q: encode: %w", id, err)
	}
	lineBytes.Inc(ctx, int64(len(b)))
	emitLine(order, b)
	ms := f.lk.Mentions(order, id, res)
	items := make([]speakers.Item, len(ms))
	for i := range ms {
		items[i] = speakers.Item{M: &ms[i]}
	}
	size := 0
	err = emitItems(f.stages[0], items, func(k string, b []byte) {
		size += len(b)
		emitMention(k, b)
	})
	if err != nil {
		return fmt.Errorf("document %q: %w", id, err)
	}
	summaryBytes.Inc(ctx, int64(size))
	return nil
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }
