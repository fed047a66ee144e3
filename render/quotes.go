package render

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// A run of verbatim-beam writes PREFIX-SSSSS-of-NNNNN.jsonl (the records),
// PREFIX-speakers.jsonl and PREFIX-errors.jsonl; a glob PREFIX-*.jsonl
// names them all, so the kind of a file is told by its name.
const (
	speakersSuffix = "-speakers.jsonl"
	errorsSuffix   = "-errors.jsonl"
)

// recordedQuote is a quote as `verbatim extract --jsonl` writes it.
type recordedQuote struct {
	extract.Quote
	SpeakerID *string `json:"speaker_id"`
}

// recordedDoc is one document's line.
type recordedDoc struct {
	ID     string          `json:"id"`
	Quotes []recordedQuote `json:"quotes"`
}

// runFiles is what a run wrote: its documents' quotes by document id, and
// its speakers.
type runFiles struct {
	docs     map[string]recordedDoc
	speakers []speakers.Speaker
}

// readRunFiles reads the files of a finished run (Options.Quotes).
func readRunFiles(files []string) (*runFiles, error) {
	rec := &runFiles{docs: map[string]recordedDoc{}}
	files = slices.Clone(files)
	slices.Sort(files) // the speakers list comes in file order
	for _, f := range files {
		switch {
		case strings.HasSuffix(f, errorsSuffix):
			continue
		case strings.HasSuffix(f, speakersSuffix):
			err := eachLine(f, func(line []byte) error {
				var sp speakers.Speaker
				if err := json.Unmarshal(line, &sp); err != nil {
					return err
				}
				if sp.ID == "" {
					return fmt.Errorf("a speaker without id")
				}
				rec.speakers = append(rec.speakers, sp)
				return nil
			})
			if err != nil {
				return nil, err
			}
		default:
			err := eachLine(f, func(line []byte) error {
				var d recordedDoc
				if err := json.Unmarshal(line, &d); err != nil {
					return err
				}
				if d.ID == "" {
					return fmt.Errorf("a record without id")
				}
				rec.docs[d.ID] = d
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return rec, nil
}

// eachLine calls fn on every non-blank line of file; an error names the
// file and line.
func eachLine(file string, fn func([]byte) error) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", filepath.ToSlash(file), n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// articlesFrom gives each article its recorded quotes instead of
// extracting them, and the corpus its recorded speaker ids. An article the
// run did not see has no quotes.
func (rec *runFiles) articlesFrom(docs []document.Document, defaultLang string) ([]article, []speakers.PublishedDoc) {
	arts := make([]article, len(docs))
	pub := make([]speakers.PublishedDoc, len(docs))
	for i, d := range docs {
		r := rec.docs[d.ID]
		quotes := make([]extract.Quote, len(r.Quotes))
		ids := make([]string, len(r.Quotes))
		for j, q := range r.Quotes {
			// As extractAll does: the id becomes a folder name.
			if !validQuoteID.MatchString(q.ID) {
				q.ID = extract.QuoteID(d.ID, q.Start, q.End)
			}
			if q.Lang == "" {
				q.Lang = cmp.Or(d.Lang, defaultLang)
			}
			quotes[j] = q.Quote
			if q.SpeakerID != nil {
				ids[j] = *q.SpeakerID
			}
		}
		arts[i] = article{doc: d, result: extract.Result{Quotes: quotes}}
		pub[i] = speakers.PublishedDoc{ID: d.ID, Quotes: quotes, SpeakerIDs: ids}
	}
	return arts, pub
}
