package corpus

import (
	"context"
	"errors"
	"io"
	"sync"
)

// Bounds of the pool: items in flight, and bytes of input in flight, so
// memory stays bounded whatever the input size and line length.
const (
	windowPerWorker  = 4
	maxBytesInFlight = 64 << 20
)

// Source yields the items of a pipeline, with their size in bytes, and
// io.EOF at the end. Only the pool's reader goroutine calls it, Close
// included, so a source needs no locking.
type Source[T any] struct {
	Next  func() (T, int64, error)
	Close func() // may be nil
}

// SliceSource yields the items of a slice, with the sizes size gives.
func SliceSource[T any](items []T, size func(T) int64) Source[T] {
	i := 0
	return Source[T]{Next: func() (T, int64, error) {
		if i >= len(items) {
			var zero T
			return zero, 0, io.EOF
		}
		it := items[i]
		i++
		return it, size(it), nil
	}}
}

type task[T, R any] struct {
	seq   int
	in    T
	size  int64 // input bytes
	held  int64 // bytes held from the budget
	out   R
	err   error // the item failed
	fatal error // reading failed: stop here
}

// Ordered is the worker pool of every command: it reads items from src,
// runs work on them on n workers and hands the results to emit in input
// order, so results never depend on the number of workers. A read error is
// returned after the items before it are emitted; an emit error stops the
// run.
func Ordered[T, R any](ctx context.Context, workers int, src Source[T],
	work func(T) (R, error), emit func(in T, size int64, out R, err error) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := make(chan struct{}, windowPerWorker*workers)
	budget := newBudget(ctx, maxBytesInFlight)
	jobs := make(chan *task[T, R], workers)
	results := make(chan *task[T, R], windowPerWorker*workers)

	go func() {
		defer close(jobs)
		if src.Close != nil {
			defer src.Close()
		}
		for seq := 0; ; seq++ {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			in, size, err := src.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			t := &task[T, R]{seq: seq, in: in, fatal: err}
			if err == nil {
				var ok bool
				t.size = size
				if t.held, ok = budget.acquire(size); !ok {
					return
				}
			}
			select {
			case jobs <- t:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for t := range jobs {
				if t.fatal == nil {
					t.out, t.err = work(t.in)
				}
				select {
				case results <- t:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]*task[T, R]{}
	seq := 0
	for t := range results {
		pending[t.seq] = t
		for {
			t, ok := pending[seq]
			if !ok {
				break
			}
			delete(pending, seq)
			seq++
			if t.fatal != nil {
				return t.fatal
			}
			if err := emit(t.in, t.size, t.out, t.err); err != nil {
				return err
			}
			budget.release(t.held)
			<-window
		}
	}
	return ctx.Err()
}

// budget is a counting semaphore over bytes that gives up when ctx ends.
type budget struct {
	mu         sync.Mutex
	cond       *sync.Cond
	avail, max int64
	done       bool
}

func newBudget(ctx context.Context, max int64) *budget {
	b := &budget{avail: max, max: max}
	b.cond = sync.NewCond(&b.mu)
	context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.done = true
		b.mu.Unlock()
		b.cond.Broadcast()
	})
	return b
}

// acquire takes n bytes, or the whole budget for an item larger than it,
// which then runs alone.
func (b *budget) acquire(n int64) (int64, bool) {
	n = min(max(n, 0), b.max)
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.avail < n && !b.done {
		b.cond.Wait()
	}
	if b.done {
		return 0, false
	}
	b.avail -= n
	return n, true
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.avail += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
