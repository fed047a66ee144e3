package extract

// verbOnlyReach is how many tokens before the quote a speakerless
// reporting verb may stand.
const verbOnlyReach = 6

// verbOnly: a reporting verb with no speaker the text tells ("« … », a
// déclaré", "was quoted as saying") still makes the span a reported
// utterance; the speaker stays unknown unless context tells.
type verbOnly struct{}

func (verbOnly) find(a *analysis, qi int, s sentence) (cue, bool) {
	toks := a.toks
	k := qi + 1
	for k < s.tokTo && toks[k].kind == tokPunct && toks[k].text == "," {
		k++
	}
	// "“How did you know?” I asked": the narrator speaks; the cue holds,
	// the speaker stays unknown, and no context sieve takes over.
	if k < s.tokTo && toks[k].kind == tokWord && a.gr.firstPerson[toks[k].low] {
		k++
	}
	if v := a.skipAux(k, s.tokTo); v < s.tokTo && v-k <= 3 {
		if vn, _, ok := a.verbAt(v); ok {
			return cue{from: k, to: v + vn, mention: -1, sieve: SieveVerbOnly, score: 0.5}, true
		}
	}
	for v := qi - 1; v >= s.tokFrom && qi-v <= verbOnlyReach; v-- {
		if vn, _, ok := a.verbAt(v); ok {
			return cue{from: v, to: v + vn, mention: -1, sieve: SieveVerbOnly, score: 0.5}, true
		}
	}
	return cue{}, false
}
