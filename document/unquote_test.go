package document

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnquoteTextMatchesUnmarshal(t *testing.T) {
	for _, raw := range []string{
		`""`, `"plain"`, `"é « guillemets » ’"`, `"a\nb\r\nc\td\"e\\f\/g\bh\fi"`,
		`"\u00e9t\u00e9"`, `"\ud83d\ude00 emoji"`, `"lone \ud83d surrogate"`, `"ends with \\"`, `"\\"`,
		`"\"quoted\""`, `"x\u2028y"`,
	} {
		var want, got string
		wantOK := json.Unmarshal([]byte(raw), &want) == nil
		gotOK := unquoteText([]byte(raw), &got)
		assert.Equal(t, wantOK, gotOK, raw)
		assert.Equal(t, want, got, raw)
	}
}

// FuzzUnquoteText: any JSON string decodes as json.Unmarshal decodes it.
func FuzzUnquoteText(f *testing.F) {
	f.Add("a\nb \"c\" \\ é \u2028")
	f.Fuzz(func(t *testing.T, s string) {
		for _, raw := range [][]byte{mustMarshal(s), []byte(`"` + s + `"`)} {
			if !json.Valid(raw) {
				continue
			}
			var want, got string
			wantOK := json.Unmarshal(raw, &want) == nil
			if gotOK := unquoteText(raw, &got); gotOK != wantOK || got != want {
				t.Fatalf("%q: got %q %v, want %q %v", raw, got, gotOK, want, wantOK)
			}
		}
	})
}

func mustMarshal(s string) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return b
}
