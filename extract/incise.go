package extract

import (
	"strings"
	"unicode"
)

// splitIncises cuts a quote at an attribution written inside its marks,
// as French typesetting does: « Trop tard ! fit-il, trop tard ! » gives two
// quotes, and the incise between them becomes ordinary text whose verb is
// the cue of both.
func (a *analysis) splitIncises() {
	out := make([]span, 0, len(a.spans))
	for _, sp := range a.spans {
		out = append(out, a.splitSpan(sp)...)
	}
	a.spans = out
}

func (a *analysis) splitSpan(sp span) []span {
	text := a.text
	var pieces []span
	cur := sp
	for p := cur.start; p < cur.end-1; p++ {
		if (text[p] == '–' || text[p] == '—' || text[p] == '-' && at(text, p+1) == '-') && a.turnDash(p, cur) {
			// « Où est-il ? – Au jardin. »: a dash after a full stop opens
			// the other speaker's turn.
			first := cur
			first.end = p
			for first.end > first.start && isSpace(text[first.end-1]) {
				first.end--
			}
			first.close, first.tokEnd, first.unclosed = -1, first.end, false
			pieces = append(pieces, first)
			r := p + 1
			for r < cur.end && (isSpace(text[r]) || text[r] == '-') {
				r++
			}
			cur.start, cur.open = r, -1
			p = r
			continue
		}
		switch text[p] {
		case ',', '!', '?', ';', '…':
		default:
			continue
		}
		if !isSpace(text[p+1]) {
			continue
		}
		incEnd, ok := a.inciseAt(p+1, cur.end)
		if !ok {
			continue
		}
		first := cur
		first.end = p + 1
		first.close = -1
		first.tokEnd = p + 1
		first.unclosed = false
		pieces = append(pieces, first)
		// The quote resumes after the incise's closing punctuation.
		r := incEnd
		for r < cur.end && (isSpace(text[r]) || text[r] == ',' || text[r] == '–' || text[r] == '—') {
			r++
		}
		if r >= cur.end || !atLeastWords(text[r:cur.end], 1) {
			// The incise ends the quote: keep the closing mark with it.
			return pieces
		}
		cur.start = r
		cur.open = -1
		cur.continued = sp.continued
		p = r
	}
	return append(pieces, cur)
}

// inciseAt tells whether an attribution clause starts at i (after a
// punctuation mark inside a quote) and returns where it ends.
func (a *analysis) inciseAt(i, limit int) (int, bool) {
	text := a.text
	for i < limit && isSpace(text[i]) {
		i++
	}
	w, j := wordAt(text, i, limit, a.gr.elisions)
	low := strings.ToLower(foldApostrophes(w))
	// Object clitics before the verb: "me dit Sérapion", "lui répondit-il".
	if a.gr.objectClitics[low] {
		if k := skipSpaces(text, j, limit); k < limit {
			w, j = wordAt(text, k, limit, a.gr.elisions)
			low = strings.ToLower(foldApostrophes(w))
		}
	}
	if low == "" || a.gr.gerunds[low] {
		return 0, false
	}
	verb := false
	for _, c := range a.gr.inversions {
		if base, ok := strings.CutSuffix(low, c.suffix); ok && base != "" {
			_, isVerb := a.lx.Verbs[base]
			// "-t-il" only follows a verb; after a bare "-il" the base must
			// be a known verb ("fit-il", "reprit-elle" are in the data).
			if isVerb || a.gr.aux[base] || strings.HasPrefix(c.suffix, "-t-") {
				verb = true
			}
			break
		}
	}
	known := verb
	if !verb && a.gr.aux[low] {
		// "avait demandé la baronne": an auxiliary and a participle.
		if k := skipSpaces(text, j, limit); k < limit {
			if w2, j2 := wordAt(text, k, limit, a.gr.elisions); w2 != "" {
				if _, ok := a.lx.Verbs[strings.ToLower(w2)]; ok {
					low, j, verb, known = strings.ToLower(w2), j2, false, true
				}
			}
		}
	}
	if !verb {
		_, isVerb := a.lx.Verbs[low]
		if !isVerb && !a.pastHistoricLike(low) {
			return 0, false
		}
		known = isVerb
		// A bare verb form must be followed by its subject: a name or a
		// determiner ("dit Pierre", "dit l'inexorable prêtre").
		k := skipSpaces(text, j, limit)
		next, _ := wordAt(text, k, limit, a.gr.elisions)
		nl := strings.ToLower(foldApostrophes(next))
		if next == "" || !(unicode.IsUpper([]rune(next)[0]) || a.isDeterminer(nl) || nl == "l'") {
			return 0, false
		}
	}
	// The incise runs to the next punctuation mark, and is short: a longer
	// stretch is the quote going on ("prie Mme Lelièvre de vouloir…"). An
	// inverted pronoun (répondit-elle) is surely an incise and may run on.
	maxWords := 8
	if known {
		maxWords = 20
	}
	for k := j; k < limit; k++ {
		switch text[k] {
		case ',', ';', '.', '!', '?', '…', ':':
			if atLeastWords(text[i:k], maxWords+1) {
				return 0, false
			}
			return k + 1, true
		case '–', '—':
			if isSpace(at(text, k-1)) {
				return k, !atLeastWords(text[i:k], maxWords+1)
			}
		}
	}
	if atLeastWords(text[i:limit], maxWords+1) {
		return 0, false
	}
	return limit, true
}

// turnDash: a dash at p, after a sentence-final mark and before a capital,
// inside the span.
func (a *analysis) turnDash(p int, cur span) bool {
	text := a.text
	if p <= cur.start || !isSpace(text[p-1]) {
		return false
	}
	q := p - 1
	for q > cur.start && isSpace(text[q]) {
		q--
	}
	if !strings.ContainsRune(".!?…", text[q]) {
		return false
	}
	r := p + 1
	for r < cur.end && (isSpace(text[r]) || text[r] == '-') {
		r++
	}
	return r < cur.end && unicode.IsUpper(text[r])
}

// pastHistoricLike: a French narrative verb form not in the reporting
// lexicon ("commanda", "reprit", "fit"), recognised by its ending; used only
// inside a quote, between commas, before a subject.
func (a *analysis) pastHistoricLike(w string) bool {
	if len([]rune(w)) < 4 || a.lx.Stopwords[w] {
		return false
	}
	for _, suf := range a.gr.pastHistoricEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func skipSpaces(text []rune, i, limit int) int {
	for i < limit && isSpace(text[i]) {
		i++
	}
	return i
}

// wordAt reads a word with inner hyphens and apostrophes; an elided clitic
// ("l'", "s'") is a word of its own.
func wordAt(text []rune, i, limit int, elisions map[string]bool) (string, int) {
	j := i
	for j < limit {
		c := text[j]
		if isWordRune(c) {
			j++
			continue
		}
		if (c == '-' || c == '\'' || c == '’') && j > i && j+1 < limit && isWordRune(text[j+1]) {
			if c != '-' && elisions[strings.ToLower(string(text[i:j]))+"'"] {
				return string(text[i : j+1]), j + 1
			}
			j++
			continue
		}
		break
	}
	return string(text[i:j]), j
}

// atLeastWords reports whether r holds n words or more, reading no further
// than the n-th word.
func atLeastWords(r []rune, n int) bool {
	count, in := 0, false
	for _, c := range r {
		w := isWordRune(c)
		if w && !in {
			count++
			if count >= n {
				return true
			}
		}
		in = w || c == '\'' || c == '’' || c == '-'
	}
	return false
}
