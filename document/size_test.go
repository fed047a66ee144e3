package document_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
)

// TestSizeCap: a .md or .txt file past MaxBytes is refused with its path,
// as a saved web page is, before its text is held in memory.
func TestSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("Un mot. ", int(document.MaxBytes)/8+1)
	for _, name := range []string{"big.txt", "big.md"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte("Titre\n\n"+big), 0o644))
		_, err := document.ReadFile(p)
		require.ErrorIs(t, err, document.ErrTooLarge, name)
		assert.EqualError(t, err, p+": document too large: more than 20 MB")
	}
	p := filepath.Join(dir, "fits.txt")
	require.NoError(t, os.WriteFile(p, []byte("Titre\n\n"+big[:1000]), 0o644))
	_, err := document.ReadFile(p)
	assert.NoError(t, err)
}

// TestJSONLLineCap: one line past the cap is a bad line, named by path
// and line; the reader goes on with the next line, and memory never holds
// the long one.
func TestJSONLLineCap(t *testing.T) {
	in := `{"id": "a", "text": "short"}` + "\n" +
		`{"id": "b", "text": "` + strings.Repeat("x", 5000) + `"}` + "\n" +
		`{"id": "c", "text": "short too"}` + "\n"
	r := document.NewJSONLReader(strings.NewReader(in), "news.jsonl")
	document.SetMaxLine(r, 1000)
	var ids []string
	var errs []error
	for {
		l, err := r.NextLine()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		d, err := document.ParseJSONLine(l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"a", "c"}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], document.ErrTooLarge)
	assert.EqualError(t, errs[0], "news.jsonl:2: document too large: the line is more than 1000 bytes (byte offset 29)")

	// In a content folder, the same line fails the file, or is skipped.
	dir := t.TempDir()
	p := filepath.Join(dir, "news.jsonl")
	line := bytes.Repeat([]byte("x"), int(document.MaxBytes)+1)
	require.NoError(t, os.WriteFile(p, []byte(`{"id": "a", "text": "short"}`+"\n"+`{"id": "b", "text": "`+string(line)+`"}`+"\n"), 0o644))
	_, err := document.ReadFile(p)
	require.ErrorIs(t, err, document.ErrTooLarge)
	assert.Contains(t, err.Error(), p+":2: document too large")
	var skipped []error
	docs, err := document.ReadFileInSkipping(dir, p, func(err error) { skipped = append(skipped, err) })
	require.NoError(t, err)
	assert.Len(t, docs, 1)
	assert.Len(t, skipped, 1)
}
