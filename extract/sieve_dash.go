package extract

// dashSignature: "“…” — Ann Lee, mayor of Easton", as under an epigraph, a
// pull quote or an embedded post: a quote opening its paragraph, then a
// dash and a name that ends the line or is followed by a comma or a
// parenthesis; the dash and the name may stand on the next line.
type dashSignature struct{}

func (dashSignature) find(a *analysis, qi int, _ sentence) (cue, bool) {
	toks := a.toks
	if !a.opensParagraph(qi) {
		return cue{}, false
	}
	k := qi + 1
	if k >= len(toks) || toks[k].para != toks[qi].para && a.paras[toks[k].para].ord != a.paras[toks[qi].para].ord+1 {
		return cue{}, false
	}
	n := a.dashAt(k)
	if n == 0 {
		return cue{}, false
	}
	mi := a.mentionAt(k + n)
	if mi < 0 || a.mentions[mi].kind != mName || a.mentions[mi].possessive {
		return cue{}, false
	}
	para := toks[k].para
	end := k + n
	for end < len(toks) && toks[end].para == para {
		end++
	}
	if toks[k].para != toks[qi].para && (toks[end-1].isPunct("!") || toks[end-1].isPunct("?")) {
		// "« … » ¶ — Marie, viens ici !": a dialogue turn calling
		// someone, not a signature.
		return cue{}, false
	}
	chain := a.nounPhraseChain(mi, end)
	after := a.mentions[chain[len(chain)-1]].tokTo
	if after < end && !toks[after].isPunct(",") && !toks[after].isPunct("(") && !toks[after].isPunct(".") {
		return cue{}, false
	}
	return cue{from: k, to: k + n, mention: a.pickHead(chain), sieve: SieveDash, score: dashSignatureScore}, true
}

// dashSignatureScore: a name signed under a quote is its author, unless
// the line credits a photo or a source, which the name test leaves out.
const dashSignatureScore = 0.85

// dashAt is the number of tokens of a dash at k (—, –, - or --), or 0.
func (a *analysis) dashAt(k int) int {
	t := a.toks[k]
	if t.kind != tokPunct {
		return 0
	}
	switch t.text {
	case "—", "–":
		return 1
	case "-":
		if k+1 < len(a.toks) && a.toks[k+1].isPunct("-") {
			return 2
		}
		return 1
	}
	return 0
}
