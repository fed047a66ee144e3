package extract

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadAll(t *testing.T) map[string]*Lexicon {
	t.Helper()
	out := map[string]*Lexicon{}
	for _, code := range Languages() {
		lx, err := LoadLexicon(code)
		require.NoError(t, err, code)
		out[code] = lx
	}
	return out
}

func TestLanguages(t *testing.T) {
	assert.Equal(t, []string{"de", "en", "fr"}, Languages())
}

// TestLexiconSizes catches a truncated or emptied file: every count is a
// floor well under what the files hold today.
func TestLexiconSizes(t *testing.T) {
	lexes := loadAll(t)
	lemmas := func(lx *Lexicon) int {
		set := map[string]bool{}
		for _, l := range lx.Verbs {
			set[l] = true
		}
		return len(set)
	}
	tests := []struct {
		lang                                   string
		lemmas, nouns, according, pronouns     int
		roles, demonyms, countries, honorifics int
		firstNames, nonNames, furniture, stop  int
		orgWords                               int
	}{
		{"fr", 250, 100, 10, 20, 400, 700, 200, 30, 1500, 250, 60, 120, 100},
		{"en", 200, 100, 5, 8, 400, 250, 200, 80, 1500, 250, 60, 120, 100},
		{"de", 150, 50, 10, 10, 200, 1000, 200, 50, 1000, 150, 40, 120, 60},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			lx := lexes[tt.lang]
			require.NotNil(t, lx)
			assert.GreaterOrEqual(t, lemmas(lx), tt.lemmas, "verb lemmas")
			assert.GreaterOrEqual(t, len(lx.Nouns), tt.nouns, "nouns")
			assert.GreaterOrEqual(t, len(lx.According), tt.according, "according")
			assert.GreaterOrEqual(t, len(lx.Pronouns), tt.pronouns, "pronouns")
			assert.GreaterOrEqual(t, len(lx.Roles), tt.roles, "roles")
			assert.GreaterOrEqual(t, len(lx.Demonyms), tt.demonyms, "demonyms")
			assert.GreaterOrEqual(t, len(lx.CountryForms), tt.countries, "country forms")
			assert.GreaterOrEqual(t, len(lx.Honorifics), tt.honorifics, "honorifics")
			assert.GreaterOrEqual(t, len(lx.FirstNames), tt.firstNames, "first names")
			assert.GreaterOrEqual(t, len(lx.NonNames), tt.nonNames, "non-names")
			assert.GreaterOrEqual(t, len(lx.Furniture), tt.furniture, "furniture")
			assert.GreaterOrEqual(t, len(lx.Stopwords), tt.stop, "stopwords")
			assert.GreaterOrEqual(t, len(lx.OrgWords), tt.orgWords, "org words")
			assert.GreaterOrEqual(t, lx.VerbMaxWords, 2)
			assert.GreaterOrEqual(t, lx.RoleMaxWords, 2)
		})
	}
}

func TestLexiconSpotChecks(t *testing.T) {
	lexes := loadAll(t)
	verbs := []struct{ lang, form, lemma string }{
		{"fr", "déclaré", "déclarer"},
		{"fr", "déclarée", "déclarer"},
		{"fr", "déclarant", "déclarer"},
		{"fr", "ajouté", "ajouter"},
		{"fr", "dit", "dire"},
		{"fr", "disons", "dire"},
		{"fr", "martèle", "marteler"},
		{"fr", "rappelle", "rappeler"},
		{"fr", "annonçait", "annoncer"},
		{"fr", "jugeant", "juger"},
		{"fr", "répète", "répéter"},
		{"fr", "reconnaît", "reconnaître"},
		{"fr", "félicite", "se féliciter"},
		{"fr", "exclamée", "s'exclamer"},
		{"fr", "fait savoir", "faire savoir"},
		{"fr", "poursuit", "poursuivre"},
		{"fr", "conclut", "conclure"},
		{"en", "said", "say"},
		{"en", "told", "tell"},
		{"en", "added", "add"},
		{"en", "admitted", "admit"},
		{"en", "pointed out", "point out"},
		{"en", "went on", "go on"},
		{"en", "emphasised", "emphasise"},
		{"en", "tweeted", "tweet"},
		{"de", "sagte", "sagen"},
		{"de", "gesagt", "sagen"},
		{"de", "fügte hinzu", "hinzufügen"},
		{"de", "antwortete", "antworten"},
		{"de", "rief", "rufen"},
		{"de", "erwiderte", "erwidern"},
	}
	for _, tt := range verbs {
		t.Run("verb/"+tt.lang+"/"+tt.form, func(t *testing.T) {
			assert.Equal(t, tt.lemma, lexes[tt.lang].Verbs[tt.form])
		})
	}

	demonyms := []struct{ lang, adj, country string }{
		{"fr", "kazakh", "Kazakhstan"},
		{"fr", "kazakhes", "Kazakhstan"},
		{"fr", "américain", "États-Unis"},
		{"fr", "américaines", "États-Unis"},
		{"fr", "grecque", "Grèce"},
		{"en", "kazakh", "Kazakhstan"},
		{"en", "american", "United States"},
		{"de", "französische", "Frankreich"},
	}
	for _, tt := range demonyms {
		t.Run("demonym/"+tt.lang+"/"+tt.adj, func(t *testing.T) {
			assert.Equal(t, tt.country, lexes[tt.lang].Demonyms[tt.adj])
		})
	}
	assert.Equal(t, "États-Unis", lexes["fr"].CountryForms["usa"])
	assert.Equal(t, "États-Unis", lexes["fr"].CountryForms["etats-unis"])
	assert.Equal(t, "États-Unis", lexes["fr"].CountryForms["états-unis"])
	assert.Equal(t, "United States", lexes["en"].CountryForms["u.s."])
	assert.Equal(t, "Algérie", lexes["fr"].CountryForms["algerie"], "folded key")
	assert.Equal(t, "Algérie", lexes["fr"].Demonyms["algeriennes"], "folded key")

	roles := []struct {
		lang, form string
		want       RoleInfo
	}{
		{"fr", "président", RoleInfo{Gender: 'm'}},
		{"fr", "présidente", RoleInfo{Gender: 'f'}},
		{"fr", "ministre", RoleInfo{}},
		{"fr", "porte-parole", RoleInfo{}},
		{"fr", "secrétaire d'état", RoleInfo{}},
		{"fr", "chef de la diplomatie", RoleInfo{Gender: 'm'}},
		{"fr", "ministère", RoleInfo{Gender: 'm', Org: true}},
		{"fr", "police", RoleInfo{Gender: 'f', Org: true}},
		{"en", "spokeswoman", RoleInfo{Gender: 'f'}},
		{"en", "prime minister", RoleInfo{}},
		{"en", "ministry", RoleInfo{Org: true}},
		{"de", "sprecherin", RoleInfo{Gender: 'f'}},
		{"de", "regierung", RoleInfo{Gender: 'f', Org: true}},
	}
	for _, tt := range roles {
		t.Run("role/"+tt.lang+"/"+tt.form, func(t *testing.T) {
			got, ok := lexes[tt.lang].Roles[tt.form]
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}

	pronouns := []struct {
		lang, form string
		want       PronounInfo
	}{
		{"fr", "elle", PronounInfo{Gender: 'f'}},
		{"fr", "ils", PronounInfo{Gender: 'm', Plural: true}},
		{"fr", "cette dernière", PronounInfo{Gender: 'f'}},
		{"en", "he", PronounInfo{Gender: 'm'}},
		{"de", "er", PronounInfo{Gender: 'm'}},
	}
	for _, tt := range pronouns {
		t.Run("pronoun/"+tt.lang+"/"+tt.form, func(t *testing.T) {
			got, ok := lexes[tt.lang].Pronouns[tt.form]
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, lang := range []string{"fr", "en"} {
		for _, form := range []string{"je", "nous", "i", "we", "you", "vous"} {
			_, ok := lexes[lang].Pronouns[form]
			assert.False(t, ok, "%s pronoun %q is first or second person", lang, form)
		}
	}

	assert.Equal(t, Gender('f'), lexes["fr"].Honorifics["Mme"])
	assert.Equal(t, Gender('m'), lexes["fr"].Honorifics["M."])
	assert.Equal(t, Gender(0), lexes["fr"].Honorifics["Me"])
	assert.Equal(t, Gender('f'), lexes["en"].Honorifics["Mrs."])
	assert.Equal(t, Gender('m'), lexes["en"].Honorifics["Mr"])
	assert.Equal(t, Gender('f'), lexes["de"].Honorifics["Frau"])

	assert.Equal(t, Gender('m'), lexes["fr"].FirstNames[foldName("Sergueï")])
	assert.Equal(t, Gender('f'), lexes["fr"].FirstNames[foldName("Hélène")])
	assert.Equal(t, Gender('f'), lexes["fr"].FirstNames["helene"])
	assert.Equal(t, Gender('m'), lexes["en"].FirstNames["anthony"])
	assert.Equal(t, Gender(0), lexes["fr"].FirstNames["dominique"])

	assert.True(t, lexes["fr"].Nouns["communiqué"])
	assert.True(t, lexes["en"].Nouns["statement"])
	assert.Contains(t, lexes["fr"].According, "selon")
	assert.Contains(t, lexes["en"].According, "according to")
	assert.True(t, lexes["fr"].NonNames["Selon"])
	assert.True(t, lexes["en"].NonNames["However"])
	assert.Contains(t, lexes["fr"].Furniture, "lire aussi")
	assert.Contains(t, lexes["en"].Furniture, "read more")
	assert.True(t, lexes["fr"].OrgWords["Ministère"])
	assert.True(t, lexes["en"].OrgWords["Inc."])
	assert.True(t, lexes["fr"].Stopwords["le"])
}

// TestFrenchVerbFormsAreBare guards the contract with the extractor: it
// builds auxiliaries, inversions and reflexive clitics itself, so a form
// that already holds one would double them or never match.
func TestFrenchVerbFormsAreBare(t *testing.T) {
	lx, err := LoadLexicon("fr")
	require.NoError(t, err)
	badPrefix := []string{"a ", "ont ", "avait ", "est ", "sont ", "était ", "se ", "s'", "il ", "elle "}
	for form, lemma := range lx.Verbs {
		for _, p := range badPrefix {
			assert.False(t, strings.HasPrefix(form, p), "%q (%s) starts with %q", form, lemma, p)
		}
		for _, inv := range []string{"-t-", "-il", "-elle", "-on", "-ils", "-elles"} {
			assert.False(t, strings.HasSuffix(form, inv) || strings.Contains(form, inv+" "),
				"%q (%s) holds an inversion", form, lemma)
		}
	}
	// Inversion forms must come from the code, not the data.
	for _, form := range []string{"a-t-il ajouté", "dit-il", "a déclaré", "s'est félicité"} {
		_, ok := lx.Verbs[form]
		assert.False(t, ok, form)
	}
}

// TestLexiconKeysAreNormalised checks what every lookup relies on: keys are
// NFC, use the ASCII apostrophe and single spaces, and lowercase where the
// field says so.
func TestLexiconKeysAreNormalised(t *testing.T) {
	for code, lx := range loadAll(t) {
		lower := map[string][]string{}
		for k := range lx.Verbs {
			lower["verbs"] = append(lower["verbs"], k)
		}
		for k := range lx.Roles {
			lower["roles"] = append(lower["roles"], k)
		}
		for k := range lx.Demonyms {
			lower["demonyms"] = append(lower["demonyms"], k)
		}
		for k := range lx.Pronouns {
			lower["pronouns"] = append(lower["pronouns"], k)
		}
		lower["according"] = lx.According
		lower["furniture"] = lx.Furniture
		for field, keys := range lower {
			for _, k := range keys {
				assert.Equal(t, strings.ToLower(k), k, "%s %s", code, field)
				assert.NotContains(t, k, "’", "%s %s", code, field)
				assert.NotContains(t, k, "  ", "%s %s", code, field)
				assert.Equal(t, strings.TrimSpace(k), k, "%s %s", code, field)
			}
		}
		for k := range lx.FirstNames {
			assert.Equal(t, foldName(k), k, "%s first name key", code)
		}
		for i := 1; i < len(lx.According); i++ {
			assert.GreaterOrEqual(t, len([]rune(lx.According[i-1])), len([]rune(lx.According[i])), "%s according order", code)
		}
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hélène", "helene"},
		{"Sergueï", "serguei"},
		{"JOSÉ", "jose"},
		{"François-Xavier", "francois-xavier"},
		{"N’Golo", "n'golo"},
		{"Øystein", "øystein"},
		{"Zoë", "zoe"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, foldName(tt.in), tt.in)
	}
}

// validFS is a minimal language folder; each malformed case overrides one
// file of it.
func validFS() fstest.MapFS {
	files := map[string]string{
		"verbs.txt":      "dire: dit, disent\n",
		"nouns.txt":      "déclaration\n",
		"according.txt":  "selon\nd'après\n",
		"pronouns.txt":   "il\tm\tsg\n",
		"roles.txt":      "ministre\t-\tperson\n",
		"demonyms.txt":   "États-Unis: =USA, américain\n",
		"honorifics.txt": "M.\tm\n",
		"firstnames.txt": "Hélène\tf\n",
		"nonnames.txt":   "Selon\n",
		"furniture.txt":  "lire aussi\n",
		"stopwords.txt":  "le\n",
		"orgs.txt":       "Ministère\n",
	}
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys["xx/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestLoadLexiconMinimal(t *testing.T) {
	fsys := validFS()
	fsys["xx/verbs.txt"].Data = []byte("\ufeff# comment\n\nse féliciter : félicite, félicitent\r\nfaire savoir: fait  savoir\n")
	fsys["xx/roles.txt"].Data = []byte("chef  de la  diplomatie\tm\tperson\n")
	fsys["xx/nonnames.txt"].Data = []byte("Aujourd’hui\n")
	fsys["xx/demonyms.txt"].Data = []byte("Côte d’Ivoire: ivoirien, =Cote d'Ivoire\n")
	fsys["xx/honorifics.txt"].Data = []byte("M.\tm\nMe\t-\tchef de la diplomatie\n")
	lx, err := loadLexicon(fsys, "xx")
	require.NoError(t, err)
	assert.Equal(t, "se féliciter", lx.Verbs["félicite"])
	assert.Equal(t, "se féliciter", lx.Verbs["félicitent"])
	assert.Equal(t, "faire savoir", lx.Verbs["fait savoir"])
	assert.Equal(t, 2, lx.VerbMaxWords)
	assert.Equal(t, RoleInfo{Gender: 'm'}, lx.Roles["chef de la diplomatie"])
	assert.Equal(t, 4, lx.RoleMaxWords)
	assert.True(t, lx.NonNames["Aujourd'hui"])
	assert.Equal(t, "Côte d'Ivoire", lx.Demonyms["ivoirien"])
	assert.Equal(t, "Côte d'Ivoire", lx.CountryForms["cote d'ivoire"])
	assert.Equal(t, "Côte d'Ivoire", lx.CountryForms["côte d'ivoire"])
	assert.Equal(t, []string{"d'après", "selon"}, lx.According)
	assert.Equal(t, Gender('f'), lx.FirstNames["helene"])
	assert.Equal(t, "chef de la diplomatie", lx.HonorificRoles["Me"])
}

func TestLoadLexiconDecomposedInput(t *testing.T) {
	fsys := validFS()
	// "é" as e + combining acute: the loader must compose it.
	fsys["xx/verbs.txt"].Data = []byte("de\u0301clarer: de\u0301clare\u0301\n")
	lx, err := loadLexicon(fsys, "xx")
	require.NoError(t, err)
	assert.Equal(t, "déclarer", lx.Verbs["déclaré"])
}

func TestLoadLexiconErrors(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"verb without colon", "verbs.txt", "dire\n", `lang/xx/verbs.txt:1: want "lemma: form`},
		{"verb without forms", "verbs.txt", "# x\ndire:  \n", "lang/xx/verbs.txt:2:"},
		{"verb empty form", "verbs.txt", "dire: dit,,dis\n", `empty form`},
		{"verb form of two lemmas", "verbs.txt", "dire: dit\nprédire: dit\n", `lang/xx/verbs.txt:2: form "dit" is both "dire" and "prédire"`},
		{"role two fields", "roles.txt", "ministre\tm\n", `lang/xx/roles.txt:1: want "form<TAB>gender<TAB>kind"`},
		{"role spaces not tabs", "roles.txt", "ministre m person\n", `lang/xx/roles.txt:1: want "form<TAB>gender<TAB>kind"`},
		{"role bad gender", "roles.txt", "ministre\tx\tperson\n", `gender "x"`},
		{"role bad kind", "roles.txt", "ministre\t-\tpeople\n", `kind "people"`},
		{"role contradiction", "roles.txt", "juge\tm\tperson\njuge\tf\tperson\n", `lang/xx/roles.txt:2: role "juge" contradicts`},
		{"role kind contradiction", "roles.txt", "conseil\tm\tperson\nconseil\tm\torg\n", `role "conseil" contradicts`},
		{"pronoun bad number", "pronouns.txt", "il\tm\tsingular\n", `number "singular"`},
		{"pronoun contradiction", "pronouns.txt", "il\tm\tsg\nil\tf\tsg\n", `lang/xx/pronouns.txt:2: pronoun "il" contradicts`},
		{"honorific contradiction", "honorifics.txt", "Dr\t-\nDr\tf\n", `honorific "Dr" contradicts`},
		{"honorific one field", "honorifics.txt", "M.\n", `lang/xx/honorifics.txt:1: want "form<TAB>gender"`},
		{"honorific role not a role", "honorifics.txt", "Me\t-\tavocat\n", `lang/xx/honorifics.txt:1: honorific "Me": role "avocat" is not in roles.txt`},
		{"honorific four fields", "honorifics.txt", "Me\t-\tministre\tx\n", `want "form<TAB>gender"`},
		{"first name contradiction", "firstnames.txt", "René\tm\nRene\tf\n", `lang/xx/firstnames.txt:2: first name "Rene" contradicts`},
		{"first name bad gender", "firstnames.txt", "Anna\tF\n", `gender "F"`},
		{"demonym without colon", "demonyms.txt", "France français\n", `lang/xx/demonyms.txt:1: want "Country:`},
		{"demonym of two countries", "demonyms.txt", "Congo: congolais\nRDC: congolais\n", `adjective "congolais" is both "Congo" and "RDC"`},
		{"country form of two countries", "demonyms.txt", "Niger: =NE\nNigeria: =NE\n", `country form "ne" is both`},
		{"demonym empty item", "demonyms.txt", "France: français, , française\n", "empty adjective"},
		{"invalid utf-8", "nouns.txt", "d\xe9claration\n", "lang/xx/nouns.txt: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys["xx/"+tt.file].Data = []byte(tt.body)
			_, err := loadLexicon(fsys, "xx")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestLoadLexiconMissing(t *testing.T) {
	fsys := validFS()
	delete(fsys, "xx/orgs.txt")
	_, err := loadLexicon(fsys, "xx")
	require.Error(t, err)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), "lang/xx/orgs.txt")

	for _, code := range []string{"", "zz", "../fr", "fr/..", "."} {
		_, err := LoadLexicon(code)
		assert.Error(t, err, code)
	}
}

// FuzzLoadLexicon feeds arbitrary bytes to every parser: loading may fail,
// but must never panic, and a failure must name the file it came from.
func FuzzLoadLexicon(f *testing.F) {
	f.Add("roles.txt", "ministre\t-\tperson\n")
	f.Add("verbs.txt", "dire: dit, disent\n")
	f.Add("demonyms.txt", "États-Unis: =USA, américain\n")
	f.Add("firstnames.txt", "Hélène\tf\n")
	f.Add("pronouns.txt", "il\tm\tsg\n")
	f.Add("verbs.txt", ":,:\n\t\t\n")
	f.Fuzz(func(t *testing.T, file, body string) {
		fsys := validFS()
		if _, ok := fsys["xx/"+file]; !ok {
			file = "roles.txt"
		}
		fsys["xx/"+file].Data = []byte(body)
		lx, err := loadLexicon(fsys, "xx")
		if err != nil {
			if !strings.Contains(err.Error(), "lang/xx/"+file) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for k := range lx.FirstNames {
			if foldName(k) != k {
				t.Fatalf("first name key %q not folded", k)
			}
		}
	})
}

func ExampleLoadLexicon() {
	lx, err := LoadLexicon("fr")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lx.Verbs["a-t-il"] == "", lx.Verbs["ajouté"], lx.Demonyms["kazakh"], lx.Roles["ministère"].Org)
	// Output: true ajouter Kazakhstan true
}
