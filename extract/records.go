package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scratch holds the big per-document slices, reused from document to
// document through the Extractor's pool so a corpus does not allocate them
// again for every article.
type scratch struct {
	text     []rune
	boff     []int32
	tokens   tokenBufs
	paras    []paragraph
	sents    []sentence
	verbLen  []int8
	byTok    []int
	byEnd    []int
	mentions []mention
}

// maxPooled: slices longer than this (a huge article) are not kept.
const maxPooled = 1 << 22

func (s *scratch) keep(a *analysis) bool {
	if len(a.text) > maxPooled {
		return false
	}
	s.text, s.boff, s.verbLen = a.text[:0], a.boff[:0], a.verbLen[:0]
	s.tokens.toks = a.toks[:0]
	s.paras, s.sents = a.paras[:0], a.sents[:0]
	s.byTok, s.byEnd, s.mentions = a.mentionByTok[:0], a.mentionByEnd[:0], a.mentions[:0]
	return true
}

func newAnalysis(l *language, src string) *analysis {
	return newAnalysisWith(l, src, &scratch{})
}

func newAnalysisWith(l *language, src string, sc *scratch) *analysis {
	text, boff := indexRunes(src, sc.text, sc.boff)
	joinWrappedLines(text)
	a := &analysis{lx: l.lx, gr: l.gr, l: l, text: text, src: src, boff: boff}
	a.mentions = sc.mentions[:0]
	if a.mentions == nil {
		a.mentions = make([]mention, 0, len(text)/200)
	}
	a.paras = splitParagraphsInto(sc.paras, text)
	a.markSkipped()
	// Furniture between two paragraphs ("READ MORE: …") does not separate
	// them: count only the text's own paragraphs.
	ord := 0
	for i := range a.paras {
		a.paras[i].ord = ord
		if !a.paras[i].skip && !blank(text[a.paras[i].start:a.paras[i].end]) {
			ord++
		}
	}
	a.dialogue = a.dialogueText()
	opt := detectSpanOptions(text)
	opt.dangling = a.gr.dangling
	a.spans = findSpans(text, a.paras, opt)
	if a.gr.features[featIncisesInsideMarks] {
		// French typesetting keeps the incise inside the marks; English
		// and German close the quote before "said Smith".
		a.splitIncises()
	}
	a.toks = tokenize(text, src, boff, a.paras, a.spans, l.words, a.gr.elisions, &sc.tokens)
	a.verbLen = grow(sc.verbLen, len(a.toks))
	for i := range a.verbLen {
		a.verbLen[i] = -1
	}
	for i := range a.toks {
		if a.toks[i].kind == tokQuote {
			sp := a.spans[a.toks[i].quote]
			if r, ok := lastRune(strings.TrimRight(a.str(sp.start, sp.end), " ")); ok && strings.ContainsRune(".!?…", r) {
				a.toks[i].low = "."
			}
		}
	}
	a.sents = splitSentences(sc.sents, a.toks, abbreviations{honorifics: a.lx.Honorifics, abbrev: a.gr.abbrev})
	// Which sentence-initial capitalised words the document also writes in
	// lowercase: collect the few candidates, then one pass over the rest.
	a.lowerSeen = map[string]bool{}
	// A bit per hash of the candidates dismisses most lowercase words
	// without a map lookup.
	var maybe candidateBits
	for k, t := range a.toks {
		if t.kind == tokWord && t.capitalized() && a.sentenceInitial(k) {
			a.lowerSeen[t.low] = false
			maybe.add(t.low)
		}
	}
	for _, t := range a.toks {
		if t.kind == tokWord && t.low == t.text && maybe.has(t.low) {
			if seen, ok := a.lowerSeen[t.low]; ok && !seen {
				a.lowerSeen[t.low] = true
			}
		}
	}
	a.findMentions()
	sortMentions(a.mentions)
	a.attachAppositions()
	a.defineAcronyms()
	a.mentionByTok = grow(sc.byTok, len(a.toks))
	a.mentionByEnd = grow(sc.byEnd, len(a.toks))
	for i := range a.toks {
		a.mentionByTok[i], a.mentionByEnd[i] = -1, -1
	}
	for mi, m := range a.mentions {
		if m.kind == mRole && m.appositionOf > 0 {
			continue
		}
		a.mentionByTok[m.tokFrom] = mi
		a.mentionByEnd[m.tokTo-1] = mi
	}
	// Roles in apposition stay findable when nothing else starts there.
	for mi, m := range a.mentions {
		if m.kind == mRole && m.appositionOf > 0 && a.mentionByTok[m.tokFrom] < 0 {
			a.mentionByTok[m.tokFrom] = mi
		}
	}
	a.resolveNames()
	for i := range a.entities {
		a.entities[i].frozen = true
	}
	return a
}

// candidateBits marks the first byte and length of a few hundred words:
// a word whose pair is unmarked is none of them, found in two loads.
type candidateBits [256]uint64

func (b *candidateBits) add(w string) {
	if w != "" {
		b[w[0]] |= 1 << min(len(w), 63)
	}
}

func (b *candidateBits) has(w string) bool {
	return w != "" && b[w[0]]&(1<<min(len(w), 63)) != 0
}

func sortMentions(ms []mention) {
	// Mentions are appended in token order already; keep it stable.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].tokFrom < ms[j-1].tokFrom; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// markSkipped flags the headline and page furniture.
func (a *analysis) markSkipped() {
	// A document of one line has no headline: it is all text.
	firstDone := a.lineCount() < 2
	inList := false
	prevLine := ""    // the last line that is not blank
	var lowBuf []byte // the lowercase head of the line, reused line to line
	for i := range a.paras {
		p := &a.paras[i]
		line := strings.TrimSpace(a.str(p.start, p.end))
		if line == "" {
			continue
		}
		above := prevLine
		prevLine = line
		// Lowercase only a line's head, and only when some furniture phrase
		// starts with its first letter.
		var low []byte
		if len(a.l.furnitureByByte[lowerFirstByte(line)]) > 0 {
			head := line
			if len(head) > 200 {
				head = head[:200]
			}
			lowBuf = appendLower(lowBuf[:0], head, true)
			low = lowBuf
		}
		if inList && len(line) < 200 && !endsSentence(line) {
			// The short lines after "À découvrir également" or "Read more"
			// are links to other articles.
			p.skip = true
			continue
		}
		inList = false
		for _, f := range a.furnitureFor(low) {
			if heading, ok := strings.CutSuffix(f, "$"); ok {
				// "Sources", "Références": a heading alone on its line
				// opens a list of links.
				if strings.TrimRight(string(low), " :\u00a0") == heading {
					p.skip, inList = true, true
					break
				}
				continue
			}
			if len(low) >= len(f) && string(low[:len(f)]) == f && wordBoundary(string(low), len(f)) && utf8.RuneCountInString(line) < 300 {
				p.skip = true
				inList = utf8.RuneCountInString(line) < 60
				break
			}
		}
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "![") {
			p.skip = true
		}
		// A line opened by a dialogue dash is a character's speech, which
		// the guidelines do not count; quotes inside it belong to it. A
		// text printed without line breaks is one long line, not a turn.
		if rest, ok := cutDash(line); ok && len(line) <= maxDialogueTurnBytes {
			// "— « … »", "– »…«" open a quote, not a dialogue turn.
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \u00a0\u202f"))
			p.dialogue = !strings.ContainsRune("«»“„\"‹›", r)
		}
		last, _ := lastRune(line)
		terminal := strings.ContainsRune(".!?…:;»”\"“«)]", last)
		if last == '\'' || last == '’' {
			// 'It's done.': a single mark ends a quote only after the
			// sentence's own mark; otherwise it may be an apostrophe.
			rest := line[:len(line)-utf8.RuneLen(last)]
			if strings.HasSuffix(rest, "'") && last == '\'' {
				rest = rest[:len(rest)-1] // ``Done.'': TeX's closing pair
			}
			beforeLast, _ := lastRune(rest)
			terminal = strings.ContainsRune(".!?…,;", beforeLast)
		}
		n := utf8.RuneCountInString(line)
		if !firstDone {
			firstDone = true
			// The headline: no sentence-final mark once closing quotes are
			// set aside (Banques piratées : « Le parquet exagère »).
			bare := strings.TrimRight(line, " \u00a0\u202f»”\"’'")
			end, _ := lastRune(bare)
			if n < 300 && (!strings.ContainsRune(".…", end) || headlineCase(line)) {
				p.skip = true
			}
			continue
		}
		if (!terminal && !quotedSentenceBefore(line) && n < 150 || n < 200 && headlineCase(line)) && !signedQuote(line) && !signature(line, above) {
			p.skip = true
		}
	}
}

// maxDialogueTurnBytes: a dash line longer than this is a whole text
// written on one line (a digitised page), not one character's turn; the
// longest turns of the novels at hand stay under 1,500 bytes.
const maxDialogueTurnBytes = 2500

// quotedSentenceBefore: the line holds a quotation mark and a sentence
// that ends before its last words ("“It was fine,” said Ann Lee. Photo by
// Reuters"): a paragraph whose tail is a credit or a link, not a heading.
func quotedSentenceBefore(line string) bool {
	if !strings.ContainsAny(line, openingMarks) {
		return false
	}
	for i := 0; i+1 < len(line); i++ {
		if (line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i+1] == ' ' && i > 0 && line[i-1] != ' ' {
			return true
		}
	}
	return false
}

// signedQuote: the line is a quote signed with a dash ("“…” — Ann Lee"),
// not a heading.
func signedQuote(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	if !strings.ContainsRune(openingMarks, first) {
		return false
	}
	i := strings.LastIndexAny(line, closingMarks)
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(line[i:])
	_, dash := cutDash(strings.TrimLeft(line[i+size:], " \u00a0\u202f"))
	return dash
}

// signature: a dash and a name under a line that is a quote ("“…” ¶ —
// President Obama, on Twitter").
func signature(line, prevLine string) bool {
	rest, dash := cutDash(line)
	if !dash || prevLine == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \u00a0\u202f"))
	head, _ := utf8.DecodeRuneInString(prevLine)
	last, _ := lastRune(prevLine)
	return unicode.IsUpper(first) && strings.ContainsRune(openingMarks, head) && strings.ContainsRune(closingMarks, last)
}

// openingMarks and closingMarks open and close a quote at a line's ends.
const (
	openingMarks = "«“„\"‘'‹"
	closingMarks = "»”\"’'›"
)

// lineCount counts the non-blank paragraphs, stopping at two.
func (a *analysis) lineCount() int {
	n := 0
	for _, p := range a.paras {
		if !blank(a.text[p.start:p.end]) {
			n++
			if n == 2 {
				break
			}
		}
	}
	return n
}

func lastRune(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, true
}

type decided struct {
	span    int
	cue     cue
	hasCue  bool
	speaker int // entity, -1 none
	unnamed string
	// group: the unnamed speaker is a plural description ("les
	// manifestants"), whose short partials are as often slogans as words.
	group    bool
	mention  *mention
	attrib   Attribution
	sieve    Sieve
	accept   bool
	sentence int
	quoteTok int
	kind     Kind
}

// records decides, for every span, whether it is a quote and who said it.
func (a *analysis) records(docID, code string) []Quote {
	st := newRecordState()
	st.decided = make([]decided, 0, len(a.spans))
	for qi, t := range a.toks {
		if t.kind != tokQuote {
			continue
		}
		sp := a.spans[t.quote]
		if a.paras[sp.para].skip || a.paras[sp.para].dialogue && !sp.continued {
			continue
		}
		d := decided{span: int(t.quote), speaker: -1, sentence: int(t.sent), quoteTok: qi, attrib: ByNone}
		if c, ok := a.quoteCue(qi); ok {
			d.cue, d.hasCue, d.sieve = c, true, c.sieve
			a.applyCue(&d, c, st.prev())
			a.narrativeInfinitive(&d, st)
		} else {
			for _, sv := range contextSieves {
				if sv.attribute(a, qi, st, &d) {
					break
				}
			}
		}
		d.kind = a.kindOf(qi)
		d.accept = a.accept(qi, d)
		if !d.accept {
			paragraphSieve{}.rescue(a, qi, st, &d)
		}
		if d.accept && d.speaker >= 0 {
			st.lastSpeaker, st.lastSpeakerPara, st.lastSpeakerTok = d.speaker, a.paras[sp.para].ord, qi
		}
		if d.accept && d.unnamed != "" {
			st.last.unnamed, st.last.unnamedTok = d.unnamed, qi
			st.last.unnamedGender = 0
			if d.mention != nil {
				st.last.unnamedGender = d.mention.gender
			}
		}
		st.decided = append(st.decided, d)
	}
	ds := st.decided
	a.speakFromNextPart(ds)
	out := make([]Quote, 0, len(ds))
	for _, d := range ds {
		if !d.accept {
			continue
		}
		sp := a.spans[d.span]
		q := Quote{
			Text:        a.copyText(sp.start, sp.end),
			Start:       sp.start,
			End:         sp.end,
			Kind:        d.kind,
			Attribution: d.attrib,
			Sieve:       d.sieve,
			Lang:        code,
		}
		q.ID = QuoteID(docID, q.Start, q.End)
		// Records outlive the analysis: copies, so they never pin the whole
		// document text in memory through a substring.
		q.Sentence = strings.Clone(a.sentenceText(d.sentence, sp))
		if d.hasCue {
			q.Cue = strings.TrimSpace(a.copyText(a.toks[d.cue.from].start, a.toks[d.cue.to-1].end))
		}
		switch {
		case d.speaker >= 0:
			name := strings.Clone(a.entities[d.speaker].canonical())
			q.Speaker = &name
		case d.unnamed != "":
			u := strings.Clone(d.unnamed)
			q.Speaker = &u
		}
		if d.mention != nil && q.Speaker != nil {
			st, en := d.mention.start, d.mention.end
			q.SpeakerMention = a.copyText(st, en)
			q.SpeakerStart, q.SpeakerEnd = &st, &en
		}
		if q.Speaker == nil {
			q.Attribution, q.Sieve = ByNone, SieveNone
		}
		q.Confidence = confidenceOf(q.Attribution, d.hasCue)
		out = append(out, q)
	}
	return out
}

// speakFromNextPart: "“We have worshipped here since 1952. ¶ “We are
// not leaving,” said the Rev. Alistair Munro": a quote the paragraph's end
// leaves open, with no speaker of its own, goes on in the quote opening
// the next paragraph, whose speaker it takes.
func (a *analysis) speakFromNextPart(ds []decided) {
	for i := len(ds) - 2; i >= 0; i-- {
		d, next := &ds[i], &ds[i+1]
		sp, nsp := a.spans[d.span], a.spans[next.span]
		if !d.accept || d.speaker >= 0 || d.unnamed != "" || sp.close >= 0 || !next.accept || next.speaker < 0 && next.unnamed == "" ||
			a.paras[nsp.para].ord != a.paras[sp.para].ord+1 || !a.opensParagraph(next.quoteTok) {
			continue
		}
		d.speaker, d.unnamed, d.group, d.mention = next.speaker, next.unnamed, next.group, next.mention
		d.attrib, d.sieve = ByContext, SieveNextPart
	}
}

func confidenceOf(at Attribution, hasCue bool) float64 {
	switch at {
	case ByName:
		return 0.95
	case BySurname, ByColon, ByAccordingTo:
		return 0.9
	case ByDescription:
		return 0.8
	case ByPronoun:
		return 0.75
	case ByContext:
		return 0.7
	}
	if hasCue {
		return 0.6
	}
	return 0.5
}

// applyCue turns the cue's mention into a speaker.
func (a *analysis) applyCue(d *decided, c cue, prev prevSpeaker) {
	var m *mention
	if c.inverted != nil {
		m = c.inverted
		if m.plural {
			return
		}
		d.mention = m
		d.attrib = ByPronoun
		if u, e := a.describedSince(*m, prev); u != "" {
			d.unnamed = u
			return
		} else if e >= 0 {
			d.speaker = e
			return
		}
		d.speaker = a.resolvePronoun(*m, prev)
		if d.speaker < 0 {
			d.unnamed = a.unnamedAntecedent(*m, prev)
		}
		return
	}
	if c.group != "" {
		d.unnamed, d.attrib = c.group, ByDescription
		return
	}
	if c.mention < 0 {
		return
	}
	mi := c.mention
	m = &a.mentions[mi]
	d.mention = m
	ent := a.resolveMention(mi, prev)
	switch m.kind {
	case mName:
		d.attrib = ByName
		if len(m.name) == 1 && ent >= 0 && len(a.entities[ent].words) > 1 && !a.entities[ent].org {
			d.attrib = BySurname // an organisation's acronym is its name
		}
	case mPronoun:
		d.attrib = ByPronoun
		if u, e := a.describedSince(*m, prev); u != "" {
			d.unnamed, d.speaker = u, -1
			return
		} else if e >= 0 {
			d.speaker = e
			return
		}
		if ent < 0 {
			d.unnamed = a.unnamedAntecedent(*m, prev)
		}
	case mRole:
		d.attrib = ByDescription
		// "… a expliqué le prévenu" resolved to Jean-Luc Dethier: later
		// in the text "le prévenu" is still him, however many people
		// were named in between.
		if ent >= 0 && !m.plural && m.role != "" && a.entities[ent].org == m.org {
			if _, ok := a.entities[ent].roles[m.role]; !ok {
				a.entities[ent].setRole(m.role, m.country)
			}
		}
		// "un riverain a dit", "les autorités locales ont décrit": a
		// description that names nobody of the article is the speaker as
		// written, one person or a group.
		if ent < 0 && (!m.attached || c.source) {
			d.unnamed, d.group = m.text, m.plural
			// "Un riverain fait le tour de sa maison. « … », raconte ce
			// retraité": a description that points back takes up the
			// unnamed person introduced just before, as first written.
			if u := a.unnamedTakenUp(mi); u != "" {
				d.unnamed = u
			}
		}
	}
	if c.attribution == ByColon || c.attribution == ByAccordingTo {
		d.attrib = c.attribution
	}
	d.speaker = ent
}

// resolvePronoun resolves a clitic pronoun that has no mention index.
func (a *analysis) resolvePronoun(m mention, prev prevSpeaker) int {
	return a.resolve(m, a.mentionsBefore(m.tokFrom), prev)
}

// standsAlone: the quote is its sentence, bar punctuation.
func (a *analysis) standsAlone(qi int) bool {
	return a.sents[a.toks[qi].sent].words == 0
}

func (a *analysis) kindOf(qi int) Kind {
	s := a.sents[a.toks[qi].sent]
	if qi == s.tokFrom {
		return Direct
	}
	prev := a.toks[qi-1]
	if prev.kind == tokPunct && (prev.text == ":" || prev.text == "," || prev.text == "—" || prev.text == "–") {
		return Direct
	}
	if prev.kind == tokQuote {
		return Direct
	}
	return Partial
}

// accept tells a reported utterance from a scare quote, a title or a name.
func (a *analysis) accept(qi int, d decided) bool {
	sp := a.spans[a.toks[qi].quote]
	content := a.text[sp.start:sp.end]
	words := countWords(content)
	if qi > 0 {
		// "le rapport « … »": a title announced by the word before, in the
		// same paragraph (a headline's last word announces nothing).
		p := a.toks[qi-1]
		if p.kind == tokWord && p.para == a.toks[qi].para && a.worksBefore(qi) && (words <= 6 || titleCase(content)) && !sourcedPredicate(d, content, words) && !a.judgedObject(qi, d, content) {
			return false
		}
	}
	if a.soCalledTerm(qi) && words <= maxTermWords || qi > 0 && a.toks[qi-1].kind == tokWord && a.gr.naming[a.toks[qi-1].low] {
		return false
	}
	// "frontman Jez “Sparky” Kilbane": a capitalised word or two between
	// a given name and a surname is a nickname.
	if words <= maxNicknameWords && qi > 0 && qi+1 < len(a.toks) && len(content) > 0 && unicode.IsUpper(content[0]) {
		p, n := a.toks[qi-1], a.toks[qi+1]
		if p.kind == tokWord && n.kind == tokWord && p.capitalized() && n.capitalized() && p.para == n.para && a.isFirstName(p.text) {
			return false
		}
	}
	// "une banderole proclamant « … »", "des pancartes : « … » ou « … »":
	// words written on an object are a slogan.
	if a.carriedSlogan(qi) {
		return false
	}
	// « ville apaisée », slogan de la campagne: named as a title after.
	if k := qi + 1; k+1 < len(a.toks) && a.toks[k].isPunct(",") && words <= 6 {
		// « Les Microbes et nous », un ouvrage de vulgarisation.
		w := k + 1
		if w+1 < len(a.toks) && a.isDeterminer(a.toks[w].low) {
			w++
		}
		if a.toks[w].kind == tokWord && a.gr.works[a.toks[w].low] {
			return false
		}
	}
	if sp.continued {
		return true
	}
	if d.kind == Partial && a.namedWork(qi) {
		// "a confié au « Monde »": a newspaper or a work named after a
		// preposition, not words said.
		return false
	}
	if d.kind == Partial && words == 1 && (!hasLower(content) || hasDigit(content)) {
		// « A3 », « Baa3 », “NATO”: a code or an acronym, not words said.
		return false
	}
	if words <= maxTitleWords && titleCase(content) && a.roleNamedAfter(qi) {
		// "“Orange is the New Black” star Dascha Polanco", "“Today” host
		// Ann Lee": a show or a work that a person's role is of.
		return false
	}
	if words <= maxWorkWords && a.namedInPassing(qi, content) {
		// "un essai, « La Machine et l'Atelier », défend", "des « Assises
		// pour la paix »", "face à « Nord magnétique » du Belge X": a
		// capitalised phrase a sentence names, not words said.
		return false
	}
	if words <= maxTitleWords+4 && a.setOffByCommas(qi, content) && titleCaseBeforeComma(content) && a.worksNounBefore(qi-1) {
		// "A report commissioned by the Chiefs of Ontario, “Clean Water,
		// Broken Promises,” found": a title in apposition to the work
		// it names, whatever verb the sentence has.
		return false
	}
	if !d.hasCue && words <= maxWorkWords && a.appositiveTitle(qi, content) && titleCaseBeforeComma(content) && !a.speaksInPerson(content) {
		// "a documentary, “Eleven Doors Down,” due out next spring": a
		// title set off by commas after the noun it names.
		return false
	}
	if d.kind == Partial && words <= 5 && titleCase(content) && !a.speaksInPerson(content) {
		// “Face the Nation”, “Bird Man”: a title or a name, not words said.
		return false
	}
	speechy := a.looksLikeSpeech(content)
	if len(a.lx.Verbs) == 0 {
		// A language without data: every span that is not a title counts.
		return words >= 2 && !titleCase(content) || speechy
	}
	if d.hasCue && d.cue.mention < 0 && d.cue.inverted == nil && d.kind == Partial && words < 5 && !speechy && a.infinitiveCue(d.cue) {
		// A verb with no speaker before a short phrase: "sans pouvoir dire
		// « mission terminée »" names words nobody said.
		return false
	}
	if d.hasCue {
		if words <= 2 && d.kind == Partial && !speechy {
			return d.speaker >= 0 || d.unnamed != "" && !d.group || d.cue.mention < 0 && d.cue.inverted == nil
		}
		return true
	}
	if !hasLower(content) && words >= minCapsHeadingWords {
		// "‘EUROPEANS ASK IF VIOLENCE IS BECOMING FACT OF LIFE’": words in
		// capitals that no verb reports are a heading, not speech.
		return false
	}
	if d.attrib == ByContext {
		return true
	}
	if a.standsAlone(qi) {
		return words >= 3 || speechy
	}
	if a.afterColon(qi) && words >= 3 {
		return true
	}
	if d.kind == Direct && speechy && words >= 2 {
		// Set off by punctuation and worded like speech: « Comment,
		// chez toi ? »
		return true
	}
	// No cue in the sentence: only a long, sentence-like stretch is speech.
	return words >= 6 && speechy && !titleCase(content)
}

// sourcedPredicate: "selon Claire Vautrin, ce plan « cible presque
// exclusivement les grandes agglomérations »": after a noun that may
// announce a title, words that go on in lowercase as the sentence's
// predicate, given to a named source, are that source's words.
func sourcedPredicate(d decided, content []rune, words int) bool {
	return d.hasCue && d.cue.attribution == ByAccordingTo && d.speaker >= 0 && words >= minPredicateWords && !unicode.IsUpper(content[0])
}

// minPredicateWords: a shorter lowercase phrase after such a noun is still
// more often a term than a predicate.
const minPredicateWords = 4

// worksBefore: the words right before the quote at qi name a work, a
// title or a slogan (works.txt): one word ("le rapport"), a phrase ("sous
// le mot d'ordre"), or a word and an adjective after it in languages that
// put adjectives after the noun ("l'initiative populaire").
func (a *analysis) worksBefore(qi int) bool {
	last := a.toks[qi-1].low
	if a.gr.works[last] {
		return true
	}
	if a.gr.worksTails[last] {
		return a.worksPhraseBefore(qi)
	}
	return a.gr.features[featAdjectivesFollowNoun] && qi >= 2 && a.postAdjective(qi-1) && a.toks[qi-2].para == a.toks[qi].para && a.gr.works[a.toks[qi-2].low]
}

// worksPhraseBefore: the words ending right before the quote at qi are a
// works.txt phrase of several words.
func (a *analysis) worksPhraseBefore(qi int) bool {
	phrase := ""
	for k := qi - 1; k >= 0 && qi-k <= maxWorksPhraseWords; k-- {
		t := a.toks[k]
		if t.kind != tokWord || t.para != a.toks[qi].para {
			break
		}
		if phrase != "" && !strings.HasSuffix(t.low, "'") && !strings.HasSuffix(t.low, "’") {
			phrase = " " + phrase
		}
		phrase = t.low + phrase
		if k < qi-1 && a.gr.works[phrase] {
			return true
		}
	}
	return false
}

// maxWorksPhraseWords bounds a works phrase read back from a quote.
const maxWorksPhraseWords = 3

// carriedSlogan: a carrier of written words (carriers.txt) comes a few
// words before the quote at qi in its sentence, with no name between them
// and no other words said: "brandissant des pancartes « … »", "la
// banderole « … » a été brandie", "Sur la porte, une feuille : « … »".
func (a *analysis) carriedSlogan(qi int) bool {
	s := a.sents[a.toks[qi].sent]
	for k := qi - 1; k >= s.tokFrom && qi-k <= maxCarrierWords; k-- {
		t := a.toks[k]
		if t.kind == tokWord && a.gr.carriers[t.low] {
			return true
		}
		if mi := a.mentionAt(k); mi >= 0 && a.mentions[mi].kind == mName {
			return false
		}
		if t.kind == tokQuote && !a.coordinatedQuote(k, qi) {
			return false
		}
	}
	return false
}

// maxCarrierWords bounds the words between a carrier and its slogan.
const maxCarrierWords = 6

// coordinatedQuote: the quotes at tokens k and qi are joined by a
// coordinator alone ("« A » et « B »", "« A » ou encore « B »").
func (a *analysis) coordinatedQuote(k, qi int) bool {
	if qi-k < 2 || qi-k > 3 {
		return false
	}
	for j := k + 1; j < qi; j++ {
		t := a.toks[j]
		if t.kind != tokWord || !a.gr.coordinators[t.low] && !a.lx.Stopwords[t.low] {
			return false
		}
	}
	return true
}

// maxTermWords bounds a term set apart by a "so-called" participle.
const maxTermWords = 6

// soCalledTerm: "sa politique dite « multivectorielle »", "les épisodes
// dits « cévenols »": a participle of saying right after a common noun
// names a term, not words anyone said ("il dit « non »" has a subject
// before its verb instead).
func (a *analysis) soCalledTerm(qi int) bool {
	if qi < 2 {
		return false
	}
	p, n := a.toks[qi-1], a.toks[qi-2]
	if p.kind != tokWord || !a.gr.soCalled[p.low] || n.para != p.para {
		return false
	}
	// "la loi de 1996, dite « … »", "le prétendu « … »": after a comma
	// or an article the participle is an adjective.
	if n.isPunct(",") || a.isDeterminer(n.low) {
		return true
	}
	if n.kind != tokWord || n.capitalized() {
		return false
	}
	return !a.gr.aux[n.low] && !a.gr.clitics[n.low] && !a.lx.Stopwords[n.low] && a.mentionEndingAt(qi-2) < 0 || a.gr.works[n.low]
}

// minCapsHeadingWords: from this many words, a stretch in capitals with
// no cue is a heading; one or two ("“NO!”") may be a shout.
const minCapsHeadingWords = 3

// maxTitleWords bounds the words of a title read before a role.
const maxTitleWords = 6

// roleNamedAfter: a lowercase role and a capitalised name follow the quote
// at qi directly ("… star Dascha Polanco").
func (a *analysis) roleNamedAfter(qi int) bool {
	k := qi + 1
	if k >= len(a.toks) || a.toks[k].kind != tokWord || a.toks[k].capitalized() || a.toks[k].para != a.toks[qi].para {
		return false
	}
	_, _, n := a.roleAt(k)
	return n > 0 && k+n < len(a.toks) && a.toks[k+n].kind == tokWord && a.toks[k+n].capitalized()
}

// namedWork: the quote at token qi is a short capitalised name set in
// marks after a preposition or an article ("au « Monde »", "dans « Le
// Parisien »", "on « Face the Nation »"): a title, never speech.
func (a *analysis) namedWork(qi int) bool {
	if qi == 0 {
		return false
	}
	p := a.toks[qi-1]
	if p.kind != tokWord || p.para != a.toks[qi].para || !a.gr.prepositions[p.low] && !a.isDeterminer(p.low) {
		return false
	}
	sp := a.spans[a.toks[qi].quote]
	content := a.text[sp.start:sp.end]
	words := countWords(content)
	if words == 0 || words > maxWorkWords || !unicode.IsUpper(content[0]) {
		return false
	}
	// "invité de « Dimanche en politique »": where titles are written in
	// sentence case, a capitalised phrase after a noun's complement link
	// names a work.
	sentenceCase := a.gr.features[featSentenceCaseTitles] && a.gr.links[p.low] && a.afterNoun(qi-1) && !a.speaksInPerson(content)
	return words == 1 || titleCase(content) || sentenceCase
}

// maxNicknameWords bounds the words of a nickname set in a name.
const maxNicknameWords = 2

// maxWorkWords bounds the words of a title named in marks.
const maxWorkWords = 4

// judgedObject: "Paul called the bill "a disgrace"", "a qualifié le
// projet de « brutal »": the reporting verb right before the object says
// what the speaker thinks of it, in words that start lowercase as speech
// does, not a title.
func (a *analysis) judgedObject(qi int, d decided, content []rune) bool {
	if !d.hasCue || d.cue.mention < 0 && d.cue.inverted == nil || len(content) == 0 || !unicode.IsLower(content[0]) {
		return false
	}
	k := d.cue.to
	if k < qi && a.isDeterminer(a.toks[k].low) {
		k++
	}
	return k == qi-1
}

func hasDigit(r []rune) bool {
	for _, c := range r {
		if unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

func hasLower(r []rune) bool {
	for _, c := range r {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

func countWords(r []rune) int {
	n, in := 0, false
	for _, c := range r {
		w := isWordRune(c)
		if w && !in {
			n++
		}
		in = w || c == '\'' || c == '’' || c == '-'
	}
	return n
}

// looksLikeSpeech: ends like a sentence or a clause, or speaks in first or
// second person.
func (a *analysis) looksLikeSpeech(r []rune) bool {
	if len(r) == 0 {
		return false
	}
	switch r[len(r)-1] {
	case '.', '!', '?', ',', '…', ';':
		return true
	}
	return a.speaksInPerson(r)
}

// speaksInPerson: the words speak as "I" or "we", or to "you"
// (speech-persons.txt).
func (a *analysis) speaksInPerson(r []rune) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(string(r)), func(c rune) bool { return !isWordRune(c) && c != '\'' && c != '’' }) {
		w = foldApostrophes(w)
		if a.gr.speechPersons[w] {
			return true
		}
		if i := strings.IndexByte(w, '\''); i > 0 && a.gr.speechPersons[w[:i+1]] {
			return true // "j'ai", "i'm"
		}
	}
	return false
}

// titleCase: every long word capitalised, as titles of works are.
func titleCase(r []rune) bool {
	words := strings.Fields(string(r))
	if len(words) < 2 {
		return false
	}
	long := 0
	for _, w := range words {
		rs := []rune(w)
		if len(rs) > 3 {
			if !unicode.IsUpper(rs[0]) {
				return false
			}
			long++
		}
	}
	return long > 0 && unicode.IsUpper([]rune(words[0])[0])
}

// unnamedAntecedent: "… a indiqué un porte-parole de la police. « … »
// a-t-il précisé": a pronoun after a quote by an unnamed speaker, with no
// one named in between, stands for that speaker.
func (a *analysis) unnamedAntecedent(m mention, prev prevSpeaker) string {
	if prev.unnamed == "" || m.plural || a.gr.neuter[strings.ToLower(m.text)] || !genderAgrees(prev.unnamedGender, m.gender) {
		return ""
	}
	if a.paras[a.toks[m.tokFrom].para].ord-a.paras[a.toks[prev.unnamedTok].para].ord > 1 {
		return ""
	}
	for j := a.mentionsBefore(prev.unnamedTok + 1); j < len(a.mentions); j++ {
		c := a.mentions[j]
		if c.tokFrom >= m.tokFrom {
			break
		}
		if c.kind == mName && !c.org && c.entity >= 0 {
			if e := a.entities[c.entity]; e.gender != 0 && genderAgrees(e.gender, m.gender) {
				return ""
			}
		}
	}
	return prev.unnamed
}

// narrativeInfinitive: "« … », s'indigne X. Et d'ajouter : « … »", "Avant
// de conclure : « … »": a narrative infinitive with no subject goes on with
// the last speaker, a paragraph apart at most, when no other person was
// named since.
func (a *analysis) narrativeInfinitive(d *decided, st *recordState) {
	c := d.cue
	if c.sieve != SieveVerbOnly || d.speaker >= 0 || d.unnamed != "" || c.from == 0 || st.lastSpeaker < 0 ||
		!a.gr.infinitiveMarkers[a.toks[c.from-1].low] || !a.infinitiveCue(c) {
		return
	}
	if a.paras[a.toks[d.quoteTok].para].ord-st.lastSpeakerPara > 1 || a.otherNamedSince(st.lastSpeakerTok, d.quoteTok, st.lastSpeaker) {
		return
	}
	d.speaker, d.attrib, d.sieve = st.lastSpeaker, ByContext, SievePreviousQuote
}

// infinitiveCue: the cue's verb is in the infinitive (its lemma), as in
// "sans pouvoir dire", where nobody says anything yet.
func (a *analysis) infinitiveCue(c cue) bool {
	for k := c.from; k < c.to; k++ {
		t := a.toks[k]
		if lemma, ok := a.lx.Verbs[t.low]; ok {
			return lemma == t.low || strings.TrimPrefix(lemma, "se ") == t.low
		}
	}
	return false
}

// wordBoundary: the prefix of length n ends a word in s.
func wordBoundary(s string, n int) bool {
	if n >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	prev, _ := utf8.DecodeLastRuneInString(s[:n])
	return !isWordRune(r) || !isWordRune(prev)
}

// endsSentence: the line ends with a sentence-final mark, closing quotes
// aside.
func endsSentence(line string) bool {
	bare := strings.TrimRight(line, " \u00a0\u202f»”\"’'")
	r, _ := utf8.DecodeLastRuneInString(bare)
	return strings.ContainsRune(".!?…", r)
}

// afterColon: the quote follows a colon, dashes aside ("a été : — « … »").
func (a *analysis) afterColon(qi int) bool {
	for k := qi - 1; k >= 0 && k >= qi-3; k-- {
		t := a.toks[k]
		switch {
		case t.isPunct(":"):
			return true
		case t.kind == tokPunct && (t.text == "—" || t.text == "–" || t.text == "-"):
			continue
		}
		return false
	}
	return false
}

// speakers describes the entities that speak in quotes, in order of first
// quote.
func (a *analysis) speakers(quotes []Quote) []Speaker {
	byName := map[string]int{}
	var byCanonical map[string]int // built on the first named speaker
	var out []Speaker
	for _, q := range quotes {
		if q.Speaker == nil {
			continue
		}
		name := *q.Speaker
		if i, ok := byName[name]; ok {
			out[i].Quotes++
			continue
		}
		sp := Speaker{Name: name, Quotes: 1}
		if byCanonical == nil {
			byCanonical = make(map[string]int, len(a.entities))
			for ei := len(a.entities) - 1; ei >= 0; ei-- {
				byCanonical[a.entities[ei].canonical()] = ei
			}
		}
		if ei, ok := byCanonical[name]; ok {
			e := &a.entities[ei]
			for _, f := range e.formOrder {
				if f != name {
					sp.Aliases = append(sp.Aliases, strings.Clone(f))
				}
			}
			sp.Org = e.org
			if e.gender != 0 {
				sp.Gender = string(rune(e.gender))
			}
			for r := range e.roles {
				sp.Roles = append(sp.Roles, strings.Clone(r))
			}
			sort.Strings(sp.Roles)
		} else {
			sp.Described = true
		}
		byName[name] = len(out)
		out = append(out, sp)
	}
	return out
}

// furnitureFor returns the furniture phrases that may prefix low: those
// starting with its first byte.
func (a *analysis) furnitureFor(low []byte) []string {
	if len(low) == 0 {
		return nil
	}
	return a.l.furnitureByByte[low[0]]
}

// lowerFirstByte is the first byte of the lowercase line: furniture
// phrases are indexed by it.
func lowerFirstByte(line string) byte {
	if c := line[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c
	}
	r, _ := utf8.DecodeRuneInString(line)
	return strings.ToLower(string(r))[0]
}

// grow returns a slice of length n, reusing buf's memory when it can.
func grow[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]T, n)
}

// headlineCase: a line in Title Case ("Bernie Sanders: 'Of Course' Hillary
// Clinton Is Qualified To Be President.") is a headline.
func headlineCase(line string) bool {
	long, upper := 0, 0
	for line != "" {
		// The next field, as strings.Fields cuts them.
		w := strings.TrimLeftFunc(line, unicode.IsSpace)
		end := strings.IndexFunc(w, unicode.IsSpace)
		if end < 0 {
			end = len(w)
		}
		w, line = w[:end], w[end:]
		if w == "" {
			break
		}
		w = strings.TrimLeft(w, "\"'‘’“”«» (")
		r, size := utf8.DecodeRuneInString(w)
		if size == 0 || utf8.RuneCountInString(w) <= 3 || !unicode.IsLetter(r) {
			continue
		}
		long++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return long >= 5 && upper*10 >= long*9
}

// cutDash removes a leading dialogue dash (—, – or --).
func cutDash(line string) (string, bool) {
	for _, d := range []string{"—", "–", "--"} {
		if rest, ok := strings.CutPrefix(line, d); ok {
			return rest, true
		}
	}
	return line, false
}

// maxSentence bounds the context kept with a quote: a "sentence" of an
// unpunctuated text can be the whole document.
const maxSentence = 1200

// sentenceText is the sentence that holds the span, or a window of it
// around the span when the sentence is very long.
func (a *analysis) sentenceText(si int, sp span) string {
	s := a.sents[si]
	from, to := s.start, s.end
	if to-from > maxSentence {
		from = max(from, sp.start-maxSentence/2)
		to = min(to, max(sp.end, from)+maxSentence/2)
		for from > s.start && !isSpace(a.text[from-1]) && sp.start-from < maxSentence {
			from--
		}
		for to < s.end && !isSpace(a.text[to]) && to-sp.end < maxSentence {
			to++
		}
	}
	return strings.TrimSpace(a.str(from, to))
}

// describedSince: "Outside the hall, a crane driver was blunt. “…,” he
// said": an unnamed person introduced as a subject after the last quote,
// with no one named since, is who the pronoun stands for: the
// description as written, or the person it takes up ("l'ancien député
// provincial a écarté … « … », a-t-il assuré"), -1 then.
func (a *analysis) describedSince(m mention, prev prevSpeaker) (string, int) {
	if m.plural || a.gr.neuter[strings.ToLower(m.text)] {
		return "", -1
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	found, takenUp := "", -1
	for j := a.mentionsBefore(m.tokFrom) - 1; j >= 0; j-- {
		c := a.mentions[j]
		// Only sentences after the last quote's own (its attribution
		// names its speaker, who is not "since").
		if c.tokFrom <= prev.tok || prev.tok >= 0 && a.toks[c.tokFrom].sent <= a.toks[prev.tok].sent ||
			ord-a.paras[a.toks[c.tokFrom].para].ord > 1 || m.tokFrom-c.tokFrom > 200 {
			break
		}
		switch {
		case a.namesPerson(c):
			return "", -1 // someone named since: the usual resolution decides
		case c.kind == mRole && found == "" && takenUp < 0 && !c.attached && !c.plural && !c.org && a.gr.articles[a.toks[c.tokFrom].low] &&
			genderAgrees(c.gender, m.gender) && a.subjectPosition(c) && !a.objectOfVerb(c):
			// "Le technicien ne se fait pas d'illusions" after the
			// coach's quote: a description that takes someone up is them.
			if e := a.resolveMention(j, prev); e >= 0 {
				takenUp = e
			} else {
				found = c.text
			}
		}
	}
	return found, takenUp
}

// unnamedTakenUp: the description at mention mi opens with a
// demonstrative or a definite article and names no one; the text of the
// unnamed person last introduced as a subject by a description that
// introduces ("Un riverain", "Sa voisine", "Une source diplomatique
// occidentale"), in its paragraph or the one before, when no one was named
// since; "" otherwise.
func (a *analysis) unnamedTakenUp(mi int) string {
	m := a.mentions[mi]
	first := a.toks[m.tokFrom].low
	if m.plural || m.org || !a.gr.demonstratives[first] && !a.gr.definite[first] {
		return ""
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > 1 {
			return ""
		}
		switch {
		case a.namesPerson(c):
			return "" // someone named since
		case c.kind == mRole && !c.plural && !c.org && !c.attached && a.introducing(c) && genderAgrees(c.gender, m.gender) && a.subjectPosition(c) &&
			(a.gr.features[featVariedDescriptions] || lastWord(c.role) == lastWord(m.role)):
			// Where descriptions do not take up the subject anyway,
			// only one with the same head noun does ("a senior official
			// … the official said").
			return c.text
		}
	}
	return ""
}

// lastWord is the last space-separated word of s: a compound role's head
// in a language whose compounds end on it.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// objectOfVerb: a verb or an auxiliary stands right before the mention
// ("He has a son, 28, who …"): its object, not its subject.
func (a *analysis) objectOfVerb(m mention) bool {
	k := m.tokFrom - 1
	if k < 0 || a.toks[k].kind != tokWord || a.toks[k].sent != a.toks[m.tokFrom].sent {
		return false
	}
	return a.gr.aux[a.toks[k].low] || a.isVerbForm(k) > 0
}

// namedInPassing: where titles are written in sentence case, the quote at
// qi opens on a capital yet sits inside a sentence as a noun does: right
// after a determiner, set off by commas after a lowercase word, or
// followed by its author ("« … » du Belge Arnaud Delvaux").
func (a *analysis) namedInPassing(qi int, content []rune) bool {
	if !a.gr.features[featSentenceCaseTitles] || len(content) == 0 || !unicode.IsUpper(content[0]) || !hasLower(content) || a.speaksInPerson(content) {
		return false
	}
	if last := content[len(content)-1]; strings.ContainsRune(".!?…", last) {
		return false // a sentence of its own
	}
	if qi == 0 || qi+1 >= len(a.toks) {
		return false
	}
	p, n := a.toks[qi-1], a.toks[qi+1]
	if p.para != a.toks[qi].para {
		return false
	}
	switch {
	case p.kind == tokWord && a.isDeterminer(p.low) && !a.gr.prepositions[p.low]:
		return true
	case a.appositiveTitle(qi, content):
		return true
	case n.kind == tokWord && a.gr.links[n.low] && qi+2 < len(a.toks) && a.toks[qi+2].capitalized() && a.toks[qi+2].para == n.para:
		return true
	}
	return false
}

// appositiveTitle: the span at qi stands between commas after a lowercase
// noun, as a work's title does ("a documentary, « Eleven Doors Down »,
// due out"); the comma may stand inside the marks ("third novel, “The
// Salt Road Home,” will be").
func (a *analysis) appositiveTitle(qi int, content []rune) bool {
	if qi < 2 || !a.setOffByCommas(qi, content) {
		return false
	}
	w := a.toks[qi-2]
	return w.kind == tokWord && !w.capitalized() && a.isVerbForm(qi-2) == 0
}

// titleCaseBeforeComma: the content, a closing comma left out, is in
// title case ("Clean Water, Broken Promises,").
func titleCaseBeforeComma(content []rune) bool {
	return titleCase([]rune(strings.TrimRight(string(content), ",")))
}

// setOffByCommas: a comma before the quote at qi, and one after it or at
// the end of its content.
func (a *analysis) setOffByCommas(qi int, content []rune) bool {
	return qi >= 1 && qi+1 < len(a.toks) && a.toks[qi-1].isPunct(",") && (a.toks[qi+1].isPunct(",") || content[len(content)-1] == ',')
}

// worksNounBefore: a word for a work (works.txt) among the few words of
// the sentence before token k, the comma that sets a title off.
func (a *analysis) worksNounBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j <= maxWorksNounGap; j-- {
		t := a.toks[j]
		if t.kind != tokWord || t.para != a.toks[k].para {
			return false
		}
		if a.gr.works[t.low] {
			return true
		}
	}
	return false
}

// maxWorksNounGap: "a 2023 report from the province's auditor general,":
// how far before the comma the work's noun may stand.
const maxWorksNounGap = 8

// namesPerson: mention c names a person who takes the floor from an
// unnamed one introduced before: not an organisation or a place, not a
// lone word of unknown gender ("producteur de lait à Marigny", "à
// Audinghen-sur-Mer"), not a name after an article ("de la Royale
// Entente").
func (a *analysis) namesPerson(c mention) bool {
	if c.kind != mName || c.org || c.entity < 0 {
		return false
	}
	e := &a.entities[c.entity]
	return !e.place && !e.lone() && !a.articleBeforeName(c)
}
