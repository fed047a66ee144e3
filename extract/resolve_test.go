package extract

import (
	"strings"
	"testing"
)

func TestInOpeningParticipial(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, lang, text, candidate, pronoun string
		want                                 bool
	}{
		{"a name asked about", "en", "Asked what he would tell Mayor John Tory, he said: \"No.\"", "John Tory", "he", true},
		{"a name in a finite clause", "en", "When John Tory arrived, he said: \"No.\"", "John Tory", "he", false},
		{"a name in the sentence before", "en", "John Tory arrived. Asked about it, he said: \"No.\"", "John Tory", "he", false},
		{"french participle", "fr", "Interrogée sur le départ de Sophie Lenoir, elle a répondu : « Non. »", "Sophie Lenoir", "elle", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newAnalysis(ex.langs[c.lang], c.text)
			var cand, pron *mention
			for i := range a.mentions {
				switch m := a.mentions[i].text; {
				case strings.HasSuffix(m, c.candidate):
					cand = &a.mentions[i]
				case m == c.pronoun:
					pron = &a.mentions[i] // the last one
				}
			}
			if cand == nil || pron == nil {
				t.Fatalf("mentions %q and %q not both found", c.candidate, c.pronoun)
			}
			if got := a.inOpeningParticipial(*cand, *pron); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestRoleAtKeepsWrittenAccents(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, word string
		role       bool
	}{
		{"Le tribunal a jugé la faute très grave.", "jugé", false},
		{"Le juge a tranché.", "juge", true},
		{"Le secretaire d'Etat a tranché.", "secretaire", true}, // accents left out are forgiven
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			a := newAnalysis(ex.langs["fr"], c.text)
			for k, tok := range a.toks {
				if tok.text == c.word {
					if _, _, n := a.roleAt(k); (n > 0) != c.role {
						t.Fatalf("roleAt(%q) took %d words, want a role: %v", c.word, n, c.role)
					}
					return
				}
			}
			t.Fatalf("%q not found", c.word)
		})
	}
}
