package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Extractor finds quotations and their speakers. It is safe for concurrent
// use: all state built by New is read-only afterwards.
type Extractor struct {
	opts  Options
	langs map[string]*language
	codes []string
	// scratch reuses per-document buffers between calls; sync.Pool is safe
	// for concurrent use.
	scratch sync.Pool
}

type language struct {
	lx *Lexicon
	gr *grammar
	// furnitureByByte indexes furniture phrases by their first byte.
	furnitureByByte [256][]string
	// words flags each word with the lists it starts an entry of, to
	// dismiss most tokens with one lookup.
	words *wordTable
	// accordingWords are the "according to" phrases cut into words, longest
	// first; pronounSecond and verbPrefixes let multi-word lookups stop
	// early.
	accordingWords [][]string
	pronounSecond  map[string]bool
	verbPrefixes   map[string]bool
	// accordingByLast indexes "according to" phrases, as words, by their
	// last word.
	accordingByLast map[string][][]string
}

func newLanguage(lx *Lexicon, gr *grammar) *language {
	l := &language{lx: lx, gr: gr}
	l.pronounSecond = map[string]bool{}
	for k := range lx.Pronouns {
		first, _, _ := strings.Cut(k, " ")
		rest, ok := "", false
		if i := strings.Index(first, "'"); i >= 0 && i < len(first)-1 {
			rest, ok = k[i+1:], true // "l'intéressé": the tokenizer cuts after the elision
		} else {
			_, rest, ok = strings.Cut(k, " ")
		}
		if ok {
			second, _, _ := strings.Cut(rest, " ")
			l.pronounSecond[second] = true
		}
	}
	l.verbPrefixes = map[string]bool{}
	for k := range lx.Verbs {
		for i := 0; i < len(k); i++ {
			switch {
			case k[i] == ' ':
				l.verbPrefixes[k[:i]] = true
			case k[i] == '\'' && i > 0 && strings.Contains(k[:i], " "):
				l.verbPrefixes[k[:i+1]] = true // "mis l'" before "accent"
			}
		}
	}
	infos := map[string]wordInfo{}
	for _, set := range []struct {
		words map[string]bool
		bit   wordInfo
	}{
		{firstWords(mapKeys(lx.Roles)), wRoleStart},
		{firstWords(mapKeys(lx.Pronouns)), wPronounStart},
		{firstWords(mapKeys(lx.Verbs)), wVerbStart},
		{firstWords(lx.According), wAccordingStart},
	} {
		for w := range set.words {
			infos[w] |= set.bit
		}
	}
	for w := range gr.stressed {
		infos[w] |= wStressed
	}
	for w := range gr.definite {
		infos[w] |= wDefinite
	}
	for w := range gr.possessives {
		infos[w] |= wPossessive
	}
	l.words = newWordTable(infos)
	l.accordingByLast = map[string][][]string{}
	for _, phrase := range lx.According {
		words := tokenWords(phrase, gr.elisions)
		l.accordingWords = append(l.accordingWords, words)
		if len(words) > 0 {
			last := words[len(words)-1]
			l.accordingByLast[last] = append(l.accordingByLast[last], words)
		}
	}
	for _, f := range lx.Furniture {
		if f != "" {
			l.furnitureByByte[f[0]] = append(l.furnitureByByte[f[0]], f)
		}
	}
	return l
}

// tokenWords cuts a phrase the way the tokenizer cuts text: at spaces and
// after an elision ("d'après" → "d'", "après").
func tokenWords(phrase string, elisions map[string]bool) []string {
	var out []string
	for _, w := range strings.Fields(phrase) {
		for {
			i := strings.IndexByte(w, '\'')
			if i < 0 || i == len(w)-1 || !elisions[w[:i+1]] {
				break
			}
			out = append(out, w[:i+1])
			w = w[i+1:]
		}
		out = append(out, w)
	}
	return out
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// firstWords maps every entry to its first token as the tokenizer cuts it
// ("secrétaire d'état" → "secrétaire", "l'auteur" → "l'").
func firstWords(entries []string) map[string]bool {
	set := make(map[string]bool, len(entries))
	for _, k := range entries {
		first, _, _ := strings.Cut(k, " ")
		if i := strings.Index(first, "'"); i >= 0 && i < len(first)-1 {
			first = first[:i+1]
		}
		set[first] = true
		set[fold(first)] = true
	}
	return set
}

// Options tune an Extractor. The zero value is the default.
type Options struct {
	// DefaultLang is used when a document has no language and detection is
	// unsure. Empty means "en".
	DefaultLang string
}

// New builds an Extractor with its embedded language data.
func New(opts Options) (*Extractor, error) {
	if opts.DefaultLang == "" {
		opts.DefaultLang = "en"
	}
	e := &Extractor{opts: opts, langs: map[string]*language{}}
	for _, code := range Languages() {
		lx, err := LoadLexicon(code)
		if err != nil {
			return nil, fmt.Errorf("load language %s: %w", code, err)
		}
		gr, err := loadGrammar(code)
		if err != nil {
			return nil, fmt.Errorf("load language %s: %w", code, err)
		}
		foldRoles(lx)
		e.langs[code] = newLanguage(lx, gr)
		e.codes = append(e.codes, code)
	}
	sort.Strings(e.codes)
	return e, nil
}

// foldRoles adds accent-free keys so "secrétaire d'Etat" finds "secrétaire
// d'État".
func foldRoles(lx *Lexicon) {
	extra := map[string]RoleInfo{}
	for k, v := range lx.Roles {
		if f := fold(k); f != k {
			if _, ok := lx.Roles[f]; !ok {
				extra[f] = v
			}
		}
	}
	for k, v := range extra {
		lx.Roles[k] = v
	}
}

// DetectLanguage returns the code of the embedded language whose function
// words are most frequent in text, or "" when none stands out.
func (e *Extractor) DetectLanguage(text string) string {
	counts := map[string]int{}
	words := 0
	inWord := func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' }
	for i := 0; i < len(text); {
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if inWord(r) {
				break
			}
			i += n
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !inWord(r) {
				break
			}
			j += n
		}
		if j == i {
			break
		}
		w := strings.ToLower(text[i:j])
		i = j
		for _, code := range e.codes {
			// A reporting verb is evidence too: "« Oui », dit Paul Roux."
			// has no stop word, but "dit" is French.
			if lx := e.langs[code].lx; lx.Stopwords[w] || lx.Verbs[w] != "" {
				counts[code]++
			}
		}
		words++
		if words > 3000 {
			break
		}
	}
	best, bestN, second := "", 0, 0
	for _, code := range e.codes {
		n := counts[code]
		if n > bestN {
			best, bestN, second = code, n, bestN
		} else if n > second {
			second = n
		}
	}
	// Enough evidence, clearly ahead; or, in a text too short for that,
	// evidence for one language only.
	if bestN >= minDetectWords && bestN >= second*5/4 || bestN > 0 && second == 0 {
		return best
	}
	return ""
}

// minDetectWords: the stop words and reporting verbs a language needs to
// win over another that has some too.
const minDetectWords = 3

// Extract returns the quotes of one document, ordered by start offset.
// It never panics on input: any text, valid UTF-8 or not, gives a result.
func (e *Extractor) Extract(doc Document) []Quote {
	return e.Analyze(doc).Quotes
}

// Result is everything Analyze finds in one document.
type Result struct {
	Lang   string
	Quotes []Quote
	// Speakers describes every speaker the quotes name, with the other
	// forms of the name found in the document, for linking speakers across
	// documents.
	Speakers []Speaker
}

// Speaker is one person or organisation of a document, as the document
// names it.
type Speaker struct {
	Name    string   `json:"name"`              // canonical: the fullest, most frequent form
	Aliases []string `json:"aliases,omitempty"` // the other forms, as written
	Org     bool     `json:"org,omitempty"`
	Gender  string   `json:"gender,omitempty"` // "m", "f" or empty
	Roles   []string `json:"roles,omitempty"`  // roles in apposition ("président"), folded
	// Described: the speaker is a description as written ("Police", "un
	// riverain"), not a name: it is this document's alone and never
	// linked to a speaker of another.
	Described bool `json:"described,omitempty"`
	Quotes    int  `json:"quotes"`
}

// Analyze extracts the quotes of one document and describes their speakers.
// Text that is not UTF-8 is read as []rune(Text) reads it, each invalid
// byte one U+FFFD code point, so that offsets stay indexes into
// []rune(Text); it is not repaired first, which would merge a run of
// invalid bytes into one code point and shift every offset after it.
func (e *Extractor) Analyze(doc Document) Result {
	code := strings.ToLower(doc.Lang)
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	l := e.langs[code]
	if l == nil && code == "" {
		if d := e.DetectLanguage(doc.Text); d != "" {
			code, l = d, e.langs[d]
		} else {
			code, l = e.opts.DefaultLang, e.langs[e.opts.DefaultLang]
		}
	}
	if l == nil {
		// Unknown language: spans are still found, speakers are not.
		l = newLanguage(emptyLexicon(code), &grammar{})
	}
	sc, _ := e.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	a := newAnalysisWith(l, doc.Text, sc)
	quotes := a.records(doc.ID, code)
	res := Result{Lang: code, Quotes: quotes, Speakers: a.speakers(quotes)}
	if sc.keep(a) {
		e.scratch.Put(sc)
	}
	return res
}

func emptyLexicon(code string) *Lexicon {
	return &Lexicon{Lang: code, Verbs: map[string]string{}, Nouns: map[string]bool{}, Pronouns: map[string]PronounInfo{},
		Roles: map[string]RoleInfo{}, Demonyms: map[string]string{}, CountryForms: map[string]string{},
		Honorifics: map[string]Gender{}, FirstNames: map[string]Gender{}, NonNames: map[string]bool{},
		Stopwords: map[string]bool{}, OrgWords: map[string]bool{}, VerbMaxWords: 1, RoleMaxWords: 1}
}
