package speakers

import (
	"slices"

	"github.com/verbatim-news/verbatim/extract"
)

// linkSurnames links the articles that name a person by surname alone
// ("Trump", "Mr. Trump" when the extractor found no fuller name) of the
// surname key to a person named in full elsewhere, when the evidence is
// clear:
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
//
// The sub holds the mentions of one surname; stats sums up its candidates
// (the clusters of full names, StageStats) and each mention's Co is its
// article's other speakers (StageContext), fixed before any surname alone
// is linked: no decision here reads another surname's.
func (s *sub) linkSurnames(key string, stats map[string]*ClusterStats) {
	var cands []int
	for i, lc := range s.locals {
		if c := s.of[i]; c >= 0 && lc.kind == kindPerson && !slices.Contains(cands, c) {
			cands = append(cands, c)
		}
	}
	statOf := func(c int) *ClusterStats {
		if st, ok := stats[s.id(key, c)]; ok {
			return st
		}
		return &ClusterStats{}
	}
	coOf := func(i int) []string {
		var out []string
		for _, o := range s.ms[i].Co {
			if !slices.Contains(out, o.Cluster) {
				out = append(out, o.Cluster)
			}
		}
		return out
	}
	// Articles naming a person by surname only, when no article names
	// anyone with that surname in full: linked to each other only on the
	// same evidence as above, a shared role or a shared co-quoted speaker.
	type aloneCluster struct {
		c      int
		gender extract.Gender
		roles  map[string]bool
		co     map[string]bool
	}
	var alone []*aloneCluster
	for i := range s.locals {
		lc := &s.locals[i]
		if lc.kind != kindPerson || lc.pn.full() || s.of[i] >= 0 {
			continue
		}
		if len(cands) == 0 {
			// A single name that no person bears in full but an
			// organisation does ("Newsline" the extractor did not flag)
			// is the organisation.
			if org := s.ms[i].OrgOf; org != "" {
				s.of[i], s.rule[i] = s.cluster(org, i), RuleOrgName
				continue
			}
			co := coOf(i)
			var into *aloneCluster
			for _, a := range alone {
				if lc.gender != 0 && a.gender != 0 && lc.gender != a.gender {
					continue
				}
				if slices.ContainsFunc(lc.roles, func(r string) bool { return a.roles[r] }) ||
					slices.ContainsFunc(co, func(o string) bool { return a.co[o] }) {
					into = a
					break
				}
			}
			if into == nil {
				into = &aloneCluster{c: s.newCluster(kindPerson, i), roles: map[string]bool{}, co: map[string]bool{}}
				alone = append(alone, into)
				// With no role and no co-quoted speaker nothing ever joins
				// it: each mention of this form is a speaker of its own.
				s.own[i] = len(lc.roles) == 0 && len(co) == 0
			} else {
				s.rule[i] = RuleSurname
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
			s.of[i] = into.c
			continue
		}
		co := coOf(i)
		join := func(c int, rule string) {
			s.of[i], s.rule[i] = c, rule
		}
		apart := func(cands []int, reason string) {
			s.of[i] = s.newCluster(kindPerson, i)
			s.own[i] = true
			s.notes = append(s.notes, note{local: i, cands: cands, reason: reason})
		}
		if conflict, variant := s.coQuoted(key, i, cands); conflict {
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
			if g := genderOf(statOf(c).Gender); lc.gender == 0 || g == 0 || g == lc.gender {
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
				if slices.ContainsFunc(lc.roles, func(r string) bool { return slices.Contains(statOf(c).Roles, r) }) {
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
			if slices.ContainsFunc(co, func(o string) bool { return statOf(c).Co[o] > 0 }) {
				shared = append(shared, c)
			}
		}
		if len(shared) == 1 {
			join(shared[0], RuleContext)
			continue
		}
		slices.SortStableFunc(fit, func(a, b int) int { return statOf(b).Docs - statOf(a).Docs })
		if statOf(fit[0]).Docs >= s.opts.Dominance*statOf(fit[1]).Docs {
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
func (s *sub) coQuoted(key string, i int, cands []int) (conflict bool, variant int) {
	variant = -1
	pn := s.locals[i].pn
	for _, o := range s.ms[i].Co {
		c, ok := s.at[o.Cluster]
		if !ok || !slices.Contains(cands, c) || !o.Person {
			if ok && slices.Contains(cands, c) {
				return true, -1
			}
			continue
		}
		switch {
		case o.Surname+"|"+o.Suffix == pn.surnameKey():
			return true, -1
		case o.Suffix == pn.suffix && slip(o.Surname, pn.surname):
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
