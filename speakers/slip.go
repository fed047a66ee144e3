package speakers

import (
	"strings"
	"unicode/utf8"
)

// minSlipSurname is the shortest surname a one-letter slip may join:
// short surnames that differ by a letter are often two families (Meyer and
// Mayer, Marti and Martin), long ones rarely (Kowalczyk and Kowalczik).
const minSlipSurname = 7

// linkSurnameSlips joins two people named in full whose given names are
// the same and whose surnames differ by a one-letter slip (Marianne
// Kowalczyk, Marianne Kowalczik), when no article quotes both: an article
// that does is telling two people apart. Boris and Dustin Johnson differ
// in given name and stay two.
func (lk *linking) linkSurnameSlips() {
	type person struct {
		c       int
		surname string
	}
	// Clusters by given names and surname suffix: only these can slip.
	byGiven := map[string][]*person{}
	var order []string
	seen := map[int]map[string]*person{}
	for i, lc := range lk.locals {
		c := lk.of[i]
		if c < 0 || lc.kind != kindPerson || !lc.pn.full() || isInitial(lc.pn.given[0]) {
			continue
		}
		if utf8.RuneCountInString(lc.pn.surname) < minSlipSurname || strings.Contains(lc.pn.surname, " ") {
			continue
		}
		k := strings.ReplaceAll(strings.Join(lc.pn.given, " "), "-", "") + "|" + lc.pn.suffix
		if seen[c] == nil {
			seen[c] = map[string]*person{}
		}
		p := seen[c][lc.pn.surname]
		if p == nil {
			p = &person{c: c, surname: lc.pn.surname}
			seen[c][lc.pn.surname] = p
			if _, ok := byGiven[k]; !ok {
				order = append(order, k)
			}
			byGiven[k] = append(byGiven[k], p)
		}
	}
	// The articles of each cluster, to tell co-quoted people.
	docsOf := map[int]map[int]bool{}
	for i, lc := range lk.locals {
		if c := lk.of[i]; c >= 0 {
			if docsOf[c] == nil {
				docsOf[c] = map[int]bool{}
			}
			docsOf[c][lc.doc] = true
		}
	}
	for _, k := range order {
		ps := byGiven[k]
		for x := 0; x < len(ps); x++ {
			for y := x + 1; y < len(ps); y++ {
				a, b := ps[x], ps[y]
				if a.c == b.c || !slip(a.surname, b.surname) {
					continue
				}
				da, db := docsOf[a.c], docsOf[b.c]
				together := false
				for d := range db {
					if da[d] {
						together = true
						break
					}
				}
				if together {
					continue
				}
				into, from := min(a.c, b.c), max(a.c, b.c)
				for i := range lk.of {
					if lk.of[i] == from {
						lk.of[i] = into
						if lk.rule[i] == "" {
							lk.rule[i] = RuleSpelling
						}
					}
				}
				for d := range db {
					da[d] = true
				}
				delete(docsOf, from)
				for _, p := range ps {
					if p.c == from {
						p.c = into
					}
				}
			}
		}
	}
}
