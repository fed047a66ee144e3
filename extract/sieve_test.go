package extract

import (
	"testing"
)

// sieveCase is one sentence for one sieve: the first quote of text, and
// what the sieve should find for it (want "" when it finds nothing).
type sieveCase struct {
	name, lang, text string
	wantCue          string // the cue words as written
	wantMention      string // the mention the cue names, "" for none
}

// runCueSieve runs sv alone on the first quote of each case.
func runCueSieve(t *testing.T, sv cueSieve, cases []sieveCase) {
	t.Helper()
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newAnalysis(ex.langs[c.lang], c.text)
			qi := -1
			for k, tok := range a.toks {
				if tok.kind == tokQuote && !a.paras[tok.para].skip {
					qi = k
					break
				}
			}
			if qi < 0 {
				t.Fatalf("no quote in %q", c.text)
			}
			got, ok := sv.find(a, qi, a.sents[a.toks[qi].sent])
			if c.wantCue == "" {
				if ok {
					t.Fatalf("found cue %q, want none", a.str(a.toks[got.from].start, a.toks[got.to-1].end))
				}
				return
			}
			if !ok {
				t.Fatalf("no cue, want %q", c.wantCue)
			}
			if cue := a.str(a.toks[got.from].start, a.toks[got.to-1].end); cue != c.wantCue {
				t.Errorf("cue %q, want %q", cue, c.wantCue)
			}
			mention := ""
			switch {
			case got.inverted != nil:
				mention = got.inverted.text
			case got.mention >= 0:
				mention = a.mentions[got.mention].text
			case got.group != "":
				mention = got.group
			}
			if mention != c.wantMention {
				t.Errorf("mention %q, want %q", mention, c.wantMention)
			}
		})
	}
}

// Every sieve of the ordered lists has its own table in its own test file;
// this test keeps the lists and the Sieve names in step.
func TestSieveOrder(t *testing.T) {
	if len(cueSieves) != 6 || len(contextSieves) != 3 {
		t.Fatalf("a sieve was added or removed: give it a test table and update this count")
	}
}
