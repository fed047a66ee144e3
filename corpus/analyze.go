package corpus

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/atomicfile"
)

// Extractor finds the quotes of one document and describes their speakers
// (names as written, organisations, roles), which linking speakers across
// articles needs; *extract.Extractor is one.
type Extractor interface {
	Analyze(extract.Document) extract.Result
}

// Analyze runs ex on one document behind the panic guard of every command:
// an extractor panic becomes an error naming the document, so one bad
// article cannot take a whole run down. Quotes is never nil, so that a
// document without quotes prints as [] rather than null.
func Analyze(ex Extractor, d document.Document) (res extract.Result, err error) {
	if n := quotationMarks(d.Text); n > MaxQuotationMarks {
		return extract.Result{}, fmt.Errorf("document %q: %d quotation marks, more than the %d an article can hold: %w", d.ID, n, MaxQuotationMarks, ErrQuoteDense)
	}
	defer func() {
		if p := recover(); p != nil {
			res, err = extract.Result{}, fmt.Errorf("document %q: extractor panic: %v", d.ID, p)
		}
	}()
	res = ex.Analyze(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
	if res.Quotes == nil {
		res.Quotes = []extract.Quote{}
	}
	return res, nil
}

// MaxQuotationMarks bounds the double quotation marks and guillemets of one
// document. Memory grows with the quotes (a record holds its sentence), so
// a quote-dense text of 20 MB would take gigabytes; the longest articles
// hold a few hundred marks.
const MaxQuotationMarks = 100_000

// ErrQuoteDense: a document holds more quotation marks than any article.
var ErrQuoteDense = errors.New("too many quotation marks (quote-dense data, not an article)")

// quotationMarks counts the marks that can open or close a quote, single
// marks aside (they are mostly apostrophes).
func quotationMarks(text string) int {
	n := 0
	for _, r := range text {
		switch r {
		case '"', '«', '»', '“', '”', '„', '‹', '›':
			n++
		}
	}
	return n
}

var validQuoteID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`)

// tidy makes a result safe to publish: a quote id becomes a folder name,
// so one that is not plain is replaced by the one the span gives; a quote
// without a language gets the document's, else the detected one (an
// article's language is never the interface language).
func tidy(d document.Document, res extract.Result) {
	for j := range res.Quotes {
		q := &res.Quotes[j]
		if !validQuoteID.MatchString(q.ID) {
			q.ID = extract.QuoteID(d.ID, q.Start, q.End)
		}
		if q.Lang == "" {
			q.Lang = cmp.Or(d.Lang, res.Lang)
		}
	}
}

// Cache stores extraction results (quotes and the speakers the linker
// needs) by a hash of everything they depend on: the extractor's version,
// the document's ID (quote IDs derive from it), language and text. Entries
// are never invalid, only unused: a changed article simply gets a new key.
// The zero Cache stores nothing.
type Cache struct {
	Dir     string // "" disables the cache
	Version string // the extractor's version, see ExecutableVersion
}

func (c Cache) key(d document.Document) string {
	h := sha256.New()
	for _, s := range []string{"verbatim-extract-2", c.Version, d.ID, d.Lang, d.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c Cache) path(key string) string {
	return filepath.Join(c.Dir, "extract", key[:2], key+".json")
}

func (c Cache) get(key string) (extract.Result, bool) {
	if c.Dir == "" {
		return extract.Result{}, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return extract.Result{}, false
	}
	var res extract.Result
	if json.Unmarshal(data, &res) != nil {
		return extract.Result{}, false // a damaged entry is re-extracted and rewritten
	}
	return res, true
}

func (c Cache) put(key string, res extract.Result) error {
	if c.Dir == "" {
		return nil
	}
	data, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(c.path(key), data)
}

// ExecutableVersion identifies the running binary by a hash of its file, so
// that a rebuilt extractor never reads results cached by an older one.
func ExecutableVersion() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hash %s: %w", exe, err)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}
