package extract

// maxAsideTokens bounds how far after the quote an aside may run before
// its attribution.
const maxAsideTokens = 40

// afterAside: « … », y compris le montant, commente Lina Oksanen: the
// inverted attribution comes after an aside, at a later comma of the
// sentence.
type afterAside struct{}

func (afterAside) find(a *analysis, qi int, s sentence) (cue, bool) {
	toks := a.toks
	for k := qi + 1; k < s.tokTo && k < qi+maxAsideTokens; k++ {
		if toks[k].kind == tokQuote {
			break
		}
		if toks[k].isPunct(",") && k+1 < s.tokTo {
			if c, ok := a.cueAfter(k, s); ok && (c.inverted != nil || c.mention >= 0 && (a.mentions[c.mention].tokFrom > c.from || a.endsSentenceAt(c.to, s))) {
				return c, true
			}
		}
	}
	return cue{}, false
}

// endsSentenceAt: only punctuation or a date adverb follows token k in the
// sentence ("…, Okafor said." / "…, Okafor said Tuesday.").
func (a *analysis) endsSentenceAt(k int, s sentence) bool {
	words := 0
	for j := k; j < s.tokTo; j++ {
		t := a.toks[j]
		if t.kind == tokQuote {
			return false
		}
		if t.kind == tokWord {
			words++
		}
	}
	return words <= 2
}
