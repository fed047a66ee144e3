package corrections

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/verbatim-news/verbatim/speakers"
)

// Resolver finds the speaker a name means; *speakers.Result is one (an
// unknown name becomes a new speaker).
type Resolver interface {
	Resolve(name string) (id, canonical string)
}

// knower is a Resolver that tells the names it knows from those it would
// make a new speaker of; *speakers.Result is one.
type knower interface {
	Knows(name string) bool
}

// Applied is one correction that found its quote.
type Applied struct {
	Entry Entry
	// Before is the quote as extracted and linked, before this entry.
	Before speakers.Record
	// After is the quote as published, or nil when rejected.
	After *speakers.Record
}

// Report tells what Apply did.
type Report struct {
	Path    string
	Applied []Applied // in file order
	// Stale are the entries whose quote no article yields any more. They
	// stay in the file; Warnings names them.
	Stale []Entry
	// Unknown are the speaker entries naming no speaker of the articles or
	// speakers.yaml: applied, to a new speaker, but likely a typo;
	// Warnings names them.
	Unknown []Entry
}

// Apply applies the corrections to recs (every quote of the site, linked)
// and returns the records to publish, in the same order, rejected ones left
// out. recs is not modified. With a nil Resolver, a speaker correction sets
// the name but no speaker id.
func (f *File) Apply(recs []speakers.Record, r Resolver) ([]speakers.Record, Report) {
	rep := Report{Path: f.Path}
	out := make([]speakers.Record, len(recs))
	copy(out, recs)
	at := make(map[string]int, len(recs))
	for i, rec := range out {
		if _, dup := at[rec.ID]; !dup {
			at[rec.ID] = i
		}
	}
	rejected := make([]bool, len(out))
	for _, e := range f.Entries {
		i, ok := at[e.Quote]
		if !ok {
			rep.Stale = append(rep.Stale, e)
			continue
		}
		a := Applied{Entry: e, Before: out[i]}
		rec := &out[i]
		switch e.Action {
		case Reject:
			rejected[i] = true
		case Speaker:
			name := e.Speaker
			id := ""
			if k, ok := r.(knower); ok && !k.Knows(e.Speaker) {
				rep.Unknown = append(rep.Unknown, e)
			}
			if r != nil {
				id, name = r.Resolve(e.Speaker)
			}
			rec.Speaker = &name
			rec.SpeakerID = id
			// The mention the extractor chose names someone else.
			rec.SpeakerMention, rec.SpeakerStart, rec.SpeakerEnd = "", nil, nil
			rec.Attribution = "correction"
			rec.Confidence = 1
		case Verify:
			rec.Verified, rec.VerifiedBy, rec.VerifiedOn = true, e.By, e.Date
		}
		if !rejected[i] {
			after := *rec
			a.After = &after
		}
		rep.Applied = append(rep.Applied, a)
	}
	kept := out[:0]
	for i, rec := range out {
		if !rejected[i] {
			kept = append(kept, rec)
		}
	}
	return kept, rep
}

// Warnings names every stale entry, and every speaker entry naming nobody
// known, by file, line and quote id, in file order, for the build to
// print; the build goes on.
func (r Report) Warnings() []string {
	type warning struct {
		line int
		msg  string
	}
	var ws []warning
	for _, e := range r.Stale {
		ws = append(ws, warning{e.Line, fmt.Sprintf("%s:%d: correction %s of quote %s (by %s, %s): no article has this quote any more; the entry is kept",
			r.Path, e.Line, e.Action, e.Quote, e.By, e.Date)})
	}
	for _, e := range r.Unknown {
		ws = append(ws, warning{e.Line, fmt.Sprintf("%s:%d: correction %s of quote %s (by %s, %s): no article or speakers.yaml entry names a speaker %q; the quote goes to a new speaker of that name",
			r.Path, e.Line, e.Action, e.Quote, e.By, e.Date, e.Speaker)})
	}
	slices.SortStableFunc(ws, func(a, b warning) int { return cmp.Compare(a.line, b.line) })
	var out []string
	for _, w := range ws {
		out = append(out, w.msg)
	}
	return out
}
