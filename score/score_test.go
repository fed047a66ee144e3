package score

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// text100 is a 100-character document text; offsets below point into it.
var text100 = strings.Repeat("abcdefghij", 10)

func parse(t *testing.T, lines ...string) *Corpus {
	t.Helper()
	c, err := Parse([]byte(strings.Join(lines, "\n")), "t.jsonl")
	require.NoError(t, err)
	return c
}

func goldDoc(id string, quotes string) string {
	return `{"id": "` + id + `", "lang": "en", "text": "` + text100 + `", "quotes": [` + quotes + `]}`
}

func evaluate(t *testing.T, gold, pred *Corpus, opts Options) *Report {
	t.Helper()
	r, err := Evaluate(gold, pred, opts)
	require.NoError(t, err)
	return r
}

func TestMatching(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		matched    int
		exact      float64
	}{
		{"overlap of half the longer span matches",
			`{"start": 10, "end": 20, "speaker": null}`, `{"start": 15, "end": 25}`, 1, 0},
		{"less than half does not",
			`{"start": 10, "end": 20, "speaker": null}`, `{"start": 16, "end": 26}`, 0, 0},
		{"half of the longer, not of the shorter",
			`{"start": 10, "end": 14, "speaker": null}`, `{"start": 10, "end": 19}`, 0, 0},
		{"exact span",
			`{"start": 10, "end": 20, "speaker": null}`, `{"start": 10, "end": 20}`, 1, 1},
		{"one prediction for one gold quote",
			`{"start": 10, "end": 20, "speaker": null}`, `{"start": 10, "end": 20}, {"start": 11, "end": 20}`, 1, 1},
		{"largest overlap first",
			`{"start": 0, "end": 10, "speaker": null}, {"start": 6, "end": 16, "speaker": null}`,
			`{"start": 4, "end": 14}, {"start": 0, "end": 9}`, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := evaluate(t, parse(t, goldDoc("d", tt.gold)), parse(t, `{"id": "d", "quotes": [`+tt.pred+`]}`), Options{})
			assert.Equal(t, tt.matched, r.Rows[0].Matched)
			assert.Equal(t, tt.exact, r.Rows[0].ExactSpanShare)
		})
	}
}

func TestMatchTies(t *testing.T) {
	// The prediction overlaps both gold quotes by 5: Python's reverse sort
	// on (overlap, i, j) gives it to the later gold quote.
	gold := parse(t, goldDoc("d", `{"start": 0, "end": 10, "speaker": "A"}, {"start": 10, "end": 20, "speaker": "B"}`))
	pred := parse(t, `{"id": "d", "quotes": [{"start": 5, "end": 15, "speaker": "B"}]}`)
	r := evaluate(t, gold, pred, Options{Errors: 10})
	assert.Equal(t, 1.0, r.Rows[0].SpeakerStrict)
	assert.Equal(t, []string{"MISSED  d: «abcdefghij» (A)"}, r.Errors)
}

func TestInvalidPredictions(t *testing.T) {
	gold := parse(t, goldDoc("d", `{"start": 0, "end": 10, "speaker": null}`))
	pred := parse(t, `{"id": "d", "quotes": [`+strings.Join([]string{
		`{"start": -1, "end": 5}`, `{"start": 5, "end": 5}`, `{"start": 90, "end": 101}`,
		`{"start": 1.0, "end": 5}`, `{"start": "1", "end": 5}`, `{"end": 5}`, `{"start": 0, "end": 1e1}`,
		`{"start": 0, "end": 99999999999999999999999}`,
		`{"start": 0, "end": 10, "text": "wrong"}`,   // counted invalid, still matched
		`{"start": false, "end": true, "text": "a"}`, // bools are ints in Python
		`{"start": 20, "end": 30, "text": "abcdefghij"}`,
	}, ", ")+`]}`)
	r := evaluate(t, gold, pred, Options{})
	assert.Equal(t, 9, r.InvalidPredictions)
	assert.Equal(t, 3, r.Rows[0].Pred)
	assert.Equal(t, 1, r.Rows[0].Matched)
}

func TestMissingDocuments(t *testing.T) {
	gold := parse(t, goldDoc("a", `{"start": 0, "end": 10, "speaker": null}`), goldDoc("b", `{"start": 0, "end": 10, "speaker": null}`))
	pred := parse(t, `{"id": "a", "quotes": [{"start": 0, "end": 10, "speaker": null}]}`, `{"id": "zzz", "quotes": []}`)
	r := evaluate(t, gold, pred, Options{})
	assert.Equal(t, 1, r.MissingDocuments)
	assert.Equal(t, Row{Key: "all", Gold: 2, Pred: 1, Matched: 1, Precision: 1, Recall: 0.5, F1: 0.6667,
		ExactSpanShare: 1, SpeakerStrict: 1, SpeakerLenient: 1, EndToEndF1: 0.6667}, r.Rows[0])
}

func TestSpeakerOK(t *testing.T) {
	tests := []struct {
		name            string
		gold            string // the gold quote's speaker fields
		pred            any
		strict, lenient bool
	}{
		{"same name", `"speaker": "Antony Blinken"`, "Antony Blinken", true, true},
		{"case, accents, spaces", `"speaker": "Kassym-Jomart Tokaïev"`, " kassym-jomart  TOKAIEV ", true, true},
		{"typographic apostrophe and hyphen", `"speaker": "Jean-Marie N’Diaye"`, "Jean‑Marie N'Diaye", true, true},
		{"alias", `"speaker": "Antony Blinken", "speaker_aliases": ["Anthony Blinken"]`, "Anthony Blinken", true, true},
		{"surname is lenient only", `"speaker": "Antony Blinken"`, "Blinken", false, true},
		{"surname of an alias", `"speaker": "Antony Blinken", "speaker_aliases": ["Tony Blinkenn"]`, "Blinkenn", false, true},
		{"hyphenated surname part", `"speaker": "Jean-Yves Le Drian"`, "Le Drian", false, true},
		{"first name is wrong", `"speaker": "Antony Blinken"`, "Antony", false, false},
		{"extra word is wrong", `"speaker": "Antony Blinken"`, "Mr Blinken", false, false},
		{"other person", `"speaker": "Antony Blinken"`, "Kassym-Jomart Tokaïev", false, false},
		{"no prediction for a named speaker", `"speaker": "Antony Blinken"`, nil, false, false},
		{"empty prediction for a named speaker", `"speaker": "Antony Blinken"`, "", false, false},
		{"unnamed: head word and two thirds", `"speaker": "un porte-parole de la police", "speaker_named": false`, "porte-parole de la police", true, true},
		{"unnamed: shorter is fine", `"speaker": "Un porte-parole de la police", "speaker_named": false`, "le porte-parole", true, true},
		{"unnamed: head word missing", `"speaker": "un porte-parole de la police", "speaker_named": false`, "la police", false, false},
		{"unnamed: too many own words", `"speaker": "un porte-parole", "speaker_named": false`, "porte-parole du ministère", false, false},
		{"lowercase gold is a description", `"speaker": "a spokeswoman"`, "the spokeswoman", true, true},
		{"lowercase gold, extra words", `"speaker": "a spokeswoman"`, "spokeswoman for the ministry", false, false},
		{"speaker_named true keeps name rules", `"speaker": "Antony Blinken", "speaker_named": true`, "Blinken", false, true},
		{"null gold, null prediction", `"speaker": null`, nil, true, true},
		{"null gold, blank prediction", `"speaker": null`, "  ", true, true},
		{"null gold, a name", `"speaker": null`, "Blinken", false, false},
		{"missing gold speaker is null", ``, nil, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := decodeJSON([]byte("{" + tt.gold + "}"))
			require.NoError(t, err)
			gold := v.(*object)
			strict, err := speakerOK(tt.pred, gold, false)
			require.NoError(t, err)
			lenient, err := speakerOK(tt.pred, gold, true)
			require.NoError(t, err)
			assert.Equal(t, tt.strict, strict, "strict")
			assert.Equal(t, tt.lenient, lenient, "lenient")
		})
	}
}

func TestSpeakerTypeErrors(t *testing.T) {
	// score.py raises a TypeError here; the port returns an error.
	v, err := decodeJSON([]byte(`{"speaker": "A"}`))
	require.NoError(t, err)
	_, err = speakerOK(json.Number("3"), v.(*object), false)
	assert.EqualError(t, err, "normalize() argument 2 must be str, not int")
	// A false value folds to "" as `s or ""` does.
	ok, err := speakerOK(json.Number("0"), v.(*object), false)
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestOutput(t *testing.T) {
	gold := parse(t,
		goldDoc("d1", `{"start": 0, "end": 10, "speaker": "Antony Blinken"}, {"start": 20, "end": 30, "speaker": "Kassym-Jomart Tokaïev"}`),
		`{"id": 2, "lang": "fr", "text": "« Oui », a-t-il dit.", "quotes": [{"start": 2, "end": 5, "speaker": "Jean Dupont"}]}`)
	pred := parse(t,
		`{"id": "d1", "quotes": [{"start": 0, "end": 10, "speaker": "Blinken"}, {"start": 50, "end": 60, "speaker": null}]}`,
		`{"id": "2", "quotes": [{"start": 2, "end": 5, "speaker": "Jean Dupont"}]}`)
	r := evaluate(t, gold, pred, Options{ByLang: true, Errors: 3})
	var text, js bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	require.NoError(t, r.WriteJSON(&js))
	assert.Equal(t, `all: {'gold': 3, 'pred': 3, 'matched': 2, 'precision': 0.6667, 'recall': 0.6667, 'f1': 0.6667, 'exact_span_share': 1.0, 'speaker_strict': 0.5, 'speaker_lenient': 1.0, 'end_to_end_f1': 0.3333}
en: {'gold': 2, 'pred': 2, 'matched': 1, 'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'exact_span_share': 1.0, 'speaker_strict': 0.0, 'speaker_lenient': 1.0, 'end_to_end_f1': 0.0}
fr: {'gold': 1, 'pred': 1, 'matched': 1, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'exact_span_share': 1.0, 'speaker_strict': 1.0, 'speaker_lenient': 1.0, 'end_to_end_f1': 1.0}
invalid_predictions: 0
documents_missing_from_pred: 0
MISSED  d1: «abcdefghij» (Kassym-Jomart Tokaïev)
SPURIOUS d1: «abcdefghij» (None)
SPEAKER d1: «abcdefghij» gold=Antony Blinken pred=Blinken
`, text.String())
	assert.Equal(t, `{"all": {"gold": 3, "pred": 3, "matched": 2, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "exact_span_share": 1.0, "speaker_strict": 0.5, "speaker_lenient": 1.0, "end_to_end_f1": 0.3333}, "en": {"gold": 2, "pred": 2, "matched": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5, "exact_span_share": 1.0, "speaker_strict": 0.0, "speaker_lenient": 1.0, "end_to_end_f1": 0.0}, "fr": {"gold": 1, "pred": 1, "matched": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0, "exact_span_share": 1.0, "speaker_strict": 1.0, "speaker_lenient": 1.0, "end_to_end_f1": 1.0}, "invalid_predictions": 0, "documents_missing_from_pred": 0}
`, js.String())
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id": 1}` + "\n{", "t.jsonl:2: not JSON: unexpected end of line"},
		{`{"text": "x"}`, "t.jsonl:1: KeyError: 'id'"},
		{`[1]`, "t.jsonl:1: list indices must be integers or slices, not str"},
		{`{"id": 1} {"id": 2}`, "t.jsonl:1: not JSON: extra data at column 11"},
		{"{\"id\": \"\xff\"}", "t.jsonl:1: invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in), "t.jsonl")
		assert.EqualError(t, err, tt.want, tt.in)
	}
}

func TestParseLikePython(t *testing.T) {
	// \r ends a line (universal newlines); a repeated id replaces the first
	// document in its place; ids are compared as str(id).
	c := parse(t, "{\"id\": 1, \"v\": 1}\r{\"id\": \"b\"}\r\n\u00a0\n {\"id\": \"1\", \"v\": 2} \x1c")
	assert.Equal(t, []string{"1", "b"}, c.ids)
	assert.Equal(t, json.Number("2"), c.docs["1"].get("v"))
}

func TestPyRepr(t *testing.T) {
	tests := []struct {
		in   string // JSON
		want string
	}{
		{`null`, "None"}, {`true`, "True"}, {`-0`, "0"}, {`12345678901234567890`, "12345678901234567890"},
		{`1.0`, "1.0"}, {`-0.0`, "-0.0"}, {`1e16`, "1e+16"}, {`1.5e-5`, "1.5e-05"}, {`123456789012345.6`, "123456789012345.6"},
		{`0.0001`, "0.0001"}, {`1e400`, "inf"}, {`0.1`, "0.1"}, {`2.5e2`, "250.0"},
		{`"it's"`, `"it's"`}, {`"say \"hi\""`, `'say "hi"'`}, {`"both ' and \""`, `'both \' and "'`},
		{`"tab\t\u0001\u007f\u00a0\u00e9\u2028\ud83d\ude00"`, `'tab\t\x01\x7f\xa0é\u2028😀'`},
		{`[1, "a", null, {"k": [true]}]`, `[1, 'a', None, {'k': [True]}]`}, {`{}`, "{}"},
	}
	for _, tt := range tests {
		v, err := decodeJSON([]byte(tt.in))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, pyRepr(v), tt.in)
	}
	assert.Equal(t, "abc", pyStr("abc"))
}

func TestRound4(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{2.0 / 3, 0.6667}, {1.0 / 3, 0.3333}, {0.03125, 0.0312}, {0.09375, 0.0938}, {0.00005, 0.0001},
		{0.12345, 0.1235}, // 0.12345 is stored a little above the tie
		{0.00015, 0.0001}, // and this one a little below
		{1, 1}, {0, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, round4(tt.in), "%v", tt.in)
	}
	assert.Equal(t, "0.6667", pyFloatRepr(round4(2.0/3)))
	assert.True(t, math.Signbit(round4(math.Copysign(0, -1))))
}

func TestPyJSONString(t *testing.T) {
	// ensure_ascii=False escapes only quotes, backslashes and C0 controls.
	assert.Equal(t, `"a\"b\\c\n\t\u001f`+"\x7f é\u2028"+`"`, pyJSONString("a\"b\\c\n\t\x1f\x7f é\u2028"))
}
