package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A decoded JSON value as Python's json module gives it: nil (None), bool,
// json.Number (int or float, told apart by its spelling), string, []any
// (list) or *object (dict, keys in insertion order).
type object struct {
	keys []string
	vals map[string]any
}

// set stores a key the way a Python dict does: a repeated key keeps its
// first position and takes the last value.
func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// get is dict.get: nil when the key is absent.
func (o *object) get(k string) any { return o.vals[k] }

func (o *object) has(k string) bool {
	_, ok := o.vals[k]
	return ok
}

// maxDepth bounds nesting, as Python's recursion limit does.
const maxDepth = 1000

// decodeJSON decodes exactly one JSON value, keeping object key order.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errors.New("unexpected end of line")
	}
	if err != nil {
		return nil, err
	}
	if off := dec.InputOffset(); len(bytes.TrimLeft(b[off:], " \t\r\n")) > 0 {
		return nil, fmt.Errorf("extra data at column %d", len(b)-len(bytes.TrimLeft(b[off:], " \t\r\n"))+1)
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("maximum nesting depth exceeded")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	switch d {
	case '{':
		o := &object{vals: map[string]any{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := decodeValue(dec, depth+1)
			if err != nil {
				return nil, err
			}
			o.set(k, v)
		}
		_, err = dec.Token()
		return o, err
	case '[':
		l := []any{}
		for dec.More() {
			v, err := decodeValue(dec, depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err = dec.Token()
		return l, err
	}
	return nil, fmt.Errorf("unexpected %v", d)
}

func isFloatLiteral(n json.Number) bool { return strings.ContainsAny(string(n), ".eE") }

// pyInt returns the value of a Python int (bools are ints too). ok is false
// for anything else; big is true for an int beyond int64, which can never be
// a valid offset.
func pyInt(v any) (n int64, big, ok bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, false, true
		}
		return 0, false, true
	case json.Number:
		if isFloatLiteral(x) {
			return 0, false, false
		}
		i, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			return 0, true, true
		}
		return i, false, true
	}
	return 0, false, false
}

func pyFloat(n json.Number) float64 {
	f, _ := strconv.ParseFloat(string(n), 64) // out of range gives ±Inf, as in Python
	return f
}

// truthy is Python's bool(v).
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case json.Number:
		return pyFloat(x) != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case *object:
		return len(x.keys) > 0
	}
	return true
}

func typeName(v any) string {
	switch x := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case json.Number:
		if isFloatLiteral(x) {
			return "float"
		}
		return "int"
	case string:
		return "str"
	case []any:
		return "list"
	case *object:
		return "dict"
	}
	return fmt.Sprintf("%T", v)
}

// pyStr is Python's str(v).
func pyStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr(v).
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		if isFloatLiteral(x) {
			return pyFloatRepr(pyFloat(x))
		}
		if s := string(x); s != "-0" {
			return s
		}
		return "0"
	case string:
		return pyStrRepr(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *object:
		parts := make([]string, len(x.keys))
		for i, k := range x.keys {
			parts[i] = pyStrRepr(k) + ": " + pyRepr(x.vals[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// pyStrRepr is repr() of a str: single quotes unless the text holds a single
// quote and no double quote; non-printable characters escaped.
func pyStrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pyFloatRepr is Python's repr(float): the shortest digits that round-trip,
// in positional notation unless the exponent is below -4 or above 15.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	mant, exps, _ := strings.Cut(s, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(exps)
	switch {
	case exp < -4 || exp >= 16:
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		return fmt.Sprintf("%s%se%+03d", sign, m, exp)
	case exp >= 0:
		if len(digits) <= exp+1 {
			return sign + digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
		}
		return sign + digits[:exp+1] + "." + digits[exp+1:]
	default:
		return sign + "0." + strings.Repeat("0", -exp-1) + digits
	}
}

// round4 is Python's round(x, 4): the exact binary value rounded to four
// decimals, ties to even, read back as the nearest float. strconv's 'f'
// formatting rounds the exact value the same way.
func round4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}

// pyJSONString is json.dumps(s, ensure_ascii=False).
func pyJSONString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// pyIsSpace is Python's str.isspace for one character: bidirectional class
// WS, B or S, or category Zs.
func pyIsSpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0d, r >= 0x1c && r <= 0x20, r == 0x85, r == 0xa0, r == 0x1680,
		r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// pyFields is str.split() without arguments.
func pyFields(s string) []string { return strings.FieldsFunc(s, pyIsSpace) }

// pyStrip is str.strip() without arguments, on UTF-8 bytes.
func pyStrip(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !pyIsSpace(r) {
			break
		}
		b = b[n:]
	}
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		if !pyIsSpace(r) {
			break
		}
		b = b[:len(b)-n]
	}
	return b
}

// pySlice gives the bounds Python uses for seq[start:end] on a sequence of
// length n: negative indices count from the end, and both are clamped.
func pySlice(n, start, end int64) (lo, hi int64) {
	clamp := func(i int64) int64 {
		if i < 0 {
			i += n
			if i < 0 {
				return 0
			}
		}
		return min(i, n)
	}
	lo, hi = clamp(start), clamp(end)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// dictKey is a hashable Python value used as a dict key: keys that compare
// equal in Python (1, 1.0 and True) share an identity.
type dictKey struct {
	identity string
	value    any // the first value stored under this identity, as Python keeps it
}

func newDictKey(v any) (dictKey, error) {
	switch x := v.(type) {
	case nil:
		return dictKey{"none", nil}, nil
	case string:
		return dictKey{"str:" + x, x}, nil
	case bool:
		if x {
			return dictKey{"num:1", x}, nil
		}
		return dictKey{"num:0", x}, nil
	case json.Number:
		if isFloatLiteral(x) {
			f := pyFloat(x)
			if math.IsInf(f, 0) {
				return dictKey{"num:" + pyFloatRepr(f), x}, nil
			}
			return dictKey{"num:" + new(big.Rat).SetFloat64(f).RatString(), x}, nil
		}
		r, ok := new(big.Rat).SetString(string(x))
		if !ok {
			return dictKey{}, fmt.Errorf("bad number %s", x)
		}
		return dictKey{"num:" + r.RatString(), x}, nil
	}
	return dictKey{}, fmt.Errorf("unhashable type: '%s'", typeName(v))
}

// jsonKey is how json.dumps writes a dict key.
func (k dictKey) jsonKey() string {
	switch x := k.value.(type) {
	case nil:
		return `"null"`
	case bool:
		if x {
			return `"true"`
		}
		return `"false"`
	case json.Number:
		if isFloatLiteral(x) {
			f := pyFloat(x)
			switch {
			case math.IsInf(f, 1):
				return `"Infinity"`
			case math.IsInf(f, -1):
				return `"-Infinity"`
			}
			return `"` + pyFloatRepr(f) + `"`
		}
		return `"` + pyRepr(x) + `"`
	case string:
		return pyJSONString(x)
	}
	return `""`
}
