package render

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/verbatim-news/verbatim/corpus"
)

// Extractor finds the quotes of one document and describes their speakers
// (names as written, organisations, roles), which linking speakers across
// articles needs; *extract.Extractor is one.
type Extractor = corpus.Extractor

// forEach runs fn for 0…n-1 on GOMAXPROCS workers: CPU work on separate
// items (each fn writes only its own), which cannot fail.
func forEach(n int, fn func(i int)) {
	_ = parallelN(context.Background(), n, runtime.GOMAXPROCS(0), func(i int) error {
		fn(i)
		return nil
	})
}

// parallelN runs fn for 0…n-1 on the given number of workers and returns
// the first error by index, or the context's error. It writes pages, work
// that waits on the disk more than it computes; articles are read and
// extracted by package corpus.
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
