package extract

// paragraphSieve: "Il apparaît que les détenus sont tenus dans « des
// positions douloureuses de longues heures »": a long quoted stretch that
// no cue attributed, in a paragraph whose speaker is known, is that
// speaker's words. It runs after acceptance, on spans taken for terms.
type paragraphSieve struct{}

// rescue accepts d with the paragraph's speaker and reports whether it did.
func (paragraphSieve) rescue(a *analysis, qi int, st *recordState, d *decided) bool {
	sp := a.spans[a.toks[qi].quote]
	if d.hasCue || d.speaker >= 0 || d.unnamed != "" || d.kind != Partial || !a.longPartial(sp) {
		return false
	}
	prev := a.previousQuote(st.decided, sp.para)
	if prev == nil || a.spans[prev.span].para != sp.para || prev.speaker < 0 && prev.unnamed == "" {
		return false
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
