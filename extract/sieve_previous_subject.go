package extract

// previousSubjectSieve: a quote standing alone after sentences about one
// person is that person's: the subject of the previous sentence in the
// paragraph, the speaker of indirect speech closing the paragraph before,
// or, for a quote paragraph, the person the paragraph before presents.
type previousSubjectSieve struct{}

func (previousSubjectSieve) attribute(a *analysis, qi int, st *recordState, d *decided) bool {
	if d.speaker >= 0 || d.unnamed != "" || !a.standsAlone(qi) {
		return false
	}
	mi := a.colonLeadSubject(qi)
	if mi < 0 {
		mi = a.previousSubject(qi)
	}
	reported := false // mi is the subject of a reporting verb
	if mi < 0 {
		mi = a.previousParagraphSpeaker(qi)
		reported = mi >= 0
	}
	if mi < 0 {
		mi = a.narratedSubject(qi)
	}
	if mi < 0 {
		return false
	}
	m := a.mentions[mi]
	if ent := a.resolveMention(mi, prevSpeaker{entity: st.lastSpeaker, tok: st.lastSpeakerTok}); ent >= 0 {
		d.speaker, d.attrib, d.sieve = ent, ByContext, SievePreviousSubject
		d.mention = &m
		return true
	}
	if m.kind == mRole && !m.plural && (!m.org || reported) && !m.attached {
		// "la porte-parole de la fédération a nuancé les chiffres.
		// « … »": an unnamed speaker, as written; an institution too when
		// the paragraph before reports its words ("La préfecture a indiqué
		// que … ¶ « … »").
		d.unnamed, d.attrib, d.sieve = m.text, ByContext, SievePreviousSubject
		d.mention = &m
		return true
	}
	return false
}

// previousSubject is the first subject-position mention of the sentence
// before the quote's, in the same paragraph.
func (a *analysis) previousSubject(qi int) int {
	si := a.toks[qi].sent
	if si == 0 || a.sents[si-1].para != a.sents[si].para {
		return -1
	}
	s := a.sents[si-1]
	// "Asked whether the government would …, Mercer was firm": the main
	// clause after a participle clause.
	s.tokFrom = a.afterOpeningParticiple(s)
	// "Or maybe Jeb Bush, consultant Phil Musser says.": in indirect
	// speech the subject is the reporting verb's, wherever it stands.
	if !a.quotesIn(s) {
		if mi := a.reportingSubject(s); mi >= 0 {
			return mi
		}
	}
	for k := s.tokFrom; k < s.tokTo; k++ {
		if a.toks[k].kind == tokQuote {
			return -1
		}
		if mi := a.mentionAt(k); mi >= 0 {
			m := a.mentions[mi]
			if m.kind == mName && !m.possessive && a.subjectPosition(m) || m.kind == mPronoun && !m.plural ||
				m.kind == mRole && !m.plural && !m.org && a.subjectPosition(m) {
				return mi
			}
			return -1
		}
	}
	return -1
}

// afterOpeningParticiple: where sentence s's main clause starts, after
// the comma that closes a participle clause opening it (a sentence opens
// on a verb form only so) ("Asked whether …,
// Mercer was firm"); s.tokFrom when it opens otherwise.
func (a *analysis) afterOpeningParticiple(s sentence) int {
	t := a.toks[s.tokFrom]
	if t.kind != tokWord || a.gr.aux[t.low] || a.isVerbForm(s.tokFrom) == 0 {
		return s.tokFrom
	}
	for k := s.tokFrom + 1; k < s.tokTo && k-s.tokFrom <= maxIntroWords*maxIntroPhrases; k++ {
		if a.toks[k].kind == tokQuote {
			break
		}
		if a.toks[k].isPunct(",") {
			return k + 1
		}
	}
	return s.tokFrom
}

// reportingSubject is the subject of the first reporting verb of sentence
// s written before it ("consultant Phil Musser says"), or -1.
func (a *analysis) reportingSubject(s sentence) int {
	for v := s.tokFrom; v < s.tokTo && v-s.tokFrom < maxReportingScan; v++ {
		if a.toks[v].kind != tokWord {
			continue
		}
		if _, inv, ok := a.verbAt(v); !ok || inv != nil {
			continue
		}
		if mi := a.subjectBefore(v, s.tokFrom); mi >= 0 {
			return mi
		}
	}
	return -1
}

// maxReportingScan bounds the words read for a sentence's reporting verb,
// so that many quotes standing alone after one long sentence stay linear.
const maxReportingScan = 80

// previousParagraphSpeaker: a paragraph that is only a quote, after a
// paragraph that reports someone's words without quoting them ("Too
// often, he says, they get it." or "Brooks said he found a flat. On Oct.
// 1, he moved in."), continues that person: the subject of the last
// reporting verb of the paragraph before.
func (a *analysis) previousParagraphSpeaker(qi int) int {
	si := int(a.toks[qi].sent)
	s := a.sents[si]
	if s.tokFrom != qi || si == 0 {
		return -1
	}
	prevPara := a.sents[si-1].para
	if a.paras[s.para].ord-a.paras[prevPara].ord != 1 {
		return -1
	}
	from := a.paragraphStart(si - 1)
	for p := si - 1; p >= from; p-- {
		prev := a.sents[p]
		if p < si-1 && a.namesSubject(a.sents[p+1]) {
			// "Il revint. La vieille femme se mit à geindre :": a new
			// subject in between takes the floor.
			return -1
		}
		if a.quotesIn(prev) {
			return -1 // quoted words there have their own speaker
		}
		if mi := a.reportingSubject(prev); mi >= 0 {
			return mi
		}
	}
	return -1
}

// paragraphStart is the first sentence of the paragraph holding sentence
// si.
func (a *analysis) paragraphStart(si int) int {
	for si > 0 && a.sents[si-1].para == a.sents[si].para {
		si--
	}
	return si
}

// maxSubjectOffset: the words before a sentence's opening subject ("But
// the", "Then").
const maxSubjectOffset = 2

// namesSubject: sentence s opens on a name or a description before any
// verb, someone other than whom a pronoun would continue.
func (a *analysis) namesSubject(s sentence) bool {
	for k := s.tokFrom; k < s.tokTo; k++ {
		if mi := a.mentionAt(k); mi >= 0 {
			m := a.mentions[mi]
			return (m.kind == mName || m.kind == mRole) && m.tokFrom-s.tokFrom <= maxSubjectOffset && a.subjectPosition(m)
		}
		if a.toks[k].kind == tokWord && a.isVerbForm(k) > 0 {
			return false
		}
	}
	return false
}

// narratedSubject: a paragraph that is only a quote, with no quote or
// speaker near before it, after a paragraph that presents one person
// without reporting words ("Nathalie Brun tient une boulangerie depuis
// 2009. ¶ « … »"), or after an interviewer's question that follows it, is
// that person's: the subject opening the paragraph before, when no later
// sentence there opens on someone else.
func (a *analysis) narratedSubject(qi int) int {
	si := int(a.toks[qi].sent)
	if !a.opensParagraph(qi) || si == 0 {
		return -1
	}
	ord := a.paras[a.sents[si].para].ord
	last := si - 1
	for skipped := 0; ; skipped++ {
		p := a.sents[last].para
		if ord-a.paras[p].ord != 1+skipped {
			return -1
		}
		first := a.paragraphStart(last)
		if !a.question(first, last) {
			return a.presentedSubject(first, last)
		}
		// "Comment avez-vous vécu la tempête ? ¶ « … »": the question is
		// the interviewer's; the answer is the person presented before it.
		if skipped == maxQuestionParas || first == 0 {
			return -1
		}
		last = first - 1
	}
}

// maxQuestionParas: how many question paragraphs an answer may follow.
const maxQuestionParas = 1

// question: sentences first..last are one paragraph asking a question and
// quoting no one.
func (a *analysis) question(first, last int) bool {
	for p := first; p <= last; p++ {
		if a.quotesIn(a.sents[p]) {
			return false
		}
	}
	end := a.sents[last].tokTo - 1
	return end >= 0 && a.toks[end].isPunct("?")
}

// presentedSubject is the one person the sentences first..last open on
// ("Marie Colin tient le café.", "Le maire Paul Roux a présenté le
// projet.", "Du côté des habitants, la colère monte. Marie Colin est
// venue manifester."), pronouns taking them up; -1 when a sentence quotes
// someone or opens on anyone else.
func (a *analysis) presentedSubject(first, last int) int {
	if a.paras[a.sents[first].para].skip {
		return -1
	}
	found := -1
	for p := first; p <= last; p++ {
		s := a.sents[p]
		if a.quotesIn(s) {
			return -1
		}
		mi := a.openingMention(s)
		if mi < 0 {
			continue
		}
		if pm := a.mentions[mi]; pm.kind == mPronoun {
			// "She laughed, and knelt to mend the fire. ¶ “…”": in
			// dialogue, the narration's first sentence may take up its
			// person with a pronoun of known gender.
			if a.dialogue && p == first && !pm.plural && pm.gender != 0 {
				return mi
			}
			continue
		}
		h := a.pickHead(a.nounPhraseChain(mi, s.tokTo))
		if r := a.mentions[mi]; r.kind == mRole && r.appositionOf > 0 {
			h = r.appositionOf - 1 // "Sa rivale, Marie Colin, …"
		}
		m := a.mentions[h]
		// A person named in full somewhere in the article: a lone
		// capitalised word ("Partial transcript as follows:") is no one.
		if m.kind != mName || m.org || m.possessive || m.plural || m.entity < 0 || a.entities[m.entity].place ||
			len(a.entities[m.entity].words) < 2 || found >= 0 && a.mentions[found].entity != m.entity {
			return -1
		}
		if found < 0 {
			found = h
		}
	}
	return found
}

// maxOpeningOffset: the tokens before the mention a sentence opens on
// ("Sa rivale, Marie Colin, …").
const maxOpeningOffset = 4

// openingMention is the mention a sentence opens on, in subject position
// and before any verb, or -1.
func (a *analysis) openingMention(s sentence) int {
	for k := s.tokFrom; k < s.tokTo && k-s.tokFrom <= maxOpeningOffset; k++ {
		// "Du côté des habitants, …": a complement opens the sentence.
		if a.toks[k].kind == tokWord && (a.isVerbForm(k) > 0 || a.gr.prepositions[a.toks[k].low]) {
			return -1
		}
		if mi := a.mentionAt(k); mi >= 0 {
			if !a.subjectPosition(a.mentions[mi]) {
				return -1
			}
			return mi
		}
	}
	return -1
}

// colonLeadSubject: "Karima Aït-Saïd, déléguée CGT, tient le micro : ¶
// « … »": a paragraph that ends on a colon announces the quote opening
// the next one; its last sentence's subject speaks.
func (a *analysis) colonLeadSubject(qi int) int {
	si := int(a.toks[qi].sent)
	if !a.opensParagraph(qi) || si == 0 {
		return -1
	}
	prev := a.sents[si-1]
	last := prev.tokTo - 1
	if last <= prev.tokFrom || !a.toks[last].isPunct(":") || a.paras[a.sents[si].para].ord-a.paras[prev.para].ord != 1 {
		return -1
	}
	// The subject of the last clause before the colon: "The Times made
	// these claims, and Breitbart News responded:".
	from := prev.tokFrom
	for k := last - 1; k > prev.tokFrom; k-- {
		if t := a.toks[k]; t.kind == tokWord && a.gr.coordinators[t.low] && a.mentionAt(k+1) >= 0 {
			from = k + 1
			break
		}
	}
	mi := a.clauseSubject(from, last)
	if mi < 0 {
		return -1
	}
	// "Transcript as follows:" names no one.
	if m := a.mentions[mi]; m.kind == mPronoun && m.plural || m.kind == mName && m.entity >= 0 && a.loneWord(m.entity) {
		return -1
	}
	return mi
}
