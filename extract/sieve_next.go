package extract

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

// maxFrameReach bounds the words from a frame to its reporting verb.
const maxFrameReach = 8
