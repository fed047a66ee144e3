package pipeline

import (
	"errors"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/speakers"
)

// Options describe one run.
type Options struct {
	// Files are the input JSON Lines files, in corpus order (see Match).
	Files []string
	// Output is the prefix of the output files.
	Output string
	// Shards is the number of PREFIX-SSSSS-of-NNNNN.jsonl files.
	Shards int
	// Lang is the language of documents that give none, when detection is
	// unsure ("" for the extractor's default).
	Lang string
	// SpeakersName and Speakers are the name and text of speakers.yaml, or
	// "" for none.
	SpeakersName, Speakers string
}

// SpeakersFile is the file of the corpus's speakers, one per line, most
// quoted first.
func SpeakersFile(prefix string) string { return prefix + "-speakers.jsonl" }

// ErrorsFile is the file listing the lines that gave no document, one
// {"path","line","error"} per line; empty when all went well.
func ErrorsFile(prefix string) string { return prefix + "-errors.jsonl" }

func init() {
	register.Function2x0(seedOne)
	register.Function2x1(encodeBad)
}

// Build adds the pipeline to s.
func Build(s beam.Scope, o Options) error {
	if o.Output == "" {
		return errors.New("no output prefix")
	}
	if o.Shards < 1 {
		return fmt.Errorf("shards: %d, want at least 1", o.Shards)
	}
	files := make([]inputFile, len(o.Files))
	for i, f := range o.Files {
		files[i] = inputFile{Index: i, Path: f}
	}
	imp := beam.Impulse(s)

	lines, badFiles := beam.ParDo2(s.Scope("Read"), readFile, beam.CreateList(s, files))
	// A file is read by one worker; its lines are spread before the
	// extraction.
	lines = beam.Reshuffle(s, lines)
	link := linker{ConfigName: o.SpeakersName, Config: o.Speakers}
	recs, items, badLines := beam.ParDo3(s.Scope("Extract"), &extractFn{Lang: o.Lang, linker: link}, lines)

	// The link stages: each a GroupByKey and the stage's function on each
	// group (speakers.Linker.Stages), the ParDo sending what a group gives
	// to the next stage's groups.
	ls := s.Scope("Link")
	var ids, sp beam.PCollection
	stages := shapeStages()
	for i, st := range stages {
		ss := ls.Scope(st.Name)
		in, forms := items, beam.PCollection{}
		if st.Combine {
			// One mention per form to the groups, every mention to the
			// join on its form (combine.go).
			var plain beam.PCollection
			plain, forms = beam.ParDo2(ss, splitForms, items)
			in = beam.Flatten(ss, plain, beam.ParDo(ss, unform, beam.CombinePerKey(ss, &repCombine{}, forms)))
		}
		next, decided, stageIDs, stageSpeakers := beam.ParDo4(ss, &stageFn{Stage: i, linker: link}, beam.GroupByKey(ss, in))
		if st.Combine {
			spreadNext, spreadIDs := beam.ParDo2(ss, &spreadFn{Stage: i, linker: link}, beam.CoGroupByKey(ss, forms, decided))
			next, stageIDs = beam.Flatten(ss, next, spreadNext), beam.Flatten(ss, stageIDs, spreadIDs)
		}
		items = next
		if i == len(stages)-1 {
			ids = stageIDs
		}
		if st.Name == speakers.StageNumber {
			sp = stageSpeakers
		}
	}

	js := s.Scope("Join")
	joined := beam.ParDo(js, &joinFn{Shards: o.Shards}, beam.CoGroupByKey(js, recs, ids))

	ws := s.Scope("Write")
	seeds := beam.ParDo(ws, &seedShards{Shards: o.Shards}, imp)
	beam.ParDo0(ws, &writeFn{Prefix: o.Output, Shards: o.Shards}, beam.GroupByKey(ws, beam.Flatten(ws, joined, seeds)))
	beam.ParDo0(ws, &writeFn{Path: SpeakersFile(o.Output), Sort: true}, beam.GroupByKey(ws, beam.Flatten(ws, sp, beam.ParDo(ws, seedOne, imp))))
	bad := beam.ParDo(ws, encodeBad, beam.Flatten(ws, badFiles, badLines))
	beam.ParDo0(ws, &writeFn{Path: ErrorsFile(o.Output)}, beam.GroupByKey(ws, beam.Flatten(ws, bad, beam.ParDo(ws, seedOne, imp))))
	return nil
}

// seedOne gives a single-file output one element, so it is written even
// when nothing else goes to it.
func seedOne(_ []byte, emit func(int, []byte)) { emit(0, nil) }

func encodeBad(b badLine, emit func(int, []byte)) error {
	out, err := corpus.EncodeLine(b)
	if err != nil {
		return fmt.Errorf("encode the error of %s:%d: %w", b.Path, b.Line, err)
	}
	emit(0, out)
	return nil
}

// Counts returns the documents extracted and the lines that gave none, from
// the metrics of a finished run (0, 0 when the runner reports none).
func Counts(res beam.PipelineResult) (docs, bad int64) {
	c := Counters(res)
	return c["documents"], c["bad_lines"]
}

// Counters returns the counters of a finished run by name: documents,
// bad_lines, line_bytes (output lines before linking), summary_bytes (the
// mentions the first link stage gets), and link_group_items_max and
// link_group_bytes_max (the largest group of any link stage).
func Counters(res beam.PipelineResult) map[string]int64 {
	out := map[string]int64{}
	if res == nil {
		return out
	}
	all := res.Metrics().AllMetrics()
	for _, c := range all.Counters() {
		if c.Key.Namespace == "verbatim" {
			out[c.Key.Name] += c.Result()
		}
	}
	// The distributions give their largest value: the largest link group.
	for _, d := range all.Distributions() {
		if d.Key.Namespace == "verbatim" {
			out[d.Key.Name+"_max"] = max(out[d.Key.Name+"_max"], d.Result().Max)
		}
	}
	return out
}
