package corpus

import (
	"encoding/json"
	"testing"
)

// A run's record gives the document's language when the content does not:
// `extract FILE` writes it for the document, `extract --jsonl` per quote.
func TestRecordLang(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`{"id":"a","lang":"fr","quotes":[]}`, "fr"},
		{`{"id":"a","quotes":[{"id":"q","text":"x","lang":"en","speaker_id":null}]}`, "en"},
		{`{"id":"a","quotes":[]}`, ""},
	} {
		var r record
		if err := json.Unmarshal([]byte(c.line), &r); err != nil {
			t.Fatal(err)
		}
		if got := r.lang(); got != c.want {
			t.Errorf("%s: lang %q, want %q", c.line, got, c.want)
		}
	}
}
