package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/internal/shared"
)

// flagSets are the score.py command lines compared.
var flagSets = [][]string{
	{},
	{"--by-lang", "--errors", "40"},
	{"--json", "--by-lang", "--errors", "50"},
	{"--errors", "3"},
}

// compare runs score.py and the port on the same files and requires the
// same bytes on stdout.
func compare(t *testing.T, goldPath, predPath string) {
	t.Helper()
	gold, err := Load(goldPath)
	require.NoError(t, err)
	pred, err := Load(predPath)
	require.NoError(t, err)
	for _, flags := range flagSets {
		want := shared.ScorePy(t, goldPath, predPath, flags...)

		opts := Options{ByLang: contains(flags, "--by-lang")}
		for i, f := range flags {
			if f == "--errors" {
				fmt.Sscan(flags[i+1], &opts.Errors)
			}
		}
		r, err := Evaluate(gold, pred, opts)
		require.NoError(t, err)
		var got bytes.Buffer
		if contains(flags, "--json") {
			require.NoError(t, r.WriteJSON(&got))
		} else {
			require.NoError(t, r.WriteText(&got))
		}
		require.Equal(t, string(want), got.String(), "flags %v", flags)
	}
}

type goldQuote struct {
	Start, End int
	Speaker    *string
	Aliases    []string `json:"speaker_aliases"`
}

type goldDocJSON struct {
	ID     string
	Text   string
	Quotes []goldQuote
}

type predQuoteJSON struct {
	Start   any    `json:"start"`
	End     any    `json:"end"`
	Text    string `json:"text,omitempty"`
	Speaker any    `json:"speaker"`
}

// synthesize makes predictions from gold quotes the way an imperfect
// extractor would: dropped, shifted, trimmed, split and spurious spans,
// right, partial and wrong speakers, a few invalid offsets and documents.
func synthesize(t *testing.T, goldPath string) []byte {
	t.Helper()
	data, err := os.ReadFile(goldPath)
	require.NoError(t, err)
	h := fnv.New64a()
	h.Write([]byte(filepath.Base(goldPath)))
	rng := rand.New(rand.NewPCG(h.Sum64(), 7))
	var docs []goldDocJSON
	var names []string
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var d goldDocJSON
		require.NoError(t, json.Unmarshal(line, &d))
		docs = append(docs, d)
		for _, q := range d.Quotes {
			if q.Speaker != nil {
				names = append(names, *q.Speaker)
			}
		}
	}
	names = append(names, "he", "a spokeswoman", "le porte-parole", "")
	var out bytes.Buffer
	for _, d := range docs {
		if rng.IntN(20) == 0 {
			continue // missing from the predictions
		}
		runes := []rune(d.Text)
		n := len(runes)
		var pq []predQuoteJSON
		add := func(s, e int, speaker any) {
			q := predQuoteJSON{Start: s, End: e, Speaker: speaker}
			if rng.IntN(3) == 0 && 0 <= s && s < e && e <= n {
				q.Text = string(runes[s:e])
				if rng.IntN(10) == 0 {
					q.Text += "x"
				}
			}
			pq = append(pq, q)
		}
		for _, g := range d.Quotes {
			speaker := pickSpeaker(rng, g, names)
			s, e := g.Start, g.End
			switch r := rng.IntN(100); {
			case r < 15:
				continue
			case r < 50:
			case r < 80:
				s, e = s+rng.IntN(11)-5, e+rng.IntN(11)-5
			case r < 90:
				mid := (s + e) / 2
				add(s, mid, speaker)
				s = mid
			default:
				s -= rng.IntN(40)
			}
			add(max(s, 0), min(e, n), speaker)
		}
		for range rng.IntN(3) {
			if n > 1 {
				s := rng.IntN(n - 1)
				add(s, min(n, s+1+rng.IntN(120)), names[rng.IntN(len(names))])
			}
		}
		if rng.IntN(8) == 0 {
			pq = append(pq, predQuoteJSON{Start: -3, End: 4}, predQuoteJSON{Start: 5, End: 5},
				predQuoteJSON{Start: 0, End: n + 1}, predQuoteJSON{Start: 1.5, End: 9}, predQuoteJSON{Start: "0", End: 2})
		}
		if rng.IntN(4) == 0 {
			rng.Shuffle(len(pq), func(i, j int) { pq[i], pq[j] = pq[j], pq[i] })
		}
		b, err := json.Marshal(map[string]any{"id": d.ID, "quotes": pq})
		require.NoError(t, err)
		out.Write(b)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func pickSpeaker(rng *rand.Rand, g goldQuote, names []string) any {
	if g.Speaker == nil {
		return []any{nil, nil, "", "he"}[rng.IntN(4)]
	}
	name := *g.Speaker
	words := strings.Fields(name)
	switch rng.IntN(12) {
	case 0:
		return nil
	case 1:
		return words[len(words)-1] // surname
	case 2:
		return words[0]
	case 3:
		return strings.ToUpper(name)
	case 4:
		if len(g.Aliases) > 0 {
			return g.Aliases[rng.IntN(len(g.Aliases))]
		}
		return name
	case 5:
		return names[rng.IntN(len(names))]
	case 6:
		return "M. " + name
	case 7:
		return strings.Join(words[rng.IntN(len(words)):], " ")
	}
	return name
}

func TestAgreementWithScorePy(t *testing.T) {
	dir := t.TempDir()
	for _, gold := range shared.EvalCorpora(t) {
		t.Run(filepath.Base(gold), func(t *testing.T) {
			pred := filepath.Join(dir, filepath.Base(gold))
			require.NoError(t, os.WriteFile(pred, synthesize(t, gold), 0o644))
			compare(t, gold, pred)
		})
	}
}

// TestAgreementOddInputs feeds both scorers the inputs where Python's
// semantics are easy to get wrong: non-string ids and languages that
// collide as dict keys, repeated ids, bools as offsets, reprs of odd
// speakers.
func TestAgreementOddInputs(t *testing.T) {
	text := `« Nous restons prudents », a déclaré la ministre Claire Dubois. "It's fine," he said.`
	q := func(start, end int, speaker string, extra string) string {
		return fmt.Sprintf(`{"start": %d, "end": %d, "speaker": %s%s}`, start, end, speaker, extra)
	}
	gold := []string{
		`{"id": 1, "lang": null, "text": "` + strings.ReplaceAll(text, `"`, `\"`) + `", "quotes": [` +
			q(2, 23, `"Claire Dubois"`, `, "speaker_aliases": "Dubois"`) + `, ` + q(64, 73, `"Jean O'Brien"`, "") + `]}`,
		`{"id": 2.5, "lang": 1, "text": "abcdefghijklmnopqrstuvwxyz", "quotes": [` + q(0, 10, `"a \"quoted\" spokesman"`, "") + `, ` + q(12, 20, `null`, "") + `]}`,
		`{"id": true, "lang": true, "text": "abcdefghijklmnopqrstuvwxyz", "quotes": [` + q(0, 10, `"Ana"`, `, "speaker_named": false`) + `]}`,
		`{"id": "dup", "lang": "all", "text": "abcdefghij", "quotes": [` + q(0, 5, `"X"`, "") + `]}`,
		`{"id": "inv", "lang": "invalid_predictions", "text": "abcdefghij", "quotes": [` + q(0, 5, `"Y"`, "") + `]}`,
		`{"id": "dup", "lang": 1.0, "text": "abcdefghijklmnopqrstuvwxyz", "quotes": [` + q(3, 9, `"Zoé Ö"`, "") + `]}`,
		`{"id": "nolang", "text": "abc\tdef\u2028ghi", "quotes": [` + q(0, 11, `"Tab\tName"`, "") + `], "extra": [1, {"a": null}]}`,
		`{"id": "allx", "lang": "all", "text": "abcdefghij", "quotes": [` + q(0, 5, `"X"`, "") + `]}`,
		`{"id": "neg", "lang": "de", "text": "abcdefghij", "quotes": [` + q(-4, -1, `"Neg"`, "") + `]}`,
	}
	pred := []string{
		`{"id": "1", "quotes": [{"start": 2, "end": 23, "speaker": "Dubois"}, {"start": 64, "end": 72, "speaker": "jean o’brien"}, {"start": 30, "end": 40, "speaker": [1, "a'b", {"k": 2.50}]}]}`,
		`{"id": "2.5", "quotes": [{"start": true, "end": 10, "speaker": "spokesman"}, {"start": 12, "end": 20, "speaker": 0}, {"start": 15, "end": 25, "speaker": false}]}`,
		`{"id": "True", "quotes": [{"start": 0, "end": 10, "speaker": "Ana", "text": null}]}`,
		`{"id": "dup", "quotes": [{"start": 3, "end": 9, "speaker": "zoe o"}, {"start": 0, "end": 3, "speaker": 1e100}]}`,
		`{"id": "inv", "quotes": [{"start": 0, "end": 5, "speaker": "Y"}]}`,
		`{"id": "allx", "quotes": [{"start": 0, "end": 5, "speaker": "x"}]}`,
		`{"id": "dup", "quotes": [{"start": 3, "end": 9, "speaker": "ZOE Ö", "text": "defghi"}, {"start": 1, "end": 2, "speaker": "\u0001\u007f\u00a0"}]}`,
		`{"id": "nolang", "quotes": [{"start": 0, "end": 11, "speaker": "tab name"}, {"start": 0, "end": 1, "speaker": -0.0}]}`,
	}
	dir := t.TempDir()
	goldPath, predPath := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
	require.NoError(t, os.WriteFile(goldPath, []byte(strings.Join(gold, "\n")+"\n"), 0o644))
	require.NoError(t, os.WriteFile(predPath, []byte(strings.Join(pred, "\r\n")), 0o644))
	compare(t, goldPath, predPath)
}
