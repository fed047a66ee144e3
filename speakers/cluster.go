package speakers

import (
	"slices"
	"unicode/utf8"
)

// linking is the state of one Link call.
type linking struct {
	*Linker
	of       []int    // local → cluster, -1 none
	rule     []string // local → the rule that put it in its cluster ("" for a founder)
	clusters []*cluster
	notes    []note
	// quoteTo overrides the cluster of single quotes (split by quote id).
	quoteTo map[int]int
}

type cluster struct {
	kind  kind
	entry int    // index in cfg.Entries, -1 for none
	name  string // a name imposed by speakers.yaml (split target)
	first int    // first local, for a stable order
}

// note is a link considered and not made: the local could belong to one of
// cands.
type note struct {
	local  int
	cands  []int
	reason string // why not: "ambiguous", "conflict", "gender"
}

func (lk *linking) newCluster(k kind, first int) int {
	lk.clusters = append(lk.clusters, &cluster{kind: k, entry: -1, first: first})
	return len(lk.clusters) - 1
}

// classify sorts every local into person, organisation, description or
// dropped, and cuts person names into parts.
func (lk *linking) classify() {
	dropped, orgs := map[string]bool{}, map[string]bool{}
	for _, e := range lk.cfg.Entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if e.NotAPerson {
				dropped[fold(n)] = true
			}
			if e.Org {
				orgs[fold(n)] = true
			}
		}
	}
	for i := range lk.locals {
		lc := &lk.locals[i]
		f := fold(lc.name)
		switch {
		case dropped[f]:
			lc.kind = kindDropped
		case lc.described || unnamed(lc.name):
			lc.kind = kindUnnamed
		case lc.org || orgs[f]:
			lc.kind = kindOrg
		default:
			lc.kind = kindPerson
			lc.pn = lk.lx.parsePerson(lc.name)
			if lc.pn.surname == "" {
				lc.kind = kindUnnamed
			}
		}
	}
}

// unionFind is a disjoint-set forest; the smaller index is always the root,
// so roots are the earliest members and results do not depend on the
// order unions are made in.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	u[b] = a
}

// linkOrgs links organisations: the same name up to case, accents,
// punctuation and a leading article, or an acronym that the same article
// pairs with the name or that only one organisation of the corpus spells
// out.
func (lk *linking) linkOrgs() {
	type node struct {
		key   string
		acr   string // the acronym a long name spells, or the acronym itself
		isAcr bool
		rule  string
	}
	var nodes []node
	byKey := map[string]int{}
	nodeOf := func(name string) int {
		k := orgKey(name)
		if k == "" {
			k = fold(name)
		}
		if n, ok := byKey[k]; ok {
			return n
		}
		acr, isAcr := acronymOf(name)
		nodes = append(nodes, node{key: k, acr: acr, isAcr: isAcr})
		byKey[k] = len(nodes) - 1
		return len(nodes) - 1
	}
	localNode := map[int]int{}
	var nodeLocals [][]int // node → the locals named so, in corpus order
	type pair struct{ a, b int }
	var pairs []pair
	for i, lc := range lk.locals {
		if lc.kind != kindOrg {
			continue
		}
		n := nodeOf(lc.name)
		localNode[i] = n
		for len(nodeLocals) < len(nodes) {
			nodeLocals = append(nodeLocals, nil)
		}
		nodeLocals[n] = append(nodeLocals[n], i)
		for _, a := range lc.aliases {
			if unnamed(a) {
				continue
			}
			if an := nodeOf(a); an != n {
				pairs = append(pairs, pair{n, an})
			}
		}
	}
	uf := newUnionFind(len(nodes))
	for _, p := range pairs {
		// An article writing an organisation two ways joins them only when
		// one is the other's acronym: organisations merge on name or
		// acronym, never on the extractor's say-so alone.
		a, b := nodes[p.a], nodes[p.b]
		if !(a.isAcr && b.acr == a.key || b.isAcr && a.acr == b.key) {
			continue
		}
		if uf.find(p.a) != uf.find(p.b) {
			uf.union(p.a, p.b)
			if nodes[p.b].rule == "" {
				nodes[p.b].rule = RuleArticle
			}
		}
	}
	// An acronym joins the one organisation whose name it abbreviates.
	var ambiguous []int // acronyms several organisations spell out
	spelled := map[string][]int{}
	for i, n := range nodes {
		if !n.isAcr && n.acr != "" {
			spelled[n.acr] = append(spelled[n.acr], i)
		}
	}
	for i, n := range nodes {
		if !n.isAcr {
			continue
		}
		var roots []int
		for _, m := range spelled[n.key] {
			if r := uf.find(m); !slices.Contains(roots, r) {
				roots = append(roots, r)
			}
		}
		switch {
		case len(roots) == 1 && uf.find(i) != roots[0]:
			uf.union(i, roots[0])
			if nodes[i].rule == "" {
				nodes[i].rule = RuleAcronym
			}
		case len(roots) > 1:
			ambiguous = append(ambiguous, i)
		}
	}
	clusterOf := map[int]int{}
	for i := range lk.locals {
		n, ok := localNode[i]
		if !ok {
			continue
		}
		r := uf.find(n)
		c, ok := clusterOf[r]
		if !ok {
			c = lk.newCluster(kindOrg, i)
			clusterOf[r] = c
		}
		lk.of[i] = c
		lk.rule[i] = nodes[n].rule
		if lk.rule[i] == "" && n != r {
			lk.rule[i] = RuleOrgName
		}
	}
	// An ambiguous acronym suggests every organisation spelling it out.
	for _, i := range ambiguous {
		var cands []int
		for _, m := range spelled[nodes[i].key] {
			if c, ok := clusterOf[uf.find(m)]; ok && !slices.Contains(cands, c) && c != clusterOf[uf.find(i)] {
				cands = append(cands, c)
			}
		}
		for _, loc := range nodeLocals[i] {
			lk.notes = append(lk.notes, note{local: loc, cands: cands, reason: "ambiguous acronym"})
		}
	}
}

// form is one spelling of a full name, shared by every article writing it
// so (up to case, accents and hyphens).
type form struct {
	pn      personName
	docs    int // locals whose canonical name it is
	first   int // first local using it
	locals  []int
	initial bool
	rule    string
}

// linkPersons clusters the full names (given name and surname) of the
// corpus. Names are indexed by surname and first letter of the given name,
// so each comparison is within a small bucket. Inside a bucket, spellings
// joined by one article come first, then the most used spellings found the
// clusters and the others join the one cluster they are compatible with
// (with every member: complete linkage, so George W. Bush and George H. W.
// Bush never meet through a plain George Bush). Two names two speakers of
// one article bear are never joined.
func (lk *linking) linkPersons() {
	var forms []form
	formOf := map[string]int{}
	getForm := func(pn personName, loc int) int {
		k := pn.key()
		if f, ok := formOf[k]; ok {
			return f
		}
		forms = append(forms, form{pn: pn, first: loc, initial: isInitial(pn.given[0])})
		formOf[k] = len(forms) - 1
		return len(forms) - 1
	}
	localForms := map[int][]int{} // local → canonical form first, then alias forms
	type pair struct{ a, b int }
	var aliasPairs []pair
	for i := range lk.locals {
		lc := &lk.locals[i]
		if lc.kind != kindPerson || !lc.pn.full() {
			continue
		}
		f := getForm(lc.pn, i)
		forms[f].docs += max(1, lc.w)
		forms[f].locals = append(forms[f].locals, i)
		fs := []int{f}
		for _, a := range lc.aliases {
			apn := lk.lx.parsePerson(a)
			if !apn.full() || apn.surnameKey() != lc.pn.surnameKey() {
				continue
			}
			if af := getForm(apn, i); !slices.Contains(fs, af) {
				fs = append(fs, af)
				aliasPairs = append(aliasPairs, pair{f, af})
			}
		}
		localForms[i] = fs
	}
	// Two speakers of one article with one surname are two people: each
	// mention lists the others its article names (Mention.Apart), so the
	// pairs need no document at hand.
	aliasForms := func(pn personName, aliases []string) []int {
		fs := []int{formOf[pn.key()]}
		for _, a := range aliases {
			apn := lk.lx.parsePerson(a)
			if !apn.full() || apn.surnameKey() != pn.surnameKey() {
				continue
			}
			if af, ok := formOf[apn.key()]; ok && !slices.Contains(fs, af) {
				fs = append(fs, af)
			}
		}
		return fs
	}
	cannot := map[[2]int]bool{}
	for i, fa := range localForms {
		for _, other := range lk.locals[i].apart {
			opn := lk.lx.parsePerson(other[0])
			if _, ok := formOf[opn.key()]; !ok || !opn.full() {
				continue
			}
			for _, fb := range aliasForms(opn, other[1:]) {
				for _, x := range fa {
					if x != fb {
						cannot[[2]int{min(x, fb), max(x, fb)}] = true
					}
				}
			}
		}
	}
	linkable := func(a, b []int) int {
		best := noMatch
		for _, x := range a {
			for _, y := range b {
				if cannot[[2]int{min(x, y), max(x, y)}] {
					return noMatch
				}
				lv := lk.lx.compatible(forms[x].pn, forms[y].pn)
				if lv == noMatch {
					return noMatch
				}
				if best == noMatch || lv < best {
					best = lv
				}
			}
		}
		return best
	}

	// Buckets, in order of their first form.
	bucketOf := func(f int) string {
		r, _ := utf8.DecodeRuneInString(forms[f].pn.given[0])
		return forms[f].pn.surnameKey() + "\x00" + string(r)
	}
	buckets := map[string][]int{}
	var bucketOrder []string
	for f := range forms {
		b := bucketOf(f)
		if _, ok := buckets[b]; !ok {
			bucketOrder = append(bucketOrder, b)
		}
		buckets[b] = append(buckets[b], f)
	}
	pairsOf := map[string][]pair{}
	for _, p := range aliasPairs {
		if b := bucketOf(p.a); b == bucketOf(p.b) {
			pairsOf[b] = append(pairsOf[b], p)
		}
	}
	for _, b := range bucketOrder {
		members := buckets[b]
		group := map[int]int{} // form → its group's index in groups
		groups := make([][]int, len(members))
		for gi, f := range members {
			group[f] = gi
			groups[gi] = []int{f}
		}
		for _, p := range pairsOf[b] {
			ga, gb := group[p.a], group[p.b]
			if ga == gb || linkable(groups[ga], groups[gb]) == noMatch {
				continue
			}
			for _, f := range groups[gb] {
				group[f] = ga
				if forms[f].rule == "" {
					forms[f].rule = RuleArticle
				}
			}
			groups[ga] = append(groups[ga], groups[gb]...)
			groups[gb] = nil
		}
		type item struct {
			forms      []int
			allInitial bool
			weight     int
			first      int
		}
		var items []item
		for _, g := range groups {
			if len(g) == 0 {
				continue
			}
			it := item{forms: g, allInitial: true, first: len(lk.locals)}
			for _, f := range g {
				it.allInitial = it.allInitial && forms[f].initial
				it.weight += forms[f].docs
				it.first = min(it.first, forms[f].first)
			}
			items = append(items, it)
		}
		slices.SortStableFunc(items, func(x, y item) int {
			if x.allInitial != y.allInitial {
				if x.allInitial {
					return 1
				}
				return -1
			}
			if x.weight != y.weight {
				return y.weight - x.weight
			}
			return x.first - y.first
		})
		var clusters [][]int
		type cand struct{ c, level int }
		var pending []struct {
			forms []int
			cands []int // bucket clusters
		}
		for _, it := range items {
			var cands []cand
			for ci, c := range clusters {
				if lv := linkable(it.forms, c); lv != noMatch {
					cands = append(cands, cand{ci, lv})
				}
			}
			slices.SortStableFunc(cands, func(x, y cand) int { return x.level - y.level })
			if len(cands) == 1 || len(cands) > 1 && cands[0].level < cands[1].level {
				c := cands[0].c
				for _, f := range it.forms {
					if forms[f].rule == "" {
						forms[f].rule = levelRule(cands[0].level)
					}
				}
				clusters[c] = append(clusters[c], it.forms...)
				continue
			}
			clusters = append(clusters, slices.Clone(it.forms))
			if len(cands) > 1 {
				var cs []int
				for _, cd := range cands {
					cs = append(cs, cd.c)
				}
				pending = append(pending, struct {
					forms []int
					cands []int
				}{it.forms, cs})
			}
		}
		global := make([]int, len(clusters))
		for ci, c := range clusters {
			first := len(lk.locals)
			for _, f := range c {
				first = min(first, forms[f].first)
			}
			global[ci] = lk.newCluster(kindPerson, first)
			for _, f := range c {
				for _, loc := range forms[f].locals {
					lk.of[loc] = global[ci]
					lk.rule[loc] = forms[f].rule
				}
			}
		}
		for _, p := range pending {
			var cs []int
			for _, c := range p.cands {
				cs = append(cs, global[c])
			}
			for _, f := range p.forms {
				for _, loc := range forms[f].locals {
					lk.notes = append(lk.notes, note{local: loc, cands: cs, reason: "ambiguous"})
				}
			}
		}
	}
}

func levelRule(level int) string {
	switch level {
	case sameName:
		return RuleGiven
	case initial:
		return RuleInitial
	case spelling:
		return RuleSpelling
	}
	return ""
}
