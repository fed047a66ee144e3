package corpus

import (
	"bytes"
	"encoding/json"
)

// EncodeLine is one compact JSON line, HTML characters as they are (the
// output is data, not a web page): the encoding of every JSON Lines output,
// `verbatim extract --jsonl` and verbatim-beam alike, so that their lines
// compare byte for byte.
func EncodeLine(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
