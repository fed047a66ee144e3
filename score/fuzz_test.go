package score

import (
	"io"
	"testing"
)

// FuzzEvaluate feeds arbitrary gold and prediction files to the parser and
// the scorer: they may refuse the input, but never panic.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte(`{"id": "a", "lang": "fr", "text": "« Oui », dit-il.", "quotes": [{"start": 2, "end": 5, "speaker": "Jean", "speaker_aliases": ["J"]}]}`),
		[]byte(`{"id": "a", "quotes": [{"start": 2, "end": 5, "speaker": "jean", "text": "Oui"}]}`))
	f.Add([]byte(`{"id": 1, "lang": null, "text": "abcdef", "quotes": [{"start": -3, "end": 99, "speaker": "a b", "speaker_named": false}]}`+"\r"+`{"id": 1.5, "text": ""}`),
		[]byte(`{"id": "1", "quotes": [{"start": true, "end": 3, "speaker": [1]}, {"start": 0, "end": 1e3}]}`))
	f.Add([]byte(`{"id": "x", "text": "t", "quotes": {"a": 1}}`), []byte(`[1, 2]`))
	f.Fuzz(func(t *testing.T, goldData, predData []byte) {
		gold, err := Parse(goldData, "gold")
		if err != nil {
			return
		}
		pred, err := Parse(predData, "pred")
		if err != nil {
			return
		}
		_, _ = gold.Docs()
		r, err := Evaluate(gold, pred, Options{ByLang: true, Errors: 5})
		if err != nil {
			return
		}
		if err := r.WriteText(io.Discard); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteJSON(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}
