package corpus

import (
	"fmt"

	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// UnattributedID is the path of the site's page of quotes without a
// speaker, under speakers/; no speaker gets it as an id. Every command
// reserves it, so that a speaker's id is the same in all of them.
const UnattributedID = "unattributed"

// Linker links the speakers of a corpus, added one document at a time in
// corpus order, with the settings every command shares (speakers.yaml, the
// reserved ids). It is the streaming form of the corpus: it holds names
// and quote ids, not documents.
type Linker struct {
	lk   *speakers.Linker
	docs int
}

// NewLinker returns a Linker that applies cfg (speakers.yaml; nil for none).
func NewLinker(cfg *speakers.Config) (*Linker, error) {
	lk, err := speakers.New(cfg, speakers.Options{Reserved: []string{UnattributedID}})
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return &Linker{lk: lk}, nil
}

// Add adds the next document of the corpus.
func (l *Linker) Add(docID string, res extract.Result) {
	l.lk.Add(docID, res)
	l.docs++
}

// Link links every document added: speaker i of document doc is
// Result.SpeakerID(doc, i).
func (l *Linker) Link() *speakers.Result {
	return l.lk.Link()
}

// Linked is a corpus once its speakers are linked and the editors'
// corrections applied.
type Linked struct {
	Speakers *speakers.Result
	// Records are the quotes to publish, by article (the index in the
	// corpus order), rejected ones left out.
	Records [][]speakers.Record
	Fixes   corrections.Report
}

// link links the articles, in corpus order, through the cache (a Cache
// that keeps nothing links every time), applies speakers.yaml (cfg) and
// corrections.yaml (fixes) and recounts the speakers as published.
// The warnings are for the editors: speakers.yaml rules that matched
// nothing, corrections whose quote or speaker is unknown.
func link(arts []Article, cfg *speakers.Config, fixes *corrections.File, cache Cache) (Linked, []string, error) {
	lk, err := NewLinker(cfg)
	if err != nil {
		return Linked{}, nil, err
	}
	for _, a := range arts {
		lk.Add(a.Doc.ID, a.Result)
	}
	res, err := cache.link(lk.lk)
	if err != nil {
		return Linked{}, nil, err
	}
	c, warnings := publish(arts, res, fixes)
	return c, warnings, nil
}

// publish applies corrections.yaml (fixes) to the linked articles and
// recounts the speakers as published: the tail of every way to a corpus,
// linked here or by a finished run (LoadRecords).
func publish(arts []Article, res *speakers.Result, fixes *corrections.File) (Linked, []string) {
	c := Linked{Speakers: res}
	warnings := append([]string(nil), res.Warnings...)

	n := 0
	for _, a := range arts {
		n += len(a.Result.Quotes)
	}
	all := make([]speakers.Record, 0, n)
	for i, a := range arts {
		all = append(all, res.Records(i, a.Result.Quotes)...)
	}
	if fixes == nil {
		fixes = &corrections.File{}
	}
	published, rep := fixes.Apply(all, res)
	c.Fixes = rep
	warnings = append(warnings, rep.Warnings()...)
	res.Recount(published)

	// Apply keeps the order of its input, which is article by article:
	// each article's records are a run of published, which its Records
	// share rather than copy (capped, so that an append copies). A run
	// of an article seen already, which Apply does not make, is added to
	// its records.
	at := make(map[string]int, len(arts))
	for i, a := range arts {
		at[a.Doc.ID] = i
	}
	c.Records = make([][]speakers.Record, len(arts))
	for start, end := 0, 0; start < len(published); start = end {
		for end = start + 1; end < len(published) && published[end].DocID == published[start].DocID; end++ {
		}
		i := at[published[start].DocID]
		if c.Records[i] == nil {
			c.Records[i] = published[start:end:end]
		} else {
			c.Records[i] = append(c.Records[i], published[start:end]...)
		}
	}
	return c, warnings
}
