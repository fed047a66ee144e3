package speakers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/extract"
)

// Options tune a Linker. The zero value is the default.
type Options struct {
	// Dominance is how many times more articles the most quoted person
	// with a surname must have than the next one before a surname alone
	// ("Trump") is linked to them. Default 5.
	Dominance int
	// Reserved are ids never handed out to a speaker, for a site's own
	// pages under the same path ("unattributed"). speakers.yaml may still
	// use them explicitly.
	Reserved []string
}

// Linker links the speakers of a corpus into corpus-wide speakers. Add the
// documents in corpus order, then call Link once. The result depends only
// on the documents and their order, never on timing, so documents can be
// extracted in parallel as long as they are added in order.
//
// A Linker keeps only names and quote ids, not the quotes themselves, so a
// caller streaming a large corpus can write the quotes out and join the ids
// back afterwards.
type Linker struct {
	lx     *lexicon
	cfg    *Config
	opts   Options
	docs   []docRef
	locals []local
	quotes []quoteRef
}

type docRef struct {
	id              string
	locals, nLocals int // locals[locals : locals+nLocals]
	quotes, nQuotes int
}

type quoteRef struct {
	id    string
	local int // -1: no speaker
}

type kind uint8

const (
	kindPerson kind = iota
	kindOrg
	kindUnnamed // a description: "a witness"
	kindDropped // not_a_person in speakers.yaml
)

// local is one speaker of one document, as the extractor describes it.
type local struct {
	doc     int
	name    string
	aliases []string
	roles   []string
	gender  extract.Gender
	org     bool
	quotes  int
	kind    kind
	pn      personName
	// described: the extractor gave this speaker as a description.
	described bool
	// w is how many mentions of one form it stands for (a combined
	// mention, Stage.Combine); apart, Mention.Apart.
	w     int
	apart [][]string
	leads []string
}

// New returns a Linker applying cfg (nil for none).
func New(cfg *Config, opts Options) (*Linker, error) {
	lx, err := embeddedLexicon()
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if cfg == nil {
		cfg = &Config{}
	}
	if opts.Dominance <= 0 {
		opts.Dominance = 5
	}
	return &Linker{lx: lx, cfg: cfg, opts: opts}, nil
}

// Add records one document's speakers and quotes. Documents must be added
// in corpus order. res.Speakers may be empty (a cache that kept only the
// quotes): the quotes' speaker names are then all there is to link, without
// aliases, roles or the organisation flag.
func (l *Linker) Add(docID string, res extract.Result) {
	di := len(l.docs)
	d := docRef{id: docID, locals: len(l.locals), quotes: len(l.quotes)}
	byName := map[string]int{}
	for _, sp := range res.Speakers {
		if strings.TrimSpace(sp.Name) == "" {
			continue
		}
		if _, dup := byName[sp.Name]; dup {
			continue
		}
		byName[sp.Name] = len(l.locals)
		l.locals = append(l.locals, local{doc: di, name: sp.Name, aliases: sp.Aliases, roles: sp.Roles,
			gender: genderOf(sp.Gender), org: sp.Org, described: sp.Described})
	}
	for _, q := range res.Quotes {
		ref := quoteRef{id: q.ID, local: -1}
		if name := q.SpeakerName(); strings.TrimSpace(name) != "" {
			li, ok := byName[name]
			if !ok {
				li = len(l.locals)
				byName[name] = li
				l.locals = append(l.locals, local{doc: di, name: name})
			}
			l.locals[li].quotes++
			ref.local = li
		}
		l.quotes = append(l.quotes, ref)
	}
	d.nLocals = len(l.locals) - d.locals
	d.nQuotes = len(l.quotes) - d.quotes
	l.docs = append(l.docs, d)
}

func genderOf(s string) extract.Gender {
	switch s {
	case "m":
		return 'm'
	case "f":
		return 'f'
	}
	return 0
}

// Speaker is one person or organisation across the corpus.
type Speaker struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Org     bool     `json:"org,omitempty"`
	// Unnamed marks a speaker the article only describes ("a witness"):
	// such a speaker is one article's, never linked to another.
	Unnamed     bool     `json:"unnamed,omitempty"`
	Gender      string   `json:"gender,omitempty"`
	Roles       []string `json:"roles,omitempty"`
	Description string   `json:"description,omitempty"`
	QID         string   `json:"qid,omitempty"`
	Quotes      int      `json:"quotes"`
	Docs        int      `json:"docs"`
	// Merges lists the names linked to this speaker and why, and the links
	// the linker considered but did not make (Made false).
	Merges []Merge `json:"merges,omitempty"`
}

// Merge is one name linked (or not) to a speaker.
type Merge struct {
	From string `json:"from"` // the name as articles write it
	// Into is the speaker the name was linked to or could be: the speaker
	// itself for a merge made, another one for a suggestion.
	Into   string `json:"into"`
	IntoID string `json:"into_id"`
	Rule   string `json:"rule"`
	Docs   int    `json:"docs"` // articles using From
	Made   bool   `json:"made"`
	Reason string `json:"reason,omitempty"`
}

// Rules a merge can be made by.
const (
	RuleVariant  = "same name"         // case, accents, hyphens, a title
	RuleArticle  = "same article"      // the article itself uses both names
	RuleGiven    = "given names"       // Donald J. Trump / Donald Trump
	RuleInitial  = "initial"           // D. Trump / Donald Trump
	RuleSpelling = "spelling"          // Anthony / Antony
	RuleOnly     = "surname: only one" // the only person with that surname
	RuleDominant = "surname: dominant"
	RuleGender   = "surname and gender"
	RuleRole     = "surname and role"
	RuleContext  = "surname and co-quoted speakers"
	RuleSurname  = "surname alone" // articles naming no one in full
	RuleAcronym  = "acronym"
	RuleOrgName  = "organisation name"
	RuleConfig   = "speakers.yaml"
)

// Result is the linked corpus.
type Result struct {
	// Speakers are ordered by quotes, most first, then by id.
	Speakers []Speaker
	// Warnings name speakers.yaml rules that matched nothing.
	Warnings []string

	docs         []docRef
	quoteIDs     []string
	quoteSpeaker []string // per quote, in the order added: its speaker id or ""
	byQuote      map[string]int
	byID         map[string]int
	byName       map[string]int
	entries      []Entry
}

// SpeakerID returns the speaker id of quote i of document doc (indexes in
// the order they were added), or "" for a quote without speaker.
func (r *Result) SpeakerID(doc, i int) string {
	if doc < 0 || doc >= len(r.docs) || i < 0 || i >= r.docs[doc].nQuotes {
		return ""
	}
	return r.idOf(r.docs[doc].quotes + i)
}

func (r *Result) idOf(q int) string { return r.quoteSpeaker[q] }

// QuoteSpeakerID returns the speaker id of the quote with that id, or "".
func (r *Result) QuoteSpeakerID(quoteID string) string {
	if q, ok := r.byQuote[quoteID]; ok {
		return r.idOf(q)
	}
	return ""
}

// Speaker returns the speaker with that id.
func (r *Result) Speaker(id string) (*Speaker, bool) {
	i, ok := r.byID[id]
	if !ok {
		return nil, false
	}
	return &r.Speakers[i], true
}

// Knows reports whether name (or id) is a speaker of the corpus or an
// entry of speakers.yaml: a name it does not know would become a new
// speaker, a likely typo worth a warning.
func (r *Result) Knows(name string) bool {
	name = strings.TrimSpace(name)
	if _, ok := r.byName[fold(name)]; ok {
		return true
	}
	if _, ok := r.byID[name]; ok {
		return true
	}
	for _, e := range r.entries {
		if !e.NotAPerson && (fold(e.Name) == fold(name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return fold(a) == fold(name) })) {
			return true
		}
	}
	return false
}

// Resolve returns the speaker an editor means by name: the speaker with
// that canonical name, else with that alias, else a new speaker (with no
// quotes yet) added to Speakers. Corrections use it to move a quote.
func (r *Result) Resolve(name string) (id, canonical string) {
	name = strings.TrimSpace(name)
	if i, ok := r.byName[fold(name)]; ok {
		return r.Speakers[i].ID, r.Speakers[i].Name
	}
	if i, ok := r.byID[name]; ok {
		return r.Speakers[i].ID, r.Speakers[i].Name
	}
	sp := Speaker{Name: name}
	explicit := ""
	for _, e := range r.entries {
		if e.NotAPerson {
			continue
		}
		if fold(e.Name) == fold(name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return fold(a) == fold(name) }) {
			sp = Speaker{Name: e.Name, Aliases: slices.Clone([]string(e.Aliases)), Org: e.Org, Description: e.Description, QID: e.QID}
			explicit = e.ID
			if i, ok := r.byName[fold(e.Name)]; ok {
				return r.Speakers[i].ID, r.Speakers[i].Name
			}
			break
		}
	}
	sp.ID = explicit
	if _, taken := r.byID[sp.ID]; sp.ID == "" || taken {
		a := newIDs()
		for id := range r.byID {
			a.taken[id] = true
		}
		sp.ID = a.unique(baseID(sp.Name))
	}
	r.Speakers = append(r.Speakers, sp)
	r.byID[sp.ID] = len(r.Speakers) - 1
	r.byName[fold(sp.Name)] = len(r.Speakers) - 1
	r.byName[fold(name)] = len(r.Speakers) - 1
	return sp.ID, sp.Name
}

// Recount sets every speaker's quote and article counts from the records
// as published (after corrections), and sorts Speakers again. A speaker
// left without quotes stays, with zero counts: a site skips it.
func (r *Result) Recount(recs []Record) {
	defer r.sort()
	docs := make([]map[string]bool, len(r.Speakers))
	for i := range r.Speakers {
		r.Speakers[i].Quotes, r.Speakers[i].Docs = 0, 0
	}
	for _, rec := range recs {
		i, ok := r.byID[rec.SpeakerID]
		if !ok {
			continue
		}
		r.Speakers[i].Quotes++
		if docs[i] == nil {
			docs[i] = map[string]bool{}
		}
		if !docs[i][rec.DocID] {
			docs[i][rec.DocID] = true
			r.Speakers[i].Docs++
		}
	}
}
