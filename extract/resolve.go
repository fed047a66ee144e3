package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is one person or organisation of the article, with every form its
// name takes.
type entity struct {
	formCount []int    // parallel to formOrder: how often each form is written
	formOrder []string // every form of the name, in order of appearance
	words     []string // fullest form's words
	surname   string   // folded last word
	gender    Gender
	org       bool
	place     bool              // a country or region: never a person
	roles     map[string]string // folded role -> country ("" when none)
	// ranks: the roles known only from a title before the name ("Mayor
	// Dana Whitford"); they let a description find the person but, unlike
	// a description the text gives, say nothing of whom a pronoun means.
	ranks map[string]bool
	// quals: for a role given with a qualifier ("l'entraîneur
	// artésien"), that qualifier; a description of the same role with
	// another ("l'entraîneur des Canaris") is someone else.
	quals map[string]string
	// frozen: the forms are all known (resolveNames is over), so the
	// canonical name can be kept in canon.
	frozen   bool
	canon    string
	mentions int
	lastTok  int
}

// lone: the entity is one capitalised word of unknown gender ("Pantin",
// "Okafor", "Transcript"), as often a place or a common word as a person.
func (e *entity) lone() bool {
	return len(e.words) < 2 && e.gender == 0
}

func (e *entity) canonical() string {
	if e.canon != "" {
		return e.canon
	}
	best, bestWords, bestCount := "", 0, 0
	for i, f := range e.formOrder {
		n := strings.Count(f, " ") + 1
		c := e.formCount[i]
		if n > bestWords || n == bestWords && c > bestCount {
			best, bestWords, bestCount = f, n, c
		}
	}
	if e.frozen {
		e.canon = best
	}
	return best
}

// givenCompatible tells whether two given-name lists can belong to one
// person: equal, an initial of the other, or one spelling slip apart
// (Antony/Anthony).
func givenCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	x, y := fold(a[0]), fold(b[0])
	if x == y {
		return true
	}
	xr, yr := []rune(strings.TrimSuffix(x, ".")), []rune(strings.TrimSuffix(y, "."))
	if len(xr) == 1 || len(yr) == 1 {
		return xr[0] == yr[0]
	}
	// Hyphenated given names: "Jean-Yves" vs "Jean".
	if strings.HasPrefix(x, y+"-") || strings.HasPrefix(y, x+"-") {
		return true
	}
	return len(xr) >= 4 && len(yr) >= 4 && editDistanceAtMostOne(xr, yr)
}

func editDistanceAtMostOne(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		if len(a) == len(b) {
			i++
		}
		j++
	}
	return edits+(len(b)-j)+(len(a)-i) <= 1
}

// resolveNames groups name mentions into entities.
func (a *analysis) resolveNames() {
	a.trimSentenceOpeners()
	a.shareCoupleSurnames()
	// Indexes keep this linear in the number of mentions: entities by
	// folded full form, by surname, and organisations by acronym.
	byForm := map[string]int{}
	bySurname := map[string][]int{}
	orgByHead := map[string]int{}
	byGiven := map[string][]int{}
	byInitials := map[string]int{}
	// byFirstSurname: "Lucia Ortega Villamil … Ortega said": of two
	// surnames the first is used alone.
	byFirstSurname := map[string]int{}
	// Initials are worth indexing only if an acronym is written alone.
	hasAcronyms := false
	for _, m := range a.mentions {
		if m.kind == mName && len(m.name) == 1 && isAcronym(m.name[0]) {
			hasAcronyms = true
			break
		}
	}
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.kind != mName {
			continue
		}
		words := m.name
		full := strings.Join(words, " ")
		surname := fold(words[len(words)-1])
		formKey := fold(full)
		if m.org {
			formKey = "org:" + formKey
		}
		best := -1
		if m.org && len(words) == 1 {
			// "says House" after "Christopher House": an organisation word
			// alone that is a person's surname here names that person.
			for _, ei := range bySurname[surname] {
				if len(a.entities[ei].words) > 1 {
					m.org = false
					formKey = fold(full)
					break
				}
			}
		}
		if ei, ok := byForm[formKey]; ok {
			best = ei
		} else if ei, ok := byInitials[fold(full)]; ok && len(words) == 1 && isAcronym(words[0]) {
			// "Human Rights Watch (HRW)": an acronym of a name before it.
			best = ei
			m.org = true
		} else if m.org {
			// "CFX" and "CFX-Santé": an acronym and its hyphenated long form.
			if ei, ok := orgByHead[fold(words[0])]; ok && ei >= 0 && len(words) == 1 {
				best = ei
			}
		} else {
			for _, ei := range bySurname[surname] {
				e := &a.entities[ei]
				if e.place && len(words) > 1 {
					// "Radio France", "Météo France": a longer name is not
					// the country it ends with.
					continue
				}
				if len(words) == 1 {
					if best < 0 || a.entities[best].mentions < e.mentions {
						best = ei
					}
					continue
				}
				if givenCompatible(words[:len(words)-1], e.words[:len(e.words)-1]) || wordsSuffix(words, e.words) || wordsSuffix(e.words, words) {
					if best < 0 || e.lastTok > a.entities[best].lastTok {
						best = ei
					}
				}
			}
		}
		if m.weak {
			if best >= 0 && len(a.entities[best].words) > 1 && !a.entities[best].org {
				m.org = false
			} else if best >= 0 && m.org && a.entities[best].org && len(a.entities[best].words) > 1 {
				// "écrit l'Observatoire": the organisation it heads.
			} else {
				// Not a name after all. An institution named by its seat
				// ("Matignon", "Bercy", "the Pentagon") still speaks: it is
				// a description, as written.
				if info := a.lx.Roles[strings.ToLower(words[0])]; info.Org && a.standsAsNoun(m.tokTo) {
					m.kind, m.org, m.role = mRole, true, fold(strings.ToLower(words[0]))
				}
				continue
			}
		}
		if ei, ok := byFirstSurname[surname]; best < 0 && ok && ei >= 0 && len(words) == 1 && !m.org && !a.isFirstName(words[0]) {
			best = ei
		}
		if best < 0 && len(words) == 1 && !m.org && len(byGiven[fold(words[0])]) > 0 && (a.actsAsSubject(*m) || a.afterReportingVerb(m.tokFrom) || a.isFirstName(words[0])) {
			// "Jordan said" after "Jordan Stewart": a first name alone, as
			// the subject of a verb, names the one person who carries it.
			best = a.byGivenName(fold(words[0]), byGiven)
		}
		if best < 0 {
			_, place := a.lx.CountryForms[formKey]
			if !place {
				_, place = a.lx.CountryForms[strings.ToLower(full)]
			}
			a.entities = append(a.entities, entity{words: words, surname: surname, org: m.org, place: place})
			best = len(a.entities) - 1
			if !m.org {
				bySurname[surname] = append(bySurname[surname], best)
				if len(words) == 3 && a.isFirstName(words[0]) && !a.isFirstName(words[1]) {
					first := fold(words[1])
					if prev, seen := byFirstSurname[first]; !seen {
						byFirstSurname[first] = best
					} else if prev != best {
						byFirstSurname[first] = -1 // two people: neither
					}
				}
			} else if len(words) == 1 {
				if head, _, ok := strings.Cut(fold(words[0]), "-"); ok {
					if _, seen := orgByHead[head]; !seen {
						orgByHead[head] = best
					}
				}
			} else if a.gr.features[featAdjectivesFollowNoun] && a.lx.OrgWords[words[0]] {
				// "l'Observatoire national de la biodiversité … écrit
				// l'Observatoire": the kind that heads the name, alone,
				// names it; with two of that kind, neither.
				head := fold(words[0])
				if prev, seen := orgByHead[head]; !seen {
					orgByHead[head] = best
				} else if prev != best {
					orgByHead[head] = -1
				}
			}
		}
		if _, ok := byForm[formKey]; !ok {
			byForm[formKey] = best
		}
		if hasAcronyms && len(words) >= minAcronymWords {
			if ini := initials(words); ini != "" {
				if _, ok := byInitials[ini]; !ok {
					byInitials[ini] = best
				}
			}
		}
		if m.acronym != "" {
			byInitials[m.acronym] = best
		}
		e := &a.entities[best]
		e.addForm(full)
		e.mentions++
		e.lastTok = m.tokFrom
		if len(words) > len(e.words) {
			e.words = words
		}
		if len(words) > 1 && !m.org {
			g := fold(words[0])
			byGiven[g] = append(byGiven[g], best)
		}
		if e.gender == 0 {
			e.gender = m.gender
		}
		if m.role != "" {
			if _, ok := e.roles[m.role]; !ok || m.country != "" {
				e.setRole(m.role, m.country)
				if m.rank {
					if e.ranks == nil {
						e.ranks = map[string]bool{}
					}
					e.ranks[m.role] = true
				}
			}
		}
		m.entity = best
	}
	// "Mélanie, 41 ans, …", "Sarah, 34, said": a person introduced by a
	// first name alone and an age, which no one else in the article bears
	// as a surname, has the first name's gender.
	for _, m := range a.mentions {
		if m.kind != mName || m.entity < 0 || !a.ageFollows(m.tokTo) {
			continue
		}
		e := &a.entities[m.entity]
		if e.lone() && !e.org && !e.place && len(bySurname[e.surname]) == 1 {
			e.gender, _ = lookupFolded(a.lx.FirstNames, e.words[0])
		}
	}
	a.completeEarlyShortNames()
	a.spellOutAcronyms()
	// Attached roles point at their name's entity.
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.kind == mRole && m.appositionOf > 0 {
			m.entity = a.mentions[m.appositionOf-1].entity
			if e := m.entity; e >= 0 && m.role != "" {
				if c, ok := a.entities[e].roles[m.role]; !ok || c == "" {
					a.entities[e].setRole(m.role, m.country)
				}
				a.entities[e].setQual(m.role, a.qualifier(*m))
				if a.entities[e].gender == 0 && !m.org {
					a.entities[e].gender = m.gender
				}
			}
		}
	}
}

// ageFollows: ", 41 ans", ", 34,": an age in apposition starts at token k.
func (a *analysis) ageFollows(k int) bool {
	if k+1 >= len(a.toks) || !a.toks[k].isPunct(",") || a.toks[k+1].para != a.toks[k].para {
		return false
	}
	w := a.toks[k+1].text
	return w != "" && len(w) <= 3 && strings.Trim(w, "0123456789") == ""
}

// standsAsNoun: the word before token k ends its noun phrase: nothing
// capitalised or heading a description follows ("Matignon a dit", not "a
// State Department official").
func (a *analysis) standsAsNoun(k int) bool {
	if k >= len(a.toks) || a.toks[k].kind != tokWord || a.toks[k].para != a.toks[k-1].para {
		return true
	}
	if a.toks[k].capitalized() {
		return false
	}
	_, _, n := a.roleAt(k)
	return n == 0
}

// resolveMention returns the entity a pronoun or description stands for,
// looking back from the mention; -1 when the text does not tell.
func (a *analysis) resolveMention(mi int, prev prevSpeaker) int {
	return a.resolve(a.mentions[mi], mi, prev)
}

// resolve is resolveMention for a mention m that may not be in the list
// (a clitic pronoun); before is the number of mentions that precede it.
func (a *analysis) resolve(m mention, before int, prev prevSpeaker) int {
	mi := before
	switch m.kind {
	case mName:
		if m.entity >= 0 && a.entities[m.entity].place {
			return -1
		}
		return m.entity
	case mRole:
		if m.appositionOf > 0 {
			return m.entity
		}
		if m.speech {
			if e := a.speechSource(m, mi); e >= 0 {
				return e
			}
			if e, ok := a.documentAgent(m, mi); ok {
				return e
			}
			if e := a.speechNounAuthor(m); e >= 0 {
				return e
			}
			if a.gr.definite[a.toks[m.tokFrom].low] {
				// "The Care Quality Commission found … The report
				// described": the organisation the text is about wrote it.
				return a.salientOrg(m, mi)
			}
			return -1
		}
		// "a ajouté le même responsable": the last speaker, when the
		// description can be them.
		if m.anaphoric && !m.plural {
			if p := prev.entity; p >= 0 && !a.entities[p].org && genderAgrees(a.entities[p].gender, m.gender) {
				return p
			}
			return -1
		}
		if w := a.toks[m.tokFrom].low; (a.gr.articles[w] || a.gr.partitives[w]) && !a.gr.definite[w] {
			// "said one unaligned Republican strategist", "a friend
			// said": an indefinite article brings in someone new, never a
			// person named before.
			return -1
		}
		if e := a.resolveDescription(m, mi); e >= 0 || m.plural {
			return e
		}
		// "… un riverain fait le tour de sa maison. « … », raconte ce
		// retraité": the unnamed person introduced since, not someone
		// named before.
		if a.unnamedTakenUp(mi) != "" {
			return -1
		}
		if e := a.relativeOf(m, mi); e >= 0 {
			return e
		}
		if m.org {
			// "the independent Land Use Review Panel … The panel said":
			// an organisation whose name holds the description's noun.
			if a.gr.definite[a.toks[m.tokFrom].low] {
				if e := a.orgNamedByRole(m, mi); e >= 0 {
					return e
				}
			}
			// "Telvia a confirmé … « … », a précisé l'entreprise": the
			// organisation the text is about.
			if a.gr.definite[a.toks[m.tokFrom].low] && a.gr.orgAnaphors[m.role] {
				if e := a.salientOrg(m, mi); e >= 0 {
					return e
				}
				// "Grève chez Colivia ¶ … La direction a fait savoir":
				// the one organisation the headline names.
				return a.headlineOrg()
			}
			return -1
		}
		// "son homologue turc Recep Tayyip Erdoğan … le président turc":
		// the person last given the description's country.
		if e := a.resolveByCountry(m, mi); e >= 0 {
			return e
		}
		// "Jones recorded his first goal. “…,” said the rookie
		// defenceman": a definite description right after a sentence whose
		// subject is a person of the same gender refers to that person.
		if a.gr.definite[a.toks[m.tokFrom].low] {
			if e := a.previousSentenceSubject(m, mi, prev.entity); e >= 0 && !a.entities[e].otherCountry(m.country) {
				return e
			}
			// "L'élue a également salué …" after her quote: the last
			// speaker, when a person of the description's gender.
			if p := prev.entity; p >= 0 && !a.entities[p].org && a.entities[p].gender != 0 && m.gender == a.entities[p].gender && !a.entities[p].otherCountry(m.country) &&
				a.paras[a.toks[m.tokFrom].para].ord-a.paras[a.toks[prev.tok].para].ord <= 1 && !a.otherNamedSince(prev.tok, m.tokFrom, p) {
				return p
			}
			// "Le ministre de l'Industrie a déclaré que « … ». Arnaud
			// Martel reconnaît …": a lead that describes before it names.
			if prev.entity < 0 && !m.plural {
				if e := a.nextSentenceSubject(m, mi); e >= 0 && !a.entities[e].otherCountry(m.country) {
					return e
				}
			}
			// "Karim B., 29 ans, comparaissait … ¶ « … », a expliqué le
			// prévenu": a description no one was given refers to the
			// person the text is about, the last one named as a subject
			// in its paragraph or the one before, when no one else was
			// named since.
			if e := a.salientSubject(m, mi); e >= 0 && !a.entities[e].otherCountry(m.country) {
				return e
			}
			// "La romancière québécoise Nadia Ferhat remporte le prix ¶ …
			// a déclaré la lauréate": a portrait or a profile is about the
			// one person its headline names; a description of that
			// person's gender no one else was given is theirs.
			if e := a.headlinePerson(); e >= 0 && m.gender != 0 && a.entities[e].gender == m.gender && !a.entities[e].otherCountry(m.country) {
				return e
			}
			// "… une frappe lointaine de Kevin Rochat. « … », souriait le
			// milieu de terrain": the nearest person of the description's
			// gender, named in its sentence or the one before, in any
			// position.
			if e := a.nearestOfGender(m, mi); e >= 0 && !a.entities[e].otherCountry(m.country) {
				return e
			}
			// "“…,” said the landlord. … Josiah Crewe, the landlord,
			// …": the one person the text gives the role, later.
			if e := a.onlyHolderOfRole(m); e >= 0 {
				return e
			}
		}
		return -1
	case mPronoun:
		if a.gr.neuter[strings.ToLower(m.text)] {
			if p := prev.entity; p >= 0 && a.entities[p].org && !a.namedSince(prev.tok, m.tokFrom, true) {
				return p
			}
			if e := a.lastOrg(m, mi); e >= 0 {
				return e
			}
			// "Facebook told employees …. “…,” it said": a name the
			// lexicon does not know as an organisation, with no gender, as
			// the subject before.
			return a.lastGenderless(m, mi)
		}
		if m.plural {
			return -1
		}
		if m.anaphoric {
			return a.lastNamed(m, mi, m.gender, false, -1)
		}
		if p := prev.entity; p >= 0 && genderAgrees(a.entities[p].gender, m.gender) && !a.entities[p].org {
			// The last quoted speaker stays the topic unless another person
			// of the same gender was named since that quote.
			if last := a.lastNamed(m, mi, m.gender, true, prev.tok); last >= 0 {
				return last
			}
			// "… positive results for accountant Tomas Brandt, 50.
			// “…,” he says": a person newly named since the last quote is
			// the topic even outside subject position.
			// A person of unknown gender counts when given a role and a
			// full name ("accountant Babatunji Farinloye").
			if last := a.lastNamed(m, mi, m.gender, false, prev.tok); last >= 0 && last != p &&
				(a.entities[last].gender != 0 || len(a.entities[last].words) > 1 && a.entities[last].described()) &&
				a.namedInParagraph(last, m.tokFrom) {
				return last
			}
			return p
		}
		return a.preferGendered(m, mi, a.lastNamed(m, mi, m.gender, true, -1))
	}
	return -1
}

// preferGendered: "I asked barber Robert McMillen … “…,” he explains": a
// person of the pronoun's gender named in its paragraph, even as an
// object, beats a subject of unknown gender, or none. Used
// only when no quote before gives a topic: after one, a subject of
// unknown gender ("Klisch said …") is most often the one.
func (a *analysis) preferGendered(m mention, mi, subject int) int {
	if m.gender == 0 || subject >= 0 && a.entities[subject].gender != 0 {
		return subject
	}
	// With no subject in the pronoun's paragraph, the paragraph before
	// counts too: "Ann Lee met Paul Roy at the station. ¶ “…,” he said."
	if near := a.lastOfGender(m, mi); near >= 0 && near != subject &&
		(a.namedInParagraph(near, m.tokFrom) || (subject < 0 || !a.namedInParagraph(subject, m.tokFrom)) && a.namedInPreviousParagraph(near, m.tokFrom)) {
		return near
	}
	return subject
}

// lastOfGender is the closest person named before mention mi whose gender
// is known and the pronoun m's: "… Red Deer and Sundre were cancelled.
// “…,” her statement read" passes over the place of unknown gender.
func (a *analysis) lastOfGender(m mention, mi int) int {
	for j := mi; ; {
		if j = a.lastNamedAt(m, j, m.gender, false, -1); j < 0 {
			return -1
		}
		if e := a.mentions[j].entity; a.entities[e].gender == m.gender {
			return e
		}
	}
}

// namedInPreviousParagraph: entity e is named in the paragraph just
// before token k's.
func (a *analysis) namedInPreviousParagraph(e, k int) bool {
	ord := a.paras[a.toks[k].para].ord
	for j := a.mentionsBefore(k) - 1; j >= 0; j-- {
		m := a.mentions[j]
		d := ord - a.paras[a.toks[m.tokFrom].para].ord
		if d > 1 || k-m.tokFrom > maxPronounReach {
			return false
		}
		if d == 1 && m.entity == e && m.kind == mName {
			return true
		}
	}
	return false
}

// maxPronounReach bounds, in tokens, how far back a pronoun's antecedent
// is looked for in text without paragraph breaks.
const maxPronounReach = 800

// prevSpeaker is the speaker of the last attributed quote and where it was.
type prevSpeaker struct {
	entity int
	tok    int
	// unnamed is the last quote's speaker when it is a description as
	// written ("un porte-parole de la police").
	unnamed       string
	unnamedGender Gender
	unnamedTok    int
}

func genderAgrees(entity, pronoun Gender) bool {
	return entity == 0 || pronoun == 0 || entity == pronoun
}

// lastNamed finds the closest person named before mention mi within a few
// paragraphs. subjectOnly skips names in object or prepositional position.
func (a *analysis) lastNamed(m mention, mi int, g Gender, subjectOnly bool, afterTok int) int {
	if j := a.lastNamedAt(m, mi, g, subjectOnly, afterTok); j >= 0 {
		return a.mentions[j].entity
	}
	return -1
}

// lastNamedAt is lastNamed's mention rather than its entity.
func (a *analysis) lastNamedAt(m mention, mi int, g Gender, subjectOnly bool, afterTok int) int {
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		// A few paragraphs back, and a bounded number of tokens for text
		// without paragraph breaks.
		if ord-a.paras[a.toks[c.tokFrom].para].ord > 4 || c.tokFrom <= afterTok || m.tokFrom-c.tokFrom > maxPronounReach {
			break
		}
		if c.kind != mName || c.entity < 0 {
			continue
		}
		e := a.entities[c.entity]
		if e.org || e.place || !genderAgrees(e.gender, g) {
			continue
		}
		// A lone capitalised word with no gender and no role ("Toronto",
		// "Mostly") is too weak to carry a pronoun, unless it is plainly a
		// subject: "Okafor didn't hesitate."
		if e.lone() && !e.described() && !a.actsAsSubject(c) {
			continue
		}
		// "Goetz Vitamin E Shaving Cream": a long name with no known gender
		// is a product or a place, not a person a pronoun stands for.
		if e.gender == 0 && len(e.words) > 3 {
			continue
		}
		// "Pour Camille Hurtaud, chercheuse…, l'épisode illustre …":
		// whose view the sentence gives stands as its subject.
		if subjectOnly && (c.possessive || !a.subjectPosition(c) && !a.plainOpinionHolder(c)) {
			continue
		}
		if a.inOpeningParticipial(c, m) {
			continue
		}
		return j
	}
	return -1
}

// inOpeningParticipial: candidate c stands in the participial clause that
// opens m's sentence, and m begins the main clause after it: "Asked what
// he would tell Mayor John Tory, he said", "Interrogé sur Paul Roux, il a
// répondu". The clause's unwritten subject is m's; the names in it are
// someone else.
func (a *analysis) inOpeningParticipial(c, m mention) bool {
	si := a.toks[m.tokFrom].sent
	if a.toks[c.tokFrom].sent != si {
		return false
	}
	s := a.sents[si]
	if _, inv, ok := a.verbAt(s.tokFrom); !ok && !a.participle(s.tokFrom) || inv != nil {
		return false
	}
	for k := c.tokTo; k < m.tokFrom; k++ {
		if a.toks[k].isPunct(",") {
			return true
		}
	}
	return false
}

// resolveDescription links "le président kazakh" to the person introduced
// as "président du Kazakhstan"; it prefers the most recent one.
func (a *analysis) resolveDescription(m mention, mi int) int {
	best := -1
	var mq *string // m's qualifier, read once when a candidate has one
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > 30 || m.tokFrom-c.tokFrom > 4000 {
			break // a description refers to someone introduced nearby
		}
		if c.entity < 0 || (c.kind != mName && !(c.kind == mRole && c.appositionOf > 0)) {
			continue
		}
		e := a.entities[c.entity]
		// "le ministre" is not the minister named "la ministre" before.
		if e.org != m.org || !genderAgrees(e.gender, m.gender) {
			continue
		}
		country, ok := a.roleOrSynonym(&e, m.role)
		if !ok {
			continue
		}
		if q := e.quals[m.role]; q != "" && m.qualLinked {
			if mq == nil {
				s := a.qualifier(m)
				mq = &s
			}
			if q != *mq {
				continue // "l'entraîneur des Canaris" is not "l'entraîneur artésien"
			}
		}
		if m.country != "" && country != "" && country != m.country {
			continue
		}
		best = c.entity
		break
	}
	return best
}

// resolveByCountry links a description that names a country ("le
// président turc", "le dirigeant russe") whose role no one holds to the
// person most recently given that country, in any role ("son homologue
// turc X"); -1 when there is none nearby.
func (a *analysis) resolveByCountry(m mention, mi int) int {
	if m.country == "" || m.org || m.plural {
		return -1
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > maxCountryParas {
			break
		}
		if c.entity < 0 || (c.kind != mName && !(c.kind == mRole && c.appositionOf > 0)) {
			continue
		}
		e := &a.entities[c.entity]
		if e.org || e.place || !genderAgrees(e.gender, m.gender) {
			continue
		}
		for _, country := range e.roles {
			if country == m.country {
				return c.entity
			}
		}
	}
	return -1
}

// maxCountryParas: how many paragraphs back a description's country is
// looked for.
const maxCountryParas = 8

// otherCountry: the person is known only by roles of countries other than
// c ("le président russe" is not "le président turc").
func (e *entity) otherCountry(c string) bool {
	if c == "" {
		return false
	}
	if e.hasCountry(c) {
		return false
	}
	for _, country := range e.roles {
		if country != "" {
			return true
		}
	}
	return false
}

// subjectPosition: a mention preceded by the start of a clause rather than
// by a verb or a preposition can be a subject.
func (a *analysis) subjectPosition(m mention) bool {
	if m.npFrom > 0 && m.npFrom < m.tokFrom {
		m.tokFrom = m.npFrom
		// "Canadian Hockey League commissioner Lorne Petrie": an
		// organisation's name before the role belongs to the phrase.
		if k := m.tokFrom - 1; m.kind == mName && k >= 0 && a.mentionByEnd != nil {
			if j := a.mentionByEnd[k]; j >= 0 && a.mentions[j].kind == mName && a.mentions[j].org && !a.mentions[j].possessive {
				m.tokFrom = a.mentions[j].tokFrom
			}
		}
	}
	if m.kind == mName {
		// "Public works minister Ilse Varga", "wardrobe stylist
		// Nell": modifiers before the name belong to its noun phrase.
		for n := 0; n < 4 && m.tokFrom > 0; n++ {
			p := a.toks[m.tokFrom-1]
			if p.kind != tokWord || p.sent != a.toks[m.tokFrom].sent || a.isDeterminer(p.low) || a.gr.prepositions[p.low] || a.gr.aux[p.low] ||
				a.gr.clause[p.low] || a.lx.Stopwords[p.low] || a.isVerbForm(m.tokFrom-1) > 0 || a.mentionByEnd[m.tokFrom-1] >= 0 && a.mentions[a.mentionByEnd[m.tokFrom-1]].kind != mName {
				break
			}
			if p.capitalized() && !a.sentenceInitial(m.tokFrom-1) {
				break
			}
			if m.tokFrom >= 2 && a.gr.aux[a.toks[m.tokFrom-2].low] {
				break // "a reçu Marc Lenoir": a participle, and its object
			}
			m.tokFrom--
		}
	}
	k := m.tokFrom - 1
	if k < 0 {
		return true
	}
	// "according to Dana Pruitt", "according to former Bank of Canada
	// governor David Dodge": the source of a report is its subject.
	for j := m.tokFrom; j > 0 && m.tokFrom-j <= maxSourceModifiers; j-- {
		if a.sourcePhraseBefore(j) {
			return true
		}
		if t := a.toks[j-1]; t.kind != tokWord || t.sent != a.toks[m.tokFrom].sent || a.isVerbForm(j-1) > 0 || a.gr.clause[t.low] {
			break
		}
	}
	p := a.toks[k]
	if p.sent != a.toks[m.tokFrom].sent || p.para != a.toks[m.tokFrom].para {
		return true
	}
	// "recently that Foster pieced": before a name, a word that is both a
	// determiner and a clause opener opens the clause.
	if p.kind == tokWord && a.isDeterminer(p.low) && a.gr.clause[p.low] && m.kind == mName {
		return true
	}
	// "la NASA", "le syndicat SUD": look past the determiner.
	if p.kind == tokWord && a.isDeterminer(p.low) && m.kind == mName {
		if k == 0 {
			return true
		}
		k--
		p = a.toks[k]
		if p.sent != a.toks[m.tokFrom].sent || p.para != a.toks[m.tokFrom].para {
			return true
		}
	}
	switch p.kind {
	case tokQuote:
		return true
	case tokPunct:
		// Inside a parenthesis a name is an aside or an affiliation.
		return p.text != "'" && p.text != "’" && p.text != "("
	}
	if a.gr.coordinators[p.low] && a.conjunctAfterPreposition(k) {
		// "between Democratic lawmakers and Trump": the second conjunct
		// of a prepositional phrase is no subject.
		return false
	}
	if a.gr.clause[p.low] || a.lx.Stopwords[p.low] && !a.gr.prepositions[p.low] && a.gr.determiners[p.low] == 0 && !a.isDeterminer(p.low) {
		return !a.gr.prepositions[p.low] && !a.openingPreposition(k)
	}
	// "À Washington, …", "In Ottawa, …": a place after an opening
	// preposition is no subject.
	if p.capitalized() && a.sentenceInitial(k) && !a.openingPreposition(k) {
		return true
	}
	// "Dans l'Hémicycle, …", "À l'arrêt du boulevard des Érables, …":
	// a name inside the phrase a preposition opens the sentence with is
	// no subject.
	if a.inOpeningPhrase(m.tokFrom) {
		return false
	}
	// "On Monday the ministry said": after a short opening adverbial
	// with no comma, the noun phrase is the clause's subject.
	return a.afterOpeningAdverbial(m.tokFrom)
}

// inOpeningPhrase: token k lies in the prepositional phrase that opens
// its sentence, before any comma or verb.
func (a *analysis) inOpeningPhrase(k int) bool {
	s := a.sents[a.toks[k].sent]
	first := a.toks[s.tokFrom]
	if first.kind != tokWord || !a.openingPreposition(s.tokFrom) || k-s.tokFrom > maxOpeningPhraseWords {
		return false
	}
	// "Pour X, …", "To X, …": the phrase names whose view the sentence
	// gives, who may go on to speak.
	if a.opinionAt(s.tokFrom, k) > 0 {
		return false
	}
	for j := s.tokFrom + 1; j <= k; j++ {
		t := a.toks[j]
		if j < k && (t.kind != tokWord || a.isVerbForm(j) > 0) {
			return false
		}
		// "On Monday the ministry said": a determiner that no
		// preposition or link governs opens the subject.
		if p := a.toks[j-1]; j > s.tokFrom+1 && a.isDeterminer(t.low) && !a.gr.links[t.low] && !a.gr.prepositions[p.low] && !a.gr.links[p.low] {
			return false
		}
	}
	return true
}

// opinionHolder: mention c is the holder of the view its sentence opens on
// ("Pour le constitutionnaliste Alioune Sène, …"): after the opinion
// phrase, before any comma.
func (a *analysis) opinionHolder(c mention) bool {
	s := a.sents[a.toks[c.tokFrom].sent]
	n := a.opinionAt(s.tokFrom, c.tokFrom)
	if n == 0 || c.tokFrom-s.tokFrom > maxOpeningPhraseWords {
		return false
	}
	for j := s.tokFrom + n; j < c.tokFrom; j++ {
		if a.toks[j].kind != tokWord {
			return false
		}
	}
	return true
}

// plainOpinionHolder: c is the opinion holder its sentence opens on, with
// no other preposition before it than the opinion phrase's ("Pour Camille
// Hurtaud, …"; not "For voters in states like South Carolina").
func (a *analysis) plainOpinionHolder(c mention) bool {
	if !a.opinionHolder(c) {
		return false
	}
	s := a.sents[a.toks[c.tokFrom].sent]
	for j := s.tokFrom + a.opinionAt(s.tokFrom, c.tokFrom); j < c.tokFrom; j++ {
		if low := a.toks[j].low; a.gr.prepositions[low] && !a.gr.links[low] {
			return false
		}
	}
	return true
}

// openingPreposition: the word at k, opening its sentence, is a
// preposition, maybe a capital written without its accent ("A Paris").
func (a *analysis) openingPreposition(k int) bool {
	t := a.toks[k]
	return t.kind == tokWord && (a.gr.prepositions[t.low] || t.capitalized() && a.sentenceInitial(k) && a.gr.openingPrepositions[t.low])
}

// maxOpeningPhraseWords bounds the phrase a sentence opens on.
const maxOpeningPhraseWords = 8

// afterOpeningAdverbial: the sentence of token k opens on a preposition
// and a few words with no verb ("On Monday", "In 2019", "Lundi soir"
// aside) that end right before k.
func (a *analysis) afterOpeningAdverbial(k int) bool {
	s := a.sents[a.toks[k].sent]
	if k-s.tokFrom < 2 || k-s.tokFrom > maxAdverbialWords+1 {
		return false
	}
	first := a.toks[s.tokFrom]
	if first.kind != tokWord || !a.gr.prepositions[first.low] {
		return false
	}
	for j := s.tokFrom + 1; j < k; j++ {
		t := a.toks[j]
		if t.kind != tokWord || a.isVerbForm(j) > 0 || a.gr.clause[t.low] || a.mentionAt(j) >= 0 && a.mentions[a.mentionAt(j)].kind != mName {
			return false
		}
	}
	return true
}

// maxAdverbialWords bounds an opening adverbial read without a comma.
const maxAdverbialWords = 3

// conjunctAfterPreposition: the coordinator at token k joins a noun
// phrase that a preposition opens a few words before it.
func (a *analysis) conjunctAfterPreposition(k int) bool {
	for j := k - 1; j >= 0 && k-j <= maxConjunctWords; j-- {
		t := a.toks[j]
		if t.kind != tokWord || t.sent != a.toks[k].sent || a.gr.clause[t.low] || a.isVerbForm(j) > 0 {
			return false
		}
		if a.gr.prepositions[t.low] {
			return true
		}
	}
	return false
}

// maxConjunctWords bounds the first conjunct read back from a coordinator.
const maxConjunctWords = 4

func (a *analysis) isDeterminer(w string) bool {
	_, ok := a.gr.determiners[w]
	return ok
}

// lastOrg resolves "it" to the closest organisation named before.
func (a *analysis) lastOrg(m mention, mi int) int {
	para := a.toks[m.tokFrom].para
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if a.paras[para].ord-a.paras[a.toks[c.tokFrom].para].ord > 6 || m.tokFrom-c.tokFrom > 1200 {
			break
		}
		if c.entity >= 0 && a.entities[c.entity].org && (c.kind == mName || c.appositionOf > 0) {
			return c.entity
		}
	}
	return -1
}

// byGivenName returns the only person entity whose first given name is
// name, or -1.
func (a *analysis) byGivenName(name string, byGiven map[string][]int) int {
	return a.theOneEntity(byGiven[name], func(_ int, e *entity) bool {
		return !e.org && len(e.words) >= 2 && fold(e.words[0]) == name
	})
}

// actsAsSubject: a name in subject position followed by a lowercase word
// that is not a role ("Okafor didn't hesitate", not "Leeds retiree").
func (a *analysis) actsAsSubject(m mention) bool {
	if m.possessive || !a.subjectPosition(m) || m.tokTo >= len(a.toks) {
		return false
	}
	next := m.tokTo
	if a.toks[next].isPunct("(") {
		// "l'Agence régionale de santé (ARS) qualifie": its acronym.
		if c := a.skipParen(next, len(a.toks)); c > next && c+1 < len(a.toks) {
			next = c + 1
		}
	}
	n := a.toks[next]
	if n.kind != tokWord || n.capitalized() {
		return false
	}
	w := strings.TrimSuffix(n.low, "n't")
	return a.gr.aux[w] || a.gr.passive[w] || a.isVerbForm(next) > 0
}

// namedInParagraph: entity e is named in the paragraph of token k, before it.
func (a *analysis) namedInParagraph(e, k int) bool {
	para := a.toks[k].para
	for j := a.mentionsBefore(k) - 1; j >= 0; j-- {
		m := a.mentions[j]
		if a.toks[m.tokFrom].para != para || k-m.tokFrom > maxPronounReach {
			return false
		}
		if m.entity == e && m.kind == mName {
			return true
		}
	}
	return false
}

// wordsSuffix: short is the tail of long ("Paz Akin" in "Lorena Paz Akin").
func wordsSuffix(short, long []string) bool {
	if len(short) >= len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if fold(w) != fold(long[off+i]) {
			return false
		}
	}
	return true
}

// roleFor finds the role a description names, or a longer role it
// shortens: "la ministre" for "ministre de la Santé".
func (e *entity) roleFor(role string) (string, bool) {
	if c, ok := e.roles[role]; ok {
		return c, true
	}
	// Several longer roles may match ("président du conseil", "président
	// de la région"): the first in order that gives a country, so that the
	// answer does not depend on the map's iteration order.
	found, country, best := false, "", ""
	for r, c := range e.roles {
		if !strings.HasPrefix(r, role+" ") {
			continue
		}
		if !found || c != "" && (country == "" || r < best) {
			country, best = c, r
		}
		found = true
	}
	return country, found
}

// namedSince: an organisation (org) or a person was named between two
// tokens.
func (a *analysis) namedSince(from, to int, org bool) bool {
	return a.nameSince(from, to, func(e int) bool { return a.entities[e].org == org })
}

// loneWord: entity e is a single capitalised word of unknown gender, no
// role and no first name ("Marigny", "Transcript", not "Camille"), as
// often a place or a common word as a person.
func (a *analysis) loneWord(e int) bool {
	en := &a.entities[e]
	return en.lone() && !en.described() && !a.isFirstName(en.words[0])
}

// otherNamedSince: a person other than entity e is named between tokens
// from and to (the speaker named after their own quote does not count).
func (a *analysis) otherNamedSince(from, to, e int) bool {
	// A lone word of unknown gender ("rue Saint-Fuscien", "Pantin") is
	// as often a place as a person: it does not take the topic.
	return a.nameSince(from, to, func(c int) bool {
		o := &a.entities[c]
		return c != e && !o.org && !o.place && !o.lone()
	})
}

// nameSince: a name between tokens from and to stands for an entity that
// match accepts.
func (a *analysis) nameSince(from, to int, match func(entity int) bool) bool {
	for j := a.mentionsBefore(from + 1); j < len(a.mentions); j++ {
		c := a.mentions[j]
		if c.tokFrom >= to {
			break
		}
		if c.kind == mName && c.entity >= 0 && match(c.entity) {
			return true
		}
	}
	return false
}

// mentionsBefore counts the mentions that start before token k.
func (a *analysis) mentionsBefore(k int) int {
	return sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].tokFrom >= k })
}

// sourcePhraseBefore: an "according to" phrase ends right before token k.
func (a *analysis) sourcePhraseBefore(k int) bool {
	if k == 0 {
		return false
	}
	for _, words := range a.l.accordingByLast[a.toks[k-1].low] {
		n := len(words)
		if k-n < 0 {
			continue
		}
		ok := true
		for i, w := range words {
			if a.toks[k-n+i].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// afterReportingVerb: "said Jordan".
func (a *analysis) afterReportingVerb(k int) bool {
	return k > 0 && a.toks[k-1].kind == tokWord && a.isVerbForm(k-1) > 0
}

// salientSubject is the last person named in subject position before
// mention mi, in its paragraph or the one before, of the description's
// gender and named in full or with a known gender, when no other person
// was named since; -1 otherwise.
func (a *analysis) salientSubject(m mention, mi int) int {
	if m.plural || m.org || !a.gr.features[featDescriptionsTakeUpSubject] {
		return -1
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > 1 {
			return -1
		}
		// "Une source diplomatique, s'exprimant sous couvert d'anonymat,
		// …": an unnamed person introduced since is who a description
		// takes up.
		if c.kind == mRole && !c.plural && !c.org && !c.attached && a.introducing(c) && a.subjectPosition(c) {
			return -1
		}
		if c.kind != mName || c.entity < 0 {
			continue
		}
		e := &a.entities[c.entity]
		// A lone word of unknown gender may be a place; "Selon Le
		// Parisien" names a source, not the person the text is about;
		// "de la Royale Entente" takes an article no person's name does.
		if e.org || e.place || e.lone() || a.afterSourcePhrase(c.tokFrom) || a.articleBeforeName(c) {
			continue
		}
		if !c.possessive && !a.subjectPosition(c) && !a.opinionHolder(c) && e.gender == 0 && !a.isFirstName(e.words[0]) {
			// "the FedEx Cup race", "à Paris La Défense Arena": a name no
			// first name makes a person's, as an object or a place.
			continue
		}
		if c.possessive || !a.subjectPosition(c) && !a.opinionHolder(c) || !genderAgrees(e.gender, m.gender) {
			return -1 // someone else was named since
		}
		return c.entity
	}
	return -1
}

// introducing: the description opens with a determiner that introduces
// someone new, not one that points back ("un riverain", "une source",
// "sa voisine"; not "le", "ce").
func (a *analysis) introducing(m mention) bool {
	w := a.toks[m.tokFrom].low
	// English articles carry no gender: an indefinite article introduces
	// too ("a senior official … the official said").
	return (a.gr.determiners[w] != 0 || a.gr.articles[w] || a.gr.partitives[w]) && !a.gr.definite[w] && !a.gr.demonstratives[w]
}

// salientOrg is the last organisation named as a subject (the one its
// sentence opens on, or one right before its verb) before mention mi, in
// its paragraph or the two before; -1 otherwise.
func (a *analysis) salientOrg(m mention, mi int) int {
	// "Une version contestée par la Ligue gabonaise des droits humains.
	// … l'organisation affirme": an organisation named in the sentence
	// before, in any position, when it is the only one there.
	if e := a.onlyOrgInSentenceBefore(m, mi); e >= 0 {
		return e
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > maxOrgParas {
			return -1
		}
		if c.kind != mName || c.entity < 0 || c.possessive || a.afterSourcePhrase(c.tokFrom) ||
			a.openingMention(a.sents[a.toks[c.tokFrom].sent]) != j && !a.actsAsSubject(c) {
			continue
		}
		// The nearest subject decides: an organisation, or, where the press
		// varies the words for what it is about, a single word no first
		// name or gender makes a person ("Telvia a confirmé"; English
		// opens sentences on "Hundreds", "Officials").
		e := &a.entities[c.entity]
		// "La Commission nationale … a été saisie. … l'entreprise
		// assure": an organisation whose name opens on a kind of
		// organisation other than the description's is not it.
		if e.org && len(e.words) > 1 && a.gr.features[featAdjectivesFollowNoun] { // the head opens the name
			if info, ok := a.lx.Roles[strings.ToLower(e.words[0])]; ok && info.Org && fold(strings.ToLower(e.words[0])) != m.role {
				continue
			}
		}
		if a.orgLike(e) {
			return c.entity
		}
		return -1
	}
	return -1
}

// orgNamedByRole is the nearest organisation named within maxOrgParas
// paragraphs before mention mi whose name holds the description's noun
// ("Land Use Review Panel" for "the panel"); -1 when none.
func (a *analysis) orgNamedByRole(m mention, mi int) int {
	if m.plural || strings.Contains(m.role, " ") {
		return -1
	}
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > maxOrgParas {
			return -1
		}
		if c.kind != mName || c.entity < 0 || c.possessive {
			continue
		}
		e := &a.entities[c.entity]
		if e.place || len(e.words) < 2 {
			continue
		}
		// The noun heads the name: its last word ("Review Panel") or its
		// first ("Fédération des …"); inside, it is any organisation's.
		for i, w := range e.words {
			head := i == 0 || i == len(e.words)-1
			if fold(strings.ToLower(w)) == m.role && (e.org || head) {
				return c.entity
			}
		}
	}
	return -1
}

// onlyOrgInSentenceBefore is the one organisation (by the lexicon: an
// organisation's word or an acronym in its name) named in the sentence
// before mention mi's, in its paragraph; -1 when there is none or several.
func (a *analysis) onlyOrgInSentenceBefore(m mention, mi int) int {
	si := a.toks[m.tokFrom].sent
	if si == 0 || a.sents[si-1].para != a.sents[si].para {
		return -1
	}
	prev := a.sents[si-1]
	found := -1
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if c.tokTo <= prev.tokFrom {
			break
		}
		if c.tokFrom >= prev.tokTo || c.kind != mName || c.entity < 0 || c.possessive {
			continue
		}
		e := &a.entities[c.entity]
		if !e.org || e.place {
			continue
		}
		if found >= 0 && found != c.entity {
			return -1
		}
		found = c.entity
	}
	return found
}

// maxOrgParas: how many paragraphs back an organisation a description
// takes up is looked for.
const maxOrgParas = 2

// previousSentenceSubject: the person in subject position in the sentence
// before mention mi's, when genders are known and agree.
func (a *analysis) previousSentenceSubject(m mention, mi, lastSpeaker int) int {
	si := a.toks[m.tokFrom].sent
	if si == 0 {
		return -1
	}
	prev := a.sents[si-1]
	if a.paras[a.toks[m.tokFrom].para].ord-a.paras[prev.para].ord > 1 {
		return -1
	}
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if c.tokFrom < prev.tokFrom {
			break
		}
		if c.tokFrom >= prev.tokTo {
			continue
		}
		ce := c.entity
		if c.kind == mRole && !c.plural && !c.org && !c.attached && a.subjectPosition(c) {
			// "La maire sortante, elle, a misé sur l'expérience. « … », a
			// conclu la sexagénaire": a subject described, whom the
			// description names.
			ce = a.resolveDescription(c, j)
		} else if c.kind != mName {
			continue
		}
		if ce < 0 {
			continue
		}
		e := a.entities[ce]
		if e.org || e.place || !a.subjectPosition(c) || c.possessive {
			continue
		}
		// Genders must be known and agree, unless the subject is also the
		// last quote's speaker: then two pieces of evidence meet.
		if (e.gender == 0 && ce != lastSpeaker) || m.gender != 0 && e.gender != 0 && m.gender != e.gender {
			continue
		}
		return ce
	}
	return -1
}

func (e *entity) addForm(form string) {
	for i, f := range e.formOrder {
		if f == form {
			e.formCount[i]++
			return
		}
	}
	e.formOrder = append(e.formOrder, form)
	e.formCount = append(e.formCount, 1)
}

func (e *entity) setRole(role, country string) {
	if e.roles == nil {
		e.roles = map[string]string{}
	}
	e.roles[role] = country
	delete(e.ranks, role)
}

// described: the text gives the person a role of its own, in apposition
// or before the name, not only a title.
func (e *entity) described() bool {
	return len(e.roles) > len(e.ranks)
}

// trimSentenceOpeners drops a capitalised sentence opener glued to a name
// ("Internal Trump", "Celebrating Hillary Clinton"): the opener is not a
// first name, and the rest of the name stands alone elsewhere in the
// article.
func (a *analysis) trimSentenceOpeners() {
	alone := map[string]bool{}
	for _, m := range a.mentions {
		if m.kind == mName && len(m.name) <= 2 {
			alone[fold(strings.Join(m.name, " "))] = true
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != mName || len(m.name) < 2 || m.org || !a.sentenceInitial(m.tokFrom) || m.npFrom > 0 {
			continue
		}
		// "Prime Minister Peni Drauna": the word checked must be the
		// name's first, not a rank the mention's text opens on.
		if a.isFirstName(m.name[0]) || a.lx.Honorifics[m.name[0]] != 0 {
			continue
		}
		if !(strings.HasPrefix(m.name[0], a.toks[m.tokFrom].text) && a.looksLikeCommonWord(m.tokFrom)) && !a.lowerCompound(m.name[0]) {
			continue
		}
		rest := m.name[1:]
		if a.isFirstName(rest[0]) || alone[fold(strings.Join(rest, " "))] {
			m.name = rest
			m.tokFrom++
			m.start = a.toks[m.tokFrom].start
			m.text = a.str(m.start, m.end)
		}
	}
}

// lowerCompound: a capitalised compound whose second part is a common
// word ("Oscar-winning", "Vancouver-based"), which no name is ("Jean-Marc",
// "Geun-hye").
func (a *analysis) lowerCompound(w string) bool {
	_, after, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(after)
	return ok && unicode.IsLower(r) && a.gr.modifierTails[after]
}

// looksLikeCommonWord: the capitalised word at k is an ordinary word set
// in capitals by its place: written lowercase elsewhere, a verb form, or
// shaped like an adjective or participle.
func (a *analysis) looksLikeCommonWord(k int) bool {
	t := a.toks[k]
	if a.lowerSeen[t.low] || a.isVerbForm(k) > 0 {
		return true
	}
	for _, suf := range a.gr.commonWordEndings {
		if strings.HasSuffix(t.low, suf) && len(t.low) > len(suf)+2 {
			return true
		}
	}
	return false
}

// speechSource: "Le documentaire d'Al Jazeera … le documentaire précise":
// a document named again speaks for the source it was first given.
func (a *analysis) speechSource(m mention, mi int) int {
	for j := mi - 1; j >= 0 && m.tokFrom-a.mentions[j].tokFrom <= orgWindowTokens; j-- {
		c := a.mentions[j]
		if c.kind != mName || c.entity < 0 || c.npFrom <= 0 || c.npFrom >= c.tokFrom {
			continue
		}
		for k := c.npFrom; k < c.tokFrom; k++ {
			if a.documentNounAt(k, m) {
				return c.entity
			}
		}
	}
	return -1
}

// documentNounAt: token k writes the noun of document description m, or
// any document's noun when m's is one that takes up all of them ("le
// document").
func (a *analysis) documentNounAt(k int, m mention) bool {
	return a.toks[k].low == m.role || a.gr.documentAnaphors[m.role] && a.speechNoun(k)
}

// documentAgent: "un rapport d'audit réalisé par le cabinet Numéris … Le
// document pointe", "selon le rapport annuel de l'Agence": the nearest use
// of the document's noun, its own or an earlier one, followed within a few
// words by "par"/"by" or "de"/"of" and a name, gives its author. ok is
// false when that use gives none, so the other readings still run.
func (a *analysis) documentAgent(m mention, mi int) (int, bool) {
	toks := a.toks
	// The description's own noun first: "selon le rapport annuel de
	// l'Agence".
	for k := m.tokTo - 1; k >= 0 && m.tokFrom-k <= orgWindowTokens; k-- {
		if !a.documentNounAt(k, m) {
			continue
		}
		own := k >= m.tokFrom
		for j := k + 1; j < len(toks) && j-k <= maxDocumentAgentGap && toks[j].para == toks[k].para; j++ {
			t := toks[j]
			if t.kind != tokWord {
				if t.isPunct(",") {
					continue
				}
				break
			}
			if !a.gr.agents[t.low] && !a.gr.links[t.low] {
				continue
			}
			n := j + 1
			if n < len(toks) && a.isDeterminer(toks[n].low) {
				n++
			}
			mj := a.mentionAt(n)
			if mj < 0 {
				// "le cabinet Numéris": the name after its kind.
				if n+1 < len(toks) && a.roleWordAt(n) {
					mj = a.mentionAt(n + 1)
				}
			}
			if mj >= 0 && (mj < mi || own) {
				if c := a.mentions[mj]; c.kind == mName && c.entity >= 0 && !c.possessive && !a.entities[c.entity].place {
					return c.entity, true
				}
			}
		}
		return -1, false // the nearest use of the noun decides
	}
	return -1, false
}

// maxDocumentAgentGap bounds the words between a document's noun and the
// "par"/"de" that gives its author ("un rapport d'audit réalisé par").
const maxDocumentAgentGap = 5

// speechNounAuthor: "Brian Sorensen issued a statement … “…,” the
// statement said": the subject of the sentence that last wrote the same
// noun authored the document; -1 when that sentence has none.
func (a *analysis) speechNounAuthor(m mention) int {
	for k := m.tokFrom - 1; k >= 0 && m.tokFrom-k <= orgWindowTokens; k-- {
		if !a.documentNounAt(k, m) {
			continue
		}
		// Only where the document is introduced ("issued a statement",
		// "a publié un rapport"); "the campaign's initial statement" may
		// be someone else's.
		d := k - 1
		for d > 0 && k-d <= maxSpeechModifiers && a.toks[d].kind == tokWord && a.premodifier(d) && !a.isDeterminer(a.toks[d].low) {
			d--
		}
		// "Dans son rapport annuel, l'Observatoire estime …": a
		// possessive introduces the subject's own document too.
		_, own := possessiveWord(a.gr.possessives, a.toks[max(d, 0)])
		if d < 0 || !own && (!a.isDeterminer(a.toks[d].low) || a.gr.definite[a.toks[d].low] || a.gr.demonstratives[a.toks[d].low]) {
			return -1
		}
		s := a.sents[a.toks[k].sent]
		for j := a.mentionsBefore(s.tokFrom); j < len(a.mentions) && a.mentions[j].tokFrom < k; j++ {
			c := a.mentions[j]
			named := c.kind == mName || c.kind == mRole && c.appositionOf > 0
			if !named || c.entity < 0 || c.possessive || a.entities[c.entity].place || !a.subjectPosition(c) {
				continue
			}
			// "Western Plains general manager Bree Castellano said in a
			// statement": the noun phrase's head, not its first name.
			if h := a.mentions[a.pickHead(a.nounPhraseChain(j, s.tokTo))]; h.entity >= 0 && !h.possessive {
				return h.entity
			}
			return c.entity
		}
		if own {
			// "Dans son rapport annuel, publié lundi, l'Observatoire …
			// estime": the subject after the opening phrase.
			for j := a.mentionsBefore(k + 1); j < len(a.mentions) && a.mentions[j].tokFrom < s.tokTo; j++ {
				c := a.mentions[j]
				if c.kind == mName && c.entity >= 0 && !c.possessive && !a.entities[c.entity].place && a.actsAsSubject(c) {
					return c.entity
				}
			}
		}
		return -1 // the nearest use of the noun decides
	}
	return -1
}

// orgWindowTokens bounds how far back a document's source, or the genderless
// subject "it" stands for, is looked for.
const orgWindowTokens = 1500

// nextSentenceSubject: the person a description announces when nobody was
// quoted before it: the name opening the next sentence of its paragraph,
// of a gender that agrees, with no other person named in between.
func (a *analysis) nextSentenceSubject(m mention, mi int) int {
	si := int(a.toks[m.tokFrom].sent)
	if si+1 >= len(a.sents) || a.sents[si+1].para != a.sents[si].para {
		return -1
	}
	next := a.sents[si+1]
	first := max(mi+1, a.mentionsBefore(next.tokFrom))
	for j := first; j < len(a.mentions) && j < first+maxLeadMentions; j++ {
		c := a.mentions[j]
		if c.tokFrom >= next.tokTo {
			break
		}
		if c.kind != mName || c.entity < 0 {
			continue
		}
		e := a.entities[c.entity]
		if e.org || e.place {
			continue
		}
		if c.tokFrom < next.tokFrom || c.tokFrom != next.tokFrom && !a.subjectPosition(c) || !genderAgrees(e.gender, m.gender) || e.gender == 0 {
			return -1 // someone else named first, or not the subject
		}
		return c.entity
	}
	return -1
}

// maxLeadMentions bounds the mentions read at the start of the sentence
// after a lead's description: the name it announces comes first.
const maxLeadMentions = 4

// minAcronymWords: a name of this many words or more may be written as its
// initials ("Human Rights Watch", HRW).
const minAcronymWords = 2

// initials folds the first letters of capitalised words ("Human Rights
// Watch" → "hrw"); "" when a word is not capitalised.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return fold(b.String())
}

// maxSourceModifiers bounds the words between "according to" and the name
// it introduces ("former Bank of Canada governor").
const maxSourceModifiers = 6

// lastGenderless: the closest name in subject position, in the pronoun's
// paragraph or the one before, that is no person of known gender and no
// place.
func (a *analysis) lastGenderless(m mention, mi int) int {
	ord := a.paras[a.toks[m.tokFrom].para].ord
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if ord-a.paras[a.toks[c.tokFrom].para].ord > 1 || m.tokFrom-c.tokFrom > orgWindowTokens {
			break
		}
		if c.kind != mName || c.entity < 0 || c.possessive {
			continue
		}
		e := a.entities[c.entity]
		if e.place || e.gender != 0 || len(e.words) > 1 && a.isGivenName(e.words[0]) {
			continue
		}
		if a.subjectPosition(c) {
			return c.entity
		}
	}
	return -1
}

// headlinePerson is the one person of known gender the headline names by
// surname; -1 when there is no headline or it names none or several.
func (a *analysis) headlinePerson() int {
	// Only people the text gives a gender: "Grand Prix" in the headline
	// is no one.
	return a.headlineNamed(func(e *entity) bool { return !e.org && !e.place && e.gender != 0 })
}

// headlineOrg is the one organisation the headline names (or, where the
// press varies the words for what it is about, a single word no first
// name or gender makes a person); -1 when it names none or several.
func (a *analysis) headlineOrg() int {
	return a.headlineNamed(a.orgLike)
}

// orgLike: the entity is an organisation or, where the press varies the
// words for what it is about, a single word no first name or gender makes
// a person ("Telvia a confirmé").
func (a *analysis) orgLike(e *entity) bool {
	return e.org || a.gr.features[featLoneWordOrgs] && e.lone() && !e.place && !a.isFirstName(e.words[0]) ||
		!e.place && e.gender == 0 && a.commonWordInName(e.words)
}

// commonWordInName: "Produits forestiers Boréa": a lowercase word that is
// no particle ("de", "van") inside a name; no person's name holds one.
func (a *analysis) commonWordInName(words []string) bool {
	for _, w := range words[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !a.gr.particle(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// headlineNamed is the one entity match accepts whose surname (last
// word) the headline writes; -1 when there is no headline or it names
// none or several.
func (a *analysis) headlineNamed(match func(*entity) bool) int {
	if len(a.toks) == 0 {
		return -1
	}
	head := a.toks[0].para
	if !a.paras[head].skip || a.paras[head].ord != 0 {
		return -1
	}
	var words []string
	for _, t := range a.toks {
		if int(t.para) != int(head) {
			break
		}
		if t.kind == tokWord && t.capitalized() {
			words = append(words, fold(t.text))
		}
	}
	return a.theOneEntity(nil, func(_ int, e *entity) bool {
		return slices.Contains(words, e.surname) && match(e)
	})
}

// articleBeforeName: a definite article stands right before the name
// itself, not before a role or a demonym that precedes it ("la Royale
// Entente", "the Grand Hotel"; not "le président Paul Roux"): no
// person's name takes one.
func (a *analysis) articleBeforeName(c mention) bool {
	k := c.tokFrom
	if k == 0 || c.npFrom != 0 && c.npFrom != k {
		return false
	}
	p := a.toks[k-1]
	return p.kind == tokWord && p.para == a.toks[k].para && a.gr.definite[p.low] && !p.capitalized()
}

// relativeOf: "Léa et Maxime Guérin … se réjouit Léa Guérin. Son mari
// relativise", "Sa fille, Julie Mandon, … Son père": a relative named by a
// possessive is the one other person of the text who shares the surname
// of the last person named; -1 otherwise.
func (a *analysis) relativeOf(m mention, mi int) int {
	if m.plural || m.org || !a.gr.kinship[m.role] {
		return -1
	}
	if _, ok := a.gr.possessives[a.toks[m.tokFrom].low]; !ok {
		return -1
	}
	owner := -1
	for j := mi - 1; j >= 0 && owner < 0; j-- {
		c := a.mentions[j]
		if c.entity < 0 || c.kind == mPronoun {
			continue
		}
		if e := &a.entities[c.entity]; !e.org && !e.place && len(e.words) > 1 {
			owner = c.entity
		}
	}
	if owner < 0 {
		return -1
	}
	// Several: the text does not tell which.
	return a.theOneEntity(nil, func(ei int, e *entity) bool {
		return ei != owner && !e.org && !e.place && len(e.words) >= 2 && e.surname == a.entities[owner].surname
	})
}

// completeEarlyShortNames: "Owen had already started on the kitchen … a
// letter addressed to Mr Owen Quade": a given name or a surname written
// alone before the full name is, which the name-by-name pass could not
// link backwards, is the one person whose full name starts with that
// given name or ends with that surname.
func (a *analysis) completeEarlyShortNames() {
	// The full names by first word and by surname; -2 marks a key two
	// people share, so that neither completes anyone.
	byFirst, byLast := map[string]int{}, map[string]int{}
	note := func(m map[string]int, key string, ei int) {
		if prev, ok := m[key]; ok && prev != ei {
			m[key] = -2
		} else {
			m[key] = ei
		}
	}
	for ei := range a.entities {
		f := &a.entities[ei]
		if f.org || f.place || len(f.words) < 2 || a.articleInName(f.words) {
			continue
		}
		note(byFirst, fold(f.words[0]), ei)
		note(byLast, f.surname, ei)
	}
	if len(byFirst) == 0 {
		return
	}
	var into []int // entity i goes into into[i], or -1
	for i := range a.entities {
		e := &a.entities[i]
		if len(e.words) != 1 || e.org || e.place {
			continue
		}
		w := fold(e.words[0])
		target, ok := byLast[w]
		if a.isFirstName(e.words[0]) {
			target, ok = byFirst[w]
		}
		if !ok || target < 0 || target == i || !genderAgrees(a.entities[target].gender, e.gender) {
			continue
		}
		t := &a.entities[target]
		for k, form := range e.formOrder {
			for range e.formCount[k] {
				t.addForm(form)
			}
		}
		t.mentions += e.mentions
		for role, country := range e.roles {
			if _, ok := t.roles[role]; !ok {
				t.setRole(role, country)
			}
		}
		if into == nil {
			into = make([]int, len(a.entities))
			for k := range into {
				into[k] = -1
			}
		}
		into[i] = target
	}
	if into == nil {
		return
	}
	for mi := range a.mentions {
		if e := a.mentions[mi].entity; e >= 0 && into[e] >= 0 {
			a.mentions[mi].entity = into[e]
		}
	}
}

// roleOrSynonym is the country of role, or of a synonym of it ("le chef du
// gouvernement" after "le Premier ministre X"), that entity e was given.
func (a *analysis) roleOrSynonym(e *entity, role string) (string, bool) {
	if country, ok := e.roleFor(role); ok {
		return country, true
	}
	for _, syn := range a.gr.roleSynonyms[role] {
		if country, ok := e.roleFor(syn); ok {
			return country, true
		}
	}
	return "", false
}

// onlyHolderOfRole is the one person of the text given description m's
// role (or a synonym of it), wherever; -1 when none or several are.
func (a *analysis) onlyHolderOfRole(m mention) int {
	if m.plural || m.org {
		return -1
	}
	found := -1
	for ei := range a.entities {
		e := &a.entities[ei]
		if e.org || e.place || !genderAgrees(e.gender, m.gender) {
			continue
		}
		if _, ok := a.roleOrSynonym(e, m.role); !ok {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = ei
	}
	return found
}

// articleInName: a word of the name is an article ("Philipp den Knaben"
// is a name run into a noun phrase, no full name to complete others).
func (a *analysis) articleInName(words []string) bool {
	for _, w := range words[1:] {
		if a.isDeterminer(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// spellOutAcronyms: "l'agence régionale de santé (ARS) … l'ARS précise":
// an acronym in parentheses after an organisation described in lowercase
// takes the description as its full name, and its role.
func (a *analysis) spellOutAcronyms() {
	for i := 1; i < len(a.mentions); i++ {
		m := a.mentions[i]
		if m.kind != mName || m.entity < 0 || len(m.name) != 1 || !isAcronym(m.name[0]) || m.tokFrom < 1 ||
			!a.toks[m.tokFrom-1].isPunct("(") || m.tokTo >= len(a.toks) || !a.toks[m.tokTo].isPunct(")") {
			continue
		}
		r := a.mentions[i-1]
		if r.kind != mRole || !r.org || r.plural || r.tokTo != m.tokFrom-1 {
			continue
		}
		from := r.tokFrom
		if a.isDeterminer(a.toks[from].low) {
			from++
		}
		words := a.joinedWords(from, r.tokTo)
		if len(words) < 2 || !a.spellsAcronym(from, r.tokTo, fold(m.name[0])) {
			// "son site des Rouges-Terres (JU)": a canton, not the
			// description's acronym.
			continue
		}
		e := &a.entities[m.entity]
		e.org = true
		e.addForm(strings.Join(words, " "))
		if len(words) > len(e.words) {
			e.words = words
		}
		if _, ok := e.roles[r.role]; !ok {
			e.setRole(r.role, r.country)
		}
	}
}

// shareCoupleSurnames: "Léa et Maxime Guérin", "Sophie and Julien
// Marchand": a given name alone, coordinated with a full name, shares its
// surname.
func (a *analysis) shareCoupleSurnames() {
	for i := 0; i+1 < len(a.mentions); i++ {
		m, n := &a.mentions[i], a.mentions[i+1]
		if m.kind != mName || n.kind != mName || m.org || n.org || len(m.name) != 1 || len(n.name) < 2 ||
			n.tokFrom != m.tokTo+1 || !a.gr.coordinators[a.toks[m.tokTo].low] || !a.isFirstName(m.name[0]) || !a.isFirstName(n.name[0]) {
			continue
		}
		m.name = []string{m.name[0], n.name[len(n.name)-1]}
	}
}

// nearestOfGender is the last person named before mention mi, in its
// sentence or the one before, whose known gender is the description's,
// where the press varies the words for the person it writes about ("…
// une frappe lointaine de Kevin Rochat. « … », souriait le milieu de
// terrain"); -1 when the description's gender is unknown or no one is.
func (a *analysis) nearestOfGender(m mention, mi int) int {
	if m.gender == 0 || m.plural || m.org || !a.gr.features[featDescriptionsTakeUpSubject] {
		return -1
	}
	si := a.toks[m.tokFrom].sent
	for j := mi - 1; j >= 0; j-- {
		c := a.mentions[j]
		if si-a.toks[c.tokFrom].sent > 1 {
			return -1
		}
		// "un riverain fait le tour de sa maison … raconte ce
		// retraité": an unnamed person introduced since is the one.
		if c.kind == mRole && !c.plural && !c.org && !c.attached && a.introducing(c) && a.subjectPosition(c) {
			return -1
		}
		if c.kind != mName || c.entity < 0 || c.possessive {
			continue
		}
		e := &a.entities[c.entity]
		if e.org || e.place || e.gender != m.gender {
			continue
		}
		// "le négociateur palestinien": a country the description gives
		// must be one the person was given.
		if m.country != "" && !e.hasCountry(m.country) {
			return -1
		}
		return c.entity
	}
	return -1
}

// hasCountry: one of the person's roles names country c.
func (e *entity) hasCountry(c string) bool {
	for _, country := range e.roles {
		if country == c {
			return true
		}
	}
	return false
}

// setQual keeps the first qualifier a role was given with.
func (e *entity) setQual(role, qual string) {
	if qual == "" {
		return
	}
	if e.quals == nil {
		e.quals = map[string]string{}
	}
	if _, ok := e.quals[role]; !ok {
		e.quals[role] = qual
	}
}

// theOneEntity is the one entity match accepts, from ids or, when ids is
// nil, from all; -1 when none does, and when several do.
func (a *analysis) theOneEntity(ids []int, match func(ei int, e *entity) bool) int {
	found := -1
	check := func(ei int) bool {
		if !match(ei, &a.entities[ei]) || ei == found {
			return true
		}
		if found >= 0 {
			return false
		}
		found = ei
		return true
	}
	if ids != nil {
		for _, ei := range ids {
			if !check(ei) {
				return -1
			}
		}
		return found
	}
	for ei := range a.entities {
		if !check(ei) {
			return -1
		}
	}
	return found
}
