package document

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/webpage"
)

// JSONLReader streams Documents from JSON Lines, one JSON object per line:
// {"id": ..., "text": ..., "lang"?, "title"?, ...}. Lines may be of any
// length. A bad line gives an error naming path:line and the reader can go
// on with the next one; blank lines are skipped.
type JSONLReader struct {
	br     *bufio.Reader
	path   string
	line   int   // number of the last line read
	offset int64 // byte offset of the next line
	buf    []byte
	err    error // sticky read error
	max    int64 // the longest line kept, MaxBytes but in tests
}

// NewJSONLReader reads JSON Lines from r; path names the input in errors.
func NewJSONLReader(r io.Reader, path string) *JSONLReader {
	return &JSONLReader{br: bufio.NewReaderSize(r, 1<<20), path: path, max: MaxBytes}
}

// Line is one raw, non-blank line of a JSON Lines input, without its line
// ending.
type Line struct {
	Path   string
	Number int   // 1-based line number
	Offset int64 // byte offset of the line in the input
	Bytes  []byte
	// tooLong is the cap a line passed, with Bytes empty: its bytes were
	// skipped, and ParseJSONLine reports it. 0 for a line within it.
	tooLong int64
}

// NextLine returns the next non-blank line, in a buffer of its own, or
// io.EOF at the end. It lets a pipeline read serially and parse in
// parallel with ParseJSONLine.
func (r *JSONLReader) NextLine() (Line, error) {
	l, err := r.next()
	if err != nil {
		return Line{}, err
	}
	l.Bytes = bytes.Clone(l.Bytes)
	return l, nil
}

// Next returns the next document, or io.EOF at the end. After an error that
// names a line, calling Next again goes on with the following line; a read
// error is returned again on every call.
func (r *JSONLReader) Next() (Document, error) {
	l, err := r.next()
	if err != nil {
		return Document{}, err
	}
	return ParseJSONLine(l)
}

// next reads the next non-blank line into r.buf, accumulating ReadSlice
// chunks so no line is too long.
func (r *JSONLReader) next() (Line, error) {
	for {
		if r.err != nil {
			return Line{}, r.err
		}
		r.buf = r.buf[:0]
		var err error
		var size int64
		tooLong := false
		for {
			var chunk []byte
			chunk, err = r.br.ReadSlice('\n')
			size += int64(len(chunk))
			// Past the cap the rest of the line is read and dropped, so
			// that memory stays bounded and the next line can follow.
			if !tooLong && int64(len(r.buf)+len(chunk)) > r.max {
				tooLong, r.buf = true, r.buf[:0]
			}
			if !tooLong {
				r.buf = append(r.buf, chunk...)
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			r.err = fmt.Errorf("read %s: %w", r.path, err)
			return Line{}, r.err
		}
		if err != nil && size == 0 {
			r.err = io.EOF
			return Line{}, io.EOF
		}
		r.line++
		l := Line{Path: r.path, Number: r.line, Offset: r.offset, Bytes: r.buf}
		r.offset += size
		if tooLong {
			l.Bytes, l.tooLong = nil, r.max
			return l, nil
		}
		if l.Number == 1 && bytes.HasPrefix(l.Bytes, bom) {
			l.Bytes, l.Offset = l.Bytes[len(bom):], l.Offset+int64(len(bom))
		}
		l.Bytes = bytes.TrimSuffix(bytes.TrimSuffix(l.Bytes, []byte{'\n'}), []byte{'\r'})
		if len(bytes.TrimSpace(l.Bytes)) == 0 {
			continue
		}
		return l, nil
	}
}

// ParseJSONLine decodes one JSON Lines document. The fields id (string or
// number) and text are required; title, lang, source_url, outlet, slug,
// date, authors and draft fill the Document; the others go to Params.
func ParseJSONLine(l Line) (Document, error) {
	return LineOptions{}.Parse(l)
}

// LineOptions says how much of a JSON Lines document to decode.
type LineOptions struct {
	// SkipParams leaves the fields that are not the Document's own
	// undecoded, and Params nil: the extractor reads none of them, and
	// in an annotated corpus the gold quotes are much of every line.
	// The line must still be one valid JSON object.
	SkipParams bool
}

// Parse is ParseJSONLine with these options.
func (o LineOptions) Parse(l Line) (Document, error) {
	if l.tooLong > 0 {
		return Document{}, &PosError{Path: l.Path, Line: l.Number, Offset: l.Offset,
			Err: fmt.Errorf("%w: the line is more than %s", ErrTooLarge, webpage.FormatBytes(l.tooLong))}
	}
	if err := checkText(l.Path, l.Bytes, l.Number, l.Offset); err != nil {
		return Document{}, err
	}
	lineErr := func(err error) error {
		return &PosError{Path: l.Path, Line: l.Number, Offset: -1, Err: err}
	}
	fields, ok := map[string]json.RawMessage(nil), false
	if validJSON(l.Bytes) {
		fields, ok = objectFields(l.Bytes)
	}
	// Anything but an object (null, an array, invalid JSON) goes through
	// the decoder, for its error.
	if !ok {
		if err := json.Unmarshal(l.Bytes, &fields); err != nil {
			var syn *json.SyntaxError
			var typ *json.UnmarshalTypeError
			switch {
			case errors.As(err, &syn):
				i := max(int(syn.Offset)-1, 0)
				_, col := position(l.Bytes, i)
				return Document{}, &PosError{Path: l.Path, Line: l.Number, Column: col, Offset: -1,
					Err: fmt.Errorf("invalid JSON: %w", err)}
			case errors.As(err, &typ):
				return Document{}, lineErr(fmt.Errorf("want one JSON object per line, got %s", typ.Value))
			}
			return Document{}, lineErr(fmt.Errorf("invalid JSON: %w", err))
		}
	}
	if fields == nil {
		return Document{}, lineErr(errors.New("want one JSON object per line, got null"))
	}
	d := Document{Path: l.Path, Line: l.Number, Format: "jsonl"}
	id, ok := fields["id"]
	if !ok {
		return Document{}, lineErr(errors.New(`missing "id"`))
	}
	var err error
	if d.ID, err = jsonID(id); err != nil {
		return Document{}, lineErr(err)
	}
	text, ok := fields["text"]
	if !ok {
		return Document{}, lineErr(fmt.Errorf(`document %q: missing "text"`, d.ID))
	}
	if !isJSONString(text) || !unquoteText(text, &d.Text) {
		return Document{}, lineErr(fmt.Errorf(`document %q: "text" must be a string`, d.ID))
	}
	// Sorted keys, so that a line with two bad fields always reports the same.
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		raw := fields[key]
		var err error
		switch key {
		case "id", "text":
		case "title":
			err = jsonString(raw, key, &d.Title)
		case "lang":
			err = jsonString(raw, key, &d.Lang)
		case "source_url":
			err = jsonString(raw, key, &d.SourceURL)
		case "outlet":
			err = jsonString(raw, key, &d.Outlet)
		case "slug":
			err = jsonString(raw, key, &d.Slug)
		case "date":
			var s string
			if err = jsonString(raw, key, &s); err == nil {
				d.Date, err = ParseDate(s)
			}
		case "authors":
			d.Authors, err = jsonStrings(raw)
		case "draft":
			if string(raw) != "null" && json.Unmarshal(raw, &d.Draft) != nil {
				err = errors.New(`"draft" must be true or false`)
			}
		default:
			if o.SkipParams {
				continue
			}
			var v any
			if err = json.Unmarshal(raw, &v); err == nil {
				if d.Params == nil {
					d.Params = map[string]any{}
				}
				d.Params[key] = v
			}
		}
		if err != nil {
			return Document{}, lineErr(fmt.Errorf("document %q: %w", d.ID, err))
		}
	}
	return d, nil
}

func isJSONString(raw []byte) bool { return len(raw) > 0 && raw[0] == '"' }

// unquoteText decodes the JSON string raw into dst, as json.Unmarshal does,
// without its second validation pass over the whole string: a document's
// text is most of its line. raw comes from a line already parsed; the rare
// \u escape, invalid UTF-8 (which json.Unmarshal replaces) and anything
// unexpected are left to json.Unmarshal.
func unquoteText(raw []byte, dst *string) bool {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || !utf8.Valid(raw) {
		return json.Unmarshal(raw, dst) == nil
	}
	body := raw[1 : len(raw)-1]
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		*dst = string(body)
		return true
	}
	out := make([]byte, 0, len(body))
	for {
		out = append(out, body[:i]...)
		if i+1 >= len(body) {
			return json.Unmarshal(raw, dst) == nil
		}
		switch c := body[i+1]; c {
		case '"', '\\', '/':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default: // \uXXXX: surrogates and all
			return json.Unmarshal(raw, dst) == nil
		}
		body = body[i+2:]
		if i = bytes.IndexByte(body, '\\'); i < 0 {
			*dst = string(append(out, body...))
			return true
		}
	}
}

// jsonID reads an id given as a string or a number; a number keeps its
// literal spelling.
func jsonID(raw json.RawMessage) (string, error) {
	var id string
	switch {
	case isJSONString(raw):
		if err := json.Unmarshal(raw, &id); err != nil {
			return "", fmt.Errorf(`"id": %w`, err)
		}
	case len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
		id = string(raw)
	default:
		return "", fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
	}
	if id == "" {
		return "", errors.New(`"id" is empty`)
	}
	return id, nil
}

func jsonString(raw json.RawMessage, key string, dst *string) error {
	if string(raw) == "null" {
		return nil
	}
	if !isJSONString(raw) || json.Unmarshal(raw, dst) != nil {
		return fmt.Errorf("%q must be a string", key)
	}
	return nil
}

func jsonStrings(raw json.RawMessage) ([]string, error) {
	var one string
	if err := jsonString(raw, "authors", &one); err == nil {
		if one == "" {
			return nil, nil
		}
		return []string{one}, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, errors.New(`"authors" must be a name or a list of names`)
	}
	return list, nil
}
