package cli

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress prints a status line every two seconds on a long run, redrawn
// in place on a terminal and one line per tick in a log. A nil *progress
// is off: every method does nothing, so callers need not check.
type progress struct {
	mu       sync.Mutex // one writer at a time on w
	w        io.Writer
	terminal bool
	format   func(docs, bytes int64, elapsed time.Duration) string
	start    time.Time
	docs     atomic.Int64
	bytes    atomic.Int64
	done     chan struct{}
	wg       sync.WaitGroup
}

// startProgress starts the ticker; format renders the counts as one line.
func startProgress(w io.Writer, terminal bool, format func(docs, bytes int64, elapsed time.Duration) string) *progress {
	p := &progress{w: w, terminal: terminal, format: format, start: time.Now(), done: make(chan struct{})}
	p.wg.Go(func() {
		tick := time.NewTicker(2 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				p.print(false)
			case <-p.done:
				return
			}
		}
	})
	return p
}

// add counts one document of n bytes.
func (p *progress) add(n int64) {
	if p == nil {
		return
	}
	p.docs.Add(1)
	p.bytes.Add(n)
}

func (p *progress) print(final bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := p.format(p.docs.Load(), p.bytes.Load(), time.Since(p.start))
	switch {
	case p.terminal && final:
		fmt.Fprintf(p.w, "\r\033[K%s\n", line)
	case p.terminal:
		fmt.Fprintf(p.w, "\r\033[K%s", line)
	default:
		fmt.Fprintln(p.w, line)
	}
}

// report prints an error line on w, clearing the progress line first. A
// nil progress just prints.
func (p *progress) report(w io.Writer, err error) {
	if p == nil {
		fmt.Fprintln(w, err)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.terminal {
		fmt.Fprint(w, "\r\033[K")
	}
	fmt.Fprintln(w, err)
}

// stop ends the ticker and prints the final line.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.done)
	p.wg.Wait()
	p.print(true)
}
