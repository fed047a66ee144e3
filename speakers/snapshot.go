package speakers

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
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
// It hashes the Linker's own state, every field of it, rather than the
// extract.Result given to Add, so that whatever Add keeps is in the key;
// a test fails when a field is added to the state and not here.
func (l *Linker) Key(version string) string {
	h := sha256.New()
	w := &keyWriter{w: bufio.NewWriterSize(h, 64<<10)}
	// The Config and Options are small: %#v prints every field, and they
	// hold no pointer whose address would change from run to run.
	w.str(fmt.Sprintf("%s\n%q\n%#v\n%#v", snapshotFormat, version, *l.cfg, l.opts))
	w.int(len(l.docs))
	for _, d := range l.docs {
		w.str(d.id)
		w.int(d.locals, d.nLocals, d.quotes, d.nQuotes)
	}
	w.int(len(l.locals))
	for _, lc := range l.locals {
		w.int(lc.doc)
		w.str(lc.name)
		w.strs(lc.aliases)
		w.strs(lc.roles)
		w.int(int(lc.gender), boolInt(lc.org), lc.quotes, int(lc.kind))
		w.strs(lc.pn.given)
		w.str(lc.pn.surname)
		w.str(lc.pn.suffix)
		w.int(boolInt(lc.described), lc.w, len(lc.apart))
		for _, a := range lc.apart {
			w.strs(a)
		}
		w.strs(lc.leads)
	}
	w.int(len(l.quotes))
	for _, q := range l.quotes {
		w.str(q.id)
		w.int(q.local)
	}
	_ = w.w.Flush() // writing to a hash never fails
	return hex.EncodeToString(h.Sum(nil))
}

// keyWriter writes values with their lengths, so that no two sequences
// of values write the same bytes.
type keyWriter struct {
	w   *bufio.Writer
	num [binary.MaxVarintLen64]byte
}

func (k *keyWriter) int(ns ...int) {
	for _, n := range ns {
		k.w.Write(binary.AppendVarint(k.num[:0], int64(n)))
	}
}

func (k *keyWriter) str(s string) {
	k.int(len(s))
	k.w.WriteString(s)
}

// strs tells nil from empty, as the snapshot does.
func (k *keyWriter) strs(ss []string) {
	if ss == nil {
		k.int(-1)
		return
	}
	k.int(len(ss))
	for _, s := range ss {
		k.str(s)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
