package speakers

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The stages, in order (see doc.go). The names are the keys' prefixes'
// meaning: a group of Names is a surname ("p|") or an acronym ("o|"), of
// Slips the given names of clusters ("g|"), of Context a document ("d|"),
// of OrgNames an organisation's folded name ("n|"), of Surnames a surname,
// of Config, Describe and Assign a cluster ("c|"), of Number an id's root
// ("r|").
const (
	StageNames    = "names"
	StageMates    = "mates"
	StageSlipPrep = "slip-prep"
	StageSlips    = "slips"
	StageRemap    = "remap"
	StageContext  = "context"
	StageStats    = "stats"
	StageOrgNames = "org-names"
	StageSurnames = "surnames"
	StageConfig   = "config"
	StageLeads    = "leads"
	StageDescribe = "describe"
	StageNumber   = "number"
	StageAssign   = "assign"
)

// Stages returns the linking as keyed stages. A Linker's Link runs the
// ones up to StageConfig in memory and then describes and numbers the
// speakers itself (with the functions StageDescribe and StageNumber run);
// a pipeline runs them all, a GroupByKey each, and after StageAssign every
// mention carries, in its quotes' To, the speaker id of each quote.
func (l *Linker) Stages() []Stage {
	return []Stage{
		{Name: StageNames, Keys: l.namesKeys, Run: l.runNames, Combine: true},
		{Name: StageMates, Keys: docKeys, Run: l.runMates},
		{Name: StageSlipPrep, Keys: l.slipPrepKeys, Run: l.runSlipPrep, Combine: true},
		{Name: StageSlips, Keys: slipKeys, Run: runSlips},
		{Name: StageRemap, Keys: remapKeys, Run: runRemap, Combine: true},
		{Name: StageContext, Keys: docKeys, Run: l.runContext},
		{Name: StageStats, Keys: statsKeys, Run: l.runStats, Combine: true},
		{Name: StageOrgNames, Keys: orgNameKeys, Run: runOrgNames, Combine: true},
		{Name: StageSurnames, Keys: l.surnameKeys, Run: l.runSurnames, Combine: true},
		{Name: StageConfig, Keys: l.configKeys, Run: l.runConfig},
		{Name: StageLeads, Keys: docKeys, Run: runLeads},
		{Name: StageDescribe, Keys: quoteClusterKeys, Run: l.runDescribe, Combine: true, FormQuotes: true},
		{Name: StageNumber, Keys: numberKeys, Run: l.runNumber},
		{Name: StageAssign, Keys: quoteClusterKeys, Run: runAssign, Combine: true, FormQuotes: true, Spread: spreadAssign},
	}
}

// linkStages is how many stages Link runs in memory before describing.
const linkStages = 11

func (l *Linker) namesKeys(it Item) []string {
	m := it.M
	if m == nil {
		return passKey(it)
	}
	k := l.nameKey(m.Name, m.Kind)
	if k == "" {
		return passKey(it)
	}
	keys := []string{k}
	if m.Kind == kindOrg {
		// An alias makes a node of the organisations' graph, and a node
		// spelling an acronym out weighs on whether the acronym is
		// ambiguous: the mention goes to its aliases' groups too.
		for _, a := range m.Aliases {
			if unnamed(a) {
				continue
			}
			if ak := l.nameKey(a, kindOrg); !slices.Contains(keys, ak) {
				keys = append(keys, ak)
			}
		}
	}
	return keys
}

// runNames links the full names of one surname (linkPersons) or the
// organisations of one acronym (linkOrgs).
func (l *Linker) runNames(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	s := l.sub(mentionsOf(items))
	if strings.HasPrefix(key, "o|") {
		s.linkOrgs()
	} else {
		s.linkPersons()
	}
	s.save(key)
	var out []Item
	for _, m := range s.ms {
		if l.nameKey(m.Name, m.Kind) == key {
			// Read here only: later groups combine without it.
			m.Apart = nil
			out = append(out, Item{M: m})
		}
	}
	return out, nil
}

// slipSurname: a slip may join this surname to another.
func slipSurname(pn personName) bool {
	return utf8.RuneCountInString(pn.surname) >= minSlipSurname && !strings.Contains(pn.surname, " ")
}

// slipMate: m is a person of a cluster whose surname a slip may join
// (every name of a cluster has its surname).
func (l *Linker) slipMate(m *Mention) bool {
	return m.Kind == kindPerson && m.Cluster != "" && slipSurname(l.lx.parsePerson(m.Name))
}

// slipPrepKeys groups by cluster the people a slip may join.
func (l *Linker) slipPrepKeys(it Item) []string {
	if m := it.M; m != nil && l.slipMate(m) {
		return []string{"c|" + m.Cluster}
	}
	return passKey(it)
}

// runMates gives each person of one document whose surname a slip may
// join the others it is quoted beside (Mention.Mates).
func (l *Linker) runMates(_ string, items []Item) ([]Item, error) {
	var mates []string
	for _, it := range items {
		if m := it.M; m != nil && l.slipMate(m) && !slices.Contains(mates, m.Cluster) {
			mates = append(mates, m.Cluster)
		}
	}
	slices.Sort(mates)
	out := make([]Item, len(items))
	for i, it := range items {
		if m := it.M; m != nil && l.slipMate(m) && len(mates) > 1 {
			m = clone(m)
			m.Mates = slices.DeleteFunc(slices.Clone(mates), func(c string) bool { return c == m.Cluster })
			it = Item{M: m}
		}
		out[i] = it
	}
	return out, nil
}

// slipKey is the key of a full name whose surname a slip may join to
// another's, "" for a name that cannot slip.
func slipKey(pn personName) string {
	if !pn.full() || isInitial(pn.given[0]) {
		return ""
	}
	if utf8.RuneCountInString(pn.surname) < minSlipSurname || strings.Contains(pn.surname, " ") {
		return ""
	}
	return "g|" + strings.ReplaceAll(strings.Join(pn.given, " "), "-", "") + "|" + pn.suffix
}

// runSlipPrep gives, for one cluster of people, the names that a slip may
// join to another cluster, with the cluster's articles.
func (l *Linker) runSlipPrep(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	ms := mentionsOf(items)
	slices.SortFunc(ms, func(a, b *Mention) int { return comparePos(a.pos(), b.pos()) })
	var mates []string
	out := make([]Item, len(ms))
	for i, m := range ms {
		for _, c := range m.Mates {
			if !slices.Contains(mates, c) {
				mates = append(mates, c)
			}
		}
		m = clone(m)
		m.Mates = nil
		out[i] = Item{M: m}
	}
	slices.Sort(mates)
	seen := map[[2]string]bool{}
	for _, m := range ms {
		pn := l.lx.parsePerson(m.Name)
		k := slipKey(pn)
		if k == "" || seen[[2]string{k, pn.surname}] {
			continue
		}
		seen[[2]string{k, pn.surname}] = true
		out = append(out, Item{P: &SlipCand{Key: k, Cluster: m.Cluster, Surname: pn.surname, First: m.pos(), Mates: mates}})
	}
	return out, nil
}

func slipKeys(it Item) []string {
	if it.P != nil {
		return []string{it.P.Key}
	}
	return passKey(it)
}

// runSlips joins two people named in full whose given names are the same
// and whose surnames differ by a one-letter slip (Marianne Kowalczyk,
// Marianne Kowalczik), when no article quotes both: an article that does
// is telling two people apart. Boris and Dustin Johnson differ in given
// name and stay two. Pairs are tried in order of the names' first
// mentions.
func runSlips(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	type person struct {
		c       string
		surname string
	}
	var cands []*SlipCand
	for _, it := range items {
		if it.P != nil {
			cands = append(cands, it.P)
		}
	}
	slices.SortFunc(cands, func(a, b *SlipCand) int { return comparePos(a.First, b.First) })
	ps := make([]*person, len(cands))
	// Per cluster (a join's first), the clusters joined into it and those
	// an article quotes beside one of them.
	members := map[string][]string{}
	matesOf := map[string]map[string]bool{}
	for i, c := range cands {
		ps[i] = &person{c: c.Cluster, surname: c.Surname}
		if matesOf[c.Cluster] == nil {
			matesOf[c.Cluster] = map[string]bool{}
			members[c.Cluster] = []string{c.Cluster}
		}
		for _, m := range c.Mates {
			matesOf[c.Cluster][m] = true
		}
	}
	into := map[string]string{}
	for x := 0; x < len(ps); x++ {
		for y := x + 1; y < len(ps); y++ {
			a, b := ps[x], ps[y]
			if a.c == b.c || !slip(a.surname, b.surname) {
				continue
			}
			if slices.ContainsFunc(members[b.c], func(c string) bool { return matesOf[a.c][c] }) {
				continue
			}
			to, from := a.c, b.c
			for m := range matesOf[from] {
				matesOf[to][m] = true
			}
			members[to] = append(members[to], members[from]...)
			delete(matesOf, from)
			delete(members, from)
			into[from] = to
			for _, p := range ps {
				if p.c == from {
					p.c = to
				}
			}
			for f, t := range into {
				if t == from {
					into[f] = to
				}
			}
		}
	}
	var out []Item
	for _, f := range slices.Sorted(mapKeys(into)) {
		out = append(out, Item{R: &Remap{From: f, Into: into[f]}})
	}
	return out, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func remapKeys(it Item) []string {
	switch {
	case it.R != nil:
		return []string{"c|" + it.R.From}
	case it.M != nil && it.M.Cluster != "":
		return []string{"c|" + it.M.Cluster}
	}
	return passKey(it)
}

// runRemap moves a cluster's mentions where a slip joined it.
func runRemap(key string, items []Item) ([]Item, error) {
	into := ""
	for _, it := range items {
		if it.R != nil && (into == "" || it.R.Into < into) {
			into = it.R.Into
		}
	}
	var out []Item
	for _, it := range items {
		if it.M == nil {
			continue
		}
		if into != "" {
			m := clone(it.M)
			m.Cluster = into
			if m.Rule == "" {
				m.Rule = RuleSpelling
			}
			it = Item{M: m}
		}
		out = append(out, it)
	}
	return out, nil
}

func docKeys(it Item) []string {
	if it.M != nil {
		return []string{"d|" + strconv.FormatInt(it.M.Doc, 10)}
	}
	return passKey(it)
}

// runContext gives every mention of one document the others as its
// co-quoted context: their clusters of full names and organisations, and
// a surname alone as itself. The context is fixed here, before any surname
// alone is linked, so that each surname can be linked alone.
func (l *Linker) runContext(_ string, items []Item) ([]Item, error) {
	ms := mentionsOf(items)
	slices.SortFunc(ms, func(a, b *Mention) int { return comparePos(a.pos(), b.pos()) })
	co := make([]CoMention, len(ms))
	has := make([]bool, len(ms))
	for i, m := range ms {
		var pn personName
		if m.Kind == kindPerson {
			pn = l.lx.parsePerson(m.Name)
		}
		switch {
		case m.Cluster != "":
			co[i] = CoMention{Cluster: m.Cluster, Person: m.Kind == kindPerson, Surname: pn.surname, Suffix: pn.suffix}
			has[i] = true
		case m.Kind == kindPerson && !pn.full() && loneContext:
			co[i] = CoMention{Cluster: "lone|" + pn.surnameKey(), Lone: true}
			has[i] = true
		}
	}
	out := make([]Item, len(ms), 2*len(ms))
	lead := map[string]bool{}
	for i, m := range ms {
		m = clone(m)
		m.Lead = m.Cluster != "" && !lead[m.Cluster]
		lead[m.Cluster] = true
		m.Co = nil
		for j := range ms {
			if j != i && has[j] {
				m.Co = append(m.Co, co[j])
			}
		}
		if m.Lead && m.Kind == kindPerson {
			// A person cluster's co-quoted clusters go to its statistics as
			// counts, one per article: they need not ride on the mention.
			var seen []string
			for _, o := range m.Co {
				if !o.Lone && o.Cluster != m.Cluster && !slices.Contains(seen, o.Cluster) {
					seen = append(seen, o.Cluster)
					out = append(out, Item{C: &CoCount{Cluster: m.Cluster, Co: o.Cluster, N: 1}})
				}
			}
		}
		if m.Cluster != "" {
			// Only a surname alone reads its context further on.
			m.Co = nil
		}
		out[i] = Item{M: m}
	}
	return out, nil
}

// loneContext: a surname alone counts in its article's co-quoted context
// as itself, so that two articles quoting "Berthe" beside "Julien", no one
// named in full, link both.
const loneContext = true

func statsKeys(it Item) []string {
	if it.C != nil {
		return []string{"c|" + it.C.Cluster}
	}
	if m := it.M; m != nil && m.Cluster != "" && (m.Kind == kindPerson || m.Kind == kindOrg) {
		return []string{"c|" + m.Cluster}
	}
	return passKey(it)
}

// runStats sums up one cluster: for people, what a surname alone weighs
// its candidates by (articles, gender, roles, co-quoted clusters); for
// organisations, the folded names a single name may match.
func (l *Linker) runStats(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	ms := mentionsOf(items)
	slices.SortFunc(ms, func(a, b *Mention) int { return comparePos(a.pos(), b.pos()) })
	out := make([]Item, len(ms))
	for i, m := range ms {
		// A cluster's co-quoted context is read here only (a surname
		// alone's, in StageSurnames): later groups combine without it.
		m = clone(m)
		m.Co, m.Lead = nil, false
		out[i] = Item{M: m}
	}
	if ms[0].Kind == kindOrg {
		seen := map[string]bool{}
		for _, m := range ms {
			if k := orgKey(m.Name); k != "" && !seen[k] && m.Kind == kindOrg {
				seen[k] = true
				out = append(out, Item{O: &OrgName{Key: "n|" + k, Cluster: m.Cluster, First: m.pos()}})
			}
		}
		return out, nil
	}
	st := &ClusterStats{Cluster: ms[0].Cluster, Co: map[string]int{}}
	roles := map[string]bool{}
	var votes [2]int
	var keys []string
	for _, m := range ms {
		pn := l.lx.parsePerson(m.Name)
		if k := "p|" + pn.surnameKey(); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
		// A combined mention stands for W articles' when it leads its
		// cluster in its article (the first there).
		if m.Lead {
			st.Docs += m.weight()
		}
		for _, r := range m.Roles {
			roles[r] = true
		}
		g := genderOf(m.Gender)
		if g == 0 && pn.full() {
			g = l.lx.gender(pn.given[0])
		}
		switch g {
		case 'm':
			votes[0] += m.weight()
		case 'f':
			votes[1] += m.weight()
		}

	}
	for _, it := range items {
		if c := it.C; c != nil && c.Co != st.Cluster {
			st.Co[c.Co] += max(1, c.N)
		}
	}
	switch {
	case votes[0] > 2*votes[1]:
		st.Gender = "m"
	case votes[1] > 2*votes[0]:
		st.Gender = "f"
	}
	st.Roles = slices.Sorted(mapKeys(roles))
	for _, k := range keys {
		s := *st
		s.Key = k
		out = append(out, Item{S: &s})
	}
	return out, nil
}

func orgNameKeys(it Item) []string {
	switch {
	case it.O != nil:
		return []string{it.O.Key}
	case it.M != nil && it.M.Kind == kindPerson && it.M.Cluster == "":
		if k := orgKey(it.M.Name); k != "" {
			return []string{"n|" + k}
		}
	}
	return passKey(it)
}

// runOrgNames gives the single names of one folded name the organisation
// first named so, if any.
func runOrgNames(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	var first *OrgName
	for _, it := range items {
		if o := it.O; o != nil && (first == nil || comparePos(o.First, first.First) < 0) {
			first = o
		}
	}
	var out []Item
	for _, it := range items {
		if it.M == nil {
			continue
		}
		if first != nil {
			m := clone(it.M)
			m.OrgOf = first.Cluster
			it = Item{M: m}
		}
		out = append(out, it)
	}
	return out, nil
}

func (l *Linker) surnameKeys(it Item) []string {
	switch {
	case it.S != nil:
		return []string{it.S.Key}
	case it.M != nil && it.M.Kind == kindPerson:
		return []string{"p|" + l.lx.parsePerson(it.M.Name).surnameKey()}
	}
	return passKey(it)
}

// runSurnames links the surnames alone of one surname (linkSurnames), and
// gives each described speaker a cluster of its own (linkUnnamed).
func (l *Linker) runSurnames(key string, items []Item) ([]Item, error) {
	var ms []*Mention
	stats := map[string]*ClusterStats{}
	for _, it := range items {
		switch {
		case it.M != nil:
			m := it.M
			if m.Kind == kindUnnamed && m.Cluster == "" {
				m = clone(m)
				m.Cluster = "u@" + m.pos().String()
			}
			ms = append(ms, m)
		case it.S != nil:
			stats[it.S.Cluster] = it.S
		}
	}
	if !isPass(key) {
		s := l.sub(ms)
		s.linkSurnames(key, stats)
		s.save(key)
		ms = s.ms
	}
	out := make([]Item, len(ms))
	for i, m := range ms {
		// The co-quoted context is read no further: later groups combine
		// without it.
		m = clone(m)
		m.Co = nil
		out[i] = Item{M: m}
	}
	return out, nil
}

// clusterKind is the kind of the speaker a cluster id names.
func (l *Linker) clusterKind(id string) kind {
	switch {
	case strings.HasPrefix(id, "o|"):
		return kindOrg
	case strings.HasPrefix(id, "u@"):
		return kindUnnamed
	case strings.HasPrefix(id, "e|"):
		if ei, err := strconv.Atoi(id[2:]); err == nil && ei < len(l.cfg.Entries) && l.cfg.Entries[ei].Org {
			return kindOrg
		}
	}
	return kindPerson
}

func numberKeys(it Item) []string {
	if it.N != nil {
		return []string{"r|" + idRoot(cmp.Or(it.N.Explicit, it.N.Base))}
	}
	return passKey(it)
}

// idRoot is what an id is numbered under: the id less every trailing
// "-digits", so that jean-dupont, jean-dupont-2 and a speaker whose own
// slug is jean-dupont-2 meet in one group.
func idRoot(id string) string {
	for {
		i := strings.LastIndexByte(id, '-')
		if i < 0 || i == len(id)-1 || strings.Trim(id[i+1:], "0123456789") != "" {
			return id
		}
		id = id[:i]
	}
}

// runNumber gives the speakers of one id root their ids.
func (l *Linker) runNumber(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	var ns []*Named
	for _, it := range items {
		if it.N != nil {
			n := *it.N
			ns = append(ns, &n)
		}
	}
	l.number(ns)
	out := make([]Item, len(ns))
	for i, n := range ns {
		out[i] = Item{N: n}
	}
	return out, nil
}

// number gives ids to speakers whose ids share one root (or to every
// speaker: the roots never meet), in order of their first quote: the
// first keeps the bare slug, the next get "-2", "-3"; an id of
// speakers.yaml or reserved is never handed out.
func (l *Linker) number(ns []*Named) {
	slices.SortStableFunc(ns, func(a, b *Named) int { return comparePos(a.First, b.First) })
	taken := newIDs()
	for _, id := range l.opts.Reserved {
		taken.taken[id] = true
	}
	for _, e := range l.cfg.Entries {
		if e.ID != "" {
			taken.taken[e.ID] = true
		}
	}
	for _, n := range ns {
		if n.Explicit != "" {
			n.Speaker.ID = n.Explicit
		} else {
			n.Speaker.ID = taken.unique(n.Base)
		}
	}
}

// quoteClusterKeys sends a mention to its cluster and to every cluster a
// split rule moved one of its quotes to; a speaker to its cluster.
func quoteClusterKeys(it Item) []string {
	switch {
	case it.N != nil:
		return []string{"c|" + it.N.Cluster}
	case it.M != nil && it.M.Cluster != "":
		keys := []string{"c|" + it.M.Cluster}
		for _, q := range it.M.Quotes {
			if q.To != "" && !slices.Contains(keys, "c|"+q.To) {
				keys = append(keys, "c|"+q.To)
			}
		}
		return keys
	}
	return nil // a mention of no speaker (not_a_person): its quotes get none
}

// target is the cluster quote q of m goes to.
func (m *Mention) target(q MentionQuote) string { return cmp.Or(q.To, m.Cluster) }

// runDescribe describes the speaker of one cluster: its name, aliases,
// counts and the id to number.
func (l *Linker) runDescribe(key string, items []Item) ([]Item, error) {
	c := strings.TrimPrefix(key, "c|")
	ms := mentionsOf(items)
	var out []Item
	for _, m := range ms {
		if m.Cluster == c {
			out = append(out, Item{M: m})
		}
	}
	if n, ok := l.describeCluster(c, ms); ok {
		out = append(out, Item{N: n})
	}
	return out, nil
}

// describeCluster describes cluster c from every mention with a quote it
// has; false when it has no quote.
func (l *Linker) describeCluster(c string, ms []*Mention) (*Named, bool) {
	s := l.sub(ms)
	ci := s.cluster(c, len(s.locals))
	infos := s.infos()
	if infos[ci] == nil {
		return nil, false
	}
	n := s.describe(ci, infos[ci])
	n.Cluster = c
	return &n, true
}

// runLeads marks, in each document, the first mention giving a quote to
// each speaker: the one that counts the article for that speaker, so that
// a group of one speaker's mentions of one form can count articles.
func runLeads(_ string, items []Item) ([]Item, error) {
	var out []Item
	var ms []*Mention
	for _, it := range items {
		if it.M == nil {
			out = append(out, it)
			continue
		}
		ms = append(ms, it.M)
	}
	slices.SortFunc(ms, func(a, b *Mention) int { return comparePos(a.pos(), b.pos()) })
	seen := map[string]bool{}
	for _, m := range ms {
		m = clone(m)
		m.Leads = nil
		for _, q := range m.Quotes {
			if t := m.target(q); t != "" && !seen[t] {
				seen[t] = true
				m.Leads = append(m.Leads, t)
			}
		}
		out = append(out, Item{M: m})
	}
	return out, nil
}

// spreadAssign gives occurrence occ of a mention of cluster key the
// speaker id its group gave (out's quotes all carry it).
func spreadAssign(key string, out, occ *Mention) *Mention {
	c := strings.TrimPrefix(key, "c|")
	a := &Mention{Doc: occ.Doc, DocID: occ.DocID, Local: occ.Local}
	for _, q := range occ.Quotes {
		if occ.target(q) == c {
			a.Quotes = append(a.Quotes, MentionQuote{I: q.I, ID: q.ID, To: out.Quotes[0].To})
		}
	}
	return a
}

// runAssign gives every quote of one cluster its speaker's id, in To.
func runAssign(key string, items []Item) ([]Item, error) {
	c := strings.TrimPrefix(key, "c|")
	id := ""
	for _, it := range items {
		if it.N != nil {
			id = it.N.Speaker.ID
		}
	}
	var out []Item
	for _, it := range items {
		m := it.M
		if m == nil {
			continue
		}
		a := &Mention{Doc: m.Doc, DocID: m.DocID, Local: m.Local}
		for _, q := range m.Quotes {
			if m.target(q) == c {
				a.Quotes = append(a.Quotes, MentionQuote{I: q.I, ID: q.ID, To: id})
			}
		}
		if len(a.Quotes) > 0 {
			out = append(out, Item{M: a})
		}
	}
	return out, nil
}
