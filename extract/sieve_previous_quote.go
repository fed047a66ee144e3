package extract

// previousQuoteSieve: a quote standing alone, or continuing a quote over
// paragraphs, continues the speaker of the quote before it, a paragraph
// apart at most (two for a quote that is a whole paragraph); with no quote
// there, the last speaker named.
type previousQuoteSieve struct{}

func (previousQuoteSieve) attribute(a *analysis, qi int, st *recordState, d *decided) bool {
	sp := a.spans[a.toks[qi].quote]
	if !a.standsAlone(qi) && !sp.continued && !a.colonWithoutSpeaker(qi) {
		return false
	}
	if mi := a.previousSubject(qi); mi >= 0 && a.mentions[mi].kind != mPronoun && !a.quotesIn(a.sents[a.toks[qi].sent-1]) {
		// "La porte-parole a nuancé les chiffres. « … »": the sentence
		// before names who speaks now; the subject sieve decides.
		return false
	}
	prev := a.previousQuote(st.decided, sp.para)
	if prev != nil && prev.speaker >= 0 && a.otherGenderSubject(qi, prev.speaker) {
		// "“…,” said Margaret. ¶ He laughed. “…”": the pronoun of the
		// sentence before is someone else.
		return false
	}
	if prev != nil && prev.accept && (prev.speaker >= 0 || prev.unnamed != "") && a.presentedOther(qi, prev.speaker) {
		// "« … », a tranché Paul Roux. ¶ Sa rivale, Marie Colin, ne
		// partage pas cet avis. ¶ « … »": the person presented in between
		// takes the floor.
		return false
	}
	if prev != nil && prev.accept && (prev.speaker >= 0 || prev.unnamed != "") {
		if a.paras[sp.para].ord-a.paras[a.spans[prev.span].para].ord > a.carryReach(qi) && !sp.continued {
			return false
		}
		d.speaker, d.unnamed, d.attrib = prev.speaker, prev.unnamed, ByContext
		d.mention, d.sieve = prev.mention, SievePreviousQuote
		return true
	}
	if a.paras[sp.para].ord-st.lastSpeakerPara <= a.carryReach(qi) && st.lastSpeaker >= 0 {
		d.speaker, d.attrib, d.sieve = st.lastSpeaker, ByContext, SieveLastSpeaker
		return true
	}
	return false
}

// otherGenderSubject: the sentence before the quote at qi, in its
// paragraph, opens on a pronoun of the gender entity e does not have.
func (a *analysis) otherGenderSubject(qi, e int) bool {
	mi := a.previousSubject(qi)
	if mi < 0 {
		return false
	}
	m := a.mentions[mi]
	return m.kind == mPronoun && m.gender != 0 && a.entities[e].gender != 0 && m.gender != a.entities[e].gender
}

// carryReach is how many paragraphs back the speaker of a quote with no
// cue may be found: the paragraph before, or further back for a quote
// that is a whole paragraph of its own.
func (a *analysis) carryReach(qi int) int {
	if a.opensParagraph(qi) && a.previousParagraphSpeaker(qi) < 0 && !a.previousParagraphNamesSubject(qi) {
		return maxCarryParas
	}
	return 1
}

// previousParagraphNamesSubject: the paragraph before the quote at qi
// opens on someone ("Les manifestants ont défilé jusqu'à la mairie."),
// who stands between the quote and an older speaker.
func (a *analysis) previousParagraphNamesSubject(qi int) bool {
	si := int(a.toks[qi].sent)
	if si == 0 {
		return false
	}
	return a.namesSubject(a.sents[a.paragraphStart(si-1)])
}

// maxCarryParas: "“…,” she said. ¶ A line of narration. ¶ “…”": one
// paragraph of narration does not end a speaker's turn; the paragraph
// before speaks first when it reports someone's words.
const maxCarryParas = 2

// opensParagraph: the quote at qi opens its paragraph.
func (a *analysis) opensParagraph(qi int) bool {
	s := a.sents[a.toks[qi].sent]
	return s.tokFrom == qi && (a.toks[qi].sent == 0 || a.sents[a.toks[qi].sent-1].para != s.para)
}

func (a *analysis) previousQuote(ds []decided, para int) *decided {
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].accept {
			return &ds[i]
		}
		if a.paras[para].ord-a.paras[a.spans[ds[i].span].para].ord > maxCarryParas {
			return nil
		}
	}
	return nil
}

// quotesIn: sentence s holds a quotation mark, so its subject may be the
// speaker of the quote it holds rather than a new one.
func (a *analysis) quotesIn(s sentence) bool {
	for k := s.tokFrom; k < s.tokTo; k++ {
		if a.toks[k].kind == tokQuote {
			return true
		}
	}
	return false
}

// colonWithoutSpeaker: "Then, after a pause: “…”", "And here was the big
// reveal: “…”": a colon right before the quote ends a clause that names
// nobody, so the quote stands as if alone.
func (a *analysis) colonWithoutSpeaker(qi int) bool {
	s := a.sents[a.toks[qi].sent]
	if qi-1 < s.tokFrom || !a.toks[qi-1].isPunct(":") {
		return false
	}
	for k := s.tokFrom; k < qi; k++ {
		if a.toks[k].kind == tokQuote || a.mentionAt(k) >= 0 {
			return false
		}
	}
	return true
}

// presentedOther: the quote at qi is a paragraph of its own after one that
// presents a person other than entity e (see narratedSubject).
func (a *analysis) presentedOther(qi, e int) bool {
	mi := a.narratedSubject(qi)
	if mi >= 0 && a.mentions[mi].kind == mPronoun {
		// A pronoun presents someone of the other gender than e.
		return e >= 0 && a.entities[e].gender != 0 && a.mentions[mi].gender != a.entities[e].gender
	}
	return mi >= 0 && a.mentions[mi].entity >= 0 && a.mentions[mi].entity != e
}
