package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/verbatim-news/verbatim/extract/lang"
)

// grammar is the small closed-class data the attribution rules need beyond
// the lexicon: auxiliaries, clause openers, title announcers and the like.
type grammar struct {
	aux    map[string]bool // lowercase
	clause map[string]bool // lowercase
	works  map[string]bool // lowercase
	// opinion: sentence openers that name whose view follows ("Pour X, …").
	opinion map[string]bool
	// neuter: pronouns that stand for an organisation, never a person.
	neuter map[string]bool
	// passive: forms of "to be" that make a participle passive.
	passive map[string]bool
	// abbrev: abbreviations whose dot does not end a sentence (case kept).
	abbrev map[string]bool
	// relative: relative pronouns that open a clause about the noun before.
	relative map[string]bool
	// stressed: pronouns that name a source after "selon", "according to".
	stressed map[string]PronounInfo
	// quantifiers open a noun phrase that names an unnamed group.
	quantifiers map[string]bool
	// cliticOpeners open a clause whose object clitic comes first ("Comme
	// le souligne X").
	cliticOpeners map[string]bool
	// frames open a sentence that names who said the quote just before
	// ("That was how X summed up", "C'est ainsi que X résume"), as the
	// tokenizer's words joined by spaces.
	frames map[string]bool
	// voices open an apposition naming who an organisation speaks
	// through ("par la voix de son porte-parole X").
	voices map[string]bool
	// relays: a verb whose object is the one quoted ("Le Monde cite le
	// ministre : « … »"), as the tokenizer's words joined by spaces.
	relays map[string]bool
	// sameModifiers mark a description as the one just quoted ("le même
	// responsable").
	sameModifiers map[string]bool
	// locatives place a noun phrase ("the embassy in Ottawa").
	locatives map[string]bool
	// agents introduce the agent of a passive ("by", "par").
	agents map[string]bool
	// coordinators join two conjuncts ("and", "et"): a name after one
	// stands where the conjunct before it stands.
	coordinators map[string]bool
	// camps open a sentence naming the group an impersonal subject speaks
	// for ("Du côté de la CGT, on dénonce"); impersonal are those subjects.
	camps, impersonal map[string]bool
	// pastLikeBase: verbs whose past is written as their base form ("the
	// statement read"), so a singular subject agrees with it.
	pastLikeBase map[string]bool
	// partitives pick one member of the group after them ("one of the
	// players", "l'un des manifestants"): a single unnamed speaker.
	partitives map[string]bool
	// clitics: object pronouns between a subject and its verb that are
	// also determiners ("l'avait appelé", "la cite"), so no auxiliary.
	clitics map[string]bool
	// nameArticles: articles that belong to a name when capitalised
	// inside a sentence ("selon Le Figaro").
	nameArticles map[string]bool
	// gerunds: words that make the verb after them a gerund ("en
	// décrivant"), which reports the quote's own speaker, never an incise.
	gerunds map[string]bool
	// possessives stand for their owner before a speech noun.
	possessives map[string]PronounInfo
	// orgAdjectives follow an organisation word inside its name ("Banque
	// mondiale", "Assemblée nationale").
	orgAdjectives map[string]bool
	// orgLinks: words that open a complement inside an organisation's
	// name beside the usual links ("Organisation internationale pour les
	// migrations").
	orgLinks map[string]bool
	// kinship: roles that name a relative of someone ("son mari", "her
	// daughter"), who in news most often shares their surname.
	kinship map[string]bool
	// firstPerson: subject pronouns of the one who writes ("I", "je"): a
	// narrator, whom no name of the text stands for.
	firstPerson map[string]bool
	// speechPersons: words of the first and second person ("we", "you",
	// "j'") that make a quoted stretch read as speech.
	speechPersons map[string]bool
	// addressees: verb forms whose object is the person told ("told
	// Tracy"), so a name after them is never their subject.
	addressees map[string]bool
	// links: prepositions that open a description's complement ("de la
	// police", "for the council").
	links map[string]bool
	// dangling: articles and prepositions a quote never ends on.
	dangling map[string]bool
	// determiners with the gender they give a description; definite ones
	// make a description refer back to someone named.
	determiners map[string]Gender
	// pluralOpeners make the description they open plural ("les", "ces",
	// "their").
	pluralOpeners map[string]bool
	// sourceLinks tie a document or a role to the source after it ("le
	// communiqué du ministère", "a statement from the company").
	sourceLinks map[string]bool
	definite    map[string]bool
	// prepositions: a mention right after one is no subject.
	prepositions map[string]bool
	// elisions: clitics written onto the next word ("l'", "qu'").
	elisions map[string]bool
	// particles: lowercase words inside names of any origin ("de Gaulle",
	// "van Gogh"), shared by every language (lang/particles.txt).
	particles map[string]bool
	// particlePrefixes are the particles glued to the word after them
	// ("al-", "el-"): the entries of particles.txt ending in "-".
	particlePrefixes []string
	// features are the traits of the language the rules ask about (see
	// the feat* constants).
	features map[string]bool
	// inversions are the clitic pronouns written after a verb ("dit-il"),
	// longest first within each family, as the data lists them.
	inversions []inversion
	// infinitiveMarkers introduce an infinitive ("de", "to"); the verb
	// before governs it and reports nothing.
	infinitiveMarkers map[string]bool
	// soCalled: participles that, after a noun, set a term apart rather
	// than report words ("la politique dite « … »").
	soCalled map[string]bool
	// naming: words that give a name or a title ("intitulé", "dubbed"):
	// what follows in marks is that name, however long.
	naming map[string]bool
	// carriers: objects words are written on ("banderole", "sign"): words
	// in marks after them are a slogan, not said.
	carriers map[string]bool
	// complementizers open a clause a verb governs ("que", "that").
	complementizers map[string]bool
	// openingPrepositions: forms that are a preposition when they open a
	// sentence with a capital that drops its accent ("A Paris" for "À
	// Paris"), and a verb elsewhere.
	openingPrepositions map[string]bool
	// articles: the definite and indefinite articles ("a crane driver",
	// "le porte-parole"), not possessives ("his lawyer").
	articles map[string]bool
	// objectClitics: object pronouns that may open an incise before its
	// verb ("me dit Sérapion", "lui répondit-il").
	objectClitics map[string]bool
	// orgAnaphors: heads of descriptions that take up an organisation
	// named before ("l'entreprise", "le club"), folded as roles are.
	orgAnaphors map[string]bool
	// documentAnaphors: nouns that take up any document named before with
	// its source ("le baromètre d'Immo Horizon … Le document pointe").
	documentAnaphors map[string]bool
	// predicatives introduce what a passive calls something ("described
	// as", "qualifié de").
	predicatives map[string]bool
	// modifierTails end capitalised compounds that modify a name
	// ("Vancouver-based", "Oscar-winning"): no part of it.
	modifierTails map[string]bool
	// reflexives are the reflexive clitics ("se", "s'"): "s'est dite"
	// is no passive.
	reflexives map[string]bool
	// contractedArticles fuse a preposition and an article ("au", "du"):
	// "au Marocain Karim Ouazzani" writes a demonym before a name too.
	contractedArticles map[string]bool
	// roleSynonyms: folded roles that name the same office ("chef du
	// gouvernement" and "premier ministre"), both ways.
	roleSynonyms map[string][]string
	// worksTails holds the last word of each works.txt phrase of several
	// words ("ordre" for "mot d'ordre"), so that most quotes skip the
	// phrase lookup.
	worksTails map[string]bool
	// opinionHeads holds the first word of each opinion.txt phrase, so
	// that a sentence opening on any other word skips the phrase lookup.
	opinionHeads map[string]bool
	// demonstratives point back ("ce chauffeur"): a description they open
	// takes up someone named before, it never stands in apposition.
	demonstratives map[string]bool
	// infinitiveEndings end an infinitive ("er", "ir", "re"); with none,
	// an infinitive is the lexicon's base form.
	infinitiveEndings []string
	// adjectiveEndings end adjectives that follow a role ("directrice
	// scientifique"); pastHistoricEndings end narrative verb forms that
	// open incises ("reprit-il"); commonWordEndings end words that are
	// not names ("Announcing", "Normally").
	adjectiveEndings, pastHistoricEndings, commonWordEndings []string
	// demonymEndings end the names of a town's or region's inhabitants
	// ("rennais", "gantoise"), which sports pages use for players.
	demonymEndings []string
	// pastEndings end simple past forms of any verb ("issued"), which a
	// role word before is the subject of, not a modifier.
	pastEndings []string
	// participleEndings end present participles ("estimant", "saying"),
	// whose subject is their main clause's.
	participleEndings []string
	// pastParticipleEndings end past participles after an auxiliary
	// ("contentée", "tenu"), where the simple past has no form of its own.
	pastParticipleEndings []string
	// genitives are the suffixes that make a name its owner's ("Acme's"),
	// longest first; French writes none, so "Moody's" stays a name there.
	genitives []string
}

// Features of a language, as features.txt names them.
const (
	// featIncisesInsideMarks: « A, dit-il, B »: the attribution stays
	// inside the quotation marks and cuts the quote in two.
	featIncisesInsideMarks = "incises-inside-marks"
	// featAdjectivesFollowNoun: "une source proche", "le président kazakh".
	featAdjectivesFollowNoun = "adjectives-follow-noun"
	// featSentenceCaseTitles: "« Les Heures salées »": titles capitalise
	// their first word only, and words quoted in passing start in
	// lowercase, so a capitalised phrase inside a sentence is a name.
	featSentenceCaseTitles = "sentence-case-titles"
	// featCompoundHeadLast: "the council leader": the last noun heads.
	featCompoundHeadLast = "compound-head-last"
	// featCapitalVerbIsName: "Will", "Mark": a capitalised verb form inside
	// a sentence is a name.
	featCapitalVerbIsName = "capitalised-verb-is-name"
	// featBaseFormIsNoun: "volunteer coordinator": a bare base verb form
	// after a singular subject, with no auxiliary, is a noun.
	featBaseFormIsNoun = "base-form-is-noun"
	// featNamesNeedFirstName: every noun is capitalised, so a name starts
	// with a first name, an honorific or a title.
	featNamesNeedFirstName = "names-need-first-name"
	// featDescriptionsTakeUpSubject: "Karim B. comparaissait … « … », a
	// expliqué le prévenu": the press varies the words for the person it
	// is about, so a description nobody was given refers to that person.
	featDescriptionsTakeUpSubject = "descriptions-take-up-subject"
	// featVariedDescriptions: the press varies the head noun too, so a
	// description takes up an unnamed person introduced under another
	// one ("un riverain … raconte ce retraité").
	featVariedDescriptions = "varied-descriptions"
	// featLoneWordOrgs: "Telvia a confirmé": a single capitalised word no
	// first name or gender makes a person is taken for an organisation.
	featLoneWordOrgs = "lone-word-organisations"
)

// particle: low is a particle inside a name, or starts with one glued to
// it ("de", "van", "al-Assad").
func (g *grammar) particle(low string) bool {
	if g.particles[low] {
		return true
	}
	for _, p := range g.particlePrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// inversion is a clitic pronoun written after its verb.
type inversion struct {
	suffix string
	gender Gender
	plural bool
	// verbal: only a verb takes this suffix (the euphonic "-t-" of
	// "tente-t-il"), so the word before it is a verb of saying after a
	// quote even when the lexicon does not list it.
	verbal bool
}

// readInversions reads "suffix gender number" lines, in the file's order.
func readInversions(fsys fs.FS, code string) ([]inversion, error) {
	lines, err := readLines(fsys, code+"/inversions.txt")
	if err != nil {
		return nil, err
	}
	var out []inversion
	for _, l := range lines {
		f := strings.Fields(l.text)
		if len(f) != 3 && !(len(f) == 4 && f[3] == "verbal") {
			return nil, fmt.Errorf("lang/%s/inversions.txt:%d: want \"suffix gender number [verbal]\", got %q", code, l.n, l.text)
		}
		inv := inversion{suffix: f[0], plural: f[2] == "pl", verbal: len(f) == 4}
		switch f[1] {
		case "m", "f":
			inv.gender = Gender(f[1][0])
		}
		out = append(out, inv)
	}
	return out, nil
}

// readDeterminers reads "form gender" lines.
func readDeterminers(fsys fs.FS, code string) (map[string]Gender, error) {
	lines, err := readLines(fsys, code+"/determiners.txt")
	if err != nil {
		return nil, err
	}
	out := map[string]Gender{}
	for _, l := range lines {
		f := strings.Fields(strings.ToLower(l.text))
		if len(f) != 2 {
			return nil, fmt.Errorf("lang/%s/determiners.txt:%d: want \"form gender\", got %q", code, l.n, l.text)
		}
		var g Gender
		if f[1] == "m" || f[1] == "f" {
			g = Gender(f[1][0])
		}
		out[f[0]] = g
	}
	return out, nil
}

// readList reads a file's entries in order, lowercased.
func readList(fsys fs.FS, name string) ([]string, error) {
	lines, err := readLines(fsys, name)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, strings.ToLower(l.text))
	}
	return out, nil
}

type numberedLine struct {
	n    int
	text string
}

// readLines reads the entries of a data file, comments and blank lines
// aside; a missing file has none.
func readLines(fsys fs.FS, name string) ([]numberedLine, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read lang/%s: %w", name, err)
	}
	var out []numberedLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, numberedLine{n, foldApostrophes(line)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lang/%s: %w", name, err)
	}
	return out, nil
}

// cutGenitive strips a genitive suffix from w, as written.
func (g *grammar) cutGenitive(w string) (string, bool) {
	// Every genitive ends in "s" ('s, ’s): most words are out at once.
	if len(g.genitives) == 0 || len(w) < 3 || w[len(w)-1] != 's' && w[len(w)-1] != 'S' {
		return w, false
	}
	for _, suf := range g.genitives {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			return s, true
		}
	}
	return w, false
}

func loadGrammar(code string) (*grammar, error) {
	return loadGrammarFS(lang.FS, code)
}

func loadGrammarFS(fsys fs.FS, code string) (*grammar, error) {
	g := &grammar{}
	for _, f := range []struct {
		name string
		dst  *map[string]bool
		keep bool // keep the case of entries
	}{
		{"auxiliaries.txt", &g.aux, false},
		{"clause.txt", &g.clause, false},
		{"works.txt", &g.works, false},
		{"opinion.txt", &g.opinion, false},
		{"neuter.txt", &g.neuter, false},
		{"passive.txt", &g.passive, false},
		{"abbreviations.txt", &g.abbrev, true},
		{"relative.txt", &g.relative, false},
		{"quantifiers.txt", &g.quantifiers, false},
		{"plural-openers.txt", &g.pluralOpeners, false},
		{"source-links.txt", &g.sourceLinks, false},
		{"partitives.txt", &g.partitives, false},
		{"past-like-base.txt", &g.pastLikeBase, false},
		{"camps.txt", &g.camps, false},
		{"coordinators.txt", &g.coordinators, false},
		{"agents.txt", &g.agents, false},
		{"locatives.txt", &g.locatives, false},
		{"frames.txt", &g.frames, false},
		{"voices.txt", &g.voices, false},
		{"relays.txt", &g.relays, false},
		{"same.txt", &g.sameModifiers, false},
		{"clitic-openers.txt", &g.cliticOpeners, false},
		{"impersonal.txt", &g.impersonal, false},
		{"clitics.txt", &g.clitics, false},
		{"name-articles.txt", &g.nameArticles, false},
		{"gerunds.txt", &g.gerunds, false},
		{"dangling.txt", &g.dangling, false},
		{"links.txt", &g.links, false},
		{"addressees.txt", &g.addressees, false},
		{"first-person.txt", &g.firstPerson, false},
		{"speech-persons.txt", &g.speechPersons, false},
		{"org-adjectives.txt", &g.orgAdjectives, false},
		{"org-links.txt", &g.orgLinks, false},
		{"kinship.txt", &g.kinship, false},
		{"features.txt", &g.features, false},
		{"definite.txt", &g.definite, false},
		{"prepositions.txt", &g.prepositions, false},
		{"elisions.txt", &g.elisions, false},
		{"infinitive-markers.txt", &g.infinitiveMarkers, false},
		{"so-called.txt", &g.soCalled, false},
		{"naming.txt", &g.naming, false},
		{"carriers.txt", &g.carriers, false},
		{"complementizers.txt", &g.complementizers, false},
		{"opening-prepositions.txt", &g.openingPrepositions, false},
		{"articles.txt", &g.articles, false},
		{"object-clitics.txt", &g.objectClitics, false},
		{"org-anaphors.txt", &g.orgAnaphors, false},
		{"document-anaphors.txt", &g.documentAnaphors, false},
		{"predicatives.txt", &g.predicatives, false},
		{"modifier-tails.txt", &g.modifierTails, false},
		{"reflexives.txt", &g.reflexives, false},
		{"contracted-articles.txt", &g.contractedArticles, false},
		{"demonstratives.txt", &g.demonstratives, false},
	} {
		set, err := readWordSet(fsys, code+"/"+f.name, f.keep)
		if err != nil {
			return nil, err
		}
		*f.dst = set
	}
	for _, f := range []struct {
		name string
		dst  *map[string]PronounInfo
	}{{"stressed.txt", &g.stressed}, {"possessives.txt", &g.possessives}} {
		set, err := readPronounSet(fsys, code, f.name)
		if err != nil {
			return nil, err
		}
		*f.dst = set
	}
	particles, err := readWordSet(fsys, "particles.txt", false)
	if err != nil {
		return nil, err
	}
	g.particles = particles
	for w := range particles {
		if strings.HasSuffix(w, "-") {
			g.particlePrefixes = append(g.particlePrefixes, w)
		}
	}
	slices.Sort(g.particlePrefixes)
	g.opinionHeads = map[string]bool{}
	for w := range g.opinion {
		head, _, _ := strings.Cut(w, " ")
		g.opinionHeads[head] = true
	}
	g.worksTails = map[string]bool{}
	for w := range g.works {
		if i := strings.LastIndexAny(w, " '’"); i >= 0 {
			g.worksTails[w[i+1:]] = true
		}
	}
	if g.determiners, err = readDeterminers(fsys, code); err != nil {
		return nil, err
	}
	inv, err := readInversions(fsys, code)
	if err != nil {
		return nil, err
	}
	g.inversions = inv
	for _, f := range []struct {
		name string
		dst  *[]string
	}{
		{"infinitive-endings.txt", &g.infinitiveEndings},
		{"adjective-endings.txt", &g.adjectiveEndings},
		{"demonym-endings.txt", &g.demonymEndings},
		{"past-historic-endings.txt", &g.pastHistoricEndings},
		{"past-endings.txt", &g.pastEndings},
		{"common-word-endings.txt", &g.commonWordEndings},
		{"participle-endings.txt", &g.participleEndings},
		{"past-participle-endings.txt", &g.pastParticipleEndings},
	} {
		list, err := readList(fsys, code+"/"+f.name)
		if err != nil {
			return nil, err
		}
		*f.dst = list
	}
	if g.roleSynonyms, err = readRoleSynonyms(fsys, code); err != nil {
		return nil, err
	}
	gen, err := readWordSet(fsys, code+"/genitives.txt", false)
	if err != nil {
		return nil, err
	}
	for suf := range gen {
		// The data folds apostrophes; the text may keep the typographic one.
		g.genitives = append(g.genitives, suf)
		if alt := strings.ReplaceAll(suf, "'", "’"); alt != suf {
			g.genitives = append(g.genitives, alt)
		}
	}
	sort.Slice(g.genitives, func(i, j int) bool {
		if len(g.genitives[i]) != len(g.genitives[j]) {
			return len(g.genitives[i]) > len(g.genitives[j])
		}
		return g.genitives[i] < g.genitives[j]
	})
	return g, nil
}

// readRoleSynonyms reads "role = synonym, synonym" lines: every role of
// a line names the same office as every other.
func readRoleSynonyms(fsys fs.FS, code string) (map[string][]string, error) {
	name := code + "/role-synonyms.txt"
	lines, err := readLines(fsys, name)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, l := range lines {
		head, rest, ok := strings.Cut(l.text, "=")
		if !ok {
			return nil, fmt.Errorf("lang/%s:%d: want \"role = synonym, …\", got %q", name, l.n, l.text)
		}
		group := []string{fold(strings.ToLower(strings.TrimSpace(head)))}
		for _, r := range strings.Split(rest, ",") {
			if r = strings.TrimSpace(r); r != "" {
				group = append(group, fold(strings.ToLower(r)))
			}
		}
		for _, r := range group {
			for _, o := range group {
				if o != r && !slices.Contains(out[r], o) {
					out[r] = append(out[r], o)
				}
			}
		}
	}
	return out, nil
}

// readPronounSet reads "form gender number" lines.
func readPronounSet(fsys fs.FS, code, name string) (map[string]PronounInfo, error) {
	lines, err := readWordSet(fsys, code+"/"+name, false)
	if err != nil {
		return nil, err
	}
	out := map[string]PronounInfo{}
	for line := range lines {
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("read lang/%s/%s: want \"form gender number\", got %q", code, name, line)
		}
		var info PronounInfo
		switch f[1] {
		case "m":
			info.Gender = 'm'
		case "f":
			info.Gender = 'f'
		}
		info.Plural = f[2] == "pl"
		out[f[0]] = info
	}
	return out, nil
}

// readWordSet reads one entry per line, lowercased unless keepCase; a
// missing file is an empty set so a new language can start small.
func readWordSet(fsys fs.FS, name string, keepCase bool) (map[string]bool, error) {
	set := map[string]bool{}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return set, nil
		}
		return nil, fmt.Errorf("read lang/%s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = foldApostrophes(line)
		if !keepCase {
			line = strings.ToLower(line)
		}
		set[line] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lang/%s: %w", name, err)
	}
	return set, nil
}
