package speakers

import (
	"fmt"
	"path"
	"slices"
)

// applyConfig applies speakers.yaml over the automatic links, in this
// order:
//
//  1. each entry takes the detected speaker of its name and the detected
//     speakers its merge list names, whole;
//  2. each entry takes every article's speaker written as its name or one
//     of its aliases, wherever the linker had put it;
//  3. split rules move the matching quotes of an entry's speaker to
//     another speaker.
//
// (not_a_person and org were applied before linking.) It returns a warning
// for every entry or rule that matched nothing.
func (lk *linking) applyConfig() []string {
	entries := lk.cfg.Entries
	if len(entries) == 0 {
		return nil
	}
	members := make([][]int, len(lk.clusters))
	for i, c := range lk.of {
		if c >= 0 {
			members[c] = append(members[c], i)
		}
	}
	names := lk.provisionalNames(members)
	byName := map[string][]int{}
	for c, n := range names {
		if n != "" {
			byName[fold(n)] = append(byName[fold(n)], c)
		}
	}
	byLocal := map[string][]int{}
	for i, lc := range lk.locals {
		byLocal[fold(lc.name)] = append(byLocal[fold(lc.name)], i)
	}
	move := func(loc, to int, rule string) {
		lk.of[loc] = to
		members[to] = append(members[to], loc)
		if rule != "" {
			lk.rule[loc] = rule
		}
	}
	moveAll := func(from, to int, rule string) {
		for _, loc := range members[from] {
			if lk.of[loc] == from {
				move(loc, to, rule)
			}
		}
		members[from] = nil
	}
	used := make([]bool, len(entries))
	target := make([]int, len(entries))
	byEntry := map[string]int{}
	for ei, e := range entries {
		target[ei] = -1
		if e.NotAPerson {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				used[ei] = used[ei] || len(byLocal[fold(n)]) > 0
			}
			continue
		}
		byEntry[fold(e.Name)] = ei
		k := kindPerson
		if e.Org {
			k = kindOrg
		}
		t := lk.newCluster(k, len(lk.locals))
		lk.clusters[t].entry = ei
		members = append(members, nil)
		target[ei] = t
		for _, c := range byName[fold(e.Name)] {
			used[ei] = used[ei] || len(members[c]) > 0
			moveAll(c, t, "")
		}
		for _, m := range e.Merge {
			for _, c := range byName[fold(m)] {
				used[ei] = used[ei] || len(members[c]) > 0
				moveAll(c, t, RuleConfig)
			}
		}
	}
	for ei, e := range entries {
		t := target[ei]
		if t < 0 {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, loc := range byLocal[fold(n)] {
				if lk.locals[loc].kind == kindDropped || lk.of[loc] == t {
					continue
				}
				used[ei] = true
				move(loc, t, RuleConfig)
			}
		}
	}

	// Split targets: another entry, a detected speaker, or a new one.
	newTargets := map[string]int{}
	splitTarget := func(name string) int {
		k := fold(name)
		if ei, ok := byEntry[k]; ok {
			used[ei] = true
			return target[ei]
		}
		for _, c := range byName[k] {
			if len(members[c]) > 0 && lk.clusters[c].entry < 0 {
				return c
			}
		}
		if c, ok := newTargets[k]; ok {
			return c
		}
		c := lk.newCluster(kindPerson, len(lk.locals))
		lk.clusters[c].name = name
		members = append(members, nil)
		newTargets[k] = c
		return c
	}
	splitter := map[int]int{} // cluster → entry with split rules
	for ei, e := range entries {
		if len(e.Split) > 0 && target[ei] >= 0 {
			splitter[target[ei]] = ei
		}
	}
	type warning struct {
		line int
		msg  string
	}
	var warns []warning
	if len(splitter) > 0 {
		moved := make([][]bool, len(entries))
		for ei, e := range entries {
			moved[ei] = make([]bool, len(e.Split))
		}
		for di, d := range lk.docs {
			for q := d.quotes; q < d.quotes+d.nQuotes; q++ {
				loc := lk.quotes[q].local
				if loc < 0 {
					continue
				}
				ei, ok := splitter[lk.of[loc]]
				if !ok {
					continue
				}
				for si, s := range entries[ei].Split {
					if lk.matches(s.Match, di, q, loc) {
						lk.quoteTo[q] = splitTarget(s.Name)
						moved[ei][si] = true
						break
					}
				}
			}
		}
		for ei, e := range entries {
			for si, s := range e.Split {
				if !moved[ei][si] && used[ei] {
					warns = append(warns, warning{s.Line, fmt.Sprintf("split of %s to %s matched no quote", e.Name, s.Name)})
				}
			}
		}
	}
	for ei, e := range entries {
		if !used[ei] {
			warns = append(warns, warning{e.Line, e.Name + ": no speaker in the articles matches this entry"})
		}
	}
	slices.SortStableFunc(warns, func(a, b warning) int { return a.line - b.line })
	var out []string
	for _, w := range warns {
		out = append(out, fmt.Sprintf("%s:%d: %s", lk.cfg.Path, w.line, w.msg))
	}
	return out
}

// matches tells whether quote q (of document doc, said by local loc) is
// selected by m: every field given must hold.
func (lk *linking) matches(m Match, doc, q, loc int) bool {
	if len(m.Docs) > 0 {
		id := lk.docs[doc].id
		if !slices.ContainsFunc(m.Docs, func(p string) bool {
			ok, _ := path.Match(p, id)
			return ok || p == id
		}) {
			return false
		}
	}
	if len(m.Quotes) > 0 && !slices.Contains(m.Quotes, lk.quotes[q].id) {
		return false
	}
	lc := lk.locals[loc]
	if len(m.Mentions) > 0 {
		written := append([]string{lc.name}, lc.aliases...)
		if !slices.ContainsFunc(m.Mentions, func(n string) bool {
			return slices.ContainsFunc(written, func(w string) bool { return fold(w) == fold(n) })
		}) {
			return false
		}
	}
	if len(m.Roles) > 0 && !slices.ContainsFunc(m.Roles, func(r string) bool {
		return slices.ContainsFunc(lc.roles, func(x string) bool { return fold(x) == fold(r) })
	}) {
		return false
	}
	return true
}
