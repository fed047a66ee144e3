package corpus

import (
	"context"
	"fmt"
	"runtime"

	"github.com/verbatim-news/verbatim/document"
)

// Read reads every article file under dir, in parallel, and returns the
// documents in path order (the corpus order, which fixes the speaker ids),
// drafts left out. Files are reported in path order, so the error of a
// failing run is always the same one. A document id used twice is an
// error: quote ids derive from it. With keepGoing, malformed files, bad
// lines of JSON Lines files and repeated ids are returned in skipped.
// Symbolic links leading out of dir are left out and named in warnings.
func Read(ctx context.Context, dir string, keepGoing bool) (docs []document.Document, skipped []error, warnings []string, err error) {
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
	read := func(path string) (result, error) {
		var r result
		if keepGoing {
			r.docs, r.err = document.ReadFileInSkipping(dir, path, func(err error) { r.badLines = append(r.badLines, err) })
		} else {
			r.docs, r.err = document.ReadFileIn(dir, path)
		}
		return r, nil
	}
	var results []result
	size := func(string) int64 { return 0 } // files wait on the disk, not on memory
	err = Ordered(ctx, runtime.GOMAXPROCS(0), SliceSource(paths, size), read, func(_ string, _ int64, r result, _ error) error {
		results = append(results, r)
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
			where := Location(d)
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

// Location is where a document was read: path, or path:line for a line of
// a JSON Lines file.
func Location(d document.Document) string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	return d.Path
}
