package extract

import (
	"strings"
)

// cue is the evidence found for one quote: the reporting expression and
// the mention it points to.
type cue struct {
	from, to    int // token range of the cue words
	mention     int // index into analysis.mentions, -1 when none
	attribution Attribution
	// pronoun synthesised from an inverted clitic (a-t-il, dit-elle).
	inverted *mention
	// group: an unnamed group given as written ("certains wikipédiens").
	group string
	// sieve names the rule that found the cue and its mention.
	sieve Sieve
	score float64
}

var invertedClitics = []struct {
	suffix string
	gender Gender
	plural bool
}{
	{"-t-il", 'm', false}, {"-t-elle", 'f', false}, {"-t-on", 0, true}, {"-t-ils", 'm', true}, {"-t-elles", 'f', true},
	{"-il", 'm', false}, {"-elle", 'f', false}, {"-on", 0, true}, {"-ils", 'm', true}, {"-elles", 'f', true},
}

// verbAt matches a reporting verb at token k, with French inversion
// ("ajoute-t-elle", "a-t-il ajouté", "a -t-il ajouté", "s'est-il félicité").
// It returns the tokens consumed and the inverted pronoun if any.
func (a *analysis) verbAt(k int) (n int, inv *mention, ok bool) {
	toks := a.toks
	if k >= len(toks) || toks[k].kind != tokWord {
		return 0, nil, false
	}
	t := toks[k]
	if a.lx.Lang == "fr" {
		for _, c := range invertedClitics {
			base, found := strings.CutSuffix(t.low, c.suffix)
			if !found {
				continue
			}
			pr := &mention{kind: mPronoun, gender: c.gender, plural: c.plural, entity: -1,
				tokFrom: k, tokTo: k + 1, start: t.end - len([]rune(c.suffix)) + 1, end: t.end}
			pr.text = a.str(pr.start, pr.end)
			if strings.HasPrefix(pr.text, "t-") {
				pr.start += 2
				pr.text = pr.text[2:]
			}
			if base == "" || base == "t" {
				// "a -t-il ajouté": the clitic stands alone after the auxiliary.
				if k+1 < len(toks) && a.isVerbForm(k+1) > 0 {
					return 1 + a.isVerbForm(k+1), pr, true
				}
				return 0, nil, false
			}
			if m := a.isVerbWord(base); m {
				return 1, pr, true
			}
			if a.gr.aux[base] || base == "a" || base == "est" || base == "avait" {
				j := k + 1
				for j < len(toks) && toks[j].kind == tokWord && a.gr.aux[toks[j].low] && a.isVerbForm(j) == 0 {
					j++
				}
				if j < len(toks) {
					if vn := a.isVerbForm(j); vn > 0 {
						return j - k + vn, pr, true
					}
				}
			}
			return 0, nil, false
		}
	}
	if vn := a.isVerbForm(k); vn > 0 {
		if a.passive(k) || a.auxiliaryUse(k, vn) {
			return 0, nil, false
		}
		return vn, nil, true
	}
	return 0, nil, false
}

// auxiliaryUse: the verb form is not reporting here: a function word
// ("contre", "pour"), or a verb governing an infinitive ("continue de
// jouer", "continues to play").
func (a *analysis) auxiliaryUse(k, n int) bool {
	t := a.toks[k]
	if n == 1 && (prepositions[t.low] || t.low == "contre" || t.low == "entre") {
		return true
	}
	// "l'annonce", "the call": after a determiner the form is a noun
	// ("il l'annonce", with a subject pronoun before "l'", stays a verb).
	if p := a.toks[max(k-1, 0)]; k > 0 && p.kind == tokWord && isDeterminer(p.low) && p.low != "that" && !(p.low == "a" && a.lx.Lang != "en") {
		if a.toks[k-1].low != "l'" || k < 2 || !(a.lx.Pronouns[a.toks[k-2].low] != (PronounInfo{}) || a.toks[k-2].low == "ne" || a.toks[k-2].low == "n'") {
			return true
		}
	}
	j := k + n
	if j+1 >= len(a.toks) || a.toks[j].kind != tokWord || a.toks[j+1].kind != tokWord {
		return false
	}
	next, inf := a.toks[j].low, a.toks[j+1]
	switch a.lx.Lang {
	case "fr":
		if next == "de" || next == "d'" || next == "à" {
			for _, suf := range []string{"er", "ir", "re"} {
				if strings.HasSuffix(inf.low, suf) && !inf.capitalized() && !a.lx.Stopwords[inf.low] {
					return true
				}
			}
		}
	case "en":
		if next == "to" && !inf.capitalized() && !isDeterminer(inf.low) && !a.lx.Stopwords[inf.low] {
			if lemma, ok := a.lx.Verbs[inf.low]; !ok || lemma == inf.low {
				return lemma == inf.low || !ok && !strings.HasSuffix(inf.low, "s")
			}
		}
	}
	return false
}

// passive: "sont appelés", "was called": a participle after a form of "to
// be" reports nobody's words (the pronominal "s'est félicité" aside).
func (a *analysis) passive(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		t := a.toks[j]
		if t.kind != tokWord {
			return false
		}
		if a.gr.passive[t.low] {
			return j == 0 || (a.toks[j-1].low != "s'" && a.toks[j-1].low != "se")
		}
		if !a.gr.aux[t.low] {
			return false
		}
	}
	return false
}

func (a *analysis) isVerbWord(w string) bool {
	_, ok := a.lx.Verbs[w]
	return ok
}

// isVerbForm matches the longest verb form (one or more words) at k.
func (a *analysis) isVerbForm(k int) int {
	if v := a.verbLen[k]; v >= 0 {
		return int(v)
	}
	n := a.verbFormLen(k)
	a.verbLen[k] = int8(n)
	return n
}

func (a *analysis) verbFormLen(k int) int {
	toks := a.toks
	if toks[k].kind != tokWord || toks[k].info&wVerbStart == 0 {
		return 0
	}
	best := 0
	key := ""
	for n := 0; n < a.lx.VerbMaxWords && k+n < len(toks); n++ {
		t := toks[k+n]
		if t.kind != tokWord || t.para != toks[k].para {
			break
		}
		if n == 0 {
			key = t.low
		} else {
			if !a.l.verbPrefixes[key] {
				break
			}
			if strings.HasSuffix(key, "'") {
				key += t.low // "mis l'accent": no space after an elision
			} else {
				key += " " + t.low
			}
		}
		if _, ok := a.lx.Verbs[key]; ok {
			best = n + 1
		}
	}
	if best == 1 && a.lx.Lang == "en" && toks[k].capitalized() && !a.sentenceInitial(k) {
		// "Will", "Mark", "Say": a capitalised verb form inside a sentence
		// is a name.
		return 0
	}
	return best
}

// mentionAt returns the mention starting at token k, or -1.
func (a *analysis) mentionAt(k int) int {
	if k < 0 || k >= len(a.toks) {
		return -1
	}
	return a.mentionByTok[k]
}

// skipAux moves over auxiliaries and adverbs toward a verb.
func (a *analysis) skipAux(k, limit int) int {
	for n := 0; k < limit && n < 4; n++ {
		t := a.toks[k]
		if t.kind != tokWord || !a.gr.aux[t.low] || a.isVerbForm(k) > 0 && !a.gr.aux[t.low] {
			break
		}
		if _, _, ok := a.verbAt(k); ok && !a.gr.aux[t.low] {
			break
		}
		// "a" as the auxiliary before an inversion "a-t-il" is handled by verbAt.
		if vn, _, ok := a.verbAt(k + 1); ok && vn > 0 {
			return k + 1
		}
		k++
	}
	return k
}

// quoteCue finds the attribution of the quote token qi in its sentence.
func (a *analysis) quoteCue(qi int) (cue, bool) {
	toks := a.toks
	s := a.sents[toks[qi].sent]
	if c, ok := a.cueAfter(qi, s); ok {
		return c, true
	}
	if c, ok := a.cueBefore(qi, s); ok {
		return c, true
	}
	// « … », y compris le montant, commente Lina Oksanen: the inverted
	// attribution comes after an aside, at a later comma of the sentence.
	for k := qi + 1; k < s.tokTo && k < qi+40; k++ {
		if toks[k].kind == tokQuote {
			break
		}
		if toks[k].isPunct(",") && k+1 < s.tokTo {
			if c, ok := a.cueAfter(k, s); ok && (c.inverted != nil || c.mention >= 0 && (a.mentions[c.mention].tokFrom > c.from || a.endsSentenceAt(c.to, s))) {
				return c, true
			}
		}
	}
	// “Yes.” Smith said. — the quote ended its sentence; the attribution
	// opens the next one.
	if qi+1 == s.tokTo && int(toks[qi].sent)+1 < len(a.sents) {
		next := a.sents[toks[qi].sent+1]
		if next.para == s.para {
			merged := sentence{tokFrom: s.tokFrom, tokTo: next.tokTo, start: s.start, end: next.end, para: s.para}
			if c, ok := a.cueAfter(qi, merged); ok && c.mention >= 0 && a.mentions[c.mention].tokFrom == qi+1 {
				return c, true
			}
		}
	}
	// A reporting verb with no speaker the text tells still makes the
	// span a reported utterance.
	k := qi + 1
	for k < s.tokTo && toks[k].kind == tokPunct && toks[k].text == "," {
		k++
	}
	if v := a.skipAux(k, s.tokTo); v < s.tokTo && v-k <= 3 {
		if vn, _, ok := a.verbAt(v); ok {
			return cue{from: k, to: v + vn, mention: -1, sieve: SieveVerbOnly, score: 0.5}, true
		}
	}
	for v := qi - 1; v >= s.tokFrom && qi-v <= 6; v-- {
		if vn, _, ok := a.verbAt(v); ok {
			return cue{from: v, to: v + vn, mention: -1, sieve: SieveVerbOnly, score: 0.5}, true
		}
	}
	return cue{}, false
}

func (a *analysis) cueAfter(qi int, s sentence) (cue, bool) {
	toks := a.toks
	k := qi + 1
	for k < s.tokTo && toks[k].kind == tokPunct && (toks[k].text == "," || toks[k].text == "—" || toks[k].text == "–" || toks[k].text == "-") {
		k++
	}
	if k >= s.tokTo || toks[k].kind != tokWord {
		return cue{}, false
	}
	// According to X.
	if n, mi := a.accordingAt(k, s.tokTo); n > 0 && mi >= 0 {
		return cue{from: k, to: k + n, mention: mi, attribution: ByAccordingTo, sieve: SieveAccordingTo, score: 0.9}, true
	}
	// Verb first: "a déclaré le ministre", "said Smith", "a-t-il ajouté".
	v := a.skipAux(k, s.tokTo)
	if v-k <= 3 {
		if vn, inv, ok := a.verbAt(v); ok {
			if inv != nil {
				return cue{from: k, to: v + vn, mention: -1, inverted: inv, attribution: ByPronoun, sieve: SieveInverted, score: 0.9}, true
			}
			if mi := a.firstMentionAfter(v+vn, s.tokTo, 6); mi >= 0 {
				return cue{from: k, to: v + vn, mention: a.pickHead(a.nounPhraseChain(mi, s.tokTo)), sieve: SieveVerbThenSpeaker, score: 0.9}, true
			}
		}
	}
	// Speaker first: "Green told", "he said", "the minister, 54, said",
	// "Brookfield Police Lt. Dana Pruitt said": the noun phrase may chain
	// several mentions; the verb follows its last one. Lowercase
	// modifiers may open it: "former infrastructure critic Michael Chong
	// said", "veteran councillor Ann Lee said".
	j0 := k
	for j0 < s.tokTo && j0-k < maxPremodifiers && a.mentionAt(j0) < 0 && a.premodifier(j0) {
		j0++
	}
	if mi := a.mentionAt(j0); mi >= 0 {
		chain := a.nounPhraseChain(mi, s.tokTo)
		last := chain[len(chain)-1]
		j := a.mentions[last].tokTo
		// Apposition: ", a spokesman for the ministry," before the verb.
		if j < s.tokTo && toks[j].isPunct(",") {
			end := j + 1
			for end < s.tokTo && end-j < 16 && !toks[end].isPunct(",") && toks[end].kind != tokQuote {
				end++
			}
			if end < s.tokTo && toks[end].isPunct(",") {
				j = end + 1
			}
		}
		v := a.skipAux(j, s.tokTo)
		if v-j <= 3 {
			if vn, _, ok := a.verbAt(v); ok && a.agrees(a.pickHead(chain), v) {
				return cue{from: j, to: v + vn, mention: a.pickHead(chain), sieve: SieveSpeakerThenVerb, score: 0.95}, true
			}
		}
	}
	return cue{}, false
}

// nounPhraseChain lists the mentions that follow mi inside one noun
// phrase: only words, abbreviation dots and possessives between them.
func (a *analysis) nounPhraseChain(mi, limit int) []int {
	chain := []int{mi}
	for j := mi + 1; j < len(a.mentions) && len(chain) < 5; j++ {
		c := a.mentions[j]
		if c.tokFrom >= limit {
			break
		}
		prev := a.mentions[chain[len(chain)-1]]
		if c.tokFrom < prev.tokTo {
			continue
		}
		if !a.nounPhraseGap(prev.tokTo, c.tokFrom) {
			break
		}
		chain = append(chain, j)
	}
	return chain
}

func (a *analysis) nounPhraseGap(from, to int) bool {
	if to-from > 4 {
		return false
	}
	for k := from; k < to; k++ {
		t := a.toks[k]
		switch {
		case t.kind == tokWord && (a.isVerbForm(k) == 0 || a.nounLikeBase(k)) && !a.gr.clause[t.low] && (!prepositions[t.low] || t.low == "de" || t.low == "of" || t.low == "d'"):
		case t.isPunct(".") && k > 0 && a.toks[k-1].end == t.start:
		default:
			return false
		}
	}
	return true
}

// pickHead prefers the last person name of a chain ("Heart and Stroke
// senior manager Erin Kim"), else the head: "la porte-parole de la
// fédération" is the spokeswoman, not the federation.
func (a *analysis) pickHead(chain []int) int {
	for i := len(chain) - 1; i >= 0; i-- {
		m := a.mentions[chain[i]]
		if m.kind == mName && !m.org && !m.possessive && !(m.entity >= 0 && a.entities[m.entity].place) &&
			(i == 0 || m.tokFrom == 0 || !prepositions[a.toks[m.tokFrom-1].low]) {
			return chain[i]
		}
	}
	return chain[0]
}

func (a *analysis) cueBefore(qi int, s sentence) (cue, bool) {
	toks := a.toks
	// "Selon X, « … »" / "According to X, “…”", unless a reporting verb
	// stands between the source and the quote.
	// Windows keep the work per quote bounded in a sentence of any length.
	for k := max(s.tokFrom, qi-40); k < qi; k++ {
		if n, mi := a.accordingAt(k, qi); n > 0 && mi >= 0 && !a.verbBetween(k+n, qi) {
			return cue{from: k, to: k + n, mention: mi, attribution: ByAccordingTo, sieve: SieveAccordingTo, score: 0.85}, true
		}
	}
	// "Pour Mireille Castagne, … : « … »": an opinion holder opening the
	// sentence.
	// "Mais pour X, « … »": a conjunction may come first.
	op := s.tokFrom
	if op+1 < qi && toks[op].kind == tokWord && a.gr.clause[toks[op].low] {
		op++
	}
	if first := toks[op]; first.kind == tokWord && a.gr.opinion[first.low] {
		if mi := a.mentionAt(op + 1); mi >= 0 {
			// The holder may carry a complement: "Pour le collectif de
			// défense des femmes, …".
			for end := a.mentions[mi].tokTo; end < qi && end-a.mentions[mi].tokTo <= 6; end++ {
				if toks[end].isPunct(",") {
					return cue{from: op, to: op + 1, mention: mi, attribution: ByAccordingTo, sieve: SieveOpinion, score: 0.8}, true
				}
				if toks[end].kind != tokWord || a.isVerbForm(end) > 0 {
					break
				}
			}
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
		if mi := a.subjectBefore(v, s.tokFrom); mi >= 0 {
			if !a.agrees(mi, v) {
				continue
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
		if mi := a.firstMentionAfter(v+vn, qi, 3); mi >= 0 && !a.clauseBetween(v+vn, a.mentions[mi].tokFrom) && a.mentions[mi].kind != mPronoun {
			return cue{from: v, to: v + vn, mention: mi, sieve: SieveVerbThenSpeaker, score: 0.75}, true
		}
	}
	// "X : « … »"
	if qi-1 >= s.tokFrom && toks[qi-1].isPunct(":") {
		if mi := a.mentionEndingAt(qi - 2); mi >= 0 {
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

// cueStart extends the cue leftwards over auxiliaries ("a déclaré").
func (a *analysis) cueStart(v, limit int) int {
	for v-1 >= limit && a.toks[v-1].kind == tokWord && a.gr.aux[a.toks[v-1].low] && v-1 >= 0 {
		v--
	}
	return v
}

// subjectBefore looks left of the verb for the mention that is its subject.
func (a *analysis) subjectBefore(v, limit int) int {
	limit = max(limit, v-60) // a subject is not further back than this
	// "Joe Young, a conductor and an organizer at Railroad Workers United,
	// said": skip the apposition between commas to the name before it.
	start := v - 1
	for start >= limit && a.toks[start].kind == tokWord && (a.gr.aux[a.toks[start].low] || a.gr.clitics[a.toks[start].low] && (start+1 == v || a.gr.aux[a.toks[start+1].low])) {
		start--
	}
	// "Jean Roux (PS) a dénoncé", "Sen. Ann Lee (R-Ohio) said": the
	// parenthesis is an affiliation; the subject stands before it.
	start = a.skipParenBack(start, limit)
	// "… transport minister Ilse Varga said": a name right before the verb
	// is its subject, whatever precedes the name.
	if start >= limit {
		if mi := a.mentionEndingAt(start); mi >= 0 {
			if m := a.mentions[mi]; m.kind == mName && !m.possessive && !(m.entity >= 0 && a.entities[m.entity].place) {
				return mi
			}
		}
	}
	// "Ruth Adler, who called …": a relative pronoun after the name.
	if start-1 > limit && a.toks[start].kind == tokWord && a.gr.relative[a.toks[start].low] && a.toks[start-1].isPunct(",") {
		if mi := a.mentionEndingAt(start - 2); mi >= 0 && a.mentions[mi].kind != mPronoun {
			return mi
		}
	}
	if start > limit && a.toks[start].isPunct(",") {
		// The apposition may hold commas of its own ("Ilse Varga,
		// Minister of Transport, Housing and Regional Affairs, said").
		for c := start - 1; c > limit && start-c <= 28; c-- {
			t := a.toks[c]
			if t.kind == tokQuote || t.isPunct(".") && c > 0 && a.toks[c-1].end != t.start {
				break
			}
			if t.isPunct(",") {
				if mi := a.mentionEndingAt(c - 1); mi >= 0 {
					mi = a.ownerOfPlace(mi)
					m := a.mentions[mi]
					if m.kind == mName && !m.org && !m.possessive && a.subjectPosition(m) {
						return mi
					}
				}
			}
		}
	}
	for k := v - 1; k >= limit; k-- {
		k = a.skipParenBack(k, limit)
		mi := a.mentionEndingAt(k)
		if mi < 0 {
			continue
		}
		m := a.mentions[mi]
		if m.possessive || !a.subjectPosition(m) {
			k = m.tokFrom
			continue
		}
		return mi
	}
	return -1
}

func (a *analysis) firstMentionAfter(k, limit, window int) int {
	for j := k; j < limit && j < k+window; j++ {
		if a.toks[j].kind == tokQuote {
			return -1
		}
		if mi := a.mentionAt(j); mi >= 0 {
			m := a.mentions[mi]
			if j > k && prepositions[a.toks[j-1].low] {
				j = m.tokTo - 1
				continue
			}
			return mi
		}
	}
	return -1
}

func (a *analysis) mentionEndingAt(k int) int {
	if k < 0 || k >= len(a.toks) {
		return -1
	}
	return a.mentionByEnd[k]
}

// accordingAt matches "selon", "according to" at k and the mention after it.
func (a *analysis) accordingAt(k, limit int) (int, int) {
	toks := a.toks
	if k >= len(toks) || toks[k].info&wAccordingStart == 0 {
		return 0, -1
	}
	for _, words := range a.l.accordingWords {
		if k+len(words) > limit {
			continue
		}
		ok := true
		for i, w := range words {
			if toks[k+i].low != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		j := k + len(words)
		if mi := a.mentionAt(j); mi >= 0 {
			return len(words), mi
		}
		return len(words), -1
	}
	return 0, -1
}

// clauseBetween: a conjunction or "que"/"that" between two tokens starts
// another clause, whose subject is not the verb's.
func (a *analysis) clauseBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.toks[k].kind == tokWord && a.gr.clause[a.toks[k].low] {
			return true
		}
	}
	return false
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
			if m.possessive || !a.subjectPosition(m) || m.kind == mPronoun && m.plural {
				return -1
			}
			return a.pickHead(a.nounPhraseChain(mi, to))
		}
	}
	return -1
}

// agrees rejects an English base form after a singular subject with no
// auxiliary: in "Harbour Festival volunteer Ana Reyes" and "the general
// message", volunteer and message are nouns, not verbs.
func (a *analysis) agrees(mi, v int) bool {
	if a.lx.Lang != "en" || mi < 0 {
		return true
	}
	t := a.toks[v]
	if lemma, ok := a.lx.Verbs[t.low]; !ok || lemma != t.low {
		return true
	}
	if v > 0 {
		p := a.toks[v-1]
		if p.kind == tokWord && (a.gr.aux[p.low] || p.low == "to" || strings.HasSuffix(p.low, "n't")) {
			return true
		}
	}
	m := a.mentions[mi]
	if m.plural {
		return true
	}
	switch m.kind {
	case mPronoun:
		return false
	case mName:
		// "the Conservatives call": a plural name.
		return strings.HasSuffix(m.text, "s") && m.tokFrom > 0 && a.toks[m.tokFrom-1].low == "the"
	}
	return false
}

func (a *analysis) verbBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.toks[k].kind == tokWord && a.isVerbForm(k) > 0 {
			return true
		}
	}
	return false
}

// nounLikeBase: an English base verb form inside a noun phrase, with no
// auxiliary before it, is a noun ("volunteer media coordinator").
func (a *analysis) nounLikeBase(k int) bool {
	t := a.toks[k]
	if a.lx.Lang != "en" {
		return false
	}
	lemma, ok := a.lx.Verbs[t.low]
	if !ok || lemma != t.low {
		return false
	}
	return k == 0 || !a.gr.aux[a.toks[k-1].low]
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

// ownerOfPlace: for "Dana Pruitt of Ohio", the mention of Ohio
// gives way to the name it qualifies.
func (a *analysis) ownerOfPlace(mi int) int {
	m := a.mentions[mi]
	k := m.tokFrom - 1
	if k < 1 || m.kind != mName {
		return mi
	}
	switch a.toks[k].low {
	case "of", "de", "du", "from", "d'":
	default:
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

// maxParenTokens bounds the look-back for the "(" of an affiliation, so
// the work per verb stays constant.
const maxParenTokens = 12

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

// maxPremodifiers bounds the lowercase words read before a speaker's noun
// phrase.
const maxPremodifiers = 3

// premodifier: a lowercase word that may open a noun phrase before a name
// or a role: not a verb, a function word or a clause opener.
func (a *analysis) premodifier(k int) bool {
	t := a.toks[k]
	return t.kind == tokWord && !t.capitalized() && a.isVerbForm(k) == 0 && !a.lx.Stopwords[t.low] &&
		!a.gr.clause[t.low] && !prepositions[t.low] && !isDeterminer(t.low) && !a.gr.aux[t.low]
}
