package speakers

import (
	"slices"

	"github.com/verbatim-news/verbatim/extract"
)

// personStats sums up what the corpus says about one cluster of people:
// evidence for linking a surname alone to it.
type personStats struct {
	docs   int
	gender extract.Gender
	roles  map[string]bool
	co     map[int]int // clusters quoted in the same articles
}

// linkSurnames links the articles that name a person by surname alone
// ("Trump", "Mr. Trump" when the extractor found no fuller name) to a
// person named in full elsewhere, when the evidence is clear:
//
//   - the corpus has only one person with that surname; or
//   - the article's own evidence picks one: a role it gives the person that
//     only one candidate has, or co-quoted speakers only one candidate
//     shares; or
//   - one candidate has Dominance times more articles than the next.
//
// Candidates of the wrong gender are left out. An article that also quotes
// someone else with that surname (Eric Trump beside "Trump") is ambiguous by
// itself and stays apart. What is not linked becomes a speaker of its own,
// with the candidates listed as suggestions.
func (lk *linking) linkSurnames() {
	bySurname := map[string][]int{}
	stats := map[int]*personStats{}
	docsSeen := map[int]map[int]bool{}
	for i, lc := range lk.locals {
		c := lk.of[i]
		if c < 0 || lc.kind != kindPerson {
			continue
		}
		k := lc.pn.surnameKey()
		if !slices.Contains(bySurname[k], c) {
			bySurname[k] = append(bySurname[k], c)
		}
		st := stats[c]
		if st == nil {
			st = &personStats{roles: map[string]bool{}, co: map[int]int{}}
			stats[c] = st
			docsSeen[c] = map[int]bool{}
		}
		if !docsSeen[c][lc.doc] {
			docsSeen[c][lc.doc] = true
			st.docs++
		}
		for _, r := range lc.roles {
			st.roles[r] = true
		}
	}
	// Gender by majority of the articles that tell it.
	votes := map[int][2]int{}
	for i, lc := range lk.locals {
		c := lk.of[i]
		if c < 0 || lc.kind != kindPerson {
			continue
		}
		g := lc.gender
		if g == 0 {
			g = lk.lx.gender(lc.pn.given[0])
		}
		v := votes[c]
		switch g {
		case 'm':
			v[0]++
		case 'f':
			v[1]++
		}
		votes[c] = v
	}
	for c, v := range votes {
		switch {
		case v[0] > 2*v[1]:
			stats[c].gender = 'm'
		case v[1] > 2*v[0]:
			stats[c].gender = 'f'
		}
	}
	// Co-quoted speakers, from the links made so far.
	others := func(d docRef, except int) []int {
		var out []int
		for i := d.locals; i < d.locals+d.nLocals; i++ {
			if c := lk.of[i]; c >= 0 && i != except && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, d := range lk.docs {
		cs := others(d, -1)
		for _, c := range cs {
			st := stats[c]
			if st == nil {
				continue
			}
			for _, o := range cs {
				if o != c {
					st.co[o]++
				}
			}
		}
	}

	// A single name that no person bears in full but an organisation does
	// ("Newsline" the extractor did not flag) is the organisation.
	orgs := map[string]int{}
	for i, lc := range lk.locals {
		if lc.kind == kindOrg && lk.of[i] >= 0 {
			if k := orgKey(lc.name); k != "" {
				if _, ok := orgs[k]; !ok {
					orgs[k] = lk.of[i]
				}
			}
		}
	}
	// Articles naming a person by surname only, when no article names
	// anyone with that surname in full: linked to each other only on the
	// same evidence as above, a shared role or a shared co-quoted speaker.
	type aloneCluster struct {
		c      int
		gender extract.Gender
		roles  map[string]bool
		co     map[int]bool
	}
	alone := map[string][]*aloneCluster{}
	for i := range lk.locals {
		lc := &lk.locals[i]
		if lc.kind != kindPerson || lc.pn.full() || lk.of[i] >= 0 {
			continue
		}
		k := lc.pn.surnameKey()
		cands := bySurname[k]
		if len(cands) == 0 {
			if c, ok := orgs[orgKey(lc.name)]; ok {
				lk.of[i], lk.rule[i] = c, RuleOrgName
				continue
			}
			co := others(lk.docs[lc.doc], i)
			var into *aloneCluster
			for _, a := range alone[k] {
				if lc.gender != 0 && a.gender != 0 && lc.gender != a.gender {
					continue
				}
				if slices.ContainsFunc(lc.roles, func(r string) bool { return a.roles[r] }) ||
					slices.ContainsFunc(co, func(o int) bool { return a.co[o] }) {
					into = a
					break
				}
			}
			if into == nil {
				into = &aloneCluster{c: lk.newCluster(kindPerson, i), roles: map[string]bool{}, co: map[int]bool{}}
				alone[k] = append(alone[k], into)
			} else {
				lk.rule[i] = RuleSurname
			}
			if into.gender == 0 {
				into.gender = lc.gender
			}
			for _, r := range lc.roles {
				into.roles[r] = true
			}
			for _, o := range co {
				into.co[o] = true
			}
			lk.of[i] = into.c
			continue
		}
		co := others(lk.docs[lc.doc], i)
		join := func(c int, rule string) {
			lk.of[i], lk.rule[i] = c, rule
		}
		apart := func(cands []int, reason string) {
			lk.of[i] = lk.newCluster(kindPerson, i)
			lk.notes = append(lk.notes, note{local: i, cands: cands, reason: reason})
		}
		if conflict, variant := lk.coQuoted(lk.docs[lc.doc], i, cands); conflict {
			apart(cands, "conflict")
			continue
		} else if variant >= 0 {
			// The article itself writes the name two ways (Marianne
			// Kowalczik, then Kowalczyk), and the two spellings were
			// joined as one person.
			join(variant, RuleSpelling)
			continue
		}
		var fit []int
		for _, c := range cands {
			if g := stats[c].gender; lc.gender == 0 || g == 0 || g == lc.gender {
				fit = append(fit, c)
			}
		}
		switch {
		case len(fit) == 0:
			apart(cands, "gender")
			continue
		case len(cands) == 1:
			join(fit[0], RuleOnly)
			continue
		case len(fit) == 1:
			join(fit[0], RuleGender)
			continue
		}
		if len(lc.roles) > 0 {
			var withRole []int
			for _, c := range fit {
				if slices.ContainsFunc(lc.roles, func(r string) bool { return stats[c].roles[r] }) {
					withRole = append(withRole, c)
				}
			}
			if len(withRole) == 1 {
				join(withRole[0], RuleRole)
				continue
			}
		}
		var shared []int
		for _, c := range fit {
			if slices.ContainsFunc(co, func(o int) bool { return stats[c].co[o] > 0 }) {
				shared = append(shared, c)
			}
		}
		if len(shared) == 1 {
			join(shared[0], RuleContext)
			continue
		}
		slices.SortStableFunc(fit, func(a, b int) int { return stats[b].docs - stats[a].docs })
		if stats[fit[0]].docs >= lk.opts.Dominance*stats[fit[1]].docs {
			join(fit[0], RuleDominant)
			continue
		}
		apart(fit, "ambiguous")
	}
}

// coQuoted looks in the article of local i for candidates quoted beside
// it. A candidate the article names with i's very surname (Eric Trump
// beside "Trump") is a conflict: the surname alone may be someone else. A
// candidate named only with a slip of it (Marianne Kowalczik beside
// "Kowalczyk") is the article writing one name two ways: variant is that
// candidate, -1 for none.
func (lk *linking) coQuoted(d docRef, i int, cands []int) (conflict bool, variant int) {
	variant = -1
	k := lk.locals[i].pn.surnameKey()
	for j := d.locals; j < d.locals+d.nLocals; j++ {
		c := lk.of[j]
		if j == i || c < 0 || !slices.Contains(cands, c) {
			continue
		}
		other := lk.locals[j].pn
		switch {
		case other.surnameKey() == k:
			return true, -1
		case other.suffix == lk.locals[i].pn.suffix && slip(other.surname, lk.locals[i].pn.surname):
			if variant >= 0 && variant != c {
				return true, -1
			}
			variant = c
		default:
			return true, -1
		}
	}
	return false, variant
}

// linkUnnamed gives every described speaker ("a witness") a speaker of its
// own article: two articles' witnesses are not one person.
func (lk *linking) linkUnnamed() {
	for i, lc := range lk.locals {
		if lc.kind == kindUnnamed && lk.of[i] < 0 {
			lk.of[i] = lk.newCluster(kindUnnamed, i)
		}
	}
}
