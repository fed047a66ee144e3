package extract

import (
	"strings"
	"unicode"
)

// beforeQuote reads what precedes the quote in its sentence: "Selon X,
// « … »", "Pour X, « … »", "X a déclaré que « … »", "a-t-il dit : « … »",
// "X : « … »".
type beforeQuote struct{}

func (beforeQuote) find(a *analysis, qi int, s sentence) (cue, bool) { return a.cueBefore(qi, s) }

func (a *analysis) cueBefore(qi int, s sentence) (cue, bool) {
	toks := a.toks
	// "Selon X, « … »" / "According to X, “…”", unless a reporting verb
	// stands between the source and the quote.
	// Windows keep the work per quote bounded in a sentence of any length.
	for k := max(s.tokFrom, qi-40); k < qi; k++ {
		n, mi := a.accordingAt(k, qi)
		if n == 0 {
			continue
		}
		if mi >= 0 {
			if !a.verbBetween(k+n, qi) {
				return cue{from: k, to: k + n, mention: mi, attribution: ByAccordingTo, sieve: SieveAccordingTo, score: 0.85}, true
			}
			continue
		}
		// "D'après le gestionnaire du réseau de distribution, « … »": a
		// source no lexicon knows is the speaker as written.
		if np := a.sourcePhrase(k+n, qi); np != "" && !a.verbBetween(k+n, qi) && !a.verbBetween(s.tokFrom, k) {
			return cue{from: k, to: k + n, mention: -1, group: np, attribution: ByAccordingTo, sieve: SieveAccordingTo, score: 0.7}, true
		}
	}
	// "was described by their chairman, Graham Lutterworth, as “…”", "a
	// été qualifié par la ministre de « … »": the agent of a passive
	// participle, before the quote.
	if mi := a.agentBefore(qi, s); mi >= 0 {
		return cue{from: qi - 1, to: qi, mention: mi, sieve: SieveAgent, score: 0.8}, true
	}
	// "Pour Mireille Castagne, … : « … »": an opinion holder opening the
	// sentence.
	// "Mais pour X, « … »": a conjunction may come first.
	op := s.tokFrom
	if op+1 < qi && toks[op].kind == tokWord && a.gr.clause[toks[op].low] {
		op++
	}
	if n := a.opinionAt(op, qi); n > 0 {
		holder := op + n
		if holder+1 < qi && a.isDeterminer(toks[holder].low) && a.mentionAt(holder) < 0 {
			holder++ // "Pour la CGT, « … »"
		}
		if mi := a.mentionAt(holder); mi >= 0 {
			// "Pour la sénatrice PS Laurence Rossignol, …": a role, a party
			// and a name make one holder, named by its head.
			chain := a.nounPhraseChain(mi, qi)
			last := a.mentions[chain[len(chain)-1]].tokTo
			// The holder may carry a complement: "Pour le collectif de
			// défense des femmes, …".
			for end := last; end < qi && end-last <= 6; end++ {
				if toks[end].isPunct("(") {
					// "Pour Julie Mertens (Ecolo), …"
					end = a.skipParen(end, qi)
					continue
				}
				if toks[end].isPunct(",") {
					head := a.pickHead(chain)
					// "Pour le chef de groupe Ecolo, Rachid Benali, …": a
					// description named in apposition after it.
					if h := a.mentions[head]; h.kind == mRole && !h.org {
						if ni := a.appositiveName(end, qi); ni >= 0 && a.closesAppositive(a.mentions[ni].tokTo) {
							head = ni
						}
					}
					return cue{from: op, to: op + n, mention: head, attribution: ByAccordingTo, sieve: SieveOpinion, score: 0.8}, true
				}
				if toks[end].kind != tokWord || a.isVerbForm(end) > 0 {
					break
				}
			}
		}
	}
	// "Son client, a-t-il rappelé, a « suivi de lui-même » une cure": an
	// inverted incise between commas before the quote reports it; the
	// clause's subject is what the words are about.
	if c, ok := a.inciseBefore(qi, s); ok {
		return c, true
	}
	// "Le ministre « condamne avec fermeté » l'attaque": the quote opens
	// on the reporting verb its subject governs, when no other reporting
	// verb in the sentence makes it someone's words about him ("Fiorina
	// said Cruz “says whatever …”").
	// "le ministère a « condamné fermement » l'attaque": an auxiliary
	// may stand between the subject and the quoted participle.
	aux := qi
	for aux-1 > s.tokFrom && qi-aux < maxAuxWords && a.toks[aux-1].kind == tokWord && a.gr.aux[a.toks[aux-1].low] {
		aux--
	}
	if qi > s.tokFrom && a.verbOpensQuote(qi) && !a.verbBetween(s.tokFrom, aux) && !a.asideAfter(qi, s) {
		if mi := a.subjectBefore(qi, s.tokFrom); mi >= 0 && a.mentionEndingAt(aux-1) >= 0 {
			return cue{from: aux, to: qi + 1, mention: mi, sieve: SieveSubject, score: 0.75}, true
		}
	}
	// The closest reporting verb before the quote, and its subject. A verb
	// far from the quote governs something else.
	reach := 22
	if qi-1 >= s.tokFrom && toks[qi-1].isPunct(":") {
		reach = 25
	}
	for v := qi - 1; v >= s.tokFrom && qi-v <= reach; v-- {
		if toks[v].kind != tokWord {
			continue
		}
		vn, inv, ok := a.verbAt(v)
		if !ok {
			continue
		}
		if inv != nil {
			return cue{from: v, to: v + vn, mention: -1, inverted: inv, attribution: ByPronoun, sieve: SieveInverted, score: 0.85}, true
		}
		if a.participle(v) {
			// "Estimant que « … », il a voté contre", "X est intervenu,
			// trouvant le « procédé choquant »": a participle's subject is
			// its main clause's.
			if mi := a.participleSubject(v, qi, s); mi >= 0 {
				return cue{from: v, to: v + vn, mention: mi, sieve: SieveSubject, score: 0.75}, true
			}
		}
		// "Du côté de la CGT, on dénonce « … »": an impersonal subject
		// speaks for the group the sentence opens on.
		if mi := a.campHolder(v, s); mi >= 0 {
			return cue{from: a.cueStart(v, s.tokFrom), to: v + vn, mention: mi, attribution: ByAccordingTo, sieve: SieveOpinion, score: 0.7}, true
		}
		if n, mi := a.relayedSpeaker(v, qi); mi >= 0 {
			return cue{from: a.cueStart(v, s.tokFrom), to: v + n, mention: mi, sieve: SieveVerbThenSpeaker, score: 0.75}, true
		}
		// "Ehe er ging, sprach die Wirtin: »…«", "Interrogé, a répondu le
		// ministre : « … »": a verb right after a clause's comma, with no
		// named subject before it, has its subject after it; a pronoun
		// before belongs to the clause.
		subj := a.subjectBefore(v, s.tokFrom)
		if v-1 >= s.tokFrom && toks[v-1].isPunct(",") && (subj < 0 || a.mentions[subj].kind == mPronoun) && !a.gr.addressees[a.toks[v+vn-1].low] {
			if mi := a.firstMentionAfter(v+vn, qi, 2); mi >= 0 && a.mentions[mi].kind != mPronoun && !a.clauseBetween(v+vn, a.mentions[mi].tokFrom) {
				return cue{from: v, to: v + vn, mention: mi, sieve: SieveVerbThenSpeaker, score: 0.75}, true
			}
		}
		if mi := subj; mi >= 0 {
			if !a.agrees(mi, v) {
				continue
			}
			// "Le Dr Lindqvist a précisé que l'OMS ne recommandait « … »",
			// "Elle assure qu'il n'a demandé « … »": a verb in the clause
			// another reporting verb governs reports through that verb's
			// subject, unless a person is named as its own subject.
			if outer, ov, on := a.outerReporter(v, mi, s); outer >= 0 {
				return cue{from: a.cueStart(ov, s.tokFrom), to: ov + on, mention: outer, sieve: SieveSubject, score: 0.8}, true
			}
			return cue{from: a.cueStart(v, s.tokFrom), to: v + vn, mention: mi, sieve: SieveSubject, score: 0.85}, true
		}
		// "certains wikipédiens estiment", "some critics say": a
		// quantified noun phrase right before the verb names a group.
		if np := a.quantifiedSubject(v, s.tokFrom); np != "" {
			return cue{from: a.cueStart(v, s.tokFrom), to: v + vn, mention: -1, group: np, sieve: SieveGroup, score: 0.6}, true
		}
		// "Comme l'a souligné le ministre, « … »": subject right after the
		// verb, nothing but adverbs between.
		// "told Tracy she was “…”": after a verb of telling the name is
		// the one told, not the speaker.
		if mi := a.firstMentionAfter(v+vn, qi, 3); mi >= 0 && !a.clauseBetween(v+vn, a.mentions[mi].tokFrom) && a.mentions[mi].kind != mPronoun &&
			!a.gr.addressees[a.toks[v+vn-1].low] && !a.prepositionBetween(v+vn, a.mentions[mi].tokFrom) {
			// "said Dundee Athletic coach Ross McAlinden, “but …”": the
			// noun phrase's head, not its first name.
			return cue{from: v, to: v + vn, mention: a.pickHead(a.nounPhraseChain(mi, qi)), sieve: SieveVerbThenSpeaker, score: 0.75}, true
		}
	}
	// "X : « … »"
	if qi-1 >= s.tokFrom && toks[qi-1].isPunct(":") {
		if mi := a.mentionEndingAt(qi - 2); mi >= 0 {
			mi = a.appositionHead(mi, s.tokFrom)
			// "Élodie, 31 ans, qui accouchera à Saint-Brieuc : « … »": a
			// place after a preposition ends a clause about the
			// sentence's subject, who speaks.
			// "Sa déléguée, Laetitia Ramos, ne cache pas que la grève
			// coûte cher aux salariés : « … »": so does a group after a
			// preposition.
			if m := a.mentions[mi]; (m.kind == mName || m.kind == mRole && m.plural) && a.afterPreposition(m.tokFrom) {
				si := a.clauseSubject(s.tokFrom, qi-1)
				if si >= 0 && a.mentions[si].kind == mRole && a.mentions[si].appositionOf > 0 {
					si = a.mentions[si].appositionOf - 1 // "Sa déléguée, Laetitia Ramos"
				}
				if si >= 0 && si != mi && a.mentions[si].kind == mName && !a.mentions[si].org {
					mi = si
				}
			}
			return cue{from: qi - 1, to: qi, mention: mi, attribution: ByColon, sieve: SieveColon, score: 0.8}, true
		}
		// "Okafor, the night-shift nurse, is more blunt: "…"": the clause
		// before the colon is about its subject.
		if mi := a.clauseSubject(s.tokFrom, qi-1); mi >= 0 {
			return cue{from: qi - 1, to: qi, mention: mi, attribution: ByColon, sieve: SieveColon, score: 0.7}, true
		}
	}
	return cue{}, false
}

// appositionHead: the mention at mi closes an apposition to a person
// named before a comma ("Thomas Girard, délégué CGT :", "Pascal Durand,
// patron pêcheur à Lorient :"); that person speaks, not the organisation
// or place the apposition ends on. Otherwise mi.
func (a *analysis) appositionHead(mi, limit int) int {
	m := a.mentions[mi]
	// A person named right before the colon speaks, whatever precedes
	// ("Face à X, le Premier ministre Michel Barnier :"); an organisation,
	// a place or a complement after a preposition may be the end of an
	// apposition.
	complement := m.tokFrom > limit && a.toks[m.tokFrom-1].kind == tokWord && a.gr.prepositions[a.toks[m.tokFrom-1].low]
	if m.kind == mName && !m.org && !(m.entity >= 0 && a.entities[m.entity].place) && !complement {
		return mi
	}
	for c := m.tokFrom - 1; c > limit && m.tokFrom-c <= maxColonApposition; c-- {
		t := a.toks[c]
		if t.kind != tokWord && !t.isPunct(",") || t.kind == tokWord && a.isVerbForm(c) > 0 {
			return mi
		}
		if !t.isPunct(",") {
			continue
		}
		if c+1 == m.tokFrom {
			return mi // "Le maire d'Alès, Lorient :" is a list, not an apposition
		}
		hi := a.mentionEndingAt(c - 1)
		if hi < 0 {
			return mi
		}
		h := a.mentions[hi]
		if h.kind != mName || h.org || h.possessive || h.entity >= 0 && a.entities[h.entity].place {
			return mi
		}
		// "Face à Marine Le Pen, le député de la Somme :": after a
		// determiner a new noun phrase may start, so the name before the
		// comma must be a subject.
		if a.isDeterminer(a.toks[c+1].low) && !a.subjectPosition(h) {
			return mi
		}
		return hi
	}
	return mi
}

// maxColonApposition bounds the words of an apposition read back from a
// colon.
const maxColonApposition = 10

// relayedSpeaker: the verb at v relays someone's words ("Le Monde cite le
// ministre Paul Garnier : « … »", "La BBC rapporte les propos du maire :
// « … »"); the person quoted is its object, the noun phrase right after
// it that runs to the quote with nothing but appositions. It returns the
// relay phrase's length and the object's mention, or -1.
func (a *analysis) relayedSpeaker(v, qi int) (int, int) {
	n := a.phraseAt(v, qi, a.gr.relays)
	if n == 0 {
		return 0, -1
	}
	mi := a.firstMentionAfter(v+n, qi, maxRelayObjectOffset)
	if mi < 0 || a.mentions[mi].kind == mPronoun {
		return 0, -1
	}
	chain := a.nounPhraseChain(mi, qi)
	end := a.mentions[chain[len(chain)-1]].tokTo
	if qi-end > maxRelayTail {
		return 0, -1
	}
	for k := v + n; k < qi; k++ {
		// "cite une étude qui montre que « … »": a clause of its own.
		if t := a.toks[k]; t.kind == tokQuote || t.kind == tokWord && (a.gr.clause[t.low] || a.gr.relative[t.low] || a.isVerbForm(k) > 0 && a.mentionAt(k) < 0) {
			return 0, -1
		}
	}
	return n, a.pickHead(chain)
}

// maxRelayObjectOffset: the words (articles, a role) between a relay verb
// and its object's first mention; maxRelayTail: the words of an
// apposition between the object and the quote.
const (
	maxRelayObjectOffset = 4
	maxRelayTail         = 8
)

// asideAfter: a reporting aside after the quote names who speaks in the
// sentence ("…, Axelrod said").
func (a *analysis) asideAfter(qi int, s sentence) bool {
	_, ok := afterAside{}.find(a, qi, s)
	return ok
}

// verbOpensQuote: the quote at qi starts with a finite reporting verb
// (« condamne … », « regrette … »), not its infinitive.
func (a *analysis) verbOpensQuote(qi int) bool {
	sp := a.spans[a.toks[qi].quote]
	end := sp.start
	for end < sp.end && end-sp.start < maxVerbRunes && (unicode.IsLetter(a.text[end]) || a.text[end] == '-') {
		end++
	}
	if end == sp.start || end < sp.end && unicode.IsLetter(a.text[end]) {
		return false
	}
	w := strings.ToLower(string(a.text[sp.start:end]))
	lemma, ok := a.lx.Verbs[w]
	return ok && lemma != w && strings.TrimPrefix(lemma, "se ") != w && !a.participleWord(w)
}

// maxAuxWords bounds the auxiliaries between a subject and the quoted
// participle they govern ("a été").
const maxAuxWords = 2

// maxVerbRunes bounds the first word of a quote read as a verb.
const maxVerbRunes = 24

// participleWord: w ends as a present participle does.
func (a *analysis) participleWord(w string) bool {
	for _, suf := range a.gr.participleEndings {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// cueStart extends the cue leftwards over auxiliaries ("a déclaré").
func (a *analysis) cueStart(v, limit int) int {
	for v-1 >= limit && a.toks[v-1].kind == tokWord && a.gr.aux[a.toks[v-1].low] && v-1 >= 0 {
		v--
	}
	return v
}

// subjectBefore looks left of the verb for the mention that is its subject.
func (a *analysis) subjectBefore(v, limit int) int {
	mi := a.nearestSubjectBefore(v, limit)
	// "X was quoted by the Harbour Gazette as saying", "X, cité par La
	// Gazette, affirmant": the agent of a passive is no subject; the
	// passive's subject is.
	if mi >= 0 && !a.relativeBetween(a.mentions[mi].tokTo, v) {
		if b := a.mentions[mi].tokFrom - 1; b > limit {
			if a.isDeterminer(a.toks[b].low) && !a.gr.agents[a.toks[b].low] {
				b--
			}
			if b > limit && a.gr.agents[a.toks[b].low] && a.toks[b-1].kind == tokWord && a.participleBeforeAgent(a.toks[b-1].low) {
				if si := a.clauseSubject(max(limit, 0), b-1); si >= 0 && si != mi {
					return si
				}
			}
		}
	}
	return mi
}

// relativeBetween: a relative pronoun stands between tokens from and to
// ("published by the Times, which said"): what follows is the antecedent's.
func (a *analysis) relativeBetween(from, to int) bool {
	return a.wordBetween(from, to, a.gr.relative)
}

// nearestSubjectBefore is subjectBefore without the passive's agent check.
func (a *analysis) nearestSubjectBefore(v, limit int) int {
	limit = max(limit, v-60) // a subject is not further back than this
	// "Joe Young, a conductor and an organizer at Railroad Workers United,
	// said": skip the apposition between commas to the name before it.
	start := v - 1
	for start >= limit && a.toks[start].kind == tokWord && (a.gr.aux[a.toks[start].low] || a.gr.clitics[a.toks[start].low] && (start+1 == v || a.gr.aux[a.toks[start+1].low])) {
		start--
	}
	// "Le rectorat, lui, défend", "La direction, elle, juge": a stressed
	// pronoun between commas sets the subject before it apart.
	last := v - 1 // where the backward search for the subject starts
	if start-2 > limit && a.toks[start].isPunct(",") && a.toks[start-2].isPunct(",") {
		if _, ok := a.gr.stressed[a.toks[start-1].low]; ok && a.toks[start-1].kind == tokWord {
			start -= 3
			last = start
		}
	}
	// "Jean Roux (PS) a dénoncé", "Sen. Ann Lee (R-Ohio) said": the
	// parenthesis is an affiliation; the subject stands before it.
	start = a.skipParenBack(start, limit)
	// "… transport minister Ilse Varga said": a name right before the verb
	// is its subject, whatever precedes the name.
	if start >= limit {
		if mi := a.mentionEndingAt(start); mi >= 0 {
			if m := a.mentions[mi]; m.kind == mName && !m.possessive && !(m.entity >= 0 && a.entities[m.entity].place) {
				if o := a.complementOwner(mi); o >= 0 {
					return o
				}
				return mi
			}
		}
	}
	// "Ruth Adler, who called …": a relative pronoun after the name.
	if start-1 > limit && a.toks[start].kind == tokWord && a.gr.relative[a.toks[start].low] && a.toks[start-1].isPunct(",") {
		// "Thomas Grandjean, économiste à la banque Aldebran, qui juge":
		// the relative clause is the person's the apposition describes;
		// "l'Inspection générale des finances (IGF), qui": its acronym
		// stands between.
		if mi := a.mentionEndingAt(a.skipParenBack(start-2, limit)); mi >= 0 && a.mentions[mi].kind != mPronoun {
			return a.appositionHead(mi, limit)
		}
	}
	if start > limit && a.toks[start].isPunct(",") {
		// "L'ONU, par la voix de son porte-parole Stéphane Dujarric, a
		// appelé": the person the organisation speaks through.
		if mi := a.voiceInApposition(start, limit); mi >= 0 {
			return mi
		}
		// The apposition may hold commas of its own ("Ilse Varga,
		// Minister of Transport, Housing and Regional Affairs, said").
		for c := start - 1; c > limit && start-c <= 28; c-- {
			t := a.toks[c]
			if t.kind == tokQuote || t.isPunct(".") && c > 0 && a.toks[c-1].end != t.start {
				break
			}
			if t.isPunct(",") {
				if mi := a.mentionEndingAt(a.skipParenBack(c-1, limit)); mi >= 0 {
					mi = a.ownerOfPlace(mi)
					m := a.mentions[mi]
					if m.kind == mName && !m.org && !m.possessive && a.subjectPosition(m) {
						return mi
					}
				}
			}
		}
	}
	for k := last; k >= limit; k-- {
		k = a.skipParenBack(k, limit)
		mi := a.mentionEndingAt(k)
		if mi < 0 {
			continue
		}
		m := a.mentions[mi]
		// "Les habitants, témoins de la scène, ont dit": a bare
		// description in apposition is not the subject.
		if m.possessive || !a.subjectPosition(m) || m.kind == mRole && m.attached && m.appositionOf == 0 {
			k = m.tokFrom
			continue
		}
		// "Bellinga Shire Mayor Stephen Ruggiero, whose shop …, said": the
		// noun phrase's head, not its first name.
		return a.pickHead(a.nounPhraseChain(mi, v))
	}
	return -1
}

// clauseSubject is the first mention of a clause when it stands in subject
// position and no quote comes before it.
func (a *analysis) clauseSubject(from, to int) int {
	from = max(from, to-60)
	for k := from; k < to; k++ {
		if a.toks[k].kind == tokQuote {
			return -1
		}
		if mi := a.mentionAt(k); mi >= 0 {
			m := a.mentions[mi]
			if m.possessive || m.kind == mPronoun && m.plural {
				return -1
			}
			if !a.subjectPosition(m) {
				// "Lors du procès d'Yvan Colonna, Antoine Sollacaro …": a
				// name inside a complement is not the clause's subject.
				k = m.tokTo - 1
				continue
			}
			return a.pickHead(a.nounPhraseChain(mi, to))
		}
	}
	return -1
}

// ownerOfPlace: for "Dana Pruitt of Ohio", the mention of Ohio
// gives way to the name it qualifies.
func (a *analysis) ownerOfPlace(mi int) int {
	m := a.mentions[mi]
	k := m.tokFrom - 1
	if k < 1 || m.kind != mName {
		return mi
	}
	if !a.gr.links[a.toks[k].low] {
		return mi
	}
	if pi := a.mentionEndingAt(k - 1); pi >= 0 && a.mentions[pi].kind == mName && !a.mentions[pi].org {
		return pi
	}
	return mi
}

// quantifiedSubject returns "certains wikipédiens", "some critics": a
// quantifier and one or two lowercase words right before the verb at v.
func (a *analysis) quantifiedSubject(v, limit int) string {
	end := v
	for end-1 >= limit && a.toks[end-1].kind == tokWord && a.gr.aux[a.toks[end-1].low] {
		end--
	}
	for n := 1; n <= 3; n++ {
		q := end - n - 1
		if q < limit {
			return ""
		}
		t := a.toks[q]
		if t.kind == tokWord && a.gr.quantifiers[t.low] {
			for k := q + 1; k < end; k++ {
				w := a.toks[k]
				if w.kind != tokWord || w.capitalized() || a.lx.Stopwords[w.low] || a.isVerbForm(k) > 0 {
					return ""
				}
			}
			return a.str(t.start, a.toks[end-1].end)
		}
		if t.kind != tokWord || t.capitalized() && !a.sentenceInitial(q) {
			return ""
		}
	}
	return ""
}

// skipParenBack: when token k closes a parenthesis of the sentence, the
// token before its opening one; otherwise k.
func (a *analysis) skipParenBack(k, limit int) int {
	if k < limit || k < 0 || !a.toks[k].isPunct(")") {
		return k
	}
	for j := k - 1; j >= limit && k-j <= maxParenTokens; j-- {
		t := a.toks[j]
		if t.kind == tokQuote || t.isPunct(")") {
			return k
		}
		if t.isPunct("(") {
			return j - 1
		}
	}
	return k
}

// maxParenTokens bounds the look-back for the "(" of an affiliation, so
// the work per verb stays constant.
const maxParenTokens = 12

// participle: the verb form at v ends as a present participle does
// ("estimant", "saying").
func (a *analysis) participle(v int) bool {
	return a.participleWord(a.toks[v].low)
}

// participleSubject finds the subject of the clause a participle at v
// hangs on: after the participial clause when it opens the sentence, the
// subject of the verb before it when it follows a comma.
func (a *analysis) participleSubject(v, qi int, s sentence) int {
	toks := a.toks
	switch {
	case v == s.tokFrom:
		for k := qi + 1; k+1 < s.tokTo && k <= qi+maxParticipleReach; k++ {
			if toks[k].kind == tokQuote {
				return -1
			}
			if toks[k].isPunct(",") {
				mi := a.mentionAt(k + 1)
				if mi < 0 {
					return -1
				}
				if m := a.mentions[mi]; m.possessive || m.kind == mRole && m.attached || m.kind == mPronoun && m.plural {
					return -1
				}
				return mi
			}
		}
	case v > s.tokFrom && toks[v-1].isPunct(","):
		return a.clauseSubject(s.tokFrom, v-1)
	case v-1 > s.tokFrom && a.gr.gerunds[toks[v-1].low]:
		// "RSF a salué la libération tout en dénonçant un « … »": a
		// gerund's subject is its main clause's.
		g := v - 1
		for g-1 > s.tokFrom && toks[g-1].kind == tokWord && a.lx.Stopwords[toks[g-1].low] && !a.gr.aux[toks[g-1].low] && g-1 >= v-3 {
			g-- // "tout en", "aussi en"
		}
		// The clause the gerund ends starts after the last comma: "…, elle
		// se tordit en bégayant".
		from := g - 1
		for from > s.tokFrom && !toks[from-1].isPunct(",") && !toks[from-1].isPunct(";") {
			from--
		}
		if mi := a.clauseSubject(from, g); mi >= 0 || from == s.tokFrom {
			return mi
		}
		// "Loiseau …, puis, tout à coup, se tordit en répétant": a clause
		// that opens on its verb shares the sentence's subject.
		if t := toks[from]; t.kind == tokWord && (a.gr.clitics[t.low] || a.gr.aux[t.low] || a.isVerbForm(from) > 0) {
			return a.clauseSubject(s.tokFrom, g)
		}
	}
	return -1
}

// maxParticipleReach bounds the look past the quote for the comma that
// closes an opening participial clause.
const maxParticipleReach = 12

// campHolder: the verb at v has an impersonal subject ("on dénonce") and
// the sentence opens on a phrase naming a group ("Du côté de la CGT,",
// "Chez Renault,"): the group's mention, or -1.
func (a *analysis) campHolder(v int, s sentence) int {
	toks := a.toks
	j := a.cueStart(v, s.tokFrom) - 1
	for j >= s.tokFrom && toks[j].kind == tokWord && a.gr.clitics[toks[j].low] {
		j-- // "on l'a dit"
	}
	if j < s.tokFrom || !a.gr.impersonal[toks[j].low] || j == s.tokFrom || !toks[j-1].isPunct(",") {
		return -1
	}
	n := a.phraseAt(s.tokFrom, j-1, a.gr.camps)
	if n == 0 {
		return -1
	}
	h := s.tokFrom + n
	if a.isDeterminer(toks[h].low) && a.mentionAt(h) < 0 {
		h++
	}
	if mi := a.mentionAt(h); mi >= 0 && a.mentions[mi].tokTo <= j-1 {
		return mi
	}
	return -1
}

// voiceInApposition: the apposition ending at the comma at token c opens on
// a voice phrase ("par la voix de", "through its spokesman"); the person's
// name inside it, or -1.
func (a *analysis) voiceInApposition(c, limit int) int {
	open := c - 1
	for open > limit && c-open <= maxVoiceApposition && !a.toks[open].isPunct(",") {
		open--
	}
	if open <= limit || !a.toks[open].isPunct(",") {
		return -1
	}
	n := a.phraseAt(open+1, c, a.gr.voices)
	if n == 0 {
		return -1
	}
	for k := c - 1; k >= open+1+n; k-- {
		if mi := a.mentionEndingAt(k); mi >= 0 {
			if m := a.mentions[mi]; m.kind == mName && !m.org && !m.possessive {
				return mi
			}
			return -1
		}
	}
	return -1
}

// maxVoiceApposition bounds the words of an apposition read for a voice.
const maxVoiceApposition = 12

// phraseAt: the words from token k (before limit) make one of the phrases
// of set, written as the tokenizer's words joined by spaces; it returns
// how many words the longest one has, or 0.
func (a *analysis) phraseAt(k, limit int, set map[string]bool) int {
	if len(set) == 0 {
		return 0
	}
	var b strings.Builder
	found := 0
	for n := 1; n <= maxPhraseWords && k+n <= limit; n++ {
		t := a.toks[k+n-1]
		if t.kind != tokWord {
			break
		}
		if n > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(t.low)
		if set[b.String()] {
			found = n
		}
	}
	return found
}

// opinionAt is the length of the opinion phrase (opinion.txt) at token k,
// or 0.
func (a *analysis) opinionAt(k, limit int) int {
	if t := a.toks[k]; t.kind != tokWord || !a.gr.opinionHeads[t.low] {
		return 0
	}
	return a.phraseAt(k, limit, a.gr.opinion)
}

// maxPhraseWords bounds the words of a phrase in the language data.
const maxPhraseWords = 6

// skipParen returns the closing parenthesis of the one opening at token k,
// read no further than limit and a few words; k itself when there is none.
func (a *analysis) skipParen(k, limit int) int {
	for j := k + 1; j < limit && j-k <= maxAffiliationWords; j++ {
		if a.toks[j].isPunct(")") {
			return j
		}
	}
	return k
}

// sourcePhrase is the noun phrase at token k that an according-to phrase
// opens and a comma closes before limit, as written: a determiner, then
// words up to the first verb; "" when there is none.
func (a *analysis) sourcePhrase(k, limit int) string {
	if k >= limit || !a.isDeterminer(a.toks[k].low) {
		return ""
	}
	end := k + 1
	for end < limit && end-k <= maxSourcePhraseWords && a.toks[end].kind == tokWord && a.isVerbForm(end) == 0 {
		end++
	}
	if end-k < 2 || end-k > maxSourcePhraseWords {
		return ""
	}
	// The phrase ends at a comma, maybe after a participle clause ("une
	// étude … publiée l'an dernier,").
	for c := end; c < limit && c-k <= maxSourcePhraseWords; c++ {
		if a.toks[c].isPunct(",") {
			return a.str(a.toks[k].start, a.toks[end-1].end)
		}
		if a.toks[c].kind != tokWord {
			break
		}
	}
	return ""
}

// maxSourcePhraseWords bounds an unnamed source read after "selon".
const maxSourcePhraseWords = 12

// outerReporter: the subject mi of the reporting verb at v opens a clause
// that a complementizer ("que", "that") introduces after an earlier
// reporting verb of sentence s, and mi is no person's name: that earlier
// verb's subject, the verb and its length; -1 otherwise.
func (a *analysis) outerReporter(v, mi int, s sentence) (int, int, int) {
	m := a.mentions[mi]
	if m.kind == mName && !m.org {
		return -1, 0, 0
	}
	from := a.mentionStart(m)
	if from-1 > s.tokFrom && a.isDeterminer(a.toks[from-1].low) && !a.gr.complementizers[a.toks[from-1].low] {
		from-- // "que l'OMS"
	}
	if from-1 <= s.tokFrom || !a.gr.complementizers[a.toks[from-1].low] {
		return -1, 0, 0
	}
	for ov := from - 2; ov >= s.tokFrom && from-ov <= maxOuterReach; ov-- {
		if a.toks[ov].kind != tokWord {
			continue
		}
		on, inv, ok := a.verbAt(ov)
		if !ok || inv != nil || ov+on != from-1 {
			continue
		}
		if outer := a.subjectBefore(ov, s.tokFrom); outer >= 0 && outer != mi {
			return outer, ov, on
		}
		break
	}
	return -1, 0, 0
}

// maxOuterReach bounds the words from a complementizer back to the
// reporting verb it follows.
const maxOuterReach = 4

// mentionStart is the first token of mention m's noun phrase.
func (a *analysis) mentionStart(m mention) int {
	if m.npFrom > 0 && m.npFrom < m.tokFrom {
		return m.npFrom
	}
	return m.tokFrom
}

// inciseBefore finds an inverted reporting verb set off by commas between
// the start of sentence s and the quote at qi ("…, a-t-il rappelé, …").
func (a *analysis) inciseBefore(qi int, s sentence) (cue, bool) {
	toks := a.toks
	for k := max(s.tokFrom+1, qi-maxInciseLookback); k < qi; k++ {
		if !toks[k-1].isPunct(",") || toks[k].kind != tokWord {
			continue
		}
		v := a.skipAux(k, qi)
		vn, inv, ok := a.verbAt(v)
		if !ok || inv == nil || v+vn >= qi || !toks[v+vn].isPunct(",") || a.gr.impersonal[strings.ToLower(inv.text)] {
			continue
		}
		return cue{from: k, to: v + vn, mention: -1, inverted: inv, attribution: ByPronoun, sieve: SieveInverted, score: 0.85}, true
	}
	return cue{}, false
}

// maxInciseLookback bounds how far before a quote an incise is looked for.
const maxInciseLookback = 30

// agentBefore: the quote at qi follows "as"/"de" after an agent phrase
// ("by X", "par X") that follows a passive participle ("was described by
// X as"): the agent's mention, its name in apposition when it is a
// description; -1 otherwise.
func (a *analysis) agentBefore(qi int, s sentence) int {
	toks := a.toks
	k := qi - 1
	if k <= s.tokFrom || toks[k].kind != tokWord || !a.gr.predicatives[toks[k].low] {
		return -1
	}
	for b := k - 1; b > s.tokFrom && k-b <= maxAgentPhrase; b-- {
		if toks[b].kind == tokQuote {
			return -1
		}
		if !a.gr.agents[toks[b].low] {
			continue
		}
		v := b - 1
		if toks[v].kind != tokWord || !a.passiveAux(v) && !(a.isVerbForm(v) > 0 && a.pastParticiple(toks[v].low)) {
			return -1
		}
		head, chain := a.agentHead(b, k)
		if head < 0 {
			return -1
		}
		if h := a.mentions[head]; h.kind != mName || h.possessive {
			if ni := a.appositiveName(a.mentions[chain[len(chain)-1]].tokTo, k); ni >= 0 {
				head = ni
			}
		}
		return head
	}
	return -1
}

// maxAgentPhrase bounds the words of an agent phrase before the quote.
const maxAgentPhrase = 10

// prepositionBetween: "Speaking to BBC Radio Tyne, the 24-year-old said":
// a name after a preposition is the verb's complement, not its subject.
// A link ("le rapport de l'ONH") only ties a complement to a noun.
func (a *analysis) prepositionBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.toks[k].kind == tokWord && a.gr.prepositions[a.toks[k].low] && !a.gr.links[a.toks[k].low] {
			return true
		}
	}
	return false
}
