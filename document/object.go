package document

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// objectFields splits a JSON object into its members, as json.Unmarshal
// into a map[string]json.RawMessage does (the last of two equal keys
// wins), but in one light pass over bytes already known to be valid JSON:
// the decoder's second scan of the whole line, and its copy of every value,
// were a large part of reading a line. The values alias b. It returns
// false when b is not an object, for the caller to report as the decoder
// does.
func objectFields(b []byte) (map[string]json.RawMessage, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	fields := make(map[string]json.RawMessage, 8)
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return fields, true
	}
	for i < len(b) && b[i] == '"' {
		end := stringEnd(b, i)
		key, ok := unquoteKey(b[i:end])
		if !ok {
			return nil, false
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		vend := valueEnd(b, i)
		fields[key] = json.RawMessage(b[i:vend:vend])
		i = skipSpace(b, vend)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			return fields, true
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
	return nil, false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd is the index just past the JSON string that starts at b[i].
func stringEnd(b []byte, i int) int {
	i++
	for {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			return len(b)
		}
		i += j
		// A quotation mark after an odd run of backslashes is escaped.
		n := 0
		for k := i - 1; k >= 0 && b[k] == '\\'; k-- {
			n++
		}
		i++
		if n%2 == 0 {
			return i
		}
	}
}

// valueEnd is the index just past the JSON value that starts at b[i].
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = stringEnd(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// unquoteKey decodes a member name; one with an escape or invalid UTF-8
// goes through the decoder, for its handling of \u, surrogates and bad
// bytes.
func unquoteKey(raw []byte) (string, bool) {
	if len(raw) < 2 {
		return "", false
	}
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	var key string
	return key, json.Unmarshal(raw, &key) == nil
}
