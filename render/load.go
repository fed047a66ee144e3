package render

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
)

// Extractor finds the quotes of one document and describes their speakers
// (names as written, organisations, roles), which linking speakers across
// articles needs; *extract.Extractor is one.
type Extractor interface {
	Analyze(extract.Document) extract.Result
}

// readAll reads every article file under dir in parallel. Files are
// reported in path order, so the error of a failing build is always the
// same one. With keepGoing, malformed files, and bad lines of JSON Lines
// files, are returned in skipped.
// Symbolic links leading out of dir are left out and named in warnings.
func readAll(ctx context.Context, dir string, keepGoing bool) (docs []document.Document, skipped []error, warnings []string, err error) {
	paths, err := document.Walk(dir, func(err error) { warnings = append(warnings, err.Error()) })
	if err != nil {
		return nil, nil, nil, err
	}
	type result struct {
		docs []document.Document
		err  error
		// badLines are the JSON Lines skipped under keepGoing.
		badLines []error
	}
	results := make([]result, len(paths))
	err = parallel(ctx, len(paths), func(i int) error {
		var r result
		if keepGoing {
			r.docs, r.err = document.ReadFileInSkipping(dir, paths[i], func(err error) { r.badLines = append(r.badLines, err) })
		} else {
			r.docs, r.err = document.ReadFileIn(dir, paths[i])
		}
		results[i] = r
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	seen := map[string]string{} // document ID → where it was first seen
	for _, r := range results {
		skipped = append(skipped, r.badLines...)
		if r.err != nil {
			if !keepGoing {
				return nil, nil, nil, r.err
			}
			skipped = append(skipped, r.err)
			continue
		}
		for _, d := range r.docs {
			if d.Draft {
				continue
			}
			where := location(d)
			if first, dup := seen[d.ID]; dup {
				err := fmt.Errorf("%s: document id %q is already used by %s", where, d.ID, first)
				if !keepGoing {
					return nil, nil, nil, err
				}
				skipped = append(skipped, err)
				continue
			}
			seen[d.ID] = where
			docs = append(docs, d)
		}
	}
	return docs, skipped, warnings, nil
}

func location(d document.Document) string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	return d.Path
}

// parallel runs fn for 0…n-1 on GOMAXPROCS workers and returns the first
// error by index, or the context's error.
func parallel(ctx context.Context, n int, fn func(i int) error) error {
	return parallelN(ctx, n, runtime.GOMAXPROCS(0), fn)
}

// parallelN is parallel with a given number of workers, for work that
// waits on the disk more than it computes.
func parallelN(ctx context.Context, n, workers int, fn func(i int) error) error {
	workers = max(1, min(workers, n))
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// cache stores extraction results (quotes and the speakers the linker
// needs) by a hash of everything they depend on:
// the extractor's version, the document's ID (quote IDs derive from it),
// language and text. Entries are never invalid, only unused: a changed
// article simply gets a new key.
type cache struct {
	dir     string // "" disables the cache
	version string
}

func (c cache) key(d extract.Document) string {
	h := sha256.New()
	for _, s := range []string{"verbatim-extract-2", c.version, d.ID, d.Lang, d.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c cache) path(key string) string {
	return filepath.Join(c.dir, "extract", key[:2], key+".json")
}

func (c cache) get(key string) (extract.Result, bool) {
	if c.dir == "" {
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

func (c cache) put(key string, res extract.Result) error {
	if c.dir == "" {
		return nil
	}
	data, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return writeFileAtomic(c.path(key), data)
}

// executableVersion identifies the running binary by a hash of its file, so
// that a rebuilt extractor never reads results cached by an older one.
func executableVersion() (string, error) {
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

var validQuoteID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`)

// extractAll finds the quotes and speakers of every document, from the
// cache when it can. Results are by index, in the order of docs.
//
// A document's language is its own lang field, else what the extractor
// detects from the text (Result.Lang); the site's interface language never
// stands in for it: a French article in an English-speaking site read with
// English rules loses its speakers.
func extractAll(ctx context.Context, docs []document.Document, ex Extractor, c cache) ([]article, int, error) {
	out := make([]article, len(docs))
	var fresh atomic.Int64
	err := parallel(ctx, len(docs), func(i int) error {
		d := docs[i]
		ed := extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text}
		key := c.key(ed)
		res, ok := c.get(key)
		if !ok {
			res = ex.Analyze(ed)
			fresh.Add(1)
			if err := c.put(key, res); err != nil {
				return fmt.Errorf("cache %s: %w", location(d), err)
			}
		}
		qs := res.Quotes
		for j := range qs {
			// The ID becomes a folder name: only trust it if it is plain.
			if !validQuoteID.MatchString(qs[j].ID) {
				qs[j].ID = extract.QuoteID(d.ID, qs[j].Start, qs[j].End)
			}
			if qs[j].Lang == "" {
				qs[j].Lang = cmp.Or(ed.Lang, res.Lang)
			}
		}
		out[i] = article{doc: d, result: res}
		return nil
	})
	return out, int(fresh.Load()), err
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it over path, so readers never see half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
