package extract

import (
	"strings"
	"unicode"
)

// paragraphSieve: "Il apparaît que les détenus sont tenus dans « des
// positions douloureuses de longues heures »": a long quoted stretch that
// no cue attributed, in a paragraph whose speaker is known, is that
// speaker's words; with no quote before it, the words of the person its
// clause is about (subjectsWords). It runs after acceptance, on spans
// taken for terms.
type paragraphSieve struct{}

// rescue accepts d with the paragraph's speaker and reports whether it did.
func (paragraphSieve) rescue(a *analysis, qi int, st *recordState, d *decided) bool {
	sp := a.spans[a.toks[qi].quote]
	if d.hasCue || d.speaker >= 0 || d.unnamed != "" || d.kind != Partial || !a.longPartial(sp) || a.followsRejected(qi, st) {
		return false
	}
	prev := a.previousQuote(st.decided, sp.para)
	if prev == nil || a.spans[prev.span].para != sp.para || prev.speaker < 0 && prev.unnamed == "" {
		return a.subjectsWords(qi, st, d)
	}
	d.speaker, d.unnamed, d.group, d.mention = prev.speaker, prev.unnamed, prev.group, prev.mention
	d.attrib, d.sieve, d.accept = ByContext, SieveParagraph, true
	return true
}

// minContextPartialWords: a partial quote with no cue of its own takes the
// paragraph's speaker from this many words on; shorter ones are as often
// terms as words said.
const minContextPartialWords = 4

// longPartial: a quoted stretch long enough to be speech, not a title.
func (a *analysis) longPartial(sp span) bool {
	content := a.text[sp.start:sp.end]
	return countWords(content) >= minContextPartialWords && !titleCase(content)
}

// subjectsWords: "Il se présentait comme « le candidat du renouveau et de
// la jeunesse »": with no quote before it in the paragraph, a long partial
// is the words of the person its clause is about, when that subject is a
// person (a name or a pronoun taking one up) and no title noun announces
// the span.
func (a *analysis) subjectsWords(qi int, st *recordState, d *decided) bool {
	// "to “let the wind play through”": words quoted as an infinitive's
	// object are a phrase borrowed, not a statement.
	if p := a.toks[qi-1]; p.kind == tokWord && (a.gr.works[p.low] || a.gr.infinitiveMarkers[p.low]) {
		return false
	}
	// Words said start as a clause goes on; a capital opens a name or a
	// title (« Suzanne Laroque, fille de l'inculpé »), and an infinitive
	// marker (« d'aller lui-même … ») words of the narrator's.
	sp := a.spans[a.toks[qi].quote]
	if first := a.firstWord(sp); first == "" || !unicode.IsLower([]rune(first)[0]) || a.gr.infinitiveMarkers[strings.ToLower(first)] {
		return false
	}
	s := a.sents[a.toks[qi].sent]
	mi := a.clauseSubject(max(s.tokFrom, qi-maxSubjectReach), qi)
	if mi < 0 {
		return false
	}
	m := a.mentions[mi]
	if m.kind == mRole && m.appositionOf > 0 {
		// "Le porte-parole du gouvernement, Ulrich Dossou, a présenté les
		// « … »": the role names the person after it.
		m = a.mentions[m.appositionOf-1]
	}
	if m.kind != mName && m.kind != mPronoun || m.org || m.plural {
		return false
	}
	ent := a.resolve(m, a.mentionsBefore(m.tokFrom), prevSpeaker{entity: st.lastSpeaker, tok: st.lastSpeakerTok})
	// A person named in full in the article: a lone capitalised word
	// opening a sentence ("Based on …") is no one.
	if ent < 0 || a.entities[ent].place || a.entities[ent].org || len(a.entities[ent].words) < 2 {
		return false
	}
	d.speaker, d.mention = ent, &m
	d.attrib, d.sieve, d.accept = ByContext, SieveParagraph, true
	return true
}

// maxSubjectReach: the words between a clause's subject and a partial
// quote it is taken to have said; further back, the subject is another
// clause's.
const maxSubjectReach = 40

// firstWord is the first word of a span as written, an elided article
// with its apostrophe ("d'").
func (a *analysis) firstWord(sp span) string {
	i := sp.start
	for i < sp.end && !isWordRune(a.text[i]) {
		i++
	}
	w, _ := wordAt(a.text, i, sp.end, a.gr.elisions)
	return foldApostrophes(w)
}

// followsRejected: "poursuivi pour « apologie du terrorisme » et
// « propagation de fausses nouvelles »": a quote coordinated with one
// just rejected as a term is a term too.
func (a *analysis) followsRejected(qi int, st *recordState) bool {
	if len(st.decided) == 0 {
		return false
	}
	prev := st.decided[len(st.decided)-1]
	return !prev.accept && a.coordinatedQuote(prev.quoteTok, qi)
}
