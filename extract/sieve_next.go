package extract

import "strings"

// nextSentence: “Yes.” Smith said. — the quote ended its sentence; the
// attribution opens the next one, its speaker first.
type nextSentence struct{}

func (nextSentence) find(a *analysis, qi int, s sentence) (cue, bool) {
	toks := a.toks
	if qi+1 != s.tokTo || int(toks[qi].sent)+1 >= len(a.sents) {
		return cue{}, false
	}
	next := a.sents[toks[qi].sent+1]
	if next.para != s.para {
		return cue{}, false
	}
	merged := sentence{tokFrom: s.tokFrom, tokTo: next.tokTo, start: s.start, end: next.end, para: s.para}
	if c, ok := a.cueAfter(qi, merged); ok && c.mention >= 0 && a.mentions[c.mention].tokFrom == qi+1 {
		return c, true
	}
	// "“…” That was how Tom Reyes summed up the mood": a frame opening
	// the next sentence, then the speaker and the reporting verb.
	if n := a.phraseAt(qi+1, next.tokTo, a.gr.frames); n > 0 {
		for v := qi + 1 + n; v < next.tokTo && v-(qi+1+n) <= maxFrameReach; v++ {
			if toks[v].kind != tokWord {
				continue
			}
			vn, inv, ok := a.verbAt(v)
			if !ok || inv != nil {
				continue
			}
			if mi := a.subjectBefore(v, qi+1+n); mi >= 0 {
				return cue{from: qi + 1, to: v + vn, mention: mi, sieve: SieveSubject, score: 0.75}, true
			}
			break
		}
		// "C'est par ces mots que la procureure de Grenoble, Agnès
		// Morvan, a ouvert la conférence": the frame itself reports; the
		// subject of the first auxiliary and its participle speaks.
		for v := qi + 1 + n; v+1 < next.tokTo && v-(qi+1+n) <= maxFrameSubjectReach; v++ {
			if toks[v].kind != tokWord || !a.gr.aux[toks[v].low] || toks[v+1].kind != tokWord || toks[v+1].capitalized() || a.lx.Stopwords[toks[v+1].low] {
				continue
			}
			if mi := a.subjectBefore(v+1, qi+1+n); mi >= 0 {
				return cue{from: qi + 1, to: v + 2, mention: mi, sieve: SieveSubject, score: 0.7}, true
			}
			break
		}
	}
	// "« Qui va partir en Pologne ? » Délégué CGT depuis quinze ans, Karim
	// Haddad ne décolère pas.": a quote opening its paragraph, then a
	// sentence that introduces a new person as its subject: the quote
	// is theirs.
	if a.opensParagraph(qi) && a.standsAlone(qi) {
		if mi := a.introducedSubject(next); mi >= 0 {
			return cue{from: qi + 1, to: a.mentions[mi].tokTo, mention: mi, sieve: SieveSubject, score: 0.6}, true
		}
	}
	// "“How did you know?” I asked.": the narrator; the speaker stays
	// unknown rather than taken from the quote before.
	if k := qi + 1; k+1 < next.tokTo && toks[k].kind == tokWord && a.gr.firstPerson[toks[k].low] {
		if v := a.skipAux(k+1, next.tokTo); v < next.tokTo && v-k <= 3 {
			if vn, _, ok := a.verbAt(v); ok {
				return cue{from: k + 1, to: v + vn, mention: -1, sieve: SieveVerbOnly, score: 0.5}, true
			}
		}
	}
	return cue{}, false
}

// maxFrameReach bounds the words from a frame to its reporting verb;
// maxFrameSubjectReach those to any verb, past a subject in apposition.
const (
	maxFrameReach        = 8
	maxFrameSubjectReach = 16
)

// introducedSubject is the person named in full whom sentence s opens on,
// maybe after an apposition ending with a comma ("Délégué CGT depuis
// quinze ans, Karim Haddad …"), as the subject of a verb, when the article
// names them there for the first time; -1 otherwise.
func (a *analysis) introducedSubject(s sentence) int {
	mi := a.openingMention(s)
	if mi < 0 || a.mentions[mi].kind != mName || a.mentions[mi].org || len(a.mentions[mi].name) < 2 {
		mi = -1
		// "Debout à la barre, les mains agrippées au pupitre, Gérard
		// Lemarchand a tenté …": the name after the opening phrases,
		// each closed by a comma.
		for k := s.tokFrom; k < s.tokTo && k-s.tokFrom <= maxIntroWords*maxIntroPhrases; k++ {
			t := a.toks[k]
			// "Juché sur la remorque d'un tracteur, X donne le ton": a
			// participle opening the sentence describes its subject.
			if t.kind == tokQuote || t.kind == tokWord && a.isVerbForm(k) > 0 && !(k == s.tokFrom && a.pastParticiple(t.low)) {
				return -1
			}
			if t.isPunct(",") {
				if mi = a.mentionAt(k + 1); mi >= 0 {
					break
				}
			}
		}
	}
	if mi < 0 {
		return -1
	}
	m := a.mentions[mi]
	if m.kind != mName || m.org || m.possessive || m.entity < 0 || len(a.entities[m.entity].words) < 2 || a.entities[m.entity].place || !a.actsAsSubject(m) && !a.subjectOfNarration(m, s) {
		return -1
	}
	return mi
}

// maxIntroWords bounds the apposition read before an introduced name, and
// after it.
const maxIntroWords = 12

// maxIntroPhrases bounds the comma-closed phrases read before it.
const maxIntroPhrases = 3

// subjectOfNarration: the name m, in subject position in sentence s, is
// followed by an apposition between commas (« Yanis Carpentier, 19 ans,
// vivait … ») or by a verb no list holds, known by its tense ending
// (« vivait »), before anything else: the subject of a narrating verb.
func (a *analysis) subjectOfNarration(m mention, s sentence) bool {
	if m.possessive || !a.subjectPosition(m) {
		return false
	}
	k := m.tokTo
	if k < s.tokTo && a.toks[k].isPunct(",") {
		j := k + 1
		for j < s.tokTo && j-k <= maxIntroWords && !a.toks[j].isPunct(",") && a.toks[j].kind != tokQuote {
			j++
		}
		if j >= s.tokTo || !a.toks[j].isPunct(",") {
			return false
		}
		k = j + 1
	}
	if k >= s.tokTo || a.toks[k].kind != tokWord || a.toks[k].capitalized() {
		return false
	}
	if a.actsAsSubject(mention{tokFrom: m.tokFrom, tokTo: k, kind: m.kind, npFrom: m.npFrom}) && k != m.tokTo {
		return true
	}
	w := a.toks[k].low
	if k == m.tokTo && m.tokFrom > s.tokFrom && a.toks[m.tokFrom-1].isPunct(",") && !a.lx.Stopwords[w] && !a.gr.prepositions[w] &&
		!a.isDeterminer(w) && !a.gr.clause[w] && !a.gr.coordinators[w] && !a.gr.links[w] {
		// "Juché sur un tracteur, Jean-Marc Castéra donne le ton": after
		// the phrases opening the sentence, the word after the name is
		// its verb, whatever the tense.
		return true
	}
	for _, suf := range a.gr.pastHistoricEndings {
		if len(suf) >= minNarrationEnding && strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// minNarrationEnding: the shortest tense ending (in bytes) that tells a
// verb from another word ("-ait"; "-a" and "-it" end nouns too).
const minNarrationEnding = 3
