package speakers

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/verbatim-news/verbatim/extract"
)

// fold lowercases s, drops accents, unifies apostrophes and dashes and
// collapses spaces, so that "Tokaïev" meets "Tokaiev" and "Jean‐Marc" meets
// "Jean-Marc".
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			r = '\''
		case r == '‐' || r == '‑' || r == '–' || r == '—' || r == '‒':
			r = '-'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// lexicon is what the linker needs of the extractor's language data: the
// words written before names, and the gender of given names.
type lexicon struct {
	titles     map[string]bool // folded, without a final "."
	firstNames map[string]extract.Gender
}

// embeddedLexicon is built once: the language data is embedded in the
// binary and read-only, and loading it is the slowest part of New.
var embeddedLexicon = sync.OnceValues(loadLexicon)

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{titles: map[string]bool{}, firstNames: map[string]extract.Gender{}}
	for _, code := range extract.Languages() {
		l, err := extract.LoadLexicon(code)
		if err != nil {
			return nil, err
		}
		for h := range l.Honorifics {
			lx.titles[strings.TrimSuffix(fold(h), ".")] = true
		}
		for r, info := range l.Roles {
			// Only one-word person roles can stand before a name as a
			// title ("President Obama", "Sen. Sanders").
			if !info.Org && !strings.ContainsAny(r, " '") {
				lx.titles[fold(r)] = true
			}
		}
		for n, g := range l.FirstNames {
			k := fold(n)
			if old, ok := lx.firstNames[k]; ok && old != g {
				g = 0 // a name given to both genders somewhere says nothing
			}
			lx.firstNames[k] = g
		}
	}
	for _, t := range []string{"sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "capt", "sgt", "rev", "prof", "dr", "mr", "mrs", "ms", "m", "mme", "mlle"} {
		lx.titles[t] = true
	}
	return lx, nil
}

// gender of a folded given name: 'm', 'f' or 0.
func (lx *lexicon) gender(given string) extract.Gender {
	return lx.firstNames[firstPart(given)] // Jean-Marc is as male as Jean
}

// particles join the surname when they stand inside a name: Charles de
// Gaulle, Marine Le Pen, Ludwig van Beethoven (but Van Jones).
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "da": true, "das": true, "dos": true, "di": true, "la": true, "le": true,
	"bin": true, "ibn": true, "al": true, "el": true, "ter": true, "ten": true, "zu": true,
}

// suffixes tell a son from his father: Donald Trump Jr. is not Donald Trump.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "fils": true, "pere": true}

// personName is a person's name cut into folded parts.
type personName struct {
	given   []string // folded; compounds kept whole ("jean-marc"); an initial is one letter
	surname string   // folded, with its particles ("de gaulle")
	suffix  string   // "jr", "iii" or ""
}

func (n personName) full() bool { return len(n.given) > 0 }

// key identifies the spelling of a name up to case, accents and the
// hyphen or space between compound given names.
func (n personName) key() string {
	var b strings.Builder
	b.WriteString(n.surname)
	b.WriteByte('|')
	b.WriteString(n.suffix)
	b.WriteByte('|')
	for _, g := range n.given {
		b.WriteString(strings.ReplaceAll(g, "-", ""))
	}
	return b.String()
}

// surnameKey groups every name that can be the same person.
func (n personName) surnameKey() string { return n.surname + "|" + n.suffix }

func isInitial(g string) bool { return utf8.RuneCountInString(g) == 1 }

// nameTokens splits a name as written into words: a lone "." joins the
// word before it (the extractor writes "John F . Kerry"), and run-together
// initials come apart ("J.K." → "J.", "K.").
func nameTokens(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",;:()[]\"“”«»")
		if w == "" {
			continue
		}
		if strings.Trim(w, ".") == "" {
			if len(out) > 0 && !strings.HasSuffix(out[len(out)-1], ".") {
				out[len(out)-1] += "."
			}
			continue
		}
		if parts := splitInitials(w); parts != nil {
			out = append(out, parts...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// splitInitials returns "J.", "K." for "J.K." and nil for anything that is
// not a run of dotted single letters.
func splitInitials(w string) []string {
	if strings.Count(w, ".") < 2 {
		return nil
	}
	var parts []string
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if utf8.RuneCountInString(p) != 1 {
			return nil
		}
		parts = append(parts, p+".")
	}
	return parts
}

// parsePerson cuts a name into given names, surname and suffix. Titles
// before the name ("President", "Mr.") are dropped; a name with nothing but
// one word left is a surname alone.
func (lx *lexicon) parsePerson(name string) personName {
	toks := nameTokens(name)
	folded := make([]string, 0, len(toks))
	for _, t := range toks {
		folded = append(folded, fold(t))
	}
	// Leading titles, while a name remains after them.
	for len(folded) > 1 && lx.titles[strings.TrimSuffix(folded[0], ".")] {
		folded, toks = folded[1:], toks[1:]
	}
	var n personName
	if len(folded) > 1 && suffixes[strings.TrimSuffix(folded[len(folded)-1], ".")] {
		n.suffix = strings.TrimSuffix(folded[len(folded)-1], ".")
		folded = folded[:len(folded)-1]
	}
	if len(folded) == 0 {
		return n
	}
	last := len(folded) - 1
	start := last
	for start > 1 && particles[folded[start-1]] {
		start--
	}
	if start == 1 && particles[folded[0]] && startsLower(toks[0]) {
		// "de Gaulle" alone: the particle belongs to the surname (but Van
		// Jones has a given name).
		start = 0
	}
	n.surname = strings.Join(folded[start:], " ")
	for _, g := range folded[:start] {
		g = strings.TrimSuffix(g, ".")
		if g == "" {
			continue
		}
		n.given = append(n.given, g)
	}
	// Words before the first known given name are not part of the name: a
	// headline word or an adjective the extractor took in ("Celebrating
	// Hillary Clinton", "Republican Donald Trump").
	for k, g := range n.given {
		if _, ok := lx.firstNames[firstPart(g)]; ok && !isInitial(g) {
			n.given = n.given[k:]
			break
		}
	}
	return n
}

// firstPart is the first element of a compound given name: "jean" for
// "jean-marc".
func firstPart(g string) string {
	if i := strings.IndexByte(g, '-'); i > 0 {
		return g[:i]
	}
	return g
}

// Levels of evidence that two given names belong to one person, strongest
// first.
const (
	noMatch  = 0
	sameName = 1 // same given names up to case, accents, hyphens; or one lacks a middle name
	initial  = 2 // "D." for "Donald"
	spelling = 3 // one letter apart: Antony / Anthony
)

// compatible tells whether two full names with the same surname and suffix
// can be one person, and how strong the evidence is. Middle names must agree
// where both have them, position by position from the first: "George W."
// and "George H. W." differ.
func (lx *lexicon) compatible(a, b personName) int {
	if len(a.given) == 0 || len(b.given) == 0 {
		return noMatch
	}
	if strings.ReplaceAll(strings.Join(a.given, ""), "-", "") == strings.ReplaceAll(strings.Join(b.given, ""), "-", "") {
		return sameName
	}
	level := lx.givenMatch(a.given[0], b.given[0], true)
	if level == noMatch {
		return noMatch
	}
	for i := 1; i < len(a.given) && i < len(b.given); i++ {
		l := lx.givenMatch(a.given[i], b.given[i], false)
		if l == noMatch {
			return noMatch
		}
		level = max(level, l)
	}
	return level
}

func (lx *lexicon) givenMatch(a, b string, first bool) int {
	switch {
	case a == b:
		return sameName
	case isInitial(a) || isInitial(b):
		ra, _ := utf8.DecodeRuneInString(a)
		rb, _ := utf8.DecodeRuneInString(b)
		if ra == rb {
			return initial
		}
		return noMatch
	case first && slip(a, b):
		_, knownA := lx.firstNames[firstPart(a)]
		_, knownB := lx.firstNames[firstPart(b)]
		if knownA && knownB {
			return noMatch // two real names: Mark and Mary, Marco and Mario
		}
		ga, gb := lx.gender(a), lx.gender(b)
		if ga != 0 && gb != 0 && ga != gb {
			return noMatch
		}
		return spelling
	}
	return noMatch
}

// slip reports a one-letter slip between two names of four letters or more
// that start alike: one letter added, dropped, changed, or two swapped.
func slip(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		var diff []int
		for i := range ra {
			if ra[i] != rb[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
		}
		return false
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i:]) == string(rb[i+1:])
	}
	return false
}

// orgFunctionWords are left out of acronyms: Human Rights Watch → HRW,
// Bank of America → BA.
var orgFunctionWords = map[string]bool{
	"of": true, "and": true, "for": true, "the": true, "on": true, "in": true, "at": true, "&": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "et": true, "pour": true, "d'": true, "l'": true,
	"der": true, "die": true, "das": true, "und": true, "für": true, "fur": true,
}

// orgKey is an organisation's name folded, with a leading article and
// punctuation dropped: "The F.B.I." and "FBI" meet.
func orgKey(name string) string {
	f := fold(name)
	for _, art := range []string{"the ", "le ", "la ", "les ", "l'", "der ", "die ", "das "} {
		if strings.HasPrefix(f, art) && len(f) > len(art) {
			f = f[len(art):]
			break
		}
	}
	var b strings.Builder
	space := false
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '.':
		default:
			space = true
		}
	}
	return b.String()
}

// acronymOf returns the folded acronym a name stands for, or "":
// "Human Rights Watch" gives "hrw", and so do "HRW" and "H.R.W.".
func acronymOf(name string) (acr string, isAcronym bool) {
	words := strings.Fields(strings.Map(func(r rune) rune {
		if r == '.' {
			return -1
		}
		if unicode.IsPunct(r) && r != '&' && r != '\'' && r != '’' {
			return ' '
		}
		return r
	}, name))
	if len(words) == 1 {
		w := words[0]
		n, upper := 0, 0
		for _, r := range w {
			n++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		if n >= 2 && n <= 8 && upper == n {
			return fold(w), true
		}
		return "", false
	}
	var b strings.Builder
	for _, w := range words {
		if orgFunctionWords[fold(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if b.Len() < 2 {
		return "", false
	}
	return fold(b.String()), false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// articles may stand before an organisation's name: "the Daily News".
var articles = map[string]bool{"the": true, "le": true, "la": true, "les": true, "l'": true, "der": true, "die": true, "das": true}

// indefinites open a description, never a name; at a sentence start they
// are capitalised ("A spokesperson for the police department said", "Un
// porte-parole"), which must not make the description a person shared by
// every article.
var indefinites = map[string]bool{"a": true, "an": true, "un": true, "une": true, "des": true,
	"ein": true, "eine": true, "einer": true, "eines": true}

// unnamed reports a speaker given as a description ("a witness", "un
// habitant", "the ministry", "A spokesperson for the police") rather than
// a name: it starts with a lowercase word other than an article before a
// capitalised one.
func unnamed(name string) bool {
	words := strings.Fields(name)
	if len(words) == 1 {
		// An article alone ("Les" of "Les habitants ont déclaré") names
		// nobody.
		w := strings.ToLower(strings.ReplaceAll(words[0], "’", "'"))
		if articles[w] || indefinites[w] {
			return true
		}
	}
	if len(words) > 1 {
		w := strings.ToLower(strings.ReplaceAll(words[0], "’", "'"))
		if articles[w] || indefinites[w] {
			words = words[1:]
		} else if strings.HasPrefix(w, "l'") && len(w) > 2 {
			words[0] = words[0][len("l'"):]
		}
	}
	for _, r := range strings.Join(words, " ") {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return true // no letter at all: nothing to link
}
