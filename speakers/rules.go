package speakers

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// configKeys groups the mentions by cluster when speakers.yaml has
// entries.
func (l *Linker) configKeys(it Item) []string {
	if m := it.M; m != nil && m.Cluster != "" && len(l.cfg.Entries) > 0 {
		return []string{"c|" + m.Cluster}
	}
	return passKey(it)
}

// runConfig applies speakers.yaml over the automatic links of one
// cluster, in this order:
//
//  1. the entry of its name (the name it would be given) or whose merge
//     list names it takes it whole; else a split rule's target of that
//     name does;
//  2. each entry takes every mention written as its name or one of its
//     aliases, wherever the linker had put it;
//  3. split rules move the matching quotes of an entry's mentions to
//     another speaker.
//
// (not_a_person and org were applied before linking.) A speaker is re-keyed
// to "e|" and the entry's index, or "x|" and a split target's folded name:
// the entries are few and every group reads them, so nothing crosses
// groups.
func (l *Linker) runConfig(key string, items []Item) ([]Item, error) {
	if isPass(key) {
		return items, nil
	}
	s := l.sub(mentionsOf(items))
	all := make([]int, len(s.locals))
	for i := range all {
		all[i] = i
	}
	name := fold(s.pickName(all, func(loc int) int { return s.locals[loc].quotes }))
	entries := l.cfg.Entries
	target, rule := "", ""
	for ei, e := range entries {
		if e.NotAPerson {
			continue
		}
		if fold(e.Name) == name {
			target = "e|" + strconv.Itoa(ei)
			break
		}
		if slices.ContainsFunc(e.Merge, func(m string) bool { return fold(m) == name }) {
			target, rule = "e|"+strconv.Itoa(ei), RuleConfig
			break
		}
	}
	if target == "" && l.splitName(name) != "" {
		target = "x|" + name
	}
	out := make([]Item, len(s.ms))
	for i, m := range s.ms {
		if target != "" {
			m.Cluster = target
			if rule != "" {
				m.Rule = rule
			}
		}
		if m.Kind != kindDropped {
			f := fold(m.Name)
			for ei, e := range entries {
				if e.NotAPerson {
					continue
				}
				if fold(e.Name) == f || slices.ContainsFunc(e.Aliases, func(a string) bool { return fold(a) == f }) {
					if t := "e|" + strconv.Itoa(ei); m.Cluster != t {
						m.Cluster, m.Rule = t, RuleConfig
					}
				}
			}
		}
		l.split(m)
		out[i] = Item{M: m}
	}
	return out, nil
}

// split sends the quotes of m that a split rule of its entry selects to
// the rule's speaker: another entry, or the "x|" cluster of that name.
func (l *Linker) split(m *Mention) {
	e, ok := strings.CutPrefix(m.Cluster, "e|")
	if !ok {
		return
	}
	ei, err := strconv.Atoi(e)
	if err != nil || ei >= len(l.cfg.Entries) {
		return
	}
	for qi := range m.Quotes {
		q := &m.Quotes[qi]
		for si, sp := range l.cfg.Entries[ei].Split {
			if !l.matches(sp.Match, m, q.ID) {
				continue
			}
			q.To, q.Split = "x|"+fold(sp.Name), []int{ei, si}
			for ej, e := range l.cfg.Entries {
				if !e.NotAPerson && fold(e.Name) == fold(sp.Name) {
					q.To = "e|" + strconv.Itoa(ej)
					break
				}
			}
			break
		}
	}
}

// splitName is the name of the split target whose folded name is k, ""
// when no split rule names it or an entry has that name.
func (l *Linker) splitName(k string) string {
	for _, e := range l.cfg.Entries {
		if !e.NotAPerson && fold(e.Name) == k {
			return ""
		}
	}
	for _, e := range l.cfg.Entries {
		for _, sp := range e.Split {
			if fold(sp.Name) == k {
				return sp.Name
			}
		}
	}
	return ""
}

// configWarnings names every entry or split rule of speakers.yaml that
// matched nothing, given the mentions once linked.
func (l *Linker) configWarnings(ms []*Mention) []string {
	entries := l.cfg.Entries
	if len(entries) == 0 {
		return nil
	}
	used := make([]bool, len(entries))
	moved := map[[2]int]bool{}
	names := map[string]bool{}
	mark := func(id string) {
		if e, ok := strings.CutPrefix(id, "e|"); ok {
			if ei, err := strconv.Atoi(e); err == nil && ei < len(used) {
				used[ei] = true
			}
		}
	}
	for _, m := range ms {
		names[fold(m.Name)] = true
		mark(m.Cluster)
		for _, q := range m.Quotes {
			mark(q.To)
			if len(q.Split) == 2 {
				moved[[2]int{q.Split[0], q.Split[1]}] = true
			}
		}
	}
	type warning struct {
		line int
		msg  string
	}
	var warns []warning
	for ei, e := range entries {
		if e.NotAPerson {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				used[ei] = used[ei] || names[fold(n)]
			}
		}
		for si, sp := range e.Split {
			if !moved[[2]int{ei, si}] && used[ei] {
				warns = append(warns, warning{sp.Line, fmt.Sprintf("split of %s to %s matched no quote", e.Name, sp.Name)})
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
		out = append(out, fmt.Sprintf("%s:%d: %s", l.cfg.Path, w.line, w.msg))
	}
	return out
}

// matches tells whether quote quoteID of mention m is selected by sel:
// every field given must hold.
func (l *Linker) matches(sel Match, m *Mention, quoteID string) bool {
	if len(sel.Docs) > 0 {
		if !slices.ContainsFunc(sel.Docs, func(p string) bool {
			ok, _ := path.Match(p, m.DocID)
			return ok || p == m.DocID
		}) {
			return false
		}
	}
	if len(sel.Quotes) > 0 && !slices.Contains(sel.Quotes, quoteID) {
		return false
	}
	if len(sel.Mentions) > 0 {
		written := append([]string{m.Name}, m.Aliases...)
		if !slices.ContainsFunc(sel.Mentions, func(n string) bool {
			return slices.ContainsFunc(written, func(w string) bool { return fold(w) == fold(n) })
		}) {
			return false
		}
	}
	if len(sel.Roles) > 0 && !slices.ContainsFunc(sel.Roles, func(r string) bool {
		return slices.ContainsFunc(m.Roles, func(x string) bool { return fold(x) == fold(r) })
	}) {
		return false
	}
	return true
}
