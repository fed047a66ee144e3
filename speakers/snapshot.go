package speakers

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Snapshot is what Link found, in a form a cache can keep between runs:
// the speakers, the warnings and the speaker id of every quote, in the
// order added. Restore turns it back into the Result Link gave, for the
// same documents added in the same order (Key).
type Snapshot struct {
	Speakers     []Speaker `json:"speakers"`
	Warnings     []string  `json:"warnings,omitempty"`
	QuoteSpeaker []string  `json:"quote_speaker"`
}

// snapshotFormat names the layout of Snapshot and of Key's input; a change
// to either changes every key, so that no cache reads an older layout.
const snapshotFormat = "speakers-snapshot-1"

// Key identifies what Link reads: everything Add kept of the documents,
// in order, speakers.yaml and the options. version names the code that
// links (the binary: the lexicon is embedded in it). Two Linkers with the
// same key link the same way, so a Snapshot of one serves the other.
//
// It hashes the Linker's own state rather than the extract.Result given to
// Add, so that whatever Add comes to keep is in the key without a change
// here.
func (l *Linker) Key(version string) string {
	h := sha256.New()
	w := bufio.NewWriter(h)
	// %#v prints every field, unexported ones included, and nothing that
	// depends on the run (the Linker holds no pointers but the Config).
	fmt.Fprintf(w, "%s\n%q\n%#v\n%#v\n", snapshotFormat, version, *l.cfg, l.opts)
	fmt.Fprintf(w, "%#v\n%#v\n%#v\n", l.docs, l.locals, l.quotes)
	_ = w.Flush() // writing to a hash never fails
	return hex.EncodeToString(h.Sum(nil))
}

// Snapshot returns what a cache needs to restore r as Link returned it.
// Take it before Recount or Resolve change r.
func (r *Result) Snapshot() Snapshot {
	return Snapshot{Speakers: append([]Speaker(nil), r.Speakers...), Warnings: r.Warnings,
		QuoteSpeaker: r.quoteSpeaker}
}

// Restore returns the Result that Link would give, from a Snapshot of a
// Linker with the same Key. It fails when the snapshot cannot be one of
// this Linker's (another number of quotes).
func (l *Linker) Restore(s Snapshot) (*Result, error) {
	if len(s.QuoteSpeaker) != len(l.quotes) {
		return nil, fmt.Errorf("speakers: snapshot of %d quotes for %d", len(s.QuoteSpeaker), len(l.quotes))
	}
	res := &Result{docs: l.docs, quoteSpeaker: s.QuoteSpeaker, quoteIDs: make([]string, len(l.quotes)),
		byQuote: make(map[string]int, len(l.quotes)), Warnings: s.Warnings, entries: l.cfg.Entries}
	for q, ref := range l.quotes {
		res.quoteIDs[q] = ref.id
		if _, dup := res.byQuote[ref.id]; !dup {
			res.byQuote[ref.id] = q
		}
	}
	res.Speakers = s.Speakers
	res.sort()
	return res, nil
}
