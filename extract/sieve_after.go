package extract

import (
	"strings"
	"unicode/utf8"
)

// afterQuote reads what follows the quote: "« … », a déclaré X", "“…,”
// X said", "“…,” said X", "« … », a-t-il ajouté", "« … », selon X".
type afterQuote struct{}

func (afterQuote) find(a *analysis, qi int, s sentence) (cue, bool) { return a.cueAfter(qi, s) }

func (a *analysis) cueAfter(qi int, s sentence) (cue, bool) {
	toks := a.toks
	k := qi + 1
	if k < s.tokTo && toks[k].isPunct(":") {
		return a.cueAfterColon(qi, s)
	}
	for k < s.tokTo && toks[k].kind == tokPunct && (toks[k].text == "," || toks[k].text == "—" || toks[k].text == "–" || toks[k].text == "-") {
		k++
	}
	if k >= s.tokTo || toks[k].kind != tokWord {
		return cue{}, false
	}
	// "The depot was deemed “…” by inspector Rosa Grant": the agent of
	// the passive before the quote.
	if mi := a.passiveAgent(qi, k, s); mi >= 0 {
		return cue{from: k, to: k + 1, mention: mi, sieve: SieveAgent, score: 0.8}, true
	}
	// According to X.
	if n, mi := a.accordingAt(k, s.tokTo); n > 0 && mi >= 0 {
		return cue{from: k, to: k + n, mention: mi, attribution: ByAccordingTo, sieve: SieveAccordingTo, score: 0.9}, true
	}
	// Verb first: "a déclaré le ministre", "said Smith", "a-t-il ajouté".
	v := a.skipAux(k, s.tokTo)
	if v-k <= 3 {
		if vn, inv, ok := a.verbAt(v); ok {
			if inv != nil {
				// "« … », peut-on lire dans le communiqué du ministère":
				// an impersonal reader; the document after speaks.
				if a.gr.impersonal[strings.ToLower(inv.text)] {
					if mi := a.documentSource(v+vn, s.tokTo); mi >= 0 {
						return cue{from: k, to: v + vn, mention: mi, sieve: SieveVerbThenSpeaker, score: 0.8, source: true}, true
					}
				}
				return cue{from: k, to: v + vn, mention: -1, inverted: inv, attribution: ByPronoun, sieve: SieveInverted, score: 0.9}, true
			}
			// "a salué un partenariat « … », soulignant que l'Union …":
			// what follows a participle is its object; its subject is the
			// main clause's, before the quote.
			if v == k && a.participle(v) && toks[qi+1].isPunct(",") {
				if mi := a.clauseSubject(s.tokFrom, qi); mi >= 0 {
					return cue{from: v, to: v + vn, mention: mi, sieve: SieveSubject, score: 0.75}, true
				}
				return cue{}, false
			}
			// "a réagi à la sortie de l'audience l'avocate X": an
			// adverbial phrase may stand before the inverted subject.
			window := 6
			if v+vn < s.tokTo && toks[v+vn].kind == tokWord && a.gr.prepositions[toks[v+vn].low] {
				window = maxInvertedSubjectGap
			}
			if mi := a.firstMentionAfter(v+vn, s.tokTo, window); mi >= 0 {
				chain := a.nounPhraseChain(mi, s.tokTo)
				head := a.pickHead(chain)
				// "says Kim's partner, Lee Park": a description named in
				// apposition after it.
				if h := a.mentions[head]; h.kind != mName || h.possessive {
					if ni := a.appositiveName(a.mentions[chain[len(chain)-1]].tokTo, s.tokTo); ni >= 0 {
						head = ni
					}
				}
				return cue{from: k, to: v + vn, mention: head, sieve: SieveVerbThenSpeaker, score: 0.9}, true
			}
		}
	}
	// "“…”, calcule Élodie Marchand", "“…,” deadpanned Ann Roy": a
	// lowercase word no lexicon knows between the quote and a person's
	// full name is the verb that introduces them.
	if mi := a.unknownVerbThenPerson(k, s.tokTo); mi >= 0 {
		return cue{from: k, to: k + 1, mention: mi, sieve: SieveVerbThenSpeaker, score: unknownVerbScore}, true
	}
	// Speaker first: "Green told", "he said", "the minister, 54, said",
	// "Brookfield Police Lt. Dana Pruitt said": the noun phrase may chain
	// several mentions; the verb follows its last one. Lowercase
	// modifiers may open it: "former infrastructure critic Michael Chong
	// said", "veteran councillor Ann Lee said".
	j0 := k
	// "the State Department said": an article before a name.
	// "the Pentagon said": an institution's role word standing as its name.
	if j0+1 < s.tokTo && a.mentionAt(j0) < 0 && a.isDeterminer(toks[j0].low) {
		if mi := a.mentionAt(j0 + 1); mi >= 0 && (a.mentions[mi].kind == mName || a.mentions[mi].kind == mRole && a.mentions[mi].org && toks[j0+1].capitalized()) {
			j0++
		}
	}
	for j0 < s.tokTo && j0-k < maxPremodifiers && a.mentionAt(j0) < 0 && a.premodifier(j0) {
		j0++
	}
	if mi := a.mentionAt(j0); mi >= 0 {
		chain := a.nounPhraseChain(mi, s.tokTo)
		last := chain[len(chain)-1]
		j := a.mentions[last].tokTo
		// "the British Embassy in Ottawa said": a place after the name.
		j = a.placeRunAfter(j, s.tokTo, a.gr.locatives, true)
		head := a.pickHead(chain)
		// Apposition: ", a spokesman for the ministry," before the verb.
		if j < s.tokTo && toks[j].isPunct(",") {
			end := j + 1
			for end < s.tokTo && end-j < 16 && !toks[end].isPunct(",") && toks[end].kind != tokQuote {
				end++
			}
			if end < s.tokTo && toks[end].isPunct(",") {
				// "Acme's chief executive, Jane Roe, said": a description
				// named by the apposition.
				if h := a.mentions[head]; h.kind != mName || h.possessive {
					if ni := a.appositiveName(j, s.tokTo); ni >= 0 && a.mentions[ni].tokTo == end {
						head = ni
					}
				}
				j = end + 1
			}
		}
		v := a.skipAux(j, s.tokTo)
		if v-j <= 3 {
			if vn, _, ok := a.verbAt(v); ok && a.agrees(head, v) {
				return cue{from: j, to: v + vn, mention: head, sieve: SieveSpeakerThenVerb, score: 0.95}, true
			}
		}
	}
	return cue{}, false
}

// unknownVerbThenPerson: the word at k is lowercase, no function word,
// and a person's name opened by a first name or an honorific follows it,
// then the end of the sentence or a comma; the name's mention, or -1.
func (a *analysis) unknownVerbThenPerson(k, limit int) int {
	// A word that could open a noun phrase is one the lexicon does not
	// know as a verb and no function word.
	if !a.premodifier(k) || a.gr.links[a.toks[k].low] || utf8.RuneCountInString(a.toks[k].text) < minUnknownVerbLen {
		return -1
	}
	if k+1 >= limit || !a.personStart(k+1) {
		return -1
	}
	mi := a.mentionAt(k + 1)
	if mi < 0 || a.mentions[mi].kind != mName || a.mentions[mi].org || len(a.mentions[mi].name) < 2 {
		return -1
	}
	end := a.mentions[mi].tokTo
	if end < limit && !a.toks[end].isPunct(",") && !a.toks[end].isPunct(".") && !a.toks[end].isPunct("(") {
		return -1
	}
	return mi
}

// minUnknownVerbLen: shorter lowercase words are function words more
// often than verbs.
const minUnknownVerbLen = 4

// unknownVerbScore: the verb is guessed from its place, not known.
const unknownVerbScore = 0.7

// premodifier: a lowercase word that may open a noun phrase before a name
// or a role: not a verb, a function word or a clause opener.
func (a *analysis) premodifier(k int) bool {
	t := a.toks[k]
	return t.kind == tokWord && !t.capitalized() && a.isVerbForm(k) == 0 && !a.lx.Stopwords[t.low] &&
		!a.gr.clause[t.low] && !a.gr.prepositions[t.low] && !a.isDeterminer(t.low) && !a.gr.aux[t.low]
}

// maxPremodifiers bounds the lowercase words read before a speaker's noun
// phrase.
const maxPremodifiers = 3

// documentSource is the first name or description in the few words after
// k ("dans le communiqué de la préfecture"): where an impersonal reader
// read the words; -1 when none.
func (a *analysis) documentSource(k, limit int) int {
	for j := k; j < limit && j < k+maxDocumentSourceWords; j++ {
		if a.toks[j].kind == tokQuote {
			return -1
		}
		if mi := a.mentionAt(j); mi >= 0 && a.mentions[mi].kind != mPronoun {
			return mi
		}
	}
	return -1
}

// maxDocumentSourceWords bounds the look for the document an impersonal
// reader read.
const maxDocumentSourceWords = 8

// passiveAgent: the word at k after the quote at qi introduces an agent
// ("by", "par") and the quote follows a passive participle ("was deemed",
// "a été qualifié de"): the agent's mention, or -1.
func (a *analysis) passiveAgent(qi, k int, s sentence) int {
	if !a.gr.agents[a.toks[k].low] || k+1 >= s.tokTo {
		return -1
	}
	v := qi - 1
	for v > s.tokFrom && v >= qi-maxAgentGap && (a.toks[v].kind != tokWord || a.gr.prepositions[a.toks[v].low] || a.isDeterminer(a.toks[v].low)) {
		v-- // "deemed as", "qualifié de"
	}
	// "Une décision jugée « … » par la ministre": a participle after its
	// noun is a passive without an auxiliary.
	if v <= s.tokFrom || a.toks[v].kind != tokWord || !a.passiveAux(v) && !(a.isVerbForm(v) > 0 && accentedEnding(a.toks[v].low)) {
		return -1
	}
	head, _ := a.agentHead(k, s.tokTo)
	return head
}

// agentHead reads the agent after the word "by"/"par" at b, up to limit:
// the head of its noun phrase and the phrase's mentions; -1 when no name
// or description follows.
func (a *analysis) agentHead(b, limit int) (int, []int) {
	j := b + 1
	for j < limit && j-b <= maxPremodifiers+1 && a.mentionAt(j) < 0 && (a.isDeterminer(a.toks[j].low) || a.premodifier(j)) {
		j++
	}
	mi := a.mentionAt(j)
	if mi < 0 || a.mentions[mi].kind == mPronoun {
		return -1, nil
	}
	chain := a.nounPhraseChain(mi, limit)
	return a.pickHead(chain), chain
}

// maxAgentGap bounds the words between a passive participle and the quote.
const maxAgentGap = 3

// passiveAux: a form of "to be" stands right before the word at v ("was
// deemed", "a été jugé").
func (a *analysis) passiveAux(v int) bool {
	for j := v - 1; j >= 0 && v-j <= 2; j-- {
		t := a.toks[j]
		if t.kind != tokWord {
			return false
		}
		if a.gr.passive[t.low] {
			// "s'est dite « préoccupée » par …": reflexive, not passive.
			return j == 0 || !a.gr.reflexives[a.toks[j-1].low]
		}
	}
	return false
}

// appositiveName is the person's name after a comma at token k (", Lee
// Park"), or -1.
func (a *analysis) appositiveName(k, limit int) int {
	if k+1 >= limit || !a.toks[k].isPunct(",") {
		return -1
	}
	mi := a.mentionAt(k + 1)
	if mi < 0 {
		return -1
	}
	if m := a.mentions[mi]; m.kind != mName || m.org || m.possessive || m.entity >= 0 && a.entities[m.entity].place {
		return -1
	}
	return mi
}

// cueAfterColon: "« … » : c'est en ces termes que le ministre a réagi",
// "« … » : voilà ce qu'a déclaré X": a colon after the quote opens the
// clause that reports it; its reporting verb's subject, before or right
// after the verb, speaks.
func (a *analysis) cueAfterColon(qi int, s sentence) (cue, bool) {
	from := qi + 2
	for v := from; v < s.tokTo && v-from <= maxColonClauseWords; v++ {
		t := a.toks[v]
		if t.kind == tokQuote {
			break
		}
		if t.kind != tokWord {
			continue
		}
		vn, inv, ok := a.verbAt(v)
		if !ok || inv != nil {
			continue
		}
		if mi := a.subjectBefore(v, from); mi >= 0 && a.mentions[mi].kind != mPronoun {
			return cue{from: a.cueStart(v, from), to: v + vn, mention: mi, sieve: SieveSubject, score: 0.75}, true
		}
		if mi := a.firstMentionAfter(v+vn, s.tokTo, 2); mi >= 0 && a.mentions[mi].kind != mPronoun {
			return cue{from: v, to: v + vn, mention: a.pickHead(a.nounPhraseChain(mi, s.tokTo)), sieve: SieveVerbThenSpeaker, score: 0.75}, true
		}
		break
	}
	return cue{}, false
}

// maxColonClauseWords bounds the words read after "« … » :" for the
// clause's reporting verb.
const maxColonClauseWords = 12

// maxInvertedSubjectGap bounds the adverbial phrase read between a
// reporting verb and the subject after it.
const maxInvertedSubjectGap = 10
