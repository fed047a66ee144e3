package extract

import (
	"strings"
)

// cue is the evidence found for one quote: the reporting expression and
// the mention it points to.
type cue struct {
	from, to    int // token range of the cue words
	mention     int // index into analysis.mentions, -1 when none
	attribution Attribution
	// pronoun synthesised from an inverted clitic (a-t-il, dit-elle).
	inverted *mention
	// group: an unnamed group given as written ("certains wikipédiens").
	group string
	// sieve names the rule that found the cue and its mention.
	sieve Sieve
	score float64
	// source: the mention is the place the words come from, written as a
	// complement ("assure-t-on au ministère du Travail"), yet it speaks.
	source bool
}

// verbAt matches a reporting verb at token k, with French inversion
// ("ajoute-t-elle", "a-t-il ajouté", "a -t-il ajouté", "s'est-il félicité").
// It returns the tokens consumed and the inverted pronoun if any.
func (a *analysis) verbAt(k int) (n int, inv *mention, ok bool) {
	toks := a.toks
	if k >= len(toks) || toks[k].kind != tokWord {
		return 0, nil, false
	}
	t := toks[k]
	if len(a.gr.inversions) > 0 {
		for _, c := range a.gr.inversions {
			base, found := strings.CutSuffix(t.low, c.suffix)
			if !found {
				continue
			}
			pr := &mention{kind: mPronoun, gender: c.gender, plural: c.plural, entity: -1,
				tokFrom: k, tokTo: k + 1, start: t.end - len([]rune(c.suffix)) + 1, end: t.end}
			pr.text = a.str(pr.start, pr.end)
			if strings.HasPrefix(pr.text, "t-") {
				pr.start += 2
				pr.text = pr.text[2:]
			}
			if base == "" || base == "t" {
				// "a -t-il ajouté": the clitic stands alone after the auxiliary.
				if k+1 < len(toks) && a.isVerbForm(k+1) > 0 {
					return 1 + a.isVerbForm(k+1), pr, true
				}
				return 0, nil, false
			}
			if m := a.isVerbWord(base); m {
				return 1, pr, true
			}
			isAux := a.gr.aux[base]
			if c.verbal && !isAux {
				return 1, pr, true // "« … », tente-t-il de corriger"
			}
			if isAux {
				j := k + 1
				for j < len(toks) && toks[j].kind == tokWord && a.gr.aux[toks[j].low] && a.isVerbForm(j) == 0 {
					j++
				}
				if j < len(toks) {
					if vn := a.isVerbForm(j); vn > 0 {
						return j - k + vn, pr, true
					}
					// "s'est-elle contentée de répondre", "a-t-il tenu à
					// préciser".
					if n := a.participleInfinitive(j); n > 0 {
						return j - k + n, pr, true
					}
				}
			}
			return 0, nil, false
		}
	}
	if vn := a.isVerbForm(k); vn > 0 {
		if a.passive(k) || a.auxiliaryUse(k, vn) {
			return 0, nil, false
		}
		return vn, nil, true
	}
	// "s'est borné à répondre", "a tenu à préciser": after an auxiliary.
	if k > 0 && a.gr.aux[toks[k-1].low] && !t.capitalized() {
		if n := a.participleInfinitive(k); n > 0 {
			return n, nil, true
		}
	}
	return 0, nil, false
}

// participleInfinitive: a past participle at j, then an infinitive marker
// and a reporting verb ("borné à répondre", "contentée de dire"): the
// tokens the three take; 0 when they are not there.
func (a *analysis) participleInfinitive(j int) int {
	if j+2 >= len(a.toks) || !a.pastParticiple(a.toks[j].low) || !a.gr.infinitiveMarkers[a.toks[j+1].low] {
		return 0
	}
	if vn := a.isVerbForm(j + 2); vn > 0 {
		return 2 + vn
	}
	return 0
}

// auxiliaryUse: the verb form is not reporting here: a function word
// ("contre", "pour"), or a verb governing an infinitive ("continue de
// jouer", "continues to play").
func (a *analysis) auxiliaryUse(k, n int) bool {
	t := a.toks[k]
	if n == 1 && a.gr.prepositions[t.low] {
		return true
	}
	// "l'annonce", "the call": after a determiner the form is a noun
	// ("il l'annonce", with a subject pronoun before "l'", stays a verb).
	// "in a 2016 report": a year or a number between.
	d := k - 1
	if d > 0 && a.toks[d].kind == tokWord && isNumber(a.toks[d].text) {
		d--
	}
	if p := a.toks[max(d, 0)]; d >= 0 && k > 0 && p.kind == tokWord && a.isDeterminer(p.low) && !a.gr.complementizers[p.low] {
		// "Comme le souligne X": an object clitic after an opener that
		// takes one, before its verb ("que l'accusé" stays a noun).
		cliticAfterOpener := d == k-1 && k >= 2 && a.gr.clitics[p.low] && a.toks[k-2].kind == tokWord && a.gr.cliticOpeners[a.toks[k-2].low]
		if !cliticAfterOpener && (a.toks[k-1].low != "l'" || k < 2 || !(a.lx.Pronouns[a.toks[k-2].low] != (PronounInfo{}) || a.toks[k-2].low == "ne" || a.toks[k-2].low == "n'")) {
			return true
		}
	}
	j := k + n
	if j+1 >= len(a.toks) || a.toks[j].kind != tokWord || a.toks[j+1].kind != tokWord {
		return false
	}
	next, inf := a.toks[j].low, a.toks[j+1]
	if !a.gr.infinitiveMarkers[next] || inf.capitalized() || a.lx.Stopwords[inf.low] {
		return false
	}
	for _, suf := range a.gr.infinitiveEndings {
		if strings.HasSuffix(inf.low, suf) {
			return true
		}
	}
	if len(a.gr.infinitiveEndings) == 0 && !a.isDeterminer(inf.low) {
		// "continues to play": the lexicon's base form, or an unknown word
		// that does not read as a third person.
		if lemma, ok := a.lx.Verbs[inf.low]; !ok || lemma == inf.low {
			return lemma == inf.low || !ok && !strings.HasSuffix(inf.low, "s")
		}
	}
	return false
}

// passive: "sont appelés", "was called": a participle after a form of "to
// be" reports nobody's words (the pronominal "s'est félicité" aside).
func (a *analysis) passive(k int) bool {
	if a.participle(k) {
		return false // "is telling", "was saying": progressive, not passive
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		t := a.toks[j]
		if t.kind != tokWord {
			return false
		}
		if a.gr.passive[t.low] {
			return j == 0 || !a.gr.reflexives[a.toks[j-1].low]
		}
		if !a.gr.aux[t.low] {
			return false
		}
	}
	return false
}

func (a *analysis) isVerbWord(w string) bool {
	_, ok := a.lx.Verbs[w]
	return ok
}

// isVerbForm matches the longest verb form (one or more words) at k.
func (a *analysis) isVerbForm(k int) int {
	if v := a.verbLen[k]; v >= 0 {
		return int(v)
	}
	n := a.verbFormLen(k)
	a.verbLen[k] = int8(n)
	return n
}

func (a *analysis) verbFormLen(k int) int {
	toks := a.toks
	if toks[k].kind != tokWord || toks[k].info&wVerbStart == 0 {
		return 0
	}
	best := 0
	key := ""
	for n := 0; n < a.lx.VerbMaxWords && k+n < len(toks); n++ {
		t := toks[k+n]
		if t.kind != tokWord || t.para != toks[k].para {
			break
		}
		if n == 0 {
			key = t.low
		} else {
			if !a.l.verbPrefixes[key] {
				break
			}
			if strings.HasSuffix(key, "'") {
				key += t.low // "mis l'accent": no space after an elision
			} else {
				key += " " + t.low
			}
		}
		if _, ok := a.lx.Verbs[key]; ok {
			best = n + 1
		}
	}
	if best == 1 && a.gr.features[featCapitalVerbIsName] && toks[k].capitalized() && !a.sentenceInitial(k) {
		// "Will", "Mark", "Say": a capitalised verb form inside a sentence
		// is a name.
		return 0
	}
	return best
}

// mentionAt returns the mention starting at token k, or -1.
func (a *analysis) mentionAt(k int) int {
	if k < 0 || k >= len(a.toks) {
		return -1
	}
	return a.mentionByTok[k]
}

// skipAux moves over auxiliaries and adverbs toward a verb.
func (a *analysis) skipAux(k, limit int) int {
	for n := 0; k < limit && n < 4; n++ {
		t := a.toks[k]
		if t.kind != tokWord || !a.gr.aux[t.low] || a.isVerbForm(k) > 0 && !a.gr.aux[t.low] {
			break
		}
		if _, _, ok := a.verbAt(k); ok && !a.gr.aux[t.low] {
			break
		}
		// "a" as the auxiliary before an inversion "a-t-il" is handled by verbAt.
		if vn, _, ok := a.verbAt(k + 1); ok && vn > 0 {
			return k + 1
		}
		k++
	}
	return k
}

// nounPhraseChain lists the mentions that follow mi inside one noun
// phrase: only words, abbreviation dots and possessives between them.
func (a *analysis) nounPhraseChain(mi, limit int) []int {
	chain := []int{mi}
	for j := mi + 1; j < len(a.mentions) && len(chain) < 5; j++ {
		c := a.mentions[j]
		if c.tokFrom >= limit {
			break
		}
		prev := a.mentions[chain[len(chain)-1]]
		if c.tokFrom < prev.tokTo {
			continue
		}
		// "Judge Samuel Oyelaran let Reyes go": after a person's name,
		// lowercase words that are no role start the predicate.
		if prev.kind == mName && !prev.org && !prev.possessive && c.kind == mName && c.tokFrom > prev.tokTo &&
			!(c.tokFrom == prev.tokTo+1 && a.gr.coordinators[a.toks[prev.tokTo].low]) && !a.gr.prepositions[a.toks[prev.tokTo].low] &&
			!a.gr.links[a.toks[prev.tokTo].low] && !a.rolesOnly(prev.tokTo, c.tokFrom) {
			break
		}
		if !a.nounPhraseGap(prev.tokTo, c.tokFrom) {
			// "Heart and Stroke senior manager Erin Kim": a coordinated
			// name inside an organisation's name, when the phrase goes on
			// to a role or a name after it.
			if !a.coordinatedInName(prev, c, j, limit) {
				break
			}
		}
		chain = append(chain, j)
	}
	return chain
}

// coordinatedInName: mention c (index j) follows prev after a lone
// coordinator, both are names (or both one person's roles), and another
// mention follows c within a noun phrase: "Paul Roux and Marie Blin said"
// stops at the first name.
func (a *analysis) coordinatedInName(prev, c mention, j, limit int) bool {
	// "co-founder and chief executive Ritika Deshpande": two roles of one
	// person coordinated before the name.
	roles := prev.kind == mRole && c.kind == mRole && !prev.plural && !c.plural
	if c.tokFrom != prev.tokTo+1 || !(prev.kind == mName && c.kind == mName || roles) || !a.gr.coordinators[a.toks[prev.tokTo].low] {
		return false
	}
	if j+1 >= len(a.mentions) {
		return false
	}
	n := a.mentions[j+1]
	return n.tokFrom < limit && n.tokFrom >= c.tokTo && a.nounPhraseGap(c.tokTo, n.tokFrom)
}

func (a *analysis) nounPhraseGap(from, to int) bool {
	if to-from > 4 {
		return false
	}
	for k := from; k < to; k++ {
		t := a.toks[k]
		switch {
		case t.kind == tokWord && (a.isVerbForm(k) == 0 || a.nounLikeBase(k)) && !a.gr.clause[t.low] && (!a.gr.prepositions[t.low] || a.gr.links[t.low]):
		case t.isPunct(".") && k > 0 && a.toks[k-1].end == t.start:
		default:
			return false
		}
	}
	return true
}

// pickHead prefers the last person name of a chain ("Heart and Stroke
// senior manager Erin Kim"), else the head: "la porte-parole de la
// fédération" is the spokeswoman, not the federation.
func (a *analysis) pickHead(chain []int) int {
	for i := len(chain) - 1; i >= 0; i-- {
		m := a.mentions[chain[i]]
		// "a spokeswoman for Fair Trading Minister Rachel Okafor": the
		// name ends the description's complement.
		inComplement := i > 0 && a.complementOwner(chain[i]) == chain[i-1]
		if m.kind == mName && !m.org && !m.possessive && !(m.entity >= 0 && a.entities[m.entity].place) &&
			(i == 0 || m.tokFrom == 0 || !a.gr.prepositions[a.toks[m.tokFrom-1].low]) && !inComplement &&
			// "Le porte-parole du collectif la Quadrature du Net": a name
			// after an article is no person's.
			!(i > 0 && a.articleBeforeName(m)) {
			return chain[i]
		}
	}
	// "Kim's partner, Lee Park": a possessor is not the head.
	for _, mi := range chain {
		if !a.mentions[mi].possessive {
			return mi
		}
	}
	return chain[0]
}

func (a *analysis) firstMentionAfter(k, limit, window int) int {
	for j := k; j < limit && j < k+window; j++ {
		if a.toks[j].kind == tokQuote {
			if a.namedWork(j) {
				continue // "a confié au « Monde » un conseiller"
			}
			return -1
		}
		if mi := a.mentionAt(j); mi >= 0 {
			m := a.mentions[mi]
			if j > k && a.gr.prepositions[a.toks[j-1].low] {
				j = m.tokTo - 1
				continue
			}
			return mi
		}
		// "comme le souligne le rapport de l'ONH": the source a speech
		// noun phrase names speaks through it.
		if mi := a.speechSourceFrom(j); mi >= 0 {
			return mi
		}
	}
	return -1
}

// speechSourceFrom: the name whose noun phrase opens at k on a speech
// noun and its source link ("le rapport de l'ONH", "a statement from
// Google"); -1 when none.
func (a *analysis) speechSourceFrom(k int) int {
	if a.toks[k].kind != tokWord || !a.isDeterminer(a.toks[k].low) {
		return -1
	}
	for mi := a.mentionsBefore(k + 1); mi < len(a.mentions) && a.mentions[mi].tokFrom-k <= maxSpeechSourceOffset; mi++ {
		if m := a.mentions[mi]; m.npFrom == k && m.kind == mName && m.entity >= 0 {
			return mi
		}
	}
	return -1
}

// maxSpeechSourceOffset bounds the words between a speech noun phrase's
// article and its source's name ("le dernier rapport annuel du …").
const maxSpeechSourceOffset = 8

func (a *analysis) mentionEndingAt(k int) int {
	if k < 0 || k >= len(a.toks) {
		return -1
	}
	return a.mentionByEnd[k]
}

// maxDocumentAdjectives bounds the adjectives read on each side of a
// document's noun after "selon"/"according to".
const maxDocumentAdjectives = 2

// accordingAt matches "selon", "according to" at k and the mention after it.
func (a *analysis) accordingAt(k, limit int) (int, int) {
	toks := a.toks
	if k >= len(toks) || toks[k].info&wAccordingStart == 0 {
		return 0, -1
	}
	for _, words := range a.l.accordingWords {
		if k+len(words) > limit {
			continue
		}
		ok := true
		for i, w := range words {
			if toks[k+i].low != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		j := k + len(words)
		if mi := a.mentionAt(j); mi >= 0 {
			// "According to County Commission Chairman Leon Hatcher":
			// the noun phrase's head.
			return len(words), a.pickHead(a.nounPhraseChain(mi, limit))
		}
		// "selon l'Unicef": the article before an organisation's name.
		if j+1 < limit && a.isDeterminer(toks[j].low) {
			if mi := a.mentionAt(j + 1); mi >= 0 && a.mentions[mi].kind == mName {
				return len(words), mi
			}
			// "d'après le communiqué du ministère", "according to a
			// statement from the company": the document's source.
			noun := j + 1
			// "selon le dernier bilan de", "d'après le rapport annuel
			// de": an adjective or two around the document's noun.
			for n := 0; n < maxDocumentAdjectives && noun+1 < limit && !a.speechNoun(noun) && a.premodifier(noun); n++ {
				noun++
			}
			src := noun + 1
			for n := 0; n < maxDocumentAdjectives && src+1 < limit && a.speechNoun(noun) && !a.sourceLink(toks[src].low) && a.premodifier(src); n++ {
				src++
			}
			if src+1 < limit && a.speechNoun(noun) && a.sourceLink(toks[src].low) {
				if src+1 < limit && a.isDeterminer(toks[src+1].low) && a.mentionAt(src+1) < 0 {
					src++
				}
				if mi := a.mentionAt(src + 1); mi >= 0 {
					return len(words), a.pickHead(a.nounPhraseChain(mi, limit))
				}
			}
		}
		return len(words), -1
	}
	return 0, -1
}

// clauseBetween: a conjunction or "que"/"that" between two tokens starts
// another clause, whose subject is not the verb's.
func (a *analysis) clauseBetween(from, to int) bool {
	return a.wordBetween(from, to, a.gr.clause)
}

// wordBetween: a word of set stands between tokens from and to.
func (a *analysis) wordBetween(from, to int, set map[string]bool) bool {
	for k := from; k < to; k++ {
		if a.toks[k].kind == tokWord && set[a.toks[k].low] {
			return true
		}
	}
	return false
}

// agrees rejects an English base form after a singular subject with no
// auxiliary: in "Harbour Festival volunteer Ana Reyes" and "the general
// message", volunteer and message are nouns, not verbs.
func (a *analysis) agrees(mi, v int) bool {
	if !a.gr.features[featBaseFormIsNoun] || mi < 0 {
		return true
	}
	t := a.toks[v]
	if lemma, ok := a.lx.Verbs[t.low]; !ok || lemma != t.low || a.gr.pastLikeBase[t.low] {
		return true
	}
	if v > 0 {
		p := a.toks[v-1]
		if p.kind == tokWord && (a.gr.aux[p.low] || a.gr.infinitiveMarkers[p.low] || strings.HasSuffix(p.low, "n't")) {
			return true
		}
	}
	m := a.mentions[mi]
	if m.plural {
		return true
	}
	switch m.kind {
	case mPronoun:
		return false
	case mName:
		// "the Conservatives call": a plural name.
		return strings.HasSuffix(m.text, "s") && m.tokFrom > 0 && a.gr.definite[a.toks[m.tokFrom-1].low]
	}
	return false
}

func (a *analysis) verbBetween(from, to int) bool {
	for k := from; k < to; k++ {
		// verbAt, not isVerbForm: "le communiqué" is a noun.
		if _, _, ok := a.verbAt(k); ok && a.toks[k].kind == tokWord {
			return true
		}
	}
	return false
}

// nounLikeBase: an English base verb form inside a noun phrase, with no
// auxiliary before it, is a noun ("volunteer media coordinator").
func (a *analysis) nounLikeBase(k int) bool {
	t := a.toks[k]
	if !a.gr.features[featBaseFormIsNoun] {
		return false
	}
	lemma, ok := a.lx.Verbs[t.low]
	if !ok || lemma != t.low {
		return false
	}
	return k == 0 || !a.gr.aux[a.toks[k-1].low]
}

// isNumber: the word is written in digits ("2016", "1,200").
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return w[0] >= '0' && w[0] <= '9'
}

// complementOwner is the description whose complement ends on the name at
// mention mi ("a spokeswoman for Fair Trading | Minister Rachel Okafor"):
// the name is the complement's, the description speaks; -1 otherwise.
func (a *analysis) complementOwner(mi int) int {
	m := a.mentions[mi]
	if mi == 0 || m.kind != mName {
		return -1
	}
	np := m.tokFrom
	if m.npFrom > 0 && m.npFrom < np {
		np = m.npFrom
	}
	r := a.mentions[mi-1]
	if r.kind != mRole || r.attached || r.tokTo != np || !a.linkInside(r) {
		return -1
	}
	return mi - 1
}

// pastParticiple: the word ends as a past participle does ("contentée",
// "tenu", "decided").
func (a *analysis) pastParticiple(w string) bool {
	return a.pastForm(w) || a.participleEnding(w, minStemLetters)
}

// participleEnding: w ends on a past participle ending after a stem longer
// than minStem bytes.
func (a *analysis) participleEnding(w string, minStem int) bool {
	for _, suf := range a.gr.pastParticipleEndings {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+minStem {
			return true
		}
	}
	return false
}

// participleBeforeAgent: w, right before "par"/"by", is a past
// participle; the agent after it vouches for a short stem ("citée par").
func (a *analysis) participleBeforeAgent(w string) bool {
	return a.pastForm(w) || a.participleEnding(w, minAgentStemLetters)
}

// minAgentStemLetters: "cité", "lu" before "par" are participles; a stem
// of one letter is too little to tell.
const minAgentStemLetters = 1

// rolesOnly: the lowercase words between tokens from and to end on a
// role word ("senior manager", "political consultant"), which the name
// after holds; no predicate ("let", "allowed").
func (a *analysis) rolesOnly(from, to int) bool {
	for k := to - 1; k >= from; k-- {
		t := a.toks[k]
		if t.kind != tokWord || t.capitalized() {
			continue
		}
		for j := from; j <= k; j++ {
			if _, _, n := a.roleAt(j); n > 0 && j+n == k+1 {
				return true
			}
		}
		return false
	}
	return true
}
