package speakers

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/verbatim-news/verbatim/extract"
)

// Mention is one speaker of one document, as the extractor describes it:
// the unit every linking stage takes and gives back, with what the stages
// so far decided about it.
type Mention struct {
	// Doc is the document's place in corpus order, DocID its id; Local is
	// the mention's place among the document's speakers.
	Doc       int64    `json:"d"`
	DocID     string   `json:"di"`
	Local     int      `json:"l"`
	Name      string   `json:"n"`
	Aliases   []string `json:"a,omitempty"`
	Roles     []string `json:"r,omitempty"`
	Gender    string   `json:"g,omitempty"`
	Org       bool     `json:"o,omitempty"`
	Described bool     `json:"ds,omitempty"`
	Kind      kind     `json:"k"`
	// Quotes are the quotes it said.
	Quotes []MentionQuote `json:"q,omitempty"`

	// Cluster is the speaker it is linked to so far ("" for none yet), and
	// Rule the rule that linked it ("" for the first of its cluster).
	Cluster string `json:"c,omitempty"`
	Rule    string `json:"ru,omitempty"`
	// Notes are links considered and not made.
	Notes []Note `json:"nt,omitempty"`
	// Co are the other speakers of its document, for a surname alone.
	Co []CoMention `json:"co,omitempty"`
	// OrgOf is the organisation a single name is, when no person bears it
	// in full.
	OrgOf string `json:"of,omitempty"`
	// Apart are the other people its document names in full with its
	// surname, each as its name and aliases: two of them are never one
	// person (read by StageNames).
	Apart [][]string `json:"ap,omitempty"`
	// Mates are the other people its document names in full whose
	// surnames a slip may join, as their clusters (set by StageMates, read
	// by StageSlipPrep: two people an article quotes together are never
	// one by a slip).
	Mates []string `json:"mt,omitempty"`
	// Lead: it is the first mention of its cluster in its document (set by
	// StageContext, read by StageStats to count articles).
	Lead bool `json:"ld,omitempty"`

	// Leads are the speakers it is the first mention of its document to
	// give a quote to (set by StageLeads, read by StageDescribe to count
	// articles).
	Leads []string `json:"le,omitempty"`

	// W is how many mentions this one stands for when a stage combined
	// mentions of one form (0 is one); Own, that each of them founds a
	// cluster of its own at its own place.
	W   int  `json:"w,omitempty"`
	Own bool `json:"ow,omitempty"`
}

// weight is how many mentions m stands for.
func (m *Mention) weight() int { return max(1, m.W) }

// MentionQuote is a quote a mention said: its place in the document, its
// id and, when a speakers.yaml split rule moved it, the speaker it goes
// to and the rule (entry and split indexes).
type MentionQuote struct {
	I     int    `json:"i"`
	ID    string `json:"id"`
	To    string `json:"to,omitempty"`
	Split []int  `json:"sp,omitempty"`
}

// Note is a link considered and not made: the mention could be one of
// Cands.
type Note struct {
	Cands  []string `json:"c"`
	Reason string   `json:"r"`
}

// CoMention is another speaker of a mention's document, as the co-quoted
// context of a surname alone: its cluster (or, for a surname alone
// itself, "lone|" and its surname) and, for a person, the parts of its
// name the conflict check reads.
type CoMention struct {
	Cluster string `json:"c"`
	Lone    bool   `json:"lo,omitempty"`
	Person  bool   `json:"p,omitempty"`
	Surname string `json:"s,omitempty"`
	Suffix  string `json:"x,omitempty"`
}

// ClusterStats sums up what the corpus says about one cluster of people
// named in full, for the surname group of Key.
type ClusterStats struct {
	Key     string         `json:"k"`
	Cluster string         `json:"c"`
	Docs    int            `json:"d"`
	Gender  string         `json:"g,omitempty"`
	Roles   []string       `json:"r,omitempty"`
	Co      map[string]int `json:"co,omitempty"`
}

// SlipCand is a cluster of people named in full that a one-letter slip of
// its surname may join to another of the same given names.
type SlipCand struct {
	Key     string `json:"k"`
	Cluster string `json:"c"`
	Surname string `json:"s"`
	First   Pos    `json:"f"`
	// Mates are the clusters an article quotes beside it (Mention.Mates).
	Mates []string `json:"m,omitempty"`
}

// Remap moves every mention of cluster From to Into.
type Remap struct {
	From string `json:"f"`
	Into string `json:"i"`
}

// OrgName is an organisation's folded name, for a single name no person
// bears in full.
type OrgName struct {
	Key     string `json:"k"`
	Cluster string `json:"c"`
	First   Pos    `json:"f"`
}

// Named is a linked speaker waiting for, or given, its id.
type Named struct {
	Cluster string `json:"c"`
	// First is the place of its first quote: ids are numbered in that
	// order.
	First Pos `json:"f"`
	// Base is the id to number ("jean-dupont" → jean-dupont-2…); Explicit
	// is an id speakers.yaml gives, never numbered.
	Base     string  `json:"b,omitempty"`
	Explicit string  `json:"e,omitempty"`
	Speaker  Speaker `json:"s"`
}

// Pos is a place in corpus order: a document and an index in it.
type Pos [2]int64

func (p Pos) String() string { return strconv.FormatInt(p[0], 10) + "." + strconv.FormatInt(p[1], 10) }

func comparePos(a, b Pos) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) }

// CoCount is how many articles quote cluster Co beside person cluster
// Cluster (one article each, until a stage combines them), for StageStats.
type CoCount struct {
	Cluster string `json:"c"`
	Co      string `json:"o"`
	N       int    `json:"n"`
}

// Item is what flows between stages: one of its fields is set.
type Item struct {
	M *Mention      `json:"m,omitempty"`
	C *CoCount      `json:"co,omitempty"`
	S *ClusterStats `json:"s,omitempty"`
	P *SlipCand     `json:"p,omitempty"`
	R *Remap        `json:"r,omitempty"`
	O *OrgName      `json:"o,omitempty"`
	N *Named        `json:"n,omitempty"`
}

// Stage is one keyed step of the linking: every item goes to the groups
// Keys names, each group is Run alone, and what the groups give is the
// next stage's input. A stage is a plain function of its group: the
// result does not depend on the order of the items in a group nor on the
// order groups are run in, so a Linker can run the stages in memory and a
// pipeline on many workers (a GroupByKey per stage) with one result.
//
// A stage that sets Combine reads of a mention only its form (formOf:
// everything but its place and quotes) and its weight W: the mentions of
// one group with one form reach Run as one, the first in corpus order, W
// their number, and what Run decides for it is given to each of them
// (spread). A group then grows with the distinct forms under its key, not
// with how often they occur.
//
// FormQuotes puts in the form where each quote goes (not its place): a
// stage counting quotes reads that. Spread, when set, replaces the
// function giving each mention what was decided for its form.
type Stage struct {
	Name       string
	Keys       func(Item) []string
	Run        func(key string, items []Item) ([]Item, error)
	Combine    bool
	FormQuotes bool
	Spread     func(key string, out, occ *Mention) *Mention
}

// pass is the key prefix of the groups a stage hands on unchanged. Each
// item passes in a group of its document or cluster, never in one group
// of all: no group may grow with the corpus.
const pass = "="

func passKey(it Item) []string {
	switch {
	case it.M != nil:
		return []string{pass + "d|" + strconv.FormatInt(it.M.Doc, 10)}
	case it.N != nil:
		return []string{pass + "n|" + it.N.Cluster}
	case it.S != nil:
		return []string{pass + "s|" + it.S.Cluster}
	case it.P != nil:
		return []string{pass + "p|" + it.P.Cluster}
	case it.R != nil:
		return []string{pass + "r|" + it.R.From}
	case it.O != nil:
		return []string{pass + "o|" + it.O.Cluster}
	case it.C != nil:
		return []string{pass + "co|" + it.C.Cluster}
	}
	return []string{pass}
}

func (m *Mention) pos() Pos { return Pos{m.Doc, int64(m.Local)} }

// nameKey is the key of the stage linking full names: a person's
// surname, an organisation's acronym (or folded name when it spells none),
// "" for the others.
func (l *Linker) nameKey(name string, k kind) string {
	switch k {
	case kindOrg:
		key := orgKey(name)
		if key == "" {
			key = fold(name)
		}
		if acr, isAcr := acronymOf(name); acr != "" && !isAcr {
			key = acr
		}
		return "o|" + key
	case kindPerson:
		pn := l.lx.parsePerson(name)
		if pn.full() {
			return "p|" + pn.surnameKey()
		}
	}
	return ""
}

// Mentions gives the mentions of one document, doc its place in corpus
// order: the first stage's input. A Linker's Add and Link come to the
// same.
func (l *Linker) Mentions(doc int64, docID string, res extract.Result) []Mention {
	one := &Linker{lx: l.lx, cfg: l.cfg, opts: l.opts}
	one.Add(docID, res)
	lk := &linking{Linker: one}
	lk.classify()
	return lk.mentions(0, doc)
}

// mentions converts the locals of document di (an index in lk.docs) into
// mentions placed at doc.
func (lk *linking) mentions(di int, doc int64) []Mention {
	d := lk.docs[di]
	out := make([]Mention, 0, d.nLocals)
	for i := d.locals; i < d.locals+d.nLocals; i++ {
		lc := lk.locals[i]
		m := Mention{Doc: doc, DocID: d.id, Local: i - d.locals, Name: lc.name, Aliases: lc.aliases, Roles: lc.roles,
			Org: lc.org, Described: lc.described, Kind: lc.kind}
		if lc.gender != 0 {
			m.Gender = string(rune(lc.gender))
		}
		for q := d.quotes; q < d.quotes+d.nQuotes; q++ {
			if lk.quotes[q].local == i {
				m.Quotes = append(m.Quotes, MentionQuote{I: q - d.quotes, ID: lk.quotes[q].id})
			}
		}
		if lk.fullPerson(i) {
			for j := d.locals; j < d.locals+d.nLocals; j++ {
				if o := lk.locals[j]; j != i && lk.fullPerson(j) && o.pn.surnameKey() == lc.pn.surnameKey() {
					m.Apart = append(m.Apart, append([]string{o.name}, o.aliases...))
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// fullPerson: local i is a person named in full.
func (lk *linking) fullPerson(i int) bool {
	return lk.locals[i].kind == kindPerson && lk.locals[i].pn.full()
}

// sub is a linking of some mentions only, in corpus order, for one
// group: the linker's steps run on it as on the whole corpus. Clusters
// the mentions already have are created first, in order of their first
// mention; ids maps them back.
type sub struct {
	*linking
	ms  []*Mention
	ids map[int]string // cluster index → the id it came with
	at  map[string]int // cluster id → index
	// qpos and qtarget are, per quote, its place in the corpus and the
	// cluster it goes to.
	qpos    []Pos
	qtarget []string
	// own marks the mentions that found a cluster of their own, each
	// mention of their form alike (Mention.Own).
	own map[int]bool
}

// sub makes a linking of clones of ms (a group never changes another's
// mentions).
func (l *Linker) sub(ms []*Mention) *sub {
	ms = slices.Clone(ms)
	for i, m := range ms {
		ms[i] = clone(m)
	}
	slices.SortFunc(ms, func(a, b *Mention) int { return comparePos(a.pos(), b.pos()) })
	nq := 0
	for _, m := range ms {
		nq += len(m.Quotes)
	}
	one := &Linker{lx: l.lx, cfg: l.cfg, opts: l.opts, locals: make([]local, 0, len(ms)), quotes: make([]quoteRef, 0, nq)}
	s := &sub{ms: ms, at: map[string]int{}, ids: map[int]string{}, own: map[int]bool{}, qpos: make([]Pos, 0, nq), qtarget: make([]string, 0, nq)}
	for i, m := range ms {
		if i == 0 || m.Doc != ms[i-1].Doc {
			one.docs = append(one.docs, docRef{id: m.DocID, locals: len(one.locals), quotes: len(one.quotes)})
		}
		d := &one.docs[len(one.docs)-1]
		lc := local{doc: len(one.docs) - 1, name: m.Name, aliases: m.Aliases, roles: m.Roles, gender: genderOf(m.Gender),
			org: m.Org, described: m.Described, kind: m.Kind, quotes: len(m.Quotes), w: m.weight(), apart: m.Apart,
			leads: m.Leads}
		if lc.kind == kindPerson {
			lc.pn = l.lx.parsePerson(m.Name)
		}
		for _, q := range m.Quotes {
			one.quotes = append(one.quotes, quoteRef{id: q.ID, local: len(one.locals)})
			s.qpos = append(s.qpos, Pos{m.Doc, int64(q.I)})
			s.qtarget = append(s.qtarget, m.target(q))
		}
		one.locals = append(one.locals, lc)
		d.nLocals++
		d.nQuotes = len(one.quotes) - d.quotes
	}
	s.linking = &linking{Linker: one, of: make([]int, len(ms)), rule: make([]string, len(ms)), quoteTo: map[int]int{}}
	for i, m := range ms {
		s.of[i] = -1
		s.rule[i] = m.Rule
		if m.Cluster != "" {
			s.of[i] = s.cluster(m.Cluster, i)
		}
	}
	for i, m := range ms {
		for _, n := range m.Notes {
			nt := note{local: i, reason: n.Reason}
			for _, c := range n.Cands {
				if ci, ok := s.at[c]; ok {
					nt.cands = append(nt.cands, ci)
				}
			}
			s.notes = append(s.notes, nt)
		}
	}
	return s
}

// cluster returns the index of the cluster id, made if need be with
// first as its first local (len(locals) for one with no local yet: a
// split rule's target).
func (s *sub) cluster(id string, first int) int {
	if c, ok := s.at[id]; ok {
		return c
	}
	c := s.newCluster(s.clusterKind(id), first)
	s.at[id] = c
	s.ids[c] = id
	if e, ok := strings.CutPrefix(id, "e|"); ok {
		s.clusters[c].entry, _ = strconv.Atoi(e)
	}
	if k, ok := strings.CutPrefix(id, "x|"); ok {
		s.clusters[c].name = s.splitName(k)
	}
	return c
}

// id returns the id of cluster c: the one it came with, or for a cluster
// made on the sub, key and the place of its first mention, which no other
// group can make.
func (s *sub) id(key string, c int) string {
	if id, ok := s.ids[c]; ok {
		return id
	}
	return key + "@" + s.ms[s.clusters[c].first].pos().String()
}

// save writes the sub's links back into its mentions.
func (s *sub) save(key string) {
	byLocal := map[int][]note{}
	for _, nt := range s.notes {
		byLocal[nt.local] = append(byLocal[nt.local], nt)
	}
	for i, m := range s.ms {
		if c := s.of[i]; c >= 0 {
			m.Cluster = s.id(key, c)
		}
		m.Rule = s.rule[i]
		m.Own = s.own[i]
		for _, nt := range byLocal[i] {
			n := Note{Reason: nt.reason}
			for _, c := range nt.cands {
				n.Cands = append(n.Cands, s.id(key, c))
			}
			m.Notes = append(m.Notes, n)
		}
	}
}

// mentionsOf returns the mentions of items.
func mentionsOf(items []Item) []*Mention {
	var out []*Mention
	for _, it := range items {
		if it.M != nil {
			out = append(out, it.M)
		}
	}
	return out
}

// Run runs stages over items in memory: the driver a single process uses.
func Run(stages []Stage, items []Item) ([]Item, error) {
	for _, st := range stages {
		groups := st.Groups(items)
		items = make([]Item, 0, len(items))
		for _, g := range groups {
			out, err := st.RunGroup(g)
			if err != nil {
				return nil, err
			}
			items = append(items, out...)
		}
	}
	return items, nil
}

// Group is one group of a stage, as Groups gathers it in memory: Items
// are what its Run gets (a combined mention standing for the mentions of
// its form, occ).
type Group struct {
	Key   string
	Items []Item
	occ   map[string][]*Mention
	form  map[Pos]string // a combined mention's place → its form
	// counts are the co-quoted counts of the group, summed by form.
	counts map[string]*CoCount
}

// Groups gathers items into the groups of stage st, in key order.
func (st *Stage) Groups(items []Item) []*Group {
	groups := map[string]*Group{}
	for _, it := range items {
		for _, k := range st.Keys(it) {
			g := groups[k]
			if g == nil {
				g = &Group{Key: k}
				groups[k] = g
			}
			if f := st.Form(k, it); f != "" && it.C != nil {
				if g.counts == nil {
					g.counts = map[string]*CoCount{}
				}
				if c, ok := g.counts[f]; ok {
					g.counts[f] = CombinedCounts(c, it.C)
				} else {
					g.counts[f] = it.C
				}
				continue
			} else if f != "" {
				if g.occ == nil {
					g.occ = map[string][]*Mention{}
				}
				g.occ[f] = append(g.occ[f], it.M)
				continue
			}
			g.Items = append(g.Items, it)
		}
	}
	out := make([]*Group, 0, len(groups))
	for _, k := range slices.Sorted(mapKeys(groups)) {
		g := groups[k]
		g.form = map[Pos]string{}
		for _, f := range slices.Sorted(mapKeys(g.counts)) {
			g.Items = append(g.Items, Item{C: g.counts[f]})
		}
		for _, f := range slices.Sorted(mapKeys(g.occ)) {
			rep := Combined(g.occ[f])
			g.form[rep.pos()] = f
			g.Items = append(g.Items, Item{M: rep})
		}
		out = append(out, g)
	}
	return out
}

// RunGroup runs stage st on group g, and gives each mention a combined
// one stood for what the group decided for it.
func (st *Stage) RunGroup(g *Group) ([]Item, error) {
	out, err := st.Run(g.Key, g.Items)
	if err != nil {
		return nil, fmt.Errorf("speakers: stage %s, group %q: %w", st.Name, g.Key, err)
	}
	if len(g.occ) == 0 {
		return out, nil
	}
	spread := make([]Item, 0, len(out))
	for _, it := range out {
		if f, ok := g.form[posOf(it)]; ok && it.M != nil {
			for _, o := range g.occ[f] {
				spread = append(spread, Item{M: st.Apply(g.Key, it.M, o)})
			}
			continue
		}
		spread = append(spread, it)
	}
	return spread, nil
}

func posOf(it Item) Pos {
	if it.M == nil {
		return Pos{-1, -1}
	}
	return it.M.pos()
}

// Form is the form item has for a combining stage's group key, "" when it
// is not combined (no mention, or a group passing items on).
func (st *Stage) Form(key string, it Item) string {
	if st.Combine && it.C != nil && !isPass(key) {
		return "co|" + it.C.Co
	}
	if !st.Combine || it.M == nil || isPass(key) {
		return ""
	}
	return FormOf(it.M, st.FormQuotes)
}

// Apply gives occ what the stage's group key decided for out, the
// mention standing for it.
func (st *Stage) Apply(key string, out, occ *Mention) *Mention {
	if st.Spread != nil {
		return st.Spread(key, out, occ)
	}
	return Spread(key, out, occ)
}

// FormOf is what a combining stage reads of a mention: all but its place
// (document, index) and its quotes, or with quotes, where they go.
func FormOf(m *Mention, quotes bool) string {
	c := *m
	c.Doc, c.DocID, c.Local, c.Quotes, c.W = 0, "", 0, nil, 0
	if quotes {
		for _, q := range m.Quotes {
			c.Quotes = append(c.Quotes, MentionQuote{To: q.To, Split: q.Split})
		}
	}
	b, err := json.Marshal(&c)
	if err != nil {
		// A Mention is plain data: Marshal cannot fail on it.
		return "!" + m.pos().String()
	}
	return string(b)
}

// Combined is the one mention ms (of one form) reach a combining stage's
// group as: the first in corpus order, standing for all of them.
func Combined(ms []*Mention) *Mention {
	first, w := ms[0], 0
	for _, m := range ms {
		w += m.weight()
		if comparePos(m.pos(), first.pos()) < 0 {
			first = m
		}
	}
	c := clone(first)
	c.W = w
	return c
}

// CombinedCounts sums two counts of one pair of clusters.
func CombinedCounts(a, b *CoCount) *CoCount {
	return &CoCount{Cluster: a.Cluster, Co: a.Co, N: max(1, a.N) + max(1, b.N)}
}

// Spread gives occurrence occ what a combining stage's group key decided
// for the mention standing for it (out): out with occ's place and quotes,
// and, when out founded a cluster of its own, one at occ's place.
func Spread(key string, out, occ *Mention) *Mention {
	c := clone(out)
	c.Doc, c.DocID, c.Local, c.Quotes, c.W = occ.Doc, occ.DocID, occ.Local, slices.Clone(occ.Quotes), 0
	if c.Own {
		c.Cluster = key + "@" + c.pos().String()
		c.Own = false
	}
	return c
}

// clone copies a mention so that a group never changes another's.
func clone(m *Mention) *Mention {
	c := *m
	c.Quotes = slices.Clone(m.Quotes)
	c.Notes = slices.Clone(m.Notes)
	return &c
}

func isPass(key string) bool { return strings.HasPrefix(key, pass) }
