package document_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
)

// readAll collects documents and line errors the way --keep-going does.
func readAll(t *testing.T, in string) ([]document.Document, []string) {
	t.Helper()
	r := document.NewJSONLReader(strings.NewReader(in), "in.jsonl")
	var docs []document.Document
	var errs []string
	for {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return docs, errs
		}
		if err != nil {
			var pe *document.PosError
			require.True(t, errors.As(err, &pe), "line errors carry a position: %v", err)
			errs = append(errs, err.Error())
			continue
		}
		docs = append(docs, d)
	}
}

func TestJSONLReader(t *testing.T) {
	in := "\ufeff" + `{"id": "a", "text": "« Bonjour »", "lang": "fr", "title": "T", "date": "2024-03-01", "authors": "Marie", "draft": false, "source_url": "https://e.org", "outlet": "O", "slug": "s", "quotes": [{"start": 0}]}` + "\r\n" +
		"\n   \n" +
		`{"id": 7, "text": "", "lang": null, "authors": ["A", "B"]}` + "\n" +
		`{"id": -1.5e3, "text": "x"}` // no final newline
	docs, errs := readAll(t, in)
	require.Empty(t, errs)
	require.Len(t, docs, 3)
	assert.Equal(t, document.Document{
		ID: "a", Path: "in.jsonl", Line: 1, Format: "jsonl", Title: "T", Lang: "fr", SourceURL: "https://e.org",
		Outlet: "O", Slug: "s", Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Authors: []string{"Marie"},
		Text: "« Bonjour »", Params: map[string]any{"quotes": []any{map[string]any{"start": float64(0)}}},
	}, docs[0])
	assert.Equal(t, "7", docs[1].ID)
	assert.Equal(t, 4, docs[1].Line, "blank lines are counted")
	assert.Equal(t, []string{"A", "B"}, docs[1].Authors)
	assert.Equal(t, "-1.5e3", docs[2].ID, "a numeric id keeps its spelling")
	assert.Equal(t, 5, docs[2].Line)
}

func TestJSONLBadLines(t *testing.T) {
	lines := []string{
		`{"id": "ok1", "text": "a"}`,
		`{"id": "x", "text": "a"`,
		`{"text": "no id"}`,
		`{"id": null, "text": "a"}`,
		`{"id": "", "text": "a"}`,
		`{"id": "t", "text": 3}`,
		`{"id": "m"}`,
		`["not", "an", "object"]`,
		`null`,
		`{"id": "l", "text": "a", "lang": 3}`,
		`{"id": "d", "text": "a", "date": "hier"}`,
		`{"id": "u", "text": "caf` + "\xe9" + `"}`,
		`{"id": "n", "text": "a` + "\x00" + `"}`,
		`{"id": "dr", "text": "a", "draft": "yes"}`,
		`{"id": "au", "text": "a", "authors": [1]}`,
		`{"id": "ok2", "text": "b"} trailing`,
		`{"id": "ok3", "text": "c"}`,
	}
	docs, errs := readAll(t, strings.Join(lines, "\n")+"\n")
	require.Len(t, docs, 2)
	assert.Equal(t, "ok1", docs[0].ID)
	assert.Equal(t, "ok3", docs[1].ID)
	assert.Equal(t, 17, docs[1].Line, "the reader goes on after bad lines")
	assert.Equal(t, []string{
		`in.jsonl:2:23: invalid JSON: unexpected end of JSON input`,
		`in.jsonl:3: missing "id"`,
		`in.jsonl:4: "id" must be a string or a number, not null`,
		`in.jsonl:5: "id" is empty`,
		`in.jsonl:6: document "t": "text" must be a string`,
		`in.jsonl:7: document "m": missing "text"`,
		`in.jsonl:8: want one JSON object per line, got array`,
		`in.jsonl:9: want one JSON object per line, got null`,
		`in.jsonl:10: document "l": "lang" must be a string`,
		`in.jsonl:11: document "d": invalid date "hier" (want 2006-01-02 or RFC 3339 such as 2006-01-02T15:04:05Z)`,
		`in.jsonl:12:25: invalid UTF-8: byte 0xe9 (the file looks like Latin-1 (ISO-8859-1 or Windows-1252): convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8) (byte offset 284)`,
		`in.jsonl:13:23: binary file (byte offset 310)`,
		`in.jsonl:14: document "dr": "draft" must be true or false`,
		`in.jsonl:15: document "au": "authors" must be a name or a list of names`,
		`in.jsonl:16:28: invalid JSON: invalid character 't' after top-level value`,
	}, errs)
}

// TestJSONLSkipParams: leaving the other fields undecoded changes nothing
// but Params, whether the line is good or bad.
func TestJSONLSkipParams(t *testing.T) {
	lines := []string{
		`{"id": "a", "text": "« Bonjour »", "lang": "fr", "title": "T", "date": "2024-03-01", "quotes": [{"start": 0}], "meta": {"x": null}}`,
		`{"id": "b", "text": "a", "other_speech": [], "lang": 3}`,
		`{"id": "c", "text": "a", "quotes": [1, 2}`,
		`{"id": "d", "quotes": []}`,
		`{"text": "a", "zz": 1}`,
		`{"id": "e", "text": "a", "draft": "yes", "aa": true}`,
		`{"id": "f", "text": "caf` + "\xe9" + `", "quotes": []}`,
	}
	r := document.NewJSONLReader(strings.NewReader(strings.Join(lines, "\n")), "in.jsonl")
	for {
		l, err := r.NextLine()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		full, ferr := document.ParseJSONLine(l)
		lean, lerr := document.LineOptions{SkipParams: true}.Parse(l)
		assert.Equal(t, fmt.Sprint(ferr), fmt.Sprint(lerr), "line %d", l.Number)
		assert.Nil(t, lean.Params, "line %d", l.Number)
		full.Params = nil
		assert.Equal(t, full, lean, "line %d", l.Number)
	}

	// A field nobody reads can no longer fail the line: a number beyond
	// float64 is an error only when Params holds it.
	l, err := document.NewJSONLReader(strings.NewReader(`{"id": "g", "text": "a", "n": 1e400}`), "in.jsonl").NextLine()
	require.NoError(t, err)
	_, err = document.ParseJSONLine(l)
	require.Error(t, err)
	d, err := document.LineOptions{SkipParams: true}.Parse(l)
	require.NoError(t, err)
	assert.Equal(t, "a", d.Text)
}

func TestJSONLHugeLine(t *testing.T) {
	// Far beyond bufio.Scanner's 64 KB default and the reader's 1 MB buffer.
	text := strings.Repeat("« Une citation très longue » ", 120_000)
	in := `{"id": "big", "text": "` + text + `"}` + "\n" + `{"id": "next", "text": "x"}`
	docs, errs := readAll(t, in)
	require.Empty(t, errs)
	require.Len(t, docs, 2)
	assert.Equal(t, text, docs[0].Text)
	assert.Equal(t, "next", docs[1].ID)
	assert.Equal(t, 2, docs[1].Line)
}

func TestJSONLEmptyAndNextLine(t *testing.T) {
	docs, errs := readAll(t, "")
	assert.Empty(t, docs)
	assert.Empty(t, errs)

	r := document.NewJSONLReader(strings.NewReader("\n"+`{"id": "a", "text": "x"}`+"\n"+`{"id": "b", "text": "y"}`), "p")
	l1, err := r.NextLine()
	require.NoError(t, err)
	l2, err := r.NextLine()
	require.NoError(t, err)
	_, err = r.NextLine()
	require.ErrorIs(t, err, io.EOF)
	// Lines are independent buffers: parsing them later, in any order, works.
	d2, err := document.ParseJSONLine(l2)
	require.NoError(t, err)
	d1, err := document.ParseJSONLine(l1)
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, []string{d1.ID, d2.ID})
	assert.Equal(t, []int{2, 3}, []int{l1.Number, l2.Number})
	assert.Equal(t, int64(1), l1.Offset)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestJSONLReadError(t *testing.T) {
	r := document.NewJSONLReader(io.MultiReader(bytes.NewReader([]byte(`{"id": "a", "text": "x"}`+"\n")), failingReader{}), "in.jsonl")
	_, err := r.Next()
	require.NoError(t, err)
	_, err = r.Next()
	require.EqualError(t, err, "read in.jsonl: disk on fire")
	_, err = r.Next()
	require.EqualError(t, err, "read in.jsonl: disk on fire", "read errors are sticky")
}

// TestReadFileInSkipping reads a JSON Lines file with bad lines as a build
// does: with a skip func, each bad line is reported and the others kept;
// without, the first bad line is the file's error.
func TestReadFileInSkipping(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "feed.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(`{"id": "a", "text": "one"}`+"\n"+
		`{"id": "b", "text": `+"\n"+
		`{"id": "c", "text": "three"}`+"\n"+
		`{"text": "no id"}`+"\n"), 0o644))
	tests := []struct {
		name    string
		skip    bool
		ids     []string
		skipped []string // error prefixes, path relative to root
		fails   string
	}{
		{"skipping", true, []string{"a", "c"}, []string{"feed.jsonl:2:", "feed.jsonl:4:"}, ""},
		{"not skipping", false, nil, nil, "feed.jsonl:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var skipped []string
			var skip func(error)
			if tt.skip {
				skip = func(err error) { skipped = append(skipped, err.Error()) }
			}
			docs, err := document.ReadFileInSkipping(root, path, skip)
			if tt.fails != "" {
				require.Error(t, err)
				assert.True(t, strings.HasPrefix(err.Error(), filepath.Join(root, tt.fails)), err.Error())
				return
			}
			require.NoError(t, err)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			assert.Equal(t, tt.ids, ids)
			require.Len(t, skipped, len(tt.skipped))
			for i, want := range tt.skipped {
				assert.True(t, strings.HasPrefix(skipped[i], filepath.Join(root, want)), skipped[i])
			}
		})
	}
}
