package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// A run of verbatim-beam writes PREFIX-SSSSS-of-NNNNN.jsonl (the records),
// PREFIX-speakers.jsonl and PREFIX-errors.jsonl; one glob, PREFIX-*.jsonl,
// names them all, so a file's kind is told by its name.
const (
	speakersSuffix = "-speakers.jsonl"
	errorsSuffix   = "-errors.jsonl"
)

// maxRecordLine bounds one line of a records file: a document's quotes.
const maxRecordLine = 1 << 30

// recordQuote is a quote as `verbatim extract --jsonl` writes it.
type recordQuote struct {
	extract.Quote
	SpeakerID *string `json:"speaker_id"`
}

// record is one document's line, and where it was read.
type record struct {
	ID string `json:"id"`
	// Lang is the document's language as `verbatim extract FILE` writes
	// it; `extract --jsonl` lines give it per quote only.
	Lang   string        `json:"lang"`
	Quotes []recordQuote `json:"quotes"`
	where  string
}

// lang is the language the run found for the document.
func (r record) lang() string {
	if r.Lang != "" {
		return r.Lang
	}
	for _, q := range r.Quotes {
		if q.Lang != "" {
			return q.Lang
		}
	}
	return ""
}

// runFiles is what a finished run wrote: its documents' records by id,
// and its speakers, most quoted first.
type runFiles struct {
	records  map[string]record
	order    []string // record ids in file order, to report the unused ones
	speakers []speakers.Speaker
}

// readRunFiles reads the files of a finished run: the records of
// `verbatim extract --jsonl` or verbatim-beam, and verbatim-beam's
// speakers list. Files are read in name order; a malformed line is an
// error naming its file and line.
func readRunFiles(files []string) (*runFiles, error) {
	rf := &runFiles{records: map[string]record{}}
	files = slices.Clone(files)
	slices.Sort(files)
	for _, f := range files {
		var err error
		switch {
		case strings.HasSuffix(f, errorsSuffix):
			continue
		case strings.HasSuffix(f, speakersSuffix):
			err = eachLine(f, func(_ string, line []byte) error {
				var sp speakers.Speaker
				if err := json.Unmarshal(line, &sp); err != nil {
					return err
				}
				if sp.ID == "" {
					return errors.New("a speaker without id")
				}
				rf.speakers = append(rf.speakers, sp)
				return nil
			})
		default:
			err = eachLine(f, func(where string, line []byte) error {
				var r record
				if err := json.Unmarshal(line, &r); err != nil {
					return err
				}
				if r.ID == "" {
					return errors.New("a record without id")
				}
				if first, dup := rf.records[r.ID]; dup {
					return fmt.Errorf("document id %q is already recorded at %s", r.ID, first.where)
				}
				r.where = where
				rf.records[r.ID] = r
				rf.order = append(rf.order, r.ID)
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
	}
	return rf, nil
}

// eachLine calls fn on every non-blank line of file with its place
// (path:line); an error names the file and line.
func eachLine(file string, fn func(where string, line []byte) error) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("read records: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, maxRecordLine)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, n)
		if err := fn(where, sc.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}

// LoadRecords reads the articles of the folder dir (for their titles,
// dates and other metadata) and gives them the quotes and speaker ids of a
// finished run's files instead of extracting and linking again: the lines
// of `verbatim extract --jsonl` or of verbatim-beam (PREFIX-*.jsonl, whose
// PREFIX-speakers.jsonl gives the speakers and PREFIX-errors.jsonl is
// skipped). A speaker id the run lists no speaker for is named as its
// first quote names it. speakers.yaml (opts.Speakers) serves corrections
// only, and corrections.yaml (opts.Corrections) applies as in Load. An
// article the records lack has no quotes; a record no article has is
// reported in Warnings.
func LoadRecords(ctx context.Context, dir string, files []string, opts Options) (*Corpus, error) {
	docs, skipped, warnings, err := Read(ctx, dir, opts.KeepGoing)
	if err != nil {
		return nil, err
	}
	opts.phase("read")
	rf, err := readRunFiles(files)
	if err != nil {
		return nil, err
	}
	arts := make([]Article, len(docs))
	pub := make([]speakers.PublishedDoc, len(docs))
	used := make(map[string]bool, len(docs))
	for i, d := range docs {
		r := rf.records[d.ID]
		used[d.ID] = true
		lang := d.Lang
		if lang == "" {
			lang = r.lang() // the language the run detected
		}
		res := extract.Result{Lang: lang, Quotes: make([]extract.Quote, len(r.Quotes))}
		ids := make([]string, len(r.Quotes))
		for j, q := range r.Quotes {
			res.Quotes[j] = q.Quote
			if q.SpeakerID != nil {
				ids[j] = *q.SpeakerID
			}
		}
		tidy(d, res)
		arts[i] = Article{Doc: d, Result: res}
		pub[i] = speakers.PublishedDoc{ID: d.ID, Quotes: res.Quotes, SpeakerIDs: ids}
	}
	for _, id := range rf.order {
		if !used[id] {
			warnings = append(warnings, fmt.Sprintf("%s: record of document %q, which the content folder does not have", rf.records[id].where, id))
		}
	}
	opts.phase("extract")
	linked, more := publish(arts, speakers.Published(rf.speakers, pub, opts.Speakers), opts.Corrections)
	opts.phase("link")
	return &Corpus{Articles: arts, Linked: linked, Skipped: skipped, Warnings: append(warnings, more...)}, nil
}
