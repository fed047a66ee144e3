package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The fast paths of the tokenizer and the lexicon lookups give what the
// plain code they replace gives.

func TestWordTableMatchesMap(t *testing.T) {
	m := map[string]wordInfo{"the": wDefinite, "said": wVerbStart, "été": wVerbStart, "d'après": wAccordingStart, "il": wPronounStart | wStressed}
	tab := newWordTable(m)
	for _, w := range []string{"the", "said", "été", "d'après", "il", "", "th", "them", "ete", "x", "saïd"} {
		assert.Equal(t, m[w], tab.get(w), w)
		assert.Equal(t, m[w], tab.getBytes([]byte(w)), w)
	}
}

func TestAppendLowerMatchesToLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Été", "L’Élysée", "ÀÉÎÕÜ-Ÿ", "İstanbul", "ΣΟΦΙΑ", "aujourd’hui", "O'Neil", "ǅemal"} {
		assert.Equal(t, strings.ToLower(s), string(appendLower(nil, s, false)), s)
		assert.Equal(t, foldApostrophes(strings.ToLower(s)), string(appendLower(nil, s, true)), s)
	}
}

func TestAppendFoldMatchesFoldName(t *testing.T) {
	for _, s := range []string{"abc", "été", "élysée", "łódź", "ørsted", "straße", "l’été", "ǆ", "über", "naïve", "şahin"} {
		b, ok := appendFold(nil, s)
		if ok {
			assert.Equal(t, foldName(s), string(b), s)
		}
	}
}

func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(-1); r < 0x80; r++ {
		want := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		assert.Equal(t, want, isWordRune(r), "%q", r)
	}
}

func TestCopyTextMatchesRunes(t *testing.T) {
	for _, src := range []string{"", "plain « guillemets » ’", "bad \xff byte", "\xe2\x80 cut"} {
		text, boff := indexRunes(src, nil, nil)
		a := &analysis{src: src, text: text, boff: boff}
		for i := 0; i <= len(text); i++ {
			for j := i; j <= len(text); j++ {
				assert.Equal(t, string(text[i:j]), a.copyText(i, j), "%q [%d:%d]", src, i, j)
			}
		}
	}
}
