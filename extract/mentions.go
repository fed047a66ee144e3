package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type mentionKind uint8

const (
	mName mentionKind = iota + 1
	mPronoun
	mRole // a description headed by a role: "le président kazakh"
)

// mention is a stretch of text that can stand for a speaker.
type mention struct {
	kind           mentionKind
	tokFrom, tokTo int
	start, end     int
	text           string   // as written
	name           []string // name tokens without honorific, role or possessive
	gender         Gender
	plural         bool
	org            bool
	possessive     bool
	// acronym: the folded acronym this name is spelled out for, in
	// parentheses after it ("Human Rights Watch (HRW)").
	acronym string
	role    string // folded role key for descriptions and appositions
	country string // country named by a demonym or complement
	entity  int    // resolved entity, -1 when none
	// anaphoric: "ce dernier" picks the last person named, not the subject.
	anaphoric bool
	// attached: a role in apposition to a name; it describes that name and
	// is not a speaker candidate of its own.
	attached bool
	// appositionOf is 1 + the index of the name an attached role describes.
	appositionOf int
	// weak: a lone word that is also a role ("House"): a name only when it
	// is the surname of someone named in full.
	weak bool
	// speech: a document that speaks ("the report"), its role the noun.
	speech bool
	// npFrom is the first token of the noun phrase when a role precedes the
	// name ("le syndicat SUD"): where its syntactic position is read.
	npFrom int
	// rank: the role is a rank written as a title ("Mayor Dana Whitford"),
	// not a description the text gives the person.
	rank bool
	// qualFrom is the first token after the role word of a description
	// (0 when none): its qualifier ("artésien", "des Canaris"), read by
	// qualifier; qualLinked: it opens on a complement, which tells two
	// people of one role apart (adjectives vary: "artésien", "lensois").
	qualFrom   int
	qualLinked bool
}

// analysis holds everything computed for one document.
type analysis struct {
	lx       *Lexicon
	gr       *grammar
	text     []rune
	src      string  // the document as given
	boff     []int32 // byte offset of each rune in src
	paras    []paragraph
	spans    []span
	toks     []token
	sents    []sentence
	mentions []mention
	entities []entity
	// lowerSeen: words the document writes in lowercase somewhere, so a
	// capitalised sentence opener like "Yesterday" is not taken for a name.
	lowerSeen map[string]bool
	// l holds the language's indexes built once by New (first words of
	// entries, verb prefixes, furniture by first byte).
	l *language
	// verbLen caches isVerbForm per token (-1: not computed).
	verbLen []int8
	// dialogue: the text is told as dialogue, turn by turn (a novel, a
	// court exchange), so speakers alternate between quotes with no cue.
	dialogue bool
	// mentionByTok and mentionByEnd index mentions by first and last token.
	mentionByTok, mentionByEnd []int
}

func (a *analysis) isHonorific(k int) (Gender, int, bool) {
	t := a.toks[k]
	if t.kind != tokWord {
		return 0, 0, false
	}
	if k+1 < len(a.toks) && a.toks[k+1].isPunct(".") && a.toks[k+1].start == t.end {
		if g, ok := a.lx.Honorifics[t.text+"."]; ok {
			return g, 2, true
		}
	}
	if g, ok := a.lx.Honorifics[t.text]; ok {
		return g, 1, true
	}
	return 0, 0, false
}

// honorificRole is the role the honorific of n tokens at k gives its
// bearer ("Me": avocat), if the lexicon gives one.
func (a *analysis) honorificRole(k, n int) (string, bool) {
	form := a.toks[k].text
	if n == 2 {
		form += "."
	}
	r, ok := a.lx.HonorificRoles[form]
	return r, ok
}

func (a *analysis) isVerb(w string) bool {
	_, ok := a.lx.Verbs[w]
	return ok
}

// nameStart: the token may open a person or organisation name.
func (a *analysis) nameWord(k int, first bool) bool {
	t := a.toks[k]
	if !t.capitalized() {
		return false
	}
	bare, _ := a.gr.cutGenitive(t.text)
	if (a.lx.NonNames[t.text] || a.lx.NonNames[bare] || a.lx.Stopwords[t.low] && first) && !(first && a.firstNameBeforeName(k)) {
		return false
	}
	if p, ok := a.lx.Pronouns[t.low]; ok && (p.Gender != 0 || p.Plural) {
		return false
	}
	if first && a.isVerb(t.low) {
		// "Will Young", "Mark Smith": a first name before another
		// capitalised word is a name even if it is also a verb.
		if !a.isFirstName(t.text) || k+1 >= len(a.toks) || !a.toks[k+1].capitalized() {
			return false
		}
	}
	if first && a.sentenceInitial(k) && (k+1 >= len(a.toks) || !a.toks[k+1].capitalized()) && a.openerWord(t) {
		return false
	}
	if first && a.sentenceInitial(k) && a.lowerSeen[t.low] {
		// "Yesterday", "However": written lowercase elsewhere in the article.
		if k+1 >= len(a.toks) || !a.toks[k+1].capitalized() {
			return false
		}
	}
	return true
}

// firstNameBeforeName: the word at k is a given name followed by a
// capitalised word ("Will Young"), though it is also a function word.
func (a *analysis) firstNameBeforeName(k int) bool {
	return a.isFirstName(a.toks[k].text) && k+1 < len(a.toks) && a.toks[k+1].capitalized() && a.toks[k+1].para == a.toks[k].para
}

// openerWord: a capitalised sentence opener shaped like an ordinary word,
// a present participle ("Oubliant la réserve, elle…") or a compound of a
// function word ("Très-bien !", "Peut-être").
func (a *analysis) openerWord(t token) bool {
	if head, _, ok := strings.Cut(t.low, "-"); ok && a.lx.Stopwords[head] {
		return true
	}
	for _, suf := range a.gr.participleEndings {
		if strings.HasSuffix(t.low, suf) && len(t.low) > len(suf)+minStemLetters {
			return true
		}
	}
	// "Venue de Genève, Nadia Berthoud …", "Interrogée par Le Monde, …":
	// a past participle opening the sentence (the caller checks that no
	// capitalised word follows), unless it is a given name ("René").
	for _, suf := range a.gr.pastParticipleEndings {
		if strings.HasSuffix(t.low, suf) && len(t.low) > len(suf)+minStemLetters-1 && !a.isFirstName(t.text) {
			return true
		}
	}
	return false
}

// minStemLetters: a word shorter than its ending and this many letters is
// too short to be read by its ending ("Kant", "Sing").
const minStemLetters = 3

func (a *analysis) sentenceInitial(k int) bool {
	if k == 0 {
		return true
	}
	p := a.toks[k-1]
	if p.sent != a.toks[k].sent || p.para != a.toks[k].para {
		return true
	}
	return p.kind == tokPunct && (p.text == "—" || p.text == "–" || p.text == "-" || p.text == "(" || p.text == ":")
}

// roleAt matches the longest role phrase starting at token k.
func (a *analysis) roleAt(k int) (string, RoleInfo, int) {
	if t := &a.toks[k]; t.kind != tokWord || t.info&wRoleStart == 0 {
		// "le président-candidat": a compound headed by a role.
		if head, tail, ok := strings.Cut(t.low, "-"); ok && t.kind == tokWord {
			if info, ok := a.lx.Roles[head]; ok && !info.Org {
				return fold(head), info, 1
			}
			// "the 24-year-old said": a compound whose tail is a
			// description of its own.
			if info, ok := a.lx.Roles[tail]; ok && !info.Org && strings.Contains(tail, "-") {
				return fold(tail), info, 1
			}
		}
		return "", RoleInfo{}, 0
	}
	max := a.lx.RoleMaxWords
	// The phrase grows in key, word by word (an elided word and the next
	// are one: "d'état"), and is looked up as is and folded, without a
	// string per step.
	var keyBuf, foldBuf [64]byte
	key := keyBuf[:0]
	best, bestN := "", 0
	var bestInfo RoleInfo
	for n := 0; n < max && k+n < len(a.toks); n++ {
		t := a.toks[k+n]
		if t.kind != tokWord || t.para != a.toks[k].para {
			break
		}
		w := t.low
		if n == 0 && t.info&wRoleStart == 0 {
			break
		}
		if n > 0 && !(a.toks[k+n-1].end == t.start && strings.HasSuffix(a.toks[k+n-1].low, "'")) {
			key = append(key, ' ')
		}
		key = append(key, w...)
		if info, ok := a.lx.Roles[string(key)]; ok {
			best, bestN, bestInfo = string(key), n+1, info
			continue
		}
		// "jugé" is a participle, not "juge": an accent the text writes on
		// a word's last letter changes the word, while one left out
		// ("secretaire d'Etat") is a spelling to forgive.
		if accentedEnding(w) {
			continue
		}
		f, ok := appendFold(foldBuf[:0], string(key))
		switch {
		case !ok:
			if f := foldName(string(key)); f != string(key) {
				if info, ok := a.lx.Roles[f]; ok {
					best, bestN, bestInfo = f, n+1, info
				}
			}
		case string(f) != string(key):
			if info, ok := a.lx.Roles[string(f)]; ok {
				best, bestN, bestInfo = string(f), n+1, info
			}
		}
	}
	if bestN == 0 {
		return "", RoleInfo{}, 0
	}
	return fold(best), bestInfo, bestN
}

// stressedWord and possessiveWord look the word up only when the
// tokenizer's bit says it may be there: most words are neither.
func stressedWord(stressed map[string]PronounInfo, t token) (PronounInfo, bool) {
	if t.info&wStressed == 0 {
		return PronounInfo{}, false
	}
	g, ok := stressed[t.low]
	return g, ok
}

func possessiveWord(possessives map[string]PronounInfo, t token) (PronounInfo, bool) {
	if t.info&wPossessive == 0 {
		return PronounInfo{}, false
	}
	g, ok := possessives[t.low]
	return g, ok
}

func (a *analysis) findMentions() {
	toks := a.toks
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.isPunct("(") {
			// "(Muriel Draaisma/CBC)": a photo credit names no speaker.
			if end := a.creditEnd(k); end > k {
				k = end
				continue
			}
			// "Gord Fenwick (Kelowna–Lake Country)", "Jean Roux (PS)": the
			// parenthesis after a person's name holds their riding,
			// party or town, no speaker of its own.
			if n := len(a.mentions); n > 0 && a.mentions[n-1].kind == mName && !a.mentions[n-1].org && a.mentions[n-1].tokTo == k {
				if end := a.skipParen(k, len(toks)); end > k {
					k = end
					continue
				}
			}
		}
		if t.kind != tokWord || a.paras[t.para].skip {
			continue
		}
		// "selon lui", "according to her": a stressed pronoun after a source
		// phrase stands for the speaker.
		if g, ok := stressedWord(a.gr.stressed, t); ok && a.sourcePhraseBefore(k) {
			a.mentions = append(a.mentions, mention{kind: mPronoun, tokFrom: k, tokTo: k + 1, start: t.start, end: t.end,
				text: t.text, gender: g.Gender, plural: g.Plural, entity: -1})
			continue
		}
		// "her statement said", "son communiqué précise": a possessive
		// before a speech noun stands for its owner, like a pronoun.
		if g, ok := possessiveWord(a.gr.possessives, t); ok && k+1 < len(toks) && a.speechNoun(k+1) && toks[k+1].para == t.para {
			a.mentions = append(a.mentions, mention{kind: mPronoun, tokFrom: k, tokTo: k + 2, start: t.start, end: toks[k+1].end,
				text: a.str(t.start, toks[k+1].end), gender: g.Gender, plural: g.Plural, entity: -1})
			k++
			continue
		}
		// "the report says", "le communiqué précise": a document that
		// speaks is its own speaker, as written, when nothing names its
		// author.
		if t.info&wDefinite != 0 {
			// "the civil claim says", "the joint statement said": a
			// modifier or two may stand before the noun.
			h := k + 1
			for h < len(toks) && h-k <= maxSpeechModifiers && toks[h].para == t.para && !a.speechNoun(h) && a.premodifier(h) {
				h++
			}
			if h < len(toks) && toks[h].para == t.para && !toks[h].capitalized() && a.speechNoun(h) &&
				!a.pluralRole(toks[h].low, t.low) && !a.sourceFollows(h+1) {
				a.mentions = append(a.mentions, mention{kind: mRole, tokFrom: k, tokTo: h + 1, start: t.start, end: toks[h].end,
					text: a.str(t.start, toks[h].end), org: true, role: toks[h].low, entity: -1, speech: true})
				k = h
				continue
			}
		}
		// Pronouns and anaphoric descriptions ("ce dernier", "the latter").
		if m, n, ok := a.pronounAt(k); ok {
			a.mentions = append(a.mentions, m)
			k += n - 1
			continue
		}
		// "Police said", "Officials say": a bare plural role opening the
		// sentence before its verb is a description.
		if t.capitalized() && a.sentenceInitial(k) {
			if key, info, n := a.roleAt(k); n > 0 && (info.Org || a.pluralRole(key, "")) && a.bareSubject(k, k+n) {
				k += a.addRole(k, key, info, n) - 1
				continue
			}
		}
		// "the PM said", "le Premier ministre a dit": a capitalised role
		// after a determiner, with no name after it, is a description.
		if t.capitalized() && k > 0 && a.isDeterminer(toks[k-1].low) && toks[k-1].para == t.para {
			if key, info, n := a.roleAt(k); n > 0 && (!info.Org || isAcronym(t.text)) && (k+n >= len(toks) || !toks[k+n].capitalized() || info.Org) {
				k += a.addRole(k, key, info, n) - 1
				continue
			}
		}
		// "le Danois Mikkel Sørensen", "l'Américaine Jane Porter": a
		// demonym written as a noun before a person's name is their
		// country, not the first word of the name ("the British Embassy"
		// keeps it).
		if k > 0 && k+1 < len(toks) && t.capitalized() && (a.isDeterminer(toks[k-1].low) || a.gr.contractedArticles[toks[k-1].low] && toks[k+1].capitalized()) &&
			(a.lx.Demonyms[t.low] != "" || a.demonymNoun(k)) {
			country := a.lx.Demonyms[t.low]
			before := len(a.mentions)
			if n := a.nameAt(k + 1); n > 1 && len(a.mentions) == before+1 && !a.mentions[before].org {
				m := &a.mentions[before]
				m.country, m.npFrom = country, k-1
				// "… a expliqué le Danois" later takes the demonym up as a
				// description of the person.
				if m.role == "" {
					m.role = fold(t.low)
				}
				if m.gender == 0 {
					m.gender = a.gr.determiners[toks[k-1].low]
				}
				k += n
				continue
			}
			a.mentions = a.mentions[:before]
			if a.gr.features[featAdjectivesFollowNoun] && (!toks[k+1].capitalized() || toks[k+1].para != t.para) || a.demonymBeforeVerb(k) {
				// "a expliqué le Danois": a person of that country, where
				// an adjective would follow its noun ("the British
				// capital" is no person).
				g := a.gr.determiners[toks[k-1].low]
				a.mentions = append(a.mentions, mention{kind: mRole, tokFrom: k - 1, tokTo: k + 1, start: toks[k-1].start, end: t.end,
					text: a.str(toks[k-1].start, t.end), gender: g, role: t.low, country: country, entity: -1,
					plural: a.pluralRole(t.low, toks[k-1].low)})
				continue
			}
		}
		if t.capitalized() {
			if n := a.nameAt(k); n > 0 {
				k += n - 1
				continue
			}
			if n := a.institutionAt(k); n > 0 {
				k += n - 1
				continue
			}
		}
		// Roles, capitalised too when no name follows ("Le Premier
		// ministre suédois").
		if key, info, n := a.roleAt(k); n > 0 && (!t.capitalized() || !info.Org && k > 0 && a.isDeterminer(toks[k-1].low)) && !a.verbAfterSubject(k) {
			k += a.addRole(k, key, info, n) - 1
		}
	}
}

// demonymNoun: "le Rennais", "la Gantoise": a capitalised word after a
// lowercase singular definite article, with an ending that makes
// inhabitants of a town or region, names a person of that place (sports
// pages call players so), not a name; the lexicon knows only countries.
func (a *analysis) demonymNoun(k int) bool {
	t, det := a.toks[k], a.toks[k-1]
	if len(a.gr.demonymEndings) == 0 || det.capitalized() && !a.sentenceInitial(k-1) || !a.gr.definite[det.low] || a.gr.demonstratives[det.low] {
		return false
	}
	if k+1 < len(a.toks) && a.toks[k+1].capitalized() && a.toks[k+1].para == t.para && !a.personStart(k+1) {
		return false // "la Lyonnaise des eaux", "le Républicain Lorrain"
	}
	w := strings.TrimPrefix(t.low, "franco-")
	for _, suf := range a.gr.demonymEndings {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// demonymBeforeVerb: "Asked about the save, the Finn shrugged": where an
// adjective goes before its noun, a demonym followed by a verb, an
// auxiliary or the clause's end stands for a person ("the British
// capital" is no one).
func (a *analysis) demonymBeforeVerb(k int) bool {
	if a.gr.features[featAdjectivesFollowNoun] || k+1 >= len(a.toks) || a.toks[k+1].para != a.toks[k].para {
		return false
	}
	n := a.toks[k+1]
	return n.isPunct(",") || n.isPunct(".") || n.kind == tokWord && !n.capitalized() && (a.isVerbForm(k+1) > 0 || a.gr.aux[n.low])
}

// verbAfterSubject: the lowercase word at k, which the lexicon also knows
// as a role ("states", "heads"), is a reporting verb right after the name
// or pronoun that is its subject ("Foster states", "he states").
func (a *analysis) verbAfterSubject(k int) bool {
	if len(a.mentions) == 0 || a.toks[k].capitalized() || a.isVerbForm(k) == 0 {
		return false
	}
	last := a.mentions[len(a.mentions)-1]
	return last.tokTo == k && (last.kind == mName || last.kind == mPronoun && !last.plural)
}

func (a *analysis) pronounAt(k int) (mention, int, bool) {
	t := a.toks[k]
	if t.info&wPronounStart == 0 {
		return mention{}, 0, false
	}
	key, bestN := "", 0
	var info PronounInfo
	for n := 1; n <= 3 && k+n <= len(a.toks); n++ {
		w := a.toks[k+n-1]
		if w.kind != tokWord || w.para != t.para {
			break
		}
		if n == 1 {
			key = w.low
		} else {
			if n == 2 && !a.l.pronounSecond[w.low] {
				break
			}
			if strings.HasSuffix(key, "'") {
				key += w.low // "l'" "intéressé" is written "l'intéressé"
			} else {
				key += " " + w.low
			}
		}
		if pi, ok := a.lx.Pronouns[key]; ok {
			bestN, info = n, pi
		}
	}
	if bestN == 0 {
		return mention{}, 0, false
	}
	last := a.toks[k+bestN-1]
	return mention{kind: mPronoun, tokFrom: k, tokTo: k + bestN, start: t.start, end: last.end,
		text: a.str(t.start, last.end), gender: info.Gender, plural: info.Plural,
		anaphoric: bestN > 1 || strings.Contains(t.low, "-"), entity: -1}, bestN, true
}

// nameAt recognises "M. Jean-Yves Le Drian", "President Barack Obama",
// "Kassym-Jomart Tokaïev" at token k and records the mention; it returns
// how many tokens it consumed.
func (a *analysis) nameAt(k int) int {
	toks := a.toks
	if a.lowerCompound(toks[k].text) {
		return 0 // "Vancouver-based Northgate Metals": a modifier, not the name
	}
	from := k
	// "selon Le Figaro", "chez L'Oréal": a capitalised article inside a
	// sentence belongs to the name.
	// So does a capitalised particle: "a conclu De Backer", "selon Van
	// Damme".
	article := -1
	if k+1 < len(toks) && toks[k].capitalized() && !a.sentenceInitial(k) && (a.gr.nameArticles[toks[k].low] || a.gr.particles[toks[k].low] && !a.isFirstName(toks[k].text)) &&
		toks[k+1].para == toks[k].para && toks[k+1].kind == tokWord && a.nameWord(k+1, true) {
		article = k
		k++
	}
	var gender Gender
	// "Mayor Dana Whitford … the mayor said": a rank that is also a role
	// gives the person that role, for the descriptions that take it up.
	var rankRole string
	var rankInfo RoleInfo
	// "Det Insp Mark Feeney": ranks may follow one another.
	for range maxHonorifics {
		g, n, ok := a.isHonorific(k)
		if !ok || k+n >= len(toks) || !toks[k+n].capitalized() {
			break
		}
		// "Cheikh Tidiane Mbaye": a title that is also a given name,
		// before a given name and a surname, is the first of them.
		if n == 1 && a.isFirstName(toks[k].text) && k+2 < len(toks) && toks[k+1].capitalized() && toks[k+2].capitalized() &&
			toks[k+2].para == toks[k].para && toks[k+1].start > toks[k].end {
			break
		}
		if g != 0 {
			gender = g
		}
		if key, info, rn := a.roleAt(k); rn == n && !info.Org && rankRole == "" {
			rankRole, rankInfo = key, info
		} else if r, ok := a.honorificRole(k, n); ok && rankRole == "" {
			// "Me Olivier Wauters … a souligné l'avocat": the title says
			// what the person is.
			rankRole, rankInfo = fold(r), RoleInfo{} // the title tells no gender
		}
		k += n
	}
	// A capitalised role before a name: "President Obama", "Secretary of
	// State John Kerry".
	var role string
	var roleInfo RoleInfo
	// "Marine Dupuis": a role word that is also a first name, before a
	// capitalised word, is the first name.
	if key, info, n := a.roleAt(k); n > 0 && k+n < len(toks) && toks[k+n].capitalized() && !a.lx.OrgWords[toks[k+n].text] && !(n == 1 && a.isFirstName(toks[k].text)) &&
		!(info.Org && a.endsOnOrgWord(k)) {
		role, roleInfo = key, info
		k += n
		if g, n2, ok := a.isHonorific(k); ok {
			gender = g
			k += n2
		}
	}
	if a.gr.features[featNamesNeedFirstName] && from == k && role == "" && !a.isFirstName(toks[k].text) {
		// German capitalises every noun: a name starts with a first name,
		// an honorific or a title.
		return 0
	}
	// "the Senate National Finance Committee": a run ending on an
	// organisation word is one name, role words and common words inside.
	orgName := a.endsOnOrgWord(k)
	if !a.nameWord(k, k == from || k == article+1 || role != "") && !a.orgHeadWithAdjective(k) && !a.orgHeadWithComplement(k) &&
		!(orgName && a.orgNameOpener(k)) && !a.agencyOfCountry(k) {
		return 0
	}
	end := k + 1
	firm := false
	for end < len(toks) {
		t := toks[end]
		// A middle initial: "James M. Hill", "Donald J. Trump".
		if t.isPunct(".") && end+1 < len(toks) && toks[end+1].capitalized() && len([]rune(toks[end-1].text)) == 1 && end-1 > k {
			end++
			continue
		}
		// "U.S. State Department": a dotted abbreviation inside the name.
		if t.isPunct(".") && end+1 < len(toks) && toks[end+1].capitalized() && toks[end+1].para == t.para &&
			toks[end-1].end == t.start && strings.Contains(toks[end-1].text, ".") && isAcronym(toks[end-1].text) {
			end++
			continue
		}
		// "Vuilleumier & Fils", "Procter & Gamble": an ampersand between
		// capitalised words joins them into one firm's name.
		if t.text == "&" && t.para == toks[k].para && end+1 < len(toks) && toks[end+1].capitalized() && toks[end+1].para == t.para && toks[end+1].kind == tokWord {
			end += 2
			firm = true
			continue
		}
		if t.para != toks[k].para || t.kind != tokWord {
			break
		}
		if toks[end-1].end != t.start && !isSpace(a.text[toks[end-1].end]) {
			break
		}
		// "the Securities and Exchange Commission": a coordinator between
		// capitalised words, when the run after it ends on an
		// organisation's word, is inside one name.
		if a.gr.coordinators[t.low] && end+1 < len(toks) && toks[end+1].capitalized() && a.endsOnOrgWordFrom(end+1) {
			end++
			continue
		}
		// "Lee Park": after a given name alone, a capitalised word is its
		// surname even if it is no name alone.
		surnameAfterGiven := end == k+1 && a.isFirstName(toks[k].text) && !a.lx.Stopwords[t.low] && !a.lx.OrgWords[t.text]
		// "John Q. Public", "U.S. State Department": after a middle initial
		// or a dotted abbreviation, the name goes on.
		afterInitial := end-2 >= k && toks[end-1].isPunct(".") &&
			(end-2 > k && len([]rune(toks[end-2].text)) == 1 || strings.Contains(toks[end-2].text, ".") && isAcronym(toks[end-2].text))
		// "Kouadio N'Guessan", "Jean D'Ormesson": an elided capital glued
		// to a capitalised word belongs to the surname.
		elidedInName := end > k && strings.HasSuffix(t.low, "'") && len([]rune(t.text)) == 2 && end+1 < len(toks) &&
			toks[end+1].start == t.end && toks[end+1].capitalized() && toks[end+1].kind == tokWord
		// "a déclaré à Wikinews Mme Vandenbroucke": an honorific opens
		// the next name; it never stands inside one.
		if _, n, ok := a.isHonorific(end); ok && end+n < len(toks) && toks[end+n].capitalized() && toks[end+n].para == t.para {
			break
		}
		if t.capitalized() && (!a.lx.NonNames[t.text] || orgName || surnameAfterGiven || afterInitial || a.lx.OrgWords[t.text] || elidedInName) {
			// "l'agence RIA Novosti Valentin Sapin", "told CBC News Tom
			// Hale": after an organisation, a first name followed by a
			// surname starts the person's name.
			if end+1 < len(toks) && toks[end+1].capitalized() && toks[end+1].para == t.para && a.isGivenName(t.text) && a.orgRun(k, end) {
				break
			}
			// "Acme’s Lina Oksanen": a possessive closes the name before
			// it; the next name starts fresh.
			if _, gen := a.gr.cutGenitive(toks[end-1].low); gen && !a.orgWordWithin(end, maxGenitiveOrgWords) {
				break
			}
			end++
			continue
		}
		// "Santé publique France", "Solidarité médicale Guinée": where
		// adjectives follow the noun, an adjective between two capitalised
		// words, the first no given name, belongs to one name.
		if a.gr.features[featAdjectivesFollowNoun] && !t.capitalized() && end == k+1 && !a.isFirstName(toks[k].text) && end+1 < len(toks) &&
			toks[end+1].capitalized() && toks[end+1].para == t.para && toks[end+1].kind == tokWord && a.orgAdjective(end) && !a.personStart(end+1) {
			end += 2
			continue
		}
		if a.gr.particle(t.low) {
			// "de Gaulle", "van der Pluijm", "de la Fuente": particles,
			// one or two, before a capitalised word.
			n := 1
			if end+2 < len(toks) && a.gr.particles[toks[end+1].low] && toks[end+1].para == t.para {
				n = 2
			}
			if end+n < len(toks) && toks[end+n].capitalized() && toks[end+n].para == t.para {
				end += n + 1
				continue
			}
		}
		break
	}
	// "l'ONG Rivières vivantes", "le collectif Terres et Avenir": after a
	// word for a kind of organisation, its name takes the adjective after
	// it, or a capitalised word coordinated with it.
	if a.gr.features[featAdjectivesFollowNoun] && from == k && k > 0 && toks[k-1].kind == tokWord && (!toks[k-1].capitalized() || a.sentenceInitial(k-1) || isAcronym(toks[k-1].text)) && end < len(toks) && toks[end].para == toks[k].para {
		// The cheap tests first: most names are followed by neither.
		ext := 0
		switch {
		case a.orgAdjective(end):
			ext = 1
		case end+1 < len(toks) && a.gr.coordinators[toks[end].low] && toks[end+1].capitalized() && toks[end+1].para == toks[k].para && !a.personStart(end+1):
			ext = 2
		}
		if ext > 0 {
			if _, info, n := a.roleAt(k - 1); n == 1 && info.Org && !a.roleWordAt(k) {
				end += ext
			}
		}
	}
	// "la Commission européenne", "l'Union africaine": where adjectives
	// follow the noun, an organisation word takes its demonym along.
	// "la Haute Autorité de santé": the run may end on the organisation
	// word.
	if a.gr.features[featAdjectivesFollowNoun] && a.lx.OrgWords[toks[end-1].text] && end-k <= maxOrgHeadWords {
		// "la Banque centrale européenne", "l'Assemblée nationale".
		adjectives := end
		for n := 0; n < maxOrgAdjectives && end < len(toks) && toks[end].para == toks[k].para && toks[end].kind == tokWord &&
			!toks[end].capitalized() && a.orgAdjective(end); n++ {
			end++
		}
		// "le Stade olympique de Vernac", "la Mutuelle agricole du
		// Centre": after an adjective, the name's first complement may
		// be a place no list knows.
		end = a.orgComplementEnd(k, end, end > adjectives)
	}
	// "the Bank of New York", "the University of New South Wales": where
	// compounds end on their head, an organisation word takes a
	// capitalised complement after "of" along, a place or a field.
	if a.gr.features[featCompoundHeadLast] && a.lx.OrgWords[toks[end-1].text] {
		end = a.ofComplementEnd(k, end)
	}
	// "Liberal Leader Tomas Brandt", "Leeds MP Anya Holt": a
	// role word inside the capitalised run ends the description part.
	for j := end - 2; j >= k && !orgName; j-- {
		if _, info, n := a.roleAt(j); n > 0 && j+n < end && !info.Org && toks[j].capitalized() &&
			!(n == 1 && j == k && a.isFirstName(toks[j].text) && j+1 < end) { // "Cheikh Tidiane Mbaye", "Dean Carmody"
			if role == "" {
				role, roleInfo = fold(strings.ToLower(toks[j].text)), info
				if n > 1 {
					role, _, _ = a.roleAt(j)
				}
			}
			k = j + n
			break
		}
	}
	if k > 0 && toks[k-1].end == toks[k].start && (toks[k-1].text == "@" || toks[k-1].text == "#") {
		return end - from // a handle or a hashtag, not a mention
	}
	for end-1 > k && toks[end-1].isPunct(".") {
		end-- // "U.S." before a word that is no name: the period ends the sentence or the abbreviation
	}
	words := make([]string, 0, end-k)
	possessive := false
	for j := k; j < end; j++ {
		w := toks[j].text
		if j == end-1 {
			w, possessive = a.gr.cutGenitive(w)
		}
		if toks[j].isPunct(".") && len(words) > 0 {
			words[len(words)-1] += w // "John Q. Public", "U.S. State Department"
			continue
		}
		if j > k && len(words) > 0 && toks[j-1].end == toks[j].start && strings.HasSuffix(toks[j-1].low, "'") {
			words[len(words)-1] += w // "de l'audiovisuel": the elided article is written joined
			continue
		}
		words = append(words, w)
	}
	if article >= 0 && k == article+1 {
		if art := toks[article].text; toks[article].end == toks[k].start {
			words[0] = art + words[0] // "L'Oréal" is one word
		} else {
			words = append([]string{art}, words...)
		}
	}
	if a.dateline(from, end, words) {
		// "NEW YORK (AP) —", "TORONTO —": where the story was filed.
		return end - from
	}
	if len(words) == 1 && (isPartyState(words[0]) || a.partyPlaceBetweenCommas(from, end, words[0])) ||
		// "(R-Osage Bend)", ", R-Osage Bend,": a party and a district of
		// two words.
		isPartyState(words[0]) && from > 0 && end < len(toks) &&
			(toks[from-1].isPunct("(") && toks[end].isPunct(")") || toks[from-1].isPunct(",") && toks[end].isPunct(",")) {
		// "(R-Wis.)", "(D-N.Y.)": a party and a state, not a name.
		return end - from
	}
	org := firm
	for _, w := range words {
		if a.lx.OrgWords[w] || isAcronym(w) {
			org = true
		}
	}
	if org && len(words) > 1 && !isAcronym(words[0]) && a.isFirstName(words[0]) {
		// "Christopher House", "Grace Church": a first name makes a person.
		org = false
	}
	// A lone capitalised role word ("Minister", "House") is a name only if
	// someone of the article carries it as a surname; resolveNames decides.
	var lowBuf [64]byte
	_, weak := a.lx.Roles[string(appendLower(lowBuf[:0], words[0], false))]
	weak = weak && len(words) == 1
	start := toks[k].start
	if article >= 0 && k == article+1 {
		start = toks[article].start
	}
	if from != k && role == "" {
		start = toks[from].start // keep the honorific in the mention text
	}
	mEnd := toks[end-1].end
	// "Karim B.": a surname cut to its initial keeps its full stop, as the
	// article writes the person.
	if last := words[len(words)-1]; len(words) >= 2 && len(last) == 1 && unicode.IsUpper(rune(last[0])) && end < len(toks) &&
		toks[end].isPunct(".") && toks[end].start == mEnd {
		words = append(words[:len(words)-1:len(words)-1], last+".")
		mEnd++
	}
	m := mention{kind: mName, tokFrom: from, tokTo: end, start: start, end: mEnd,
		name: words, gender: gender, org: org, possessive: possessive, role: role, entity: -1, weak: weak}
	if role == "" && rankRole != "" {
		m.role, m.rank = rankRole, true
		role, roleInfo = rankRole, rankInfo
	}
	if role != "" && roleInfo.Gender != 0 && gender == 0 {
		m.gender = roleInfo.Gender
	}
	if gender == 0 && len(words) >= 2 {
		m.gender, _ = lookupFolded(a.lx.FirstNames, words[0])
	}
	if possessive {
		// The mention ends before "'s": the name as written, no suffix.
		m.end = toks[end-1].start + utf8.RuneCountInString(words[len(words)-1])
	}
	m.text = a.str(m.start, m.end)
	a.mentions = append(a.mentions, m)
	return end - from
}

// institutionAt: a capitalised organisation role after a determiner, with
// no name after it and no name of its own, is the institution's name ("le Conseil d'État a
// estimé", "le Sénat a adopté"): the words of the role as written. It
// returns how many tokens the mention takes, or 0.
func (a *analysis) institutionAt(k int) int {
	toks := a.toks
	// Only as a subject: "un prêt par l'État" names no speaker.
	if k < 1 || !a.isDeterminer(toks[k-1].low) || toks[k-1].para != toks[k].para || k >= 2 && a.gr.prepositions[toks[k-2].low] {
		return 0
	}
	_, info, n := a.roleAt(k)
	if n == 0 || !info.Org || k+n < len(toks) && toks[k+n].capitalized() && toks[k+n].para == toks[k].para {
		return 0
	}
	end := k + n
	if a.gr.features[featCompoundHeadLast] && toks[k].capitalized() {
		end = a.ofComplementEnd(k, end) // "the University of New South Wales"
	}
	words := a.joinedWords(k, end)
	m := mention{kind: mName, tokFrom: k, tokTo: end, start: toks[k].start, end: toks[end-1].end,
		name: words, gender: info.Gender, org: true, entity: -1}
	m.text = a.str(m.start, m.end)
	a.mentions = append(a.mentions, m)
	return end - k
}

// dateline: capitals opening a paragraph and followed by an agency in
// parentheses or a dash name the place a story was filed from.
func (a *analysis) dateline(from, end int, words []string) bool {
	if end >= len(a.toks) {
		return false
	}
	// Only capitals before it in the paragraph ("NEW" of "NEW YORK").
	for j := from - 1; j >= 0 && a.toks[j].para == a.toks[from].para; j-- {
		if !isAcronym(a.toks[j].text) {
			return false
		}
	}
	for _, w := range words {
		if !isAcronym(w) {
			return false
		}
	}
	next := a.toks[end]
	return next.para == a.toks[from].para && (next.isPunct("(") || next.isPunct("—") || next.isPunct("–") || next.isPunct("-") || next.isPunct(","))
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// addRole records a description headed by a role word: determiner,
// adjectives, the role, and a demonym or "du Kazakhstan" complement.
func (a *analysis) addRole(k int, key string, info RoleInfo, n int) int {
	toks := a.toks
	from := k
	var detGender Gender
	hasDet := false
	covered := -1 // last token of the previous mention: the walk stops there
	same := false
	if n := len(a.mentions); n > 0 {
		covered = a.mentions[n-1].tokTo - 1
	}
	for j := k - 1; j >= 0 && j >= k-maxRolePremodifiers; j-- {
		t := toks[j]
		if t.isPunct(".") && j > 0 && toks[j-1].end == t.start && strings.Contains(toks[j-1].text, ".") && t.para == toks[k].para {
			continue // the period of "U.N." before the role
		}
		if t.kind != tokWord || t.para != toks[k].para {
			break
		}
		if j <= covered {
			// A name found before the role: "the Nova Scotia judge".
			if t.capitalized() {
				// "Pentagon officials said", "White House officials": a
				// plural needs no article.
				if d := a.namedPremodifierStart(j, k, a.pluralRole(key, "")); d >= 0 {
					from, hasDet = d, true
					a.dropMentionsFrom(d)
				} else if n := len(a.mentions); n > 0 && a.mentions[n-1].possessive && a.mentions[n-1].tokTo == j+1 &&
					a.gr.features[featCompoundHeadLast] && info.Org {
					// "Russia's defence ministry said": a possessor opens
					// an institution's description as an article would.
					// The possessor stays a mention: its name still counts
					// among the person's forms.
					from, hasDet = a.mentions[n-1].tokFrom, true
				}
			}
			break
		}
		if g, ok := a.gr.determiners[t.low]; ok {
			from, detGender, hasDet = j, g, true
			if a.gr.links[t.low] && a.afterNoun(j) {
				// "le communiqué du ministère": after a noun, "du" links
				// a complement; the description starts after it. "Des
				// habitants" at a clause start keeps its article.
				from = j + 1
			}
			break
		}
		if a.gr.partitives[t.low] && (!t.capitalized() || a.sentenceInitial(j)) {
			from, hasDet = a.elidedBefore(j), true // "one resident said"
			break
		}
		if a.gr.quantifiers[t.low] {
			// "plusieurs témoins", "de nombreux habitants" at the start of
			// a clause: the quantifier determines the group.
			from, hasDet = j, true
			if j > 0 && a.gr.prepositions[toks[j-1].low] && toks[j-1].para == t.para && (j == 1 || toks[j-2].kind != tokWord || toks[j-2].para != t.para) {
				from = j - 1
			}
			break
		}
		if country, ok := a.lx.Demonyms[t.low]; ok && country != "" {
			from = j
			continue
		}
		if t.capitalized() {
			// "the Nova Scotia judge", "a Vancouver hockey coach": in
			// English a place or organisation name modifies the role;
			// the description starts at the determiner before it.
			if d := a.namedPremodifierStart(j, k, a.pluralRole(key, "")); d >= 0 {
				from, hasDet = d, true
				a.dropMentionsFrom(d)
			}
			break
		}
		if a.gr.sameModifiers[t.low] {
			same = true // "le même responsable": the one just quoted
			continue
		}
		if a.lx.Stopwords[t.low] {
			break
		}
		if _, isVerb := a.lx.Verbs[t.low]; isVerb {
			break
		}
		from = j
	}
	if !hasDet {
		from, same = k, false
	}
	member := false
	if hasDet {
		from, member = a.partitiveStart(from, k)
	}
	end := k + n
	country := ""
	for j := from; j < end; j++ {
		if c, ok := a.lx.Demonyms[toks[j].low]; ok {
			country = c
		}
	}
	// Demonym after the role (French): "le président kazakh".
	if end < len(toks) && toks[end].para == toks[k].para {
		if c, ok := a.lx.Demonyms[toks[end].low]; ok {
			country = c
			end++
		}
	}
	// Complement: "du Kazakhstan", "of Kazakhstan", "de la police".
	if country == "" && end+1 < len(toks) && toks[end].para == toks[k].para {
		j := end
		if a.gr.links[toks[j].low] {
			j++
			if j < len(toks) && a.gr.definite[toks[j].low] {
				j++
			}
			if j < len(toks) {
				if c, ok := a.lx.CountryForms[toks[j].low]; ok {
					country = c
				} else if c, ok := lookupFolded(a.lx.CountryForms, toks[j].text); ok {
					country = c
				}
			}
		}
	}
	// "la ministre de la Santé Claire Vasseur", "le ministre de l'Intérieur
	// Paul Roux": a capitalised complement, then the name the role
	// introduces; the complement belongs to the role.
	if end+1 < len(toks) && a.sourceLink(toks[end].low) {
		j := end + 1
		if j < len(toks) && a.gr.definite[toks[j].low] {
			j++
		}
		c := j
		for c < len(toks) && c-j < 4 && toks[c].capitalized() && toks[c].para == toks[k].para && !a.personStart(c) {
			c++
		}
		if c > j && c < len(toks) && toks[c].para == toks[k].para && a.personStart(c) {
			end = c
		} else if c-j >= 3 && c-j < 4 && (a.isDeterminer(toks[end].low) || a.isDeterminer(toks[j-1].low)) && a.unknownNameAfterField(j, c) {
			// "la ministre des Finances Losana Vaipulu": a one-word field,
			// then two capitalised words no lexicon knows: the name.
			end = j + 1
		}
	}
	// "the council leader": in English the last noun of a compound heads
	// it; this role word is a modifier of the next.
	if a.gr.features[featCompoundHeadLast] && end < len(toks) && toks[end].para == toks[k].para {
		if _, _, n2 := a.roleAt(end); n2 > 0 && !toks[end].capitalized() {
			return n
		}
		// "a senior U.N. official", "a former White House aide": a name
		// between two role words modifies the last one too.
		c := end
		for c < len(toks) && c-end < maxNamedModifierWords && toks[c].para == toks[k].para && (toks[c].capitalized() || toks[c].isPunct(".") && c > end) {
			c++
		}
		if c > end && c < len(toks) && toks[c].para == toks[k].para && !toks[c].capitalized() && !a.personStart(end) {
			if _, _, n2 := a.roleAt(c); n2 > 0 {
				return n
			}
		}
	}
	// "sa directrice scientifique": French adjectives follow the noun.
	if a.gr.features[featAdjectivesFollowNoun] {
		for n := 0; n < 2 && end < len(toks) && toks[end].para == toks[k].para && a.postAdjective(end); n++ {
			end++
		}
	}
	// "the general message": a role word followed by a noun is an
	// adjective, not the head of a description.
	if !a.gr.features[featAdjectivesFollowNoun] && end < len(toks) && toks[end].para == toks[k].para && toks[end].kind == tokWord && !toks[end].capitalized() {
		nl := toks[end].low
		if !a.lx.Stopwords[nl] && !a.gr.aux[nl] && !a.gr.prepositions[nl] && a.isVerbForm(end) == 0 && !a.gr.clause[nl] && !a.pastForm(nl) {
			if _, ok := a.lx.Roles[nl]; !ok {
				return n
			}
		}
	}
	end = a.complementEnd(k, end, info.Org)
	g := info.Gender
	if g == 0 {
		g = detGender
	}
	last := toks[end-1]
	m := mention{kind: mRole, tokFrom: from, tokTo: end, start: toks[from].start, end: last.end,
		text: a.str(toks[from].start, last.end), gender: g, org: info.Org, role: key, country: country,
		entity: -1, plural: !member && a.pluralRole(key, toks[from].low), anaphoric: same}
	if k+n < end {
		m.qualFrom = k + n
		m.qualLinked = a.gr.links[toks[k+n].low] || k+n+1 < end && a.gr.links[toks[k+n+1].low]
	}
	if !hasDet && !(end < len(toks) && toks[end].capitalized()) && !a.bareSubject(from, end) {
		// A bare role word without determiner is too vague to be a speaker.
		m.attached = true
	}
	a.mentions = append(a.mentions, m)
	return end - k
}

// partitiveStart extends a description whose determiner is at token d
// over a partitive before it ("one of the players", "l'un des
// manifestants"), which makes it one member of the group; it returns the
// description's first token and whether it names a member.
func (a *analysis) partitiveStart(d, k int) (int, bool) {
	toks := a.toks
	j := d - 1
	if j >= 0 && a.gr.links[toks[j].low] && toks[j].para == toks[k].para {
		j-- // "one of the": the link between the member and the group
	}
	if j < 0 || !a.gr.partitives[toks[j].low] || toks[j].para != toks[k].para {
		return d, false
	}
	return a.elidedBefore(j), true
}

// elidedBefore takes in an elided article written onto token j ("l'un").
func (a *analysis) elidedBefore(j int) int {
	if j > 0 && a.gr.elisions[a.toks[j-1].low] && a.toks[j-1].para == a.toks[j].para && a.toks[j-1].end == a.toks[j].start {
		return j - 1
	}
	return j
}

// pastForm: the word ends as a simple past does ("issued", "warned"),
// long enough to be read by its ending.
func (a *analysis) pastForm(w string) bool {
	for _, suf := range a.gr.pastEndings {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+minStemLetters {
			return true
		}
	}
	return false
}

// maxSpeechModifiers bounds the modifiers between a determiner and the
// speech noun of a document that speaks ("the civil claim").
const maxSpeechModifiers = 2

// maxRolePremodifiers bounds the words read back from a role word for its
// determiner and modifiers ("a Vancouver peewee hockey coach").
const maxRolePremodifiers = 4

// namedPremodifierStart: in a language whose compounds end on their head,
// the capitalised words ending at token j that modify the role at token k
// ("the Nova Scotia judge"), when a determiner opens them; it returns the
// determiner's token, or -1.
func (a *analysis) namedPremodifierStart(j, k int, bare bool) int {
	toks := a.toks
	if !a.gr.features[featCompoundHeadLast] {
		return -1
	}
	for ; j >= 0 && j >= k-maxRolePremodifiers; j-- {
		t := toks[j]
		if t.kind != tokWord || t.para != toks[k].para {
			if bare {
				return j + 1
			}
			return -1
		}
		if _, ok := a.gr.determiners[t.low]; ok && (!t.capitalized() || a.sentenceInitial(j)) {
			return j
		}
		if a.gr.partitives[t.low] && (!t.capitalized() || a.sentenceInitial(j)) {
			return a.elidedBefore(j) // "One African delegate said"
		}
		if a.gr.prepositions[t.low] && a.sentenceInitial(j) {
			// "In court papers it called": an opening preposition is no
			// name.
			if bare {
				return j + 1
			}
			return -1
		}
		if !t.capitalized() {
			if _, gen := a.gr.cutGenitive(t.low); gen {
				continue // "the union's NSW secretary": a possessor before them
			}
			if !bare && a.premodifier(j) {
				continue // "a senior U.N. official": an adjective before the name
			}
			if bare && !a.gr.prepositions[t.low] {
				return j + 1
			}
			return -1
		}
	}
	if bare && j < 0 {
		return 0
	}
	return -1
}

// dropMentionsFrom removes the mentions starting at token d or later: a
// description that begins at d has taken their words in.
func (a *analysis) dropMentionsFrom(d int) {
	n := len(a.mentions)
	for n > 0 && a.mentions[n-1].tokFrom >= d {
		n--
	}
	a.mentions = a.mentions[:n]
}

// orgHeadWithComplement: "la Cour des comptes", "le Tribunal de
// commerce": an organisation word that is no name alone becomes one with
// the lowercase complement after it, where adjectives follow the noun.
func (a *analysis) orgHeadWithComplement(k int) bool {
	return a.gr.features[featAdjectivesFollowNoun] && a.lx.OrgWords[a.toks[k].text] && a.orgComplementEnd(k, k+1, false) > k+1
}

// orgHeadWithAdjective: "le Conseil constitutionnel": an organisation
// word that is no name alone becomes one with the adjective after it.
func (a *analysis) orgHeadWithAdjective(k int) bool {
	toks := a.toks
	if !a.gr.features[featAdjectivesFollowNoun] || !a.lx.OrgWords[toks[k].text] || k+1 >= len(toks) {
		return false
	}
	return toks[k+1].para == toks[k].para && a.orgAdjective(k+1)
}

// orgComplementEnd extends an organisation's name over a lowercase
// complement ("la Fédération belge du secteur financier", "l'Organisation
// mondiale de la santé"): a link, a definite article at most, a noun and
// its adjective; placeFirst lets its first complement be a capitalised
// place no list knows, as later ones may.
func (a *analysis) orgComplementEnd(k, end int, placeFirst bool) int {
	for n := 0; n < maxOrgComplements; n++ {
		next := a.oneOrgComplementEnd(k, end, n > 0 || placeFirst)
		if next == end && n > 0 && end < len(a.toks) && a.gr.coordinators[a.toks[end].low] && a.toks[end].para == a.toks[k].para {
			// "l'Institut des sciences de l'eau et des sols": a
			// complement coordinated with the one before.
			if after := a.oneOrgComplementEnd(k, end+1, true); after > end+1 {
				next = after
			}
		}
		if next == end {
			break
		}
		end = next
	}
	return end
}

// maxOrgComplements bounds the complements an organisation's name chains
// ("Fédération des soignants du Québec").
const maxOrgComplements = 3

// oneOrgComplementEnd reads one complement of an organisation's name at
// end: a link, maybe an article, a lowercase noun and its adjective
// ("des céréaliers beaucerons", "pour les migrations"); after a first
// one, also a capitalised place ("du Québec", "de Gironde").
func (a *analysis) oneOrgComplementEnd(k, end int, second bool) int {
	toks := a.toks
	j := end
	if j >= len(toks) || toks[j].para != toks[k].para || !a.gr.links[toks[j].low] && !a.gr.orgLinks[toks[j].low] {
		return end
	}
	j++
	if j < len(toks) && a.isDeterminer(toks[j].low) {
		j++ // "pour les migrations"
	}
	if j >= len(toks) || toks[j].para != toks[k].para || toks[j].kind != tokWord {
		return end
	}
	if toks[j].capitalized() {
		// "du Québec", "de Gironde": a place ends the name, a known one
		// or, after a first complement, a single capitalised word; a
		// person's name does not.
		_, place := a.lx.CountryForms[toks[j].low]
		if !place && !second || !a.gr.links[toks[j-1].low] && !a.isDeterminer(toks[j-1].low) || a.personStart(j) {
			return end
		}
		if !place && j+1 < len(toks) && toks[j+1].capitalized() && toks[j+1].para == toks[j].para {
			return end // several capitalised words: another name
		}
		return j + 1
	}
	if !a.complementWord(j) || a.lx.Demonyms[toks[j].low] != "" {
		return end
	}
	// "la Banque du président": a person's role, not the name; "la
	// Fédération des soignants", "l'Ordre des médecins" name a body of
	// them.
	if key, info, n := a.roleAt(j); n > 0 && !info.Org && !a.pluralRole(key, toks[j-1].low) {
		return end
	}
	j++
	if j < len(toks) && toks[j].para == toks[k].para && a.orgAdjective(j) {
		j++
	}
	return j
}

// unknownNameAfterField: the capitalised words from..to are a one-word
// field of a role ("Finances") and then a name of two words, none of them
// an organisation word, a place or a role.
func (a *analysis) unknownNameAfterField(from, to int) bool {
	for k := from; k < to; k++ {
		t := a.toks[k]
		if _, place := a.lx.CountryForms[t.low]; place || a.lx.OrgWords[t.text] || k > from && (a.roleWordAt(k) || a.lx.NonNames[t.text]) {
			return false
		}
	}
	return true
}

// roleWordAt: the word at k opens a role ("Reporters"), which the name
// rules read as a description before a name.
func (a *analysis) roleWordAt(k int) bool {
	_, _, n := a.roleAt(k)
	return n > 0
}

// ofComplementEnd extends an organisation's name ending at end over "of",
// maybe "the", and up to maxOfComplementWords capitalised words that open
// no person's name ("of New South Wales", "of the Interior").
func (a *analysis) ofComplementEnd(k, end int) int {
	toks := a.toks
	j := end
	if j+1 >= len(toks) || toks[j].para != toks[k].para || !a.gr.links[toks[j].low] || !a.sourceLink(toks[j].low) {
		return end
	}
	j++
	if a.gr.definite[toks[j].low] && !toks[j].capitalized() {
		j++
	}
	c := j
	for c < len(toks) && c-j < maxOfComplementWords && toks[c].para == toks[k].para && toks[c].kind == tokWord && toks[c].capitalized() &&
		toks[c-1].end < toks[c].start && !a.personStart(c) {
		if _, gen := a.gr.cutGenitive(toks[c].low); gen {
			break
		}
		c++
	}
	if c == j || c < len(toks) && toks[c].capitalized() && toks[c].kind == tokWord && toks[c].para == toks[k].para {
		return end // "the Bank of England Governor Andrew Bailey" is for the role rule
	}
	// "the Department of Health and Social Care": a coordinated field,
	// capitalised words that name no other organisation or person.
	if c+1 < len(toks) && a.gr.coordinators[toks[c].low] && toks[c].para == toks[k].para {
		d := c + 1
		for d < len(toks) && d-c <= maxOfComplementWords && toks[d].para == toks[k].para && toks[d].kind == tokWord && toks[d].capitalized() &&
			!a.lx.OrgWords[toks[d].text] && !a.personStart(d) {
			d++
		}
		if d > c+1 && (d >= len(toks) || !toks[d].capitalized() || toks[d].para != toks[k].para) {
			return d
		}
	}
	return c
}

// maxOfComplementWords bounds the capitalised words of an organisation's
// "of" complement.
const maxOfComplementWords = 3

// orgAdjective: the lowercase word at k is an adjective inside an
// organisation's name: a demonym, a listed one ("mondiale"), or one whose
// ending is unmistakable ("bancaire", "financier"). Short endings ("-e")
// would take verbs in ("la Ligue arabe apporte").
func (a *analysis) orgAdjective(k int) bool {
	t := a.toks[k]
	if t.kind != tokWord || t.capitalized() {
		return false
	}
	if a.lx.Demonyms[t.low] != "" || a.gr.orgAdjectives[t.low] {
		return true
	}
	if !a.postAdjective(k) {
		return false
	}
	for _, suf := range a.gr.adjectiveEndings {
		if len(suf) >= minOrgAdjectiveEnding && strings.HasSuffix(t.low, suf) {
			return true
		}
	}
	return false
}

// minOrgAdjectiveEnding: the shortest adjective ending (in bytes) that
// proves an adjective inside a name.
const minOrgAdjectiveEnding = 3

// maxOrgHeadWords: the capitalised words of an organisation's name before
// its adjectives and complement ("Haute Autorité").
const maxOrgHeadWords = 2

// maxOrgAdjectives bounds the adjectives an organisation's name takes
// after its head word.
const maxOrgAdjectives = 2

// afterNoun: the word before token j is a content word of the same
// sentence (a noun a complement hangs on), not a verb, a function word or
// a clause opener.
func (a *analysis) afterNoun(j int) bool {
	if j == 0 {
		return false
	}
	p := a.toks[j-1]
	return p.kind == tokWord && p.sent == a.toks[j].sent && !a.lx.Stopwords[p.low] && !a.gr.aux[p.low] &&
		!a.gr.clause[p.low] && !a.gr.prepositions[p.low] && (a.isVerbForm(j-1) == 0 || j >= 2 && a.isDeterminer(a.toks[j-2].low))
}

// bareSubject: the description [from, end) opens its sentence and a
// reporting verb, maybe after an auxiliary, follows it ("Police said",
// "Witnesses have told").
func (a *analysis) bareSubject(from, end int) bool {
	if !a.sentenceInitial(from) {
		return false
	}
	v := a.skipAux(end, min(len(a.toks), end+3))
	_, _, ok := a.verbAt(v)
	return v < len(a.toks) && ok
}

// maxComplementWords bounds the words of a description's complement.
const maxComplementWords = 4

// complementEnd extends a description over its complement, which belongs
// to it as written: "a spokesperson for the police", "la porte-parole de
// la fédération", "une source proche du dossier", "the mayor of
// Springfield". Names inside it stop being speaker candidates of their
// own: the mayor speaks, not Springfield.
func (a *analysis) complementEnd(k, end int, org bool) int {
	for n := 0; n < maxComplements; n++ {
		// A second complement headed by a person's role is a description
		// of its own: "l'avocat de l'assassin du préfet de Corse Claude
		// Érignac".
		next := a.oneComplementEnd(k, end, n > 0, org && n == 0)
		if next == end {
			break
		}
		long := next-end > maxComplementWords // its end is a guess
		end = next
		if long {
			break
		}
	}
	return end
}

// maxComplements bounds the complements a description chains ("le
// collectif de défense des femmes").
const maxComplements = 2

// oneComplementEnd reads one complement after end: a link, maybe a
// determiner, and content words.
func (a *analysis) oneComplementEnd(k, end int, noRole, nameEnds bool) int {
	toks := a.toks
	para := toks[k].para
	j := end
	if !a.gr.links[toks[end-1].low] { // "spokesperson for" holds its link
		if j >= len(toks) || toks[j].para != para || !a.gr.links[toks[j].low] {
			return end
		}
		j++
	}
	if j < len(toks) && toks[j].para == para && a.isDeterminer(toks[j].low) {
		j++
	}
	if noRole && j < len(toks) {
		if key, _, n := a.roleAt(j); n > 0 && !a.pluralRole(key, toks[j-1].low) {
			return end // a person's role, not a group ("des femmes")
		}
	}
	c := j
	for c < len(toks) && c-j < maxComplementWords && toks[c].para == para && a.complementWord(c) {
		// "l'association de consommateurs Consom'Avenir": after an
		// organisation's own complement, a capitalised word right after
		// a lowercase noun is the name the description introduces, not
		// part of its complement ("du Kazakhstan"); "un porte-parole de
		// l'enseigne Hyperval" stays one description.
		if nameEnds && c > j && toks[c].capitalized() && !toks[c-1].capitalized() && toks[c-1].end < toks[c].start {
			break
		}
		// "a fashion designer for the G-III Apparel Group watched": a
		// past form after a name is the verb.
		if c > j && toks[c-1].capitalized() && !toks[c].capitalized() && a.pastForm(toks[c].low) {
			break
		}
		c++
	}
	if c == j {
		return end
	}
	return c
}

func (a *analysis) complementWord(k int) bool {
	t := a.toks[k]
	if t.kind != tokWord {
		return false
	}
	if t.capitalized() {
		return !a.personStart(k) // "le ministre de l'Intérieur Paul Roux"
	}
	return !a.lx.Stopwords[t.low] && !a.gr.aux[t.low] && !a.gr.prepositions[t.low] && !a.gr.clause[t.low] && a.isVerbForm(k) == 0
}

// attachAppositions links role descriptions to the names they describe:
// "le président Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev, le président
// du Kazakhstan", "Le secrétaire d'État américain Antony Blinken". The name
// inherits the role, country and gender; the role stops being a speaker
// candidate of its own.
// defineAcronyms reads "la Fédération des patientes en oncologie (FPO)": an
// acronym in parentheses after a name spells out the name, so the name runs
// to the parenthesis over the lowercase words whose initials the acronym
// holds, and the acronym is its other form. Nothing changes unless the
// initials of the content words match the acronym letter for letter.
func (a *analysis) defineAcronyms() {
	toks := a.toks
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.kind != mName || m.possessive {
			continue
		}
		p := m.tokTo
		for p < len(toks) && p-m.tokTo < maxAcronymGap && toks[p].kind == tokWord && !toks[p].capitalized() && toks[p].para == toks[m.tokFrom].para {
			p++
		}
		if p+2 >= len(toks) || !toks[p].isPunct("(") || !toks[p+2].isPunct(")") || !isAcronym(toks[p+1].text) {
			continue
		}
		if mi+1 < len(a.mentions) && a.mentions[mi+1].tokFrom < p {
			continue // a mention of its own stands between
		}
		acr := fold(toks[p+1].text)
		if !a.spellsAcronym(m.tokFrom, p, acr) {
			continue
		}
		if p > m.tokTo {
			m.name = append(m.name, a.joinedWords(m.tokTo, p)...)
			m.tokTo, m.end = p, toks[p-1].end
			m.text = a.str(m.start, m.end)
			m.org = true
		}
		m.acronym = acr
	}
}

// maxAcronymGap bounds the lowercase words between a name and the
// parenthesis that spells it out.
const maxAcronymGap = 5

// spellsAcronym: the content words in [from, to) give the folded acronym
// acr, by their first letters or with the capitalised parts of hyphenated
// words too.
func (a *analysis) spellsAcronym(from, to int, acr string) bool {
	return a.contentInitials(from, to, false) == acr || a.contentInitials(from, to, true) == acr
}

// contentInitials: the folded first letters of the words in [from, to)
// that are not function words (articles, prepositions, particles,
// coordinators, elided forms); with parts, each capitalised part of a
// hyphenated word gives its own letter ("Trois-Lacs": TL).
func (a *analysis) contentInitials(from, to int, parts bool) string {
	var b strings.Builder
	for k := from; k < to; k++ {
		t := a.toks[k]
		if t.kind != tokWord {
			return ""
		}
		low := t.low
		if a.isDeterminer(low) || a.gr.prepositions[low] || a.gr.contractedArticles[low] || a.gr.particles[low] || a.gr.coordinators[low] || a.gr.elisions[low] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.text)
		b.WriteRune(r)
		if parts {
			for _, part := range strings.Split(t.text, "-")[1:] {
				if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
					b.WriteRune(r)
				}
			}
		}
	}
	return fold(b.String())
}

func (a *analysis) attachAppositions() {
	ms := a.mentions
	for i := range ms {
		if ms[i].kind != mName {
			continue
		}
		n := &ms[i]
		// "Le documentaire d'Al Jazeera … précise", "a statement from
		// Google said": the source of a speech noun speaks through it.
		k := n.tokFrom
		if i > 0 && ms[i-1].kind == mRole && ms[i-1].org && ms[i-1].tokTo == k {
			k = ms[i-1].tokFrom // "Un rapport du cabinet Axiome Social"
		}
		if k >= 2 && a.isDeterminer(a.toks[k-1].low) && a.sourceLink(a.toks[k-2].low) {
			k-- // "a study by the Senate Committee"; not "du", a link itself
		}
		if k >= 2 && a.sourceLink(a.toks[k-1].low) && a.speechNoun(k-2) {
			n.npFrom = k - 2
			for n.npFrom > 0 && n.tokFrom-n.npFrom < 8 {
				p := a.toks[n.npFrom-1]
				if a.isDeterminer(p.low) {
					n.npFrom--
					break
				}
				if p.kind != tokWord || a.isVerbForm(n.npFrom-1) > 0 || a.gr.prepositions[p.low] {
					break
				}
				n.npFrom-- // "A June 2017 study by …"
			}
		}
		if i > 0 && ms[i-1].kind == mRole && (ms[i-1].tokTo == n.tokFrom || !ms[i-1].org && a.personStart(n.tokFrom) && a.roleComplement(ms[i-1].tokTo, n.tokFrom)) &&
			!(n.rank && a.linkInside(ms[i-1])) {
			// "a spokeswoman for Fair Trading Minister Rachel Okafor": a
			// name with its own title ends the complement; it is not
			// the spokeswoman's.
			a.attach(i-1, i)
			if n.npFrom <= 0 || n.npFrom > ms[i-1].tokFrom {
				n.npFrom = ms[i-1].tokFrom
			}
		}
		// "Richard Shelby of Alabama, the chairman of the committee,": a
		// place may follow the name before the comma.
		after, next := a.placeRunAfter(n.tokTo, len(a.toks), a.gr.links, false), i+1
		for next < len(ms) && ms[next].tokTo <= after {
			next++ // the place's own mention
		}
		if next < len(ms) && ms[next].kind == mRole && ms[next].tokFrom == after+1 && after < len(a.toks) && a.toks[after].isPunct(",") &&
			!a.gr.demonstratives[a.toks[ms[next].tokFrom].low] &&
			!((a.afterPreposition(n.tokFrom) || a.afterSourcePhrase(n.tokFrom)) && (a.verbFollows(ms[next].tokTo) || a.nameInApposition(next))) &&
			// "Rue des Goélands, à Audinghen-sur-Mer, un riverain fait
			// le tour": after a place a preposition opens, a description
			// that introduces someone is the clause's subject.
			!(a.afterPreposition(n.tokFrom) && a.introducing(ms[next]) && !a.afterSourcePhrase(n.tokFrom)) {
			a.attach(next, i)
		}
		// "un jeune manifestant, Abdel Nasser", "le président de
		// l'association des commerçants, Yanis Belkacem,": the name after
		// the comma names the person the description introduced.
		// "…du logiciel libre, l'April :": an article may stand between.
		comma, own := n.tokFrom-1, i
		// "a déclaré la directrice des fouilles, la chercheuse María
		// Ortega Valls": the name's own role stands between.
		if i > 0 && ms[i-1].appositionOf == i+1 && ms[i-1].tokTo == n.tokFrom {
			comma, own = ms[i-1].tokFrom-1, i-1
		}
		if comma > 0 && n.country != "" && a.lx.Demonyms[a.toks[comma].low] == n.country {
			comma-- // "…, le Danois Mikkel Sørensen,"
		}
		if comma > 0 && a.isDeterminer(a.toks[comma].low) {
			comma--
		}
		if i > 0 && comma >= 0 && a.toks[comma].isPunct(",") && a.closesAppositive(n.tokTo) {
			if ri := a.roleBeforeComma(own, comma); ri >= 0 {
				a.attach(ri, i)
			}
		}
	}
}

// roleComplement: tokens from..to are a short complement of the role
// before them that runs into a person's name ("la professeure en études urbaines
// Catherine Poulin"): a preposition, then lowercase words, no verb.
func (a *analysis) roleComplement(from, to int) bool {
	if to-from < 2 || to-from > maxRoleComplementWords || !a.gr.prepositions[a.toks[from].low] {
		return false
	}
	for j := from; j < to; j++ {
		t := a.toks[j]
		// "adviser to then-President George W. Bush": a title glued to
		// a prefix is the name's, not the complement's.
		if t.kind != tokWord || t.low != t.text || t.para != a.toks[to].para || a.isVerbForm(j) > 0 || a.gr.clause[t.low] {
			return false
		}
	}
	// The name follows a content word, not a preposition or an article
	// that makes it the complement's object ("loyalists to Joe Biden").
	last := a.toks[to-1].low
	return !a.gr.prepositions[last] && !a.isDeterminer(last) && !a.lx.Stopwords[last]
}

// maxRoleComplementWords bounds a complement between a role and its name.
const maxRoleComplementWords = 4

// nameInApposition: a name between commas follows the role at mention
// ri ("À Washington, le secrétaire d'État, Jonathan Reyes, a …"): the
// role is that name's, not the place's before it.
func (a *analysis) nameInApposition(ri int) bool {
	c := a.mentions[ri].tokTo
	if c >= len(a.toks) || !a.toks[c].isPunct(",") || ri+1 >= len(a.mentions) {
		return false
	}
	n := a.mentions[ri+1]
	return n.kind == mName && n.tokFrom == c+1 && a.closesAppositive(n.tokTo)
}

// closesAppositive: what follows a name ends the apposition (a comma, the
// end of the sentence, a quote).
// placeRunAfter skips a preposition of openers at token k and the
// capitalised word or two after it, a place ("of Alabama", "in Ottawa"):
// it returns the token after them, or k when there is none. With
// freeOnly, words another mention took end the run (the index of
// mentions must be built).
func (a *analysis) placeRunAfter(k, limit int, openers map[string]bool, freeOnly bool) int {
	toks := a.toks
	if k+1 >= limit || toks[k].kind != tokWord || !openers[toks[k].low] || k > 0 && toks[k].para != toks[k-1].para {
		return k
	}
	j := k + 1
	for j < limit && j-k <= maxOriginWords && toks[j].kind == tokWord && toks[j].capitalized() && toks[j].para == toks[k].para &&
		!(freeOnly && a.mentionAt(j) >= 0) {
		j++
	}
	if j == k+1 || j-k > maxOriginWords {
		return k
	}
	return j
}

// maxOriginWords bounds the place named after a person ("of New South
// Wales").
const maxOriginWords = 3

// verbFollows: an auxiliary at token k makes the description before it a
// clause's subject, not an apposition to a name in a phrase before the
// comma ("Interrogé par Le Monde, le ministre a assuré"). After a subject
// it stays one: "Paul Roux, le ministre a déclaré" lacks a comma.
func (a *analysis) verbFollows(k int) bool {
	if k >= len(a.toks) || a.toks[k].kind != tokWord {
		return false
	}
	return a.gr.aux[a.toks[k].low]
}

// afterPreposition: the word before token k (past a determiner) is a
// preposition, so what starts at k is no subject.
func (a *analysis) afterPreposition(k int) bool {
	j := k - 1
	if j >= 0 && a.toks[j].kind == tokWord && a.gr.prepositions[a.toks[j].low] {
		return true // "aux salariés": a preposition and an article in one
	}
	if j >= 0 && a.isDeterminer(a.toks[j].low) {
		j--
	}
	return j >= 0 && a.toks[j].kind == tokWord && a.gr.prepositions[a.toks[j].low]
}

// afterSourcePhrase: "selon", "according to" (past a determiner) stands
// before token k: "Selon Le Parisien, le maire aurait jugé" opens on a
// source, and the description after its comma is the clause's subject.
func (a *analysis) afterSourcePhrase(k int) bool {
	if k >= 1 && a.isDeterminer(a.toks[k-1].low) {
		k--
	}
	return a.sourcePhraseBefore(k)
}

func (a *analysis) closesAppositive(k int) bool {
	if k >= len(a.toks) {
		return true
	}
	t := a.toks[k]
	if t.isPunct("(") {
		// "le maire, Hervé Le Gall (divers droite), …": an affiliation
		// in parentheses belongs to the name.
		if j := a.skipParen(k, len(a.toks)); j > k {
			return a.closesAppositive(j + 1)
		}
		return false
	}
	return t.kind == tokQuote || t.kind == tokPunct && (t.text == "," || t.text == "." || t.text == ":" || t.text == ";")
}

// maxHonorifics bounds the titles read before a name ("Det Ch Insp").
const maxHonorifics = 3

// maxAffiliationWords bounds a party or place in parentheses after a name.
const maxAffiliationWords = 8

func (a *analysis) attach(ri, ni int) {
	r, n := &a.mentions[ri], &a.mentions[ni]
	r.attached = true
	r.appositionOf = ni + 1
	if r.tokTo == n.tokFrom && (n.npFrom <= 0 || n.npFrom > r.tokFrom) {
		// "Un rapport du cabinet Axiome Social": a phrase already opened
		// further back by a speech noun keeps its start.
		n.npFrom = r.tokFrom
	}
	if n.role == "" {
		n.role = r.role
	}
	if n.country == "" {
		n.country = r.country
	}
	if r.org {
		// "la fédération des banques, Febelfin": an organisation's name,
		// unless a first name says it is a person.
		if _, given := lookupFolded(a.lx.FirstNames, n.name[0]); !given {
			n.org = true
		}
		return
	}
	if n.gender == 0 {
		n.gender = r.gender
	}
}

// pluralRole: "les ministres", "the players": a role whose singular is a
// role too, or a plural determiner.
func (a *analysis) pluralRole(key, det string) bool {
	if a.gr.pluralOpeners[det] {
		return true
	}
	if sing, ok := strings.CutSuffix(key, "s"); ok {
		_, isRole := a.lx.Roles[sing]
		return isRole
	}
	return false
}

func (a *analysis) sourceLink(w string) bool {
	return a.gr.sourceLinks[w]
}

// sourceFollows: "de Google", "by the ministry" after a speech noun name
// its author, who speaks through it.
func (a *analysis) sourceFollows(k int) bool {
	return k < len(a.toks) && a.toks[k].kind == tokWord && a.sourceLink(a.toks[k].low)
}

// speechNoun: a statement, a report, a documentary: things that say.
func (a *analysis) speechNoun(k int) bool {
	t := a.toks[k]
	return t.kind == tokWord && (a.lx.Nouns[t.low] || a.gr.works[t.low])
}

// personStart: a first name or an honorific opens a person's name here.
func (a *analysis) personStart(k int) bool {
	t := a.toks[k]
	if !t.capitalized() {
		return false
	}
	if _, _, ok := a.isHonorific(k); ok {
		return true
	}
	_, ok := lookupFolded(a.lx.FirstNames, t.low)
	return ok
}

// postAdjective: a lowercase word after a French role that reads as an
// adjective: not a function word, verb, auxiliary or role.
func (a *analysis) postAdjective(k int) bool {
	t := a.toks[k]
	if t.kind != tokWord || t.capitalized() || a.lx.Stopwords[t.low] || a.gr.aux[t.low] || a.gr.prepositions[t.low] ||
		a.gr.clause[t.low] || a.isVerbForm(k) > 0 {
		return false
	}
	for _, suf := range a.gr.adjectiveEndings {
		if strings.HasSuffix(t.low, suf) {
			return true
		}
	}
	return false
}

// roleBeforeComma finds a role description that ends at the comma at
// token c, possibly followed by a complement of a few words ("de
// l'association des commerçants"), among the mentions before mention i.
func (a *analysis) roleBeforeComma(i, c int) int {
	const maxComplementTokens = 11
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		r := a.mentions[j]
		if r.kind != mRole {
			if r.tokTo > c-maxComplementTokens {
				continue // a name inside the complement
			}
			return -1
		}
		if r.attached || r.tokTo > c || c-r.tokTo > maxComplementTokens {
			return -1
		}
		// The complement may hold an acronym in parentheses: "le président
		// de l'Union des industries (UIC), Jean Roux".
		paren := false
		for k := r.tokTo; k < c; k++ {
			t := a.toks[k]
			switch {
			case t.isPunct("(") && !paren:
				paren = true
			case t.isPunct(")") && paren:
				paren = false
			case t.kind != tokWord || a.isVerbForm(k) > 0:
				return -1
			}
		}
		if paren {
			return -1
		}
		// "la sœur de l'ancien président du Conseil, Nadia Ferrand":
		// the head of a chain of roles is the first.
		for j > 0 {
			p := a.mentions[j-1]
			linked := r.tokFrom-p.tokTo == 1 && a.sourceLink(a.toks[p.tokTo].low) ||
				r.tokFrom == p.tokTo && a.sourceLink(a.toks[r.tokFrom].low)
			if p.kind != mRole || p.attached || !linked {
				break
			}
			j--
			r = p
		}
		return j
	}
	return -1
}

// isGivenName: a first name, or a compound one whose first part is
// ("Gilles-Éric").
func (a *analysis) isGivenName(w string) bool {
	if a.isFirstName(w) {
		return true
	}
	head, _, ok := strings.Cut(w, "-")
	return ok && a.isFirstName(head)
}

// orgRun: the capitalised words [from, to) hold an acronym or an
// organisation word.
// orgNameOpener: the word at k may open an organisation's name though it
// is no name alone: an organisation word ("United"), or a common word that
// is neither an article nor a function word opening the sentence
// ("South", a mid-sentence "New").
func (a *analysis) orgNameOpener(k int) bool {
	t := a.toks[k]
	return a.lx.OrgWords[t.text] || a.lx.NonNames[t.text] && !a.isDeterminer(t.low) && !(a.lx.Stopwords[t.low] && a.sentenceInitial(k))
}

// agencyOfCountry: "Statistics Canada", "Infrastructure Canada", "Radio
// France": a common noun capitalised inside a sentence, then a country's
// name, is an agency's name.
func (a *analysis) agencyOfCountry(k int) bool {
	toks := a.toks
	if k+1 >= len(toks) || a.sentenceInitial(k) || a.lx.Stopwords[toks[k].low] || a.isDeterminer(toks[k].low) ||
		toks[k+1].para != toks[k].para || toks[k+1].kind != tokWord || !toks[k+1].capitalized() || toks[k].end >= toks[k+1].start {
		return false
	}
	if _, whole := a.lx.CountryForms[fold(toks[k].text+" "+toks[k+1].text)]; whole {
		return false // "North Korea", "New Zealand": a country itself
	}
	_, ok := a.lx.CountryForms[fold(toks[k+1].text)]
	return ok
}

// endsOnOrgWord: the capitalised run from token k, at least three words
// long, ends on an organisation word ("United Gun Group", "Government
// Accountability Office", "National Rifle Association"): an organisation's
// name, whose first word alone would be no name or a role.
func (a *analysis) endsOnOrgWord(k int) bool {
	toks := a.toks
	end := a.capitalisedRunEnd(k)
	if !a.lx.OrgWords[toks[end-1].text] {
		return false
	}
	// "the Manitoba Association of Insurance Brokers": a place and an
	// organisation word are a name of two words.
	_, place := a.lx.CountryForms[toks[k].low]
	return end-k >= minOrgRunWords || end-k == 2 && place
}

// orgWordWithin: one of the n capitalised words from k is an
// organisation's word, so a possessive before them is inside one name
// ("the Allied Workers’ Association", "St Mary’s Hospital").
func (a *analysis) orgWordWithin(k, n int) bool {
	for j := k; j < len(a.toks) && j < k+n && a.toks[j].capitalized() && a.toks[j].para == a.toks[k].para; j++ {
		if a.lx.OrgWords[a.toks[j].text] {
			return true
		}
	}
	return false
}

// maxGenitiveOrgWords: how far after a possessive inside a name the
// organisation's word may come.
const maxGenitiveOrgWords = 2

// endsOnOrgWordFrom: the capitalised run starting at k, of any length up
// to maxOrgNameWords, ends on an organisation's word ("Exchange
// Commission", "Allied Workers' Association").
func (a *analysis) endsOnOrgWordFrom(k int) bool {
	end := a.capitalisedRunEnd(k)
	return end > k && a.lx.OrgWords[a.toks[end-1].text]
}

// capitalisedRunEnd is the end of the run of at most maxOrgNameWords
// capitalised words, apart from one another, from token k.
func (a *analysis) capitalisedRunEnd(k int) int {
	toks := a.toks
	end := k
	for end < len(toks) && end-k < maxOrgNameWords && toks[end].para == toks[k].para && toks[end].kind == tokWord && toks[end].capitalized() &&
		(end == k || toks[end-1].end < toks[end].start) {
		end++
	}
	return end
}

// minOrgRunWords and maxOrgNameWords bound the capitalised runs read as
// an organisation's name by their last word.
const (
	minOrgRunWords  = 3
	maxOrgNameWords = 6
)

func (a *analysis) orgRun(from, to int) bool {
	for j := from; j < to; j++ {
		if w := a.toks[j].text; isAcronym(w) || a.lx.OrgWords[w] {
			return true
		}
	}
	return false
}

func (a *analysis) isFirstName(w string) bool {
	_, ok := lookupFolded(a.lx.FirstNames, w)
	return ok
}

// creditEnd: the parenthesis opened at k holds a credit with a slash
// ("(Muriel Draaisma/CBC)", "(Lauren Pelley / CBC News)"); it returns the
// closing parenthesis, or k.
func (a *analysis) creditEnd(k int) int {
	slash := false
	for j := k + 1; j < len(a.toks) && j <= k+12; j++ {
		t := a.toks[j]
		if t.para != a.toks[k].para || t.kind == tokQuote {
			return k
		}
		switch {
		case t.isPunct("/"):
			slash = true
		case t.isPunct(")"):
			if slash {
				return j
			}
			return k
		}
	}
	return k
}

// partyPlaceBetweenCommas: "Dale Wickersham, R-Hutchinson, who carried
// the bill": one capital, a hyphen and a town, set off by commas or
// parentheses right after a name.
func (a *analysis) partyPlaceBetweenCommas(from, end int, w string) bool {
	if len(w) < 4 || len(w) > maxPartyPlaceBytes || w[1] != '-' || w[0] < 'A' || w[0] > 'Z' || w[2] < 'A' || w[2] > 'Z' || from == 0 || end >= len(a.toks) {
		return false
	}
	before, after := a.toks[from-1], a.toks[end]
	if !(before.isPunct(",") || before.isPunct("(")) || !(after.isPunct(",") || after.isPunct(")")) {
		return false
	}
	n := len(a.mentions)
	return n > 0 && a.mentions[n-1].kind == mName && a.mentions[n-1].tokTo == from-1
}

// maxPartyPlaceBytes bounds "R-Hutchinson", "D-Grand Rapids" is two words.
const maxPartyPlaceBytes = 24

// isPartyState: "R-Wis", "D-Calif", "I-Vt": one capital, a hyphen, a
// capitalised abbreviation.
func isPartyState(w string) bool {
	if len(w) < 3 || w[1] != '-' || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return w[2] >= 'A' && w[2] <= 'Z' && len(w) <= 8
}

// accentedEnding: the word ends on an accented vowel, maybe with the
// feminine or plural ending after it ("jugé", "jugée", "jugés").
func accentedEnding(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "s"), "e")
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == 'é' || r == 'è' || r == 'à'
}

// linkInside: the mention holds a link or a preposition after its first
// word, so a complement follows its head ("a spokeswoman for …").
func (a *analysis) linkInside(m mention) bool {
	for k := m.tokFrom + 1; k < m.tokTo; k++ {
		if low := a.toks[k].low; a.gr.links[low] || a.gr.prepositions[low] {
			return true
		}
	}
	return false
}

// joinedWords are the words of tokens from..to as written, an elided word
// joined to the next ("d'" "État" is "d'État").
func (a *analysis) joinedWords(from, to int) []string {
	words := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		if k > from && a.toks[k-1].end == a.toks[k].start && strings.HasSuffix(a.toks[k-1].low, "'") {
			words[len(words)-1] += a.toks[k].text
			continue
		}
		words = append(words, a.toks[k].text)
	}
	return words
}

// qualifier is what follows the role word of description m, lowercase;
// "" when nothing does.
func (a *analysis) qualifier(m mention) string {
	if m.qualFrom == 0 {
		return ""
	}
	return strings.ToLower(a.str(a.toks[m.qualFrom].start, m.end))
}

// maxNamedModifierWords bounds the capitalised words (and the periods of
// an abbreviation) read as a name between two role words.
const maxNamedModifierWords = 4
