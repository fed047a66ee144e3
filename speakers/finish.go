package speakers

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/verbatim-news/verbatim/internal/slug"
)

// nameScore ranks the names of a cluster for the canonical one: a full
// form first (given name and surname; for an organisation, not an
// acronym), then the one most articles use, then most quotes, then the
// earliest.
type nameScore struct {
	name   string
	full   bool
	docs   int
	quotes int
	first  int
}

func (lk *linking) isFull(loc int) bool {
	lc := lk.locals[loc]
	switch lc.kind {
	case kindPerson:
		return lc.pn.full()
	case kindOrg:
		_, acr := acronymOf(lc.name)
		return !acr
	}
	return true
}

// pickName returns the most frequent full form among the locals (which
// are in corpus order), each weighted by the quotes it brings.
func (lk *linking) pickName(locals []int, quotes func(loc int) int) string {
	var scores []nameScore
	at := map[string]int{}
	for _, loc := range locals {
		n := lk.locals[loc].name
		i, ok := at[n]
		if !ok {
			i = len(scores)
			at[n] = i
			scores = append(scores, nameScore{name: n, full: lk.isFull(loc), first: loc})
		}
		scores[i].docs += max(1, lk.locals[loc].w)
		scores[i].quotes += quotes(loc)
	}
	if len(scores) == 0 {
		return ""
	}
	best := slices.MinFunc(scores, func(a, b nameScore) int {
		if a.full != b.full {
			if a.full {
				return -1
			}
			return 1
		}
		// Between spellings as frequent, the one keeping its accents
		// (Jérôme over a wire's Jerome).
		return cmp.Or(b.docs-a.docs, marks(b.name)-marks(a.name), b.quotes-a.quotes, a.first-b.first)
	})
	return best.name
}

// marks counts the letters outside ASCII: accents, other scripts.
func marks(s string) int {
	n := 0
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// clusterInfo gathers one cluster's quotes and the locals they come from.
type clusterInfo struct {
	quotes     int
	firstQuote int // the quote first in corpus order
	docs       int
	locals     []int       // contributing, in corpus order
	perLocal   map[int]int // quotes each brings
	speaker    int         // index in Result.Speakers
}

// infos gathers every cluster's quotes: the quotes a split rule moved go
// to their target. A cluster without quotes has none (nil).
func (s *sub) infos() []*clusterInfo {
	for q, t := range s.qtarget {
		if t == "" {
			continue
		}
		loc := s.quotes[q].local
		if c := s.cluster(t, len(s.locals)); c != s.of[loc] {
			s.quoteTo[q] = c
		}
	}
	infos := make([]*clusterInfo, len(s.clusters))
	for q, ref := range s.quotes {
		c := s.of[ref.local]
		if to, ok := s.quoteTo[q]; ok {
			c = to
		}
		if c < 0 {
			continue
		}
		in := infos[c]
		if in == nil {
			in = &clusterInfo{firstQuote: q, perLocal: map[int]int{}}
			infos[c] = in
		}
		if comparePos(s.qpos[q], s.qpos[in.firstQuote]) < 0 {
			in.firstQuote = q
		}
		w := max(1, s.locals[ref.local].w)
		in.quotes += w
		if in.perLocal[ref.local] == 0 {
			in.locals = append(in.locals, ref.local)
		}
		in.perLocal[ref.local] += w
	}
	// An article counts once for a speaker, at the mention leading it there
	// (StageLeads).
	for _, lc := range s.locals {
		for _, t := range lc.leads {
			if c, ok := s.at[t]; ok && infos[c] != nil {
				infos[c].docs += max(1, lc.w)
			}
		}
	}
	for _, in := range infos {
		if in != nil {
			slices.Sort(in.locals)
		}
	}
	return infos
}

// describe gives cluster c its speaker, all but the id: its name, aliases,
// counts, gender and roles, and the id to number (Base) or speakers.yaml's
// (Explicit).
func (s *sub) describe(c int, in *clusterInfo) Named {
	cl := s.clusters[c]
	sp := Speaker{Quotes: in.quotes, Docs: in.docs, Org: cl.kind == kindOrg, Unnamed: cl.kind == kindUnnamed}
	var entry *Entry
	if cl.entry >= 0 {
		entry = &s.cfg.Entries[cl.entry]
	}
	switch {
	case entry != nil:
		sp.Name, sp.Description, sp.QID = entry.Name, entry.Description, entry.QID
	case cl.name != "":
		sp.Name = cl.name
	default:
		sp.Name = tidy(s.pickName(s.naming(c, in), func(loc int) int { return in.perLocal[loc] }))
	}
	sp.Aliases = s.aliases(sp.Name, s.naming(c, in), entry)
	sp.Gender, sp.Roles = s.genderRoles(in)
	if sp.Org {
		sp.Gender = ""
	}
	n := Named{Speaker: sp, First: s.qpos[in.firstQuote]}
	switch {
	case entry != nil && entry.ID != "":
		n.Explicit = entry.ID
	case sp.Unnamed:
		// A description is one article's: its id carries the article.
		first := s.locals[in.locals[0]]
		n.Base = baseID(sp.Name) + "-" + shortHash(s.docs[first.doc].id)
	default:
		n.Base = baseID(sp.Name)
	}
	return n
}

// Link links every document added so far: the keyed stages (Stages) run
// in memory up to speakers.yaml, then every speaker is described and
// numbered by the functions the stages StageDescribe and StageNumber run.
func (l *Linker) Link() *Result {
	lk := &linking{Linker: l}
	lk.classify()
	var items []Item
	for di := range l.docs {
		for _, m := range lk.mentions(di, int64(di)) {
			items = append(items, Item{M: &m})
		}
	}
	// The stages fail only on input they cannot decode, which memory
	// never gives.
	items, _ = Run(l.Stages()[:linkStages], items)
	ms := mentionsOf(items)
	s := l.sub(ms)
	infos := s.infos()
	var alive []int
	for c, in := range infos {
		if in != nil {
			alive = append(alive, c)
		}
	}
	slices.SortFunc(alive, func(a, b int) int { return comparePos(s.qpos[infos[a].firstQuote], s.qpos[infos[b].firstQuote]) })
	named := make([]*Named, len(alive))
	roots := map[string][]*Named{}
	for i, c := range alive {
		n := s.describe(c, infos[c])
		named[i] = &n
		r := idRoot(cmp.Or(n.Explicit, n.Base))
		roots[r] = append(roots[r], &n)
	}
	for _, ns := range roots {
		l.number(ns)
	}
	speakers := make([]Speaker, len(alive))
	for i, c := range alive {
		speakers[i] = named[i].Speaker
		infos[c].speaker = i
	}
	notesOf := map[int][]note{} // by the cluster the note's local ended in
	for _, nt := range s.notes {
		if c := s.of[nt.local]; c >= 0 {
			notesOf[c] = append(notesOf[c], nt)
		}
	}
	for _, c := range alive {
		s.merges(speakers, &speakers[infos[c].speaker], c, infos, notesOf[c])
	}
	res := &Result{docs: l.docs, quoteSpeaker: make([]string, len(l.quotes)), quoteIDs: make([]string, len(l.quotes)),
		byQuote: make(map[string]int, len(l.quotes)), Warnings: l.configWarnings(ms), entries: l.cfg.Entries}
	for q, ref := range s.quotes {
		c := s.of[ref.local]
		if to, ok := s.quoteTo[q]; ok {
			c = to
		}
		if c >= 0 && infos[c] != nil {
			p := s.qpos[q]
			res.quoteSpeaker[l.docs[p[0]].quotes+int(p[1])] = speakers[infos[c].speaker].ID
		}
	}
	for q, ref := range l.quotes {
		res.quoteIDs[q] = ref.id
		if _, dup := res.byQuote[ref.id]; !dup {
			res.byQuote[ref.id] = q
		}
	}
	res.Speakers = speakers
	res.sort()
	return res
}

// sort puts the most quoted speakers first (then by id) and rebuilds the
// lookups.
func (r *Result) sort() {
	slices.SortStableFunc(r.Speakers, func(a, b Speaker) int {
		return cmp.Or(b.Quotes-a.Quotes, strings.Compare(a.ID, b.ID))
	})
	r.index()
}

// index fills the lookups by id and by name: canonical names first, then
// aliases, so a name that is one speaker's and another's alias means the
// first.
func (r *Result) index() {
	r.byID = make(map[string]int, len(r.Speakers))
	r.byName = make(map[string]int, len(r.Speakers))
	for i, s := range r.Speakers {
		r.byID[s.ID] = i
		if _, ok := r.byName[fold(s.Name)]; !ok && !s.Unnamed {
			r.byName[fold(s.Name)] = i
		}
	}
	for i, s := range r.Speakers {
		if s.Unnamed {
			continue
		}
		for _, a := range s.Aliases {
			if _, ok := r.byName[fold(a)]; !ok {
				r.byName[fold(a)] = i
			}
		}
	}
}

// naming returns the locals whose names name cluster c: those linked to
// it, not the ones a split rule took single quotes from (a quote moved
// from Boris to Dustin does not make "Boris" a name of Dustin's).
func (lk *linking) naming(c int, in *clusterInfo) []int {
	var out []int
	for _, loc := range in.locals {
		if lk.of[loc] == c {
			out = append(out, loc)
		}
	}
	if len(out) == 0 {
		return in.locals
	}
	return out
}

// aliases lists the other ways articles write the speaker, most used
// first, then the ones speakers.yaml adds.
func (lk *linking) aliases(canonical string, locals []int, entry *Entry) []string {
	count := map[string]int{}
	var order []string
	add := func(s string, n int) {
		s = tidy(s)
		if s == "" || s == canonical {
			return
		}
		if _, ok := count[s]; !ok {
			order = append(order, s)
		}
		count[s] += n
	}
	for _, loc := range locals {
		lc := lk.locals[loc]
		if lc.kind == kindUnnamed {
			continue
		}
		w := max(1, lc.w)
		add(lc.name, w)
		for _, a := range lc.aliases {
			if !unnamed(a) {
				add(a, w)
			}
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	if entry != nil {
		for _, a := range entry.Aliases {
			if a != canonical && !slices.Contains(order, a) {
				order = append(order, a)
			}
		}
	}
	return order
}

func (lk *linking) genderRoles(in *clusterInfo) (string, []string) {
	var m, f int
	roles := map[string]int{}
	for _, loc := range in.locals {
		lc := lk.locals[loc]
		w := max(1, lc.w)
		switch lc.gender {
		case 'm':
			m += w
		case 'f':
			f += w
		}
		for _, r := range lc.roles {
			roles[r] += w
		}
	}
	g := ""
	switch {
	case m > 2*f:
		g = "m"
	case f > 2*m:
		g = "f"
	}
	var rs []string
	for r := range roles {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b string) int { return cmp.Or(roles[b]-roles[a], strings.Compare(a, b)) })
	if len(rs) > 8 {
		rs = rs[:8]
	}
	return g, rs
}

// merges lists the names linked into speaker sp (cluster c) and the links
// considered but not made for the articles left with it.
func (lk *linking) merges(speakers []Speaker, sp *Speaker, c int, infos []*clusterInfo, notes []note) {
	in := infos[c]
	canonKey := ""
	for _, loc := range in.locals {
		if lc := lk.locals[loc]; tidy(lc.name) == sp.Name && lc.kind == kindPerson {
			canonKey = lc.pn.key()
		}
	}
	type key struct{ from, rule string }
	docs := map[key]int{}
	var order []key
	for _, loc := range in.locals {
		lc := lk.locals[loc]
		if tidy(lc.name) == sp.Name || lc.kind == kindUnnamed {
			continue
		}
		rule := lk.rule[loc]
		if lk.of[loc] != c {
			rule = RuleConfig // a split rule moved some of its quotes here
		}
		switch {
		case rule == RuleConfig:
		case lc.kind == kindPerson && canonKey != "" && lc.pn.key() == canonKey:
			rule = RuleVariant
		case rule != "":
		case lk.clusters[c].entry >= 0 || lk.clusters[c].name != "":
			rule = RuleConfig
		case lc.kind == kindOrg:
			rule = RuleOrgName
		case lc.kind == kindPerson && !lc.pn.full():
			rule = RuleSurname
		default:
			rule = RuleGiven
		}
		k := key{lc.name, rule}
		if _, ok := docs[k]; !ok {
			order = append(order, k)
		}
		docs[k]++
	}
	for _, k := range order {
		sp.Merges = append(sp.Merges, Merge{From: k.from, Into: sp.Name, IntoID: sp.ID, Rule: k.rule, Docs: docs[k], Made: true})
	}
	type skey struct {
		from   string
		into   int
		reason string
	}
	sdocs := map[skey]int{}
	var sorder []skey
	for _, nt := range notes {
		if in.perLocal[nt.local] == 0 {
			continue
		}
		var cands []int
		for _, cc := range nt.cands {
			if cc != c && infos[cc] != nil {
				cands = append(cands, infos[cc].speaker)
			}
		}
		for _, s := range cands {
			k := skey{lk.locals[nt.local].name, s, why(nt.reason)}
			if _, ok := sdocs[k]; !ok {
				sorder = append(sorder, k)
			}
			sdocs[k]++
		}
	}
	for _, k := range sorder {
		into := speakers[k.into]
		sp.Merges = append(sp.Merges, Merge{From: k.from, Into: into.Name, IntoID: into.ID, Rule: "suggested",
			Docs: sdocs[k], Reason: k.reason})
	}
}

// why explains a link not made.
func why(reason string) string {
	switch reason {
	case "conflict":
		return "the same article quotes another person with this surname"
	case "gender":
		return "the article gives another gender"
	case "ambiguous acronym":
		return "several organisations spell this acronym out"
	}
	return "ambiguous: more than one person has this name"
}

// tidy joins the lone dots the extractor leaves after initials ("John F .
// Kerry") and trims spaces.
func tidy(name string) string {
	return strings.TrimSpace(strings.ReplaceAll(name, " .", "."))
}

// baseID is the readable id a name gives: its slug, at most 60 bytes.
func baseID(name string) string {
	s := slug.Make(name)
	if len(s) > 60 {
		s = s[:60]
		if i := strings.LastIndexByte(s, '-'); i > 30 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	return s
}

// ids hands out distinct ids: base, or base-2, base-3… the first one not
// taken. It remembers where each base's search stopped, so a thousand
// speakers of one name cost a thousand lookups, not half a million.
type ids struct {
	taken map[string]bool
	next  map[string]int
}

func newIDs() *ids { return &ids{taken: map[string]bool{}, next: map[string]int{}} }

func (a *ids) unique(base string) string {
	id := base
	if a.taken[id] {
		n := max(a.next[base], 2)
		for ; ; n++ {
			if id = base + "-" + strconv.Itoa(n); !a.taken[id] {
				break
			}
		}
		a.next[base] = n + 1
	}
	a.taken[id] = true
	return id
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:3])
}
