package speakers

import "github.com/verbatim-news/verbatim/extract"

// PublishedDoc is one document of a finished run: its id, its quotes and
// the speaker id of each ("" for none), as `verbatim extract --jsonl` and
// verbatim-beam write them.
type PublishedDoc struct {
	ID         string
	Quotes     []extract.Quote
	SpeakerIDs []string
}

// Published rebuilds the Result of a run from what it wrote: its speakers
// and its documents, in the order a site lists them. Nothing is linked
// again: every quote keeps the speaker id it was given, so a site built
// from a pipeline's records has the pipeline's ids. A speaker id that the
// list lacks gets a speaker named as its first quote names it. cfg (nil for
// none) serves Resolve, for corrections.
func Published(list []Speaker, docs []PublishedDoc, cfg *Config) *Result {
	if cfg == nil {
		cfg = &Config{}
	}
	r := &Result{Speakers: append([]Speaker(nil), list...), byQuote: map[string]int{}, entries: cfg.Entries}
	known := map[string]bool{}
	for _, s := range list {
		known[s.ID] = true
	}
	for _, d := range docs {
		r.docs = append(r.docs, docRef{id: d.ID, quotes: len(r.quoteIDs), nQuotes: len(d.Quotes)})
		for i, q := range d.Quotes {
			id := ""
			if i < len(d.SpeakerIDs) {
				id = d.SpeakerIDs[i]
			}
			if id != "" && !known[id] {
				known[id] = true
				// A description ("the council leader") stays one: it is
				// shown as such, not as a name.
				r.Speakers = append(r.Speakers, Speaker{ID: id, Name: q.SpeakerName(), Unnamed: unnamed(q.SpeakerName())})
			}
			if _, dup := r.byQuote[q.ID]; !dup {
				r.byQuote[q.ID] = len(r.quoteIDs)
			}
			r.quoteIDs = append(r.quoteIDs, q.ID)
			r.quoteSpeaker = append(r.quoteSpeaker, id)
		}
	}
	describeFromConfig(r.Speakers, cfg)
	r.sort()
	return r
}

// describeFromConfig gives the speakers a run's records name, but whose
// list (none with plain `extract --jsonl` output) does not describe, what
// speakers.yaml says of them: the entry whose id, name or alias they carry
// gives its name, description, Wikidata item and organisation flag.
func describeFromConfig(list []Speaker, cfg *Config) {
	byID, byName := map[string]int{}, map[string]int{}
	for i, e := range cfg.Entries {
		if e.ID != "" {
			byID[e.ID] = i
		}
		byName[fold(e.Name)] = i
		for _, a := range e.Aliases {
			if _, taken := byName[fold(a)]; !taken {
				byName[fold(a)] = i
			}
		}
	}
	for i := range list {
		sp := &list[i]
		if sp.Description != "" || sp.QID != "" {
			continue // the run's own speakers list already applied it
		}
		ei, ok := byID[sp.ID]
		if !ok {
			ei, ok = byName[fold(sp.Name)]
		}
		if !ok || cfg.Entries[ei].NotAPerson {
			continue
		}
		e := cfg.Entries[ei]
		sp.Name, sp.Description, sp.QID = e.Name, e.Description, e.QID
		sp.Org = sp.Org || e.Org
		sp.Unnamed = false
	}
}
