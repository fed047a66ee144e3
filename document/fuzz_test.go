package document_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/document"
)

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{
		"", "---\n---\n", "---\ntitle: T\ndate: 2024-01-02\nauthors: [a, b]\n---\n\nCorps « cité ».\n",
		"+++\ntitle = 1\n+++\n", "---\ntitle: [\n---\n", "---\na: &x [*x]\n---\n", "\ufeff---\r\nid: 3\r\n---\r\nx",
		"---\ndate: 2024-13-01\n---\n", "---\n- a\n---\n", "---\nx: \xff\n---\n", "a\x00b", "---\ntitle: a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := document.ParseMarkdown("f.md", data)
		if err != nil {
			var pe *document.PosError
			if !errors.As(err, &pe) || pe.Path != "f.md" || pe.Line < 1 {
				t.Fatalf("error without a file position: %v", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) || strings.ContainsRune(d.Text, 0) {
			t.Fatalf("accepted invalid text %q", d.Text)
		}
		// Text is the file from line BodyOffset on.
		lines := bytes.SplitAfter(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\n"))
		if d.BodyOffset < 1 || d.BodyOffset > len(lines)+1 {
			t.Fatalf("BodyOffset %d out of range (%d lines)", d.BodyOffset, len(lines))
		}
		if rest := string(bytes.Join(lines[d.BodyOffset-1:], nil)); rest != d.Text {
			t.Fatalf("Text %q does not start on line %d (%q)", d.Text, d.BodyOffset, rest)
		}
	})
}

func FuzzJSONLReader(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", `{"id": 1, "text": "a"}` + "\n" + `{"id": "b", "text": "« b »", "lang": "fr"}`,
		`{"id": "x", "text": "a"`, `[1]`, `{"id": "a", "text": "b", "date": "2024-01-02", "authors": ["x"], "draft": true, "z": {"k": [1, null]}}`,
		"\ufeff{\"id\": \"a\", \"text\": \"\\u0000\"}\r\n", `{"id": "a", "text": "\ud800"}`, "{\"id\": \"a\", \"text\": \"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := document.NewJSONLReader(bytes.NewReader(data), "f.jsonl")
		lastLine := 0
		maxLines := bytes.Count(data, []byte("\n")) + 1
		for i := 0; ; i++ {
			if i > maxLines {
				t.Fatalf("reader does not terminate")
			}
			d, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var line int
			if err != nil {
				var pe *document.PosError
				if !errors.As(err, &pe) {
					t.Fatalf("line error without position: %v", err)
				}
				line = pe.Line
			} else {
				if d.ID == "" {
					t.Fatalf("document without id on line %d", d.Line)
				}
				line = d.Line
			}
			if line <= lastLine {
				t.Fatalf("line %d after line %d", line, lastLine)
			}
			lastLine = line
		}
	})
}

// FuzzObjectFields: on valid JSON, the one-pass split of an object gives
// what json.Unmarshal into a map of raw values gives, and refuses what is
// not an object.
func FuzzObjectFields(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { } `, `null`, `[1]`, `"s"`, `3`, `{"a":1}`, `{"a": 1, "a": 2}`, "{\t\"a\"\r\n:\n[ 1 , {\"b\" : \"}\"} ] , \"c\":null }",
		`{"\u0069d": "x", "id\"": "y", "t\\": "\\", "q": "\\\"}", "e": "\"\\\\\"", "n": -1.5e3, "t": true, "f": false}`,
		`{"\ud800": {"": [[], {}]}, "x": "\u00e9\/"}`, `{"a":{"b":{"c":[1,2,{"d":"]}"}]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var want map[string]json.RawMessage
		err := json.Unmarshal(data, &want)
		got, ok := document.ObjectFields(data)
		if err != nil || want == nil {
			if ok {
				t.Fatalf("split %q, which json.Unmarshal refuses (%v) or reads as null", data, err)
			}
			return
		}
		if !ok {
			t.Fatalf("refused the object %q", data)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d fields, want %d", data, len(got), len(want))
		}
		for k, v := range want {
			if string(got[k]) != string(v) {
				t.Fatalf("%q: field %q is %q, want %q", data, k, got[k], v)
			}
		}
	})
}

// FuzzValidJSON: the fast check accepts exactly what json.Valid accepts.
func FuzzValidJSON(f *testing.F) {
	for _, s := range []string{
		``, ` `, `{}`, `[]`, `[`, `]`, `{"a":1}`, `{"a":1,}`, `[1,]`, `{"a" 1}`, `{1:2}`, `"\u00e9\/\b"`, `"\x"`, `"\u12g4"`,
		"\"a\tb\"", `-0.5e+10`, `-`, `01`, `1.`, `1e`, `.5`, `tru`, `true false`, `nul`, `[null,true,false,"x",{"y":[{}]}]`,
		`{"id": "a", "text": "« b »", "quotes": [{"start": 0, "end": 3, "speaker": null}]}`, "\xff", `"` + "\xff" + `"`,
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := document.ValidJSON(data), json.Valid(data); got != want {
			t.Fatalf("ValidJSON(%q) = %v, json.Valid says %v", data, got, want)
		}
	})
}
