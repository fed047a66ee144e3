package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/verbatim-news/verbatim/extract/lang"
)

// Lexicon is one language's data, read-only after loading.
type Lexicon struct {
	Lang         string
	Verbs        map[string]string      // lowercase form (single or multi-word, words separated by one space) -> lemma ("se féliciter" keeps "se ")
	VerbMaxWords int                    // most words in any form
	Nouns        map[string]bool        // lowercase
	According    []string               // lowercase phrases, longest first
	Pronouns     map[string]PronounInfo // lowercase form -> info
	Roles        map[string]RoleInfo    // lowercase form (multi-word joined by one space) -> info
	RoleMaxWords int
	Demonyms     map[string]string // lowercase adjective form -> country as written ("États-Unis"); also under its foldName key
	CountryForms map[string]string // lowercase country name or alternative (=USA) -> country as written; also under its foldName key
	Honorifics   map[string]Gender // as written, case-sensitive ("M.", "Mr")
	// HonorificRoles: the role an honorific says its bearer holds ("Me" is
	// a lawyer's), as a roles.txt form.
	HonorificRoles map[string]string
	FirstNames     map[string]Gender // key: name folded (lowercase, accents removed)
	NonNames       map[string]bool   // as written, case-sensitive
	Furniture      []string          // lowercase phrases, longest first
	Stopwords      map[string]bool
	OrgWords       map[string]bool // as written
}

// Gender is 0 when unknown or both, 'm' or 'f'.
type Gender byte

// PronounInfo is what a pronoun or anaphoric description says about the
// speaker it stands for.
type PronounInfo struct {
	Gender Gender
	Plural bool
}

// RoleInfo tells whether a role word heads a person description ("le
// ministre") or an organisation one ("le ministère"), and its gender.
type RoleInfo struct {
	Gender Gender
	Org    bool
}

// LoadLexicon reads the embedded data of one language (see Languages).
func LoadLexicon(code string) (*Lexicon, error) {
	return loadLexicon(lang.FS, code)
}

// Languages returns the sorted codes of the embedded languages.
func Languages() []string {
	codes, err := languages(lang.FS)
	if err != nil {
		// The embedded FS is fixed at build time and always readable.
		return nil
	}
	return codes
}

// langPrefix makes error positions read as paths in the source tree
// ("lang/fr/roles.txt:12"), which is where a maintainer will fix them.
const langPrefix = "lang/"

func languages(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", langPrefix, err)
	}
	var codes []string
	for _, e := range entries {
		if e.IsDir() {
			codes = append(codes, e.Name())
		}
	}
	sort.Strings(codes)
	return codes, nil
}

// lexFile is one data file of a language folder and the parser of its lines.
type lexFile struct {
	name  string
	parse func(lx *Lexicon, fields []string, line string) error
}

// lexFiles lists every file a language folder must have. A missing file is
// an error: an absent roles.txt would silently cripple attribution.
var lexFiles = []lexFile{
	{"verbs.txt", parseVerb},
	{"nouns.txt", func(lx *Lexicon, _ []string, line string) error {
		lx.Nouns[lowerKey(line)] = true
		return nil
	}},
	{"according.txt", func(lx *Lexicon, _ []string, line string) error {
		lx.According = append(lx.According, lowerKey(line))
		return nil
	}},
	{"pronouns.txt", parsePronoun},
	{"roles.txt", parseRole},
	{"demonyms.txt", parseDemonym},
	{"honorifics.txt", parseHonorific},
	{"firstnames.txt", parseFirstName},
	{"nonnames.txt", func(lx *Lexicon, _ []string, line string) error {
		lx.NonNames[foldApostrophes(line)] = true
		return nil
	}},
	{"furniture.txt", func(lx *Lexicon, _ []string, line string) error {
		// Matched as a line prefix, so a trailing space in the file
		// ("© ") is dropped: "©" alone is just as reliable.
		lx.Furniture = append(lx.Furniture, lowerKey(line))
		return nil
	}},
	{"stopwords.txt", func(lx *Lexicon, _ []string, line string) error {
		lx.Stopwords[lowerKey(line)] = true
		return nil
	}},
	{"orgs.txt", func(lx *Lexicon, _ []string, line string) error {
		lx.OrgWords[foldApostrophes(line)] = true
		return nil
	}},
}

// loadLexicon reads <code>/<file>.txt for every file of lexFiles from fsys,
// whose root holds one folder per language.
func loadLexicon(fsys fs.FS, code string) (*Lexicon, error) {
	if code == "" || strings.ContainsAny(code, `/\.`) || !fs.ValidPath(code) {
		return nil, fmt.Errorf("load lexicon: invalid language code %q", code)
	}
	lx := &Lexicon{
		Lang:           code,
		Verbs:          map[string]string{},
		Nouns:          map[string]bool{},
		Pronouns:       map[string]PronounInfo{},
		Roles:          map[string]RoleInfo{},
		Demonyms:       map[string]string{},
		CountryForms:   map[string]string{},
		Honorifics:     map[string]Gender{},
		HonorificRoles: map[string]string{},
		FirstNames:     map[string]Gender{},
		NonNames:       map[string]bool{},
		Stopwords:      map[string]bool{},
		OrgWords:       map[string]bool{},
	}
	for _, f := range lexFiles {
		name := path.Join(code, f.name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load lexicon %s: %w", langPrefix+name, err)
		}
		if err := eachLine(langPrefix+name, data, func(fields []string, line string) error {
			return f.parse(lx, fields, line)
		}); err != nil {
			return nil, err
		}
	}
	// Names lose their accents in capitals and careless copy ("ETATS-UNIS",
	// "Algerie"); the folded key lets a folded lookup find them. An
	// accented key that folds onto another entry keeps that entry.
	addFolded(lx.Demonyms)
	addFolded(lx.CountryForms)
	lx.According = sortLongestFirst(lx.According)
	lx.Furniture = sortLongestFirst(lx.Furniture)
	return lx, nil
}

// eachLine calls fn for every data line: NFC-normalised, trimmed, with
// comments (# first) and blank lines skipped. fields is the line split on
// tabs, each trimmed. Errors from fn get the file and line number.
func eachLine(name string, data []byte, fn func(fields []string, line string) error) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: not valid UTF-8", name)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(norm.NFC.String(sc.Text()))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

func parseVerb(lx *Lexicon, _ []string, line string) error {
	lemma, forms, ok := strings.Cut(line, ":")
	lemma = lowerKey(lemma)
	if !ok || lemma == "" || strings.TrimSpace(forms) == "" {
		return errors.New(`want "lemma: form, form, ..."`)
	}
	for _, form := range strings.Split(forms, ",") {
		form = lowerKey(form)
		if form == "" {
			return fmt.Errorf("empty form in %q", lemma)
		}
		if prev, ok := lx.Verbs[form]; ok && prev != lemma {
			return fmt.Errorf("form %q is both %q and %q", form, prev, lemma)
		}
		lx.Verbs[form] = lemma
		lx.VerbMaxWords = max(lx.VerbMaxWords, strings.Count(form, " ")+1)
	}
	return nil
}

func parsePronoun(lx *Lexicon, fields []string, _ string) error {
	const want = `want "form<TAB>gender<TAB>number"`
	if len(fields) != 3 || fields[0] == "" {
		return errors.New(want)
	}
	g, err := parseGender(fields[1])
	if err != nil {
		return fmt.Errorf("%s: %w", want, err)
	}
	var info PronounInfo
	switch fields[2] {
	case "sg":
		info = PronounInfo{Gender: g}
	case "pl":
		info = PronounInfo{Gender: g, Plural: true}
	default:
		return fmt.Errorf(`%s: number %q is not "sg" or "pl"`, want, fields[2])
	}
	form := lowerKey(fields[0])
	if prev, ok := lx.Pronouns[form]; ok && prev != info {
		return fmt.Errorf("pronoun %q contradicts an earlier line (%+v, now %+v)", form, prev, info)
	}
	lx.Pronouns[form] = info
	return nil
}

func parseRole(lx *Lexicon, fields []string, _ string) error {
	const want = `want "form<TAB>gender<TAB>kind"`
	if len(fields) != 3 || fields[0] == "" {
		return errors.New(want)
	}
	g, err := parseGender(fields[1])
	if err != nil {
		return fmt.Errorf("%s: %w", want, err)
	}
	var info RoleInfo
	switch fields[2] {
	case "person":
		info = RoleInfo{Gender: g}
	case "org":
		info = RoleInfo{Gender: g, Org: true}
	default:
		return fmt.Errorf(`%s: kind %q is not "person" or "org"`, want, fields[2])
	}
	form := lowerKey(fields[0])
	if prev, ok := lx.Roles[form]; ok && prev != info {
		return fmt.Errorf("role %q contradicts an earlier line (%+v, now %+v)", form, prev, info)
	}
	lx.Roles[form] = info
	lx.RoleMaxWords = max(lx.RoleMaxWords, strings.Count(form, " ")+1)
	return nil
}

func parseDemonym(lx *Lexicon, _ []string, line string) error {
	country, rest, ok := strings.Cut(line, ":")
	country = strings.Join(strings.Fields(foldApostrophes(country)), " ")
	if !ok || country == "" || strings.TrimSpace(rest) == "" {
		return errors.New(`want "Country: adjective, =alternative, ..."`)
	}
	if err := addCountryForm(lx, country, country); err != nil {
		return err
	}
	for _, item := range strings.Split(rest, ",") {
		item = strings.TrimSpace(item)
		if alt, isAlt := strings.CutPrefix(item, "="); isAlt {
			if err := addCountryForm(lx, strings.TrimSpace(alt), country); err != nil {
				return err
			}
			continue
		}
		adj := lowerKey(item)
		if adj == "" {
			return fmt.Errorf("empty adjective for %q", country)
		}
		if prev, ok := lx.Demonyms[adj]; ok && prev != country {
			return fmt.Errorf("adjective %q is both %q and %q", adj, prev, country)
		}
		lx.Demonyms[adj] = country
	}
	return nil
}

func addCountryForm(lx *Lexicon, form, country string) error {
	key := lowerKey(form)
	if key == "" {
		return fmt.Errorf("empty country form for %q", country)
	}
	if prev, ok := lx.CountryForms[key]; ok && prev != country {
		return fmt.Errorf("country form %q is both %q and %q", key, prev, country)
	}
	lx.CountryForms[key] = country
	return nil
}

func addFolded(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Sorted, so that two accented keys folding alike resolve the same way
	// on every run.
	sort.Strings(keys)
	for _, k := range keys {
		if f := foldName(k); f != k {
			if _, ok := m[f]; !ok {
				m[f] = m[k]
			}
		}
	}
}

func parseHonorific(lx *Lexicon, fields []string, _ string) error {
	const want = `want "form<TAB>gender" or "form<TAB>gender<TAB>role"`
	if len(fields) < 2 || len(fields) > 3 || fields[0] == "" {
		return errors.New(want)
	}
	if len(fields) == 3 {
		role := lowerKey(fields[2])
		if _, ok := lx.Roles[role]; !ok {
			return fmt.Errorf("honorific %q: role %q is not in roles.txt", fields[0], fields[2])
		}
		lx.HonorificRoles[foldApostrophes(fields[0])] = role
	}
	g, err := parseGender(fields[1])
	if err != nil {
		return fmt.Errorf("%s: %w", want, err)
	}
	form := foldApostrophes(fields[0])
	if prev, ok := lx.Honorifics[form]; ok && prev != g {
		return fmt.Errorf("honorific %q contradicts an earlier line (gender %q, now %q)", form, prev, g)
	}
	lx.Honorifics[form] = g
	return nil
}

func parseFirstName(lx *Lexicon, fields []string, _ string) error {
	const want = `want "name<TAB>gender"`
	if len(fields) != 2 || fields[0] == "" {
		return errors.New(want)
	}
	g, err := parseGender(fields[1])
	if err != nil {
		return fmt.Errorf("%s: %w", want, err)
	}
	key := foldName(fields[0])
	if prev, ok := lx.FirstNames[key]; ok && prev != g {
		return fmt.Errorf("first name %q contradicts an earlier line (gender %q, now %q)", fields[0], prev, g)
	}
	lx.FirstNames[key] = g
	return nil
}

func parseGender(s string) (Gender, error) {
	switch s {
	case "m":
		return 'm', nil
	case "f":
		return 'f', nil
	case "-":
		return 0, nil
	}
	return 0, fmt.Errorf(`gender %q is not "m", "f" or "-"`, s)
}

// String returns "m", "f" or "-".
func (g Gender) String() string {
	if g == 0 {
		return "-"
	}
	return string(rune(g))
}

// lowerKey is the lookup form of a phrase: lowercase, ’ folded to ', words
// separated by one space.
func lowerKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(foldApostrophes(s))), " ")
}

// foldApostrophes maps the typographic apostrophe to ASCII, as the
// extractor does to the text before every lookup.
func foldApostrophes(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 { // the first byte of ’ in UTF-8
		return s
	}
	return strings.ReplaceAll(s, "’", "'")
}

// foldName is the key of a name for accent- and case-blind lookups:
// lowercase, diacritics removed (é→e, ï→i), ’ folded to '. Letters that are
// not a base plus a mark (ø, ß, œ) stay as they are.
func foldName(s string) string {
	s = norm.NFD.String(foldApostrophes(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// sortLongestFirst dedups and orders phrases so a prefix scan tries
// "according to a statement by" before "according to"; ties sort
// alphabetically for deterministic output.
func sortLongestFirst(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(out[i]), utf8.RuneCountInString(out[j])
		if li != lj {
			return li > lj
		}
		return out[i] < out[j]
	})
	return out
}
