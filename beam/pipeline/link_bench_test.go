package pipeline

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
)

// BenchmarkLinkStage measures the one stage that is not spread over
// workers: linking the corpus's summaries. The dev corpora are extracted
// once and their summaries repeated under new ids up to VERBATIM_BEAM_DOCS
// (default 100000); it reports documents/s and the heap the linking holds
// per document, which bound the corpus one link worker can take.
//
//	VERBATIM_BEAM_DOCS=1000000 go test -run '^$' -bench LinkStage -benchtime 1x ./pipeline/
func BenchmarkLinkStage(b *testing.B) {
	n := 100000
	if s := os.Getenv("VERBATIM_BEAM_DOCS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("VERBATIM_BEAM_DOCS=%q: want a positive number", s)
		}
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var base []summary
	for _, f := range evalCorpora(b) {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		r := document.NewJSONLReader(fh, f)
		for {
			d, err := r.Next()
			if err != nil {
				break
			}
			res := ex.Analyze(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
			s := summary{ID: d.ID, Speakers: res.Speakers}
			for _, q := range res.Quotes {
				s.Quotes = append(s.Quotes, summaryQuote{ID: q.ID, Speaker: q.Speaker})
			}
			base = append(base, s)
		}
		fh.Close()
	}
	b.ResetTimer()
	var secs float64
	var heap uint64
	for range b.N {
		b.StopTimer()
		docs := make([]summary, n)
		for i := range docs {
			docs[i] = base[i%len(base)]
			docs[i].Order = int64(i)
			if r := i / len(base); r > 0 {
				docs[i].ID = fmt.Sprintf("%s~r%d", docs[i].ID, r+1)
			}
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		stop := make(chan struct{})
		peak := make(chan uint64)
		go func() {
			// The heap's high-water mark while linking, sampled.
			var top uint64
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			for {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				top = max(top, m.HeapAlloc)
				select {
				case <-stop:
					peak <- top
					return
				case <-t.C:
				}
			}
		}()
		b.StartTimer()
		start := time.Now()
		res, err := link(nil, docs)
		if err != nil {
			b.Fatal(err)
		}
		secs += time.Since(start).Seconds()
		b.StopTimer()
		close(stop)
		top := <-peak
		heap = max(heap, top-min(before.HeapAlloc, top))
		runtime.KeepAlive(docs)
		runtime.KeepAlive(res)
	}
	b.ReportMetric(float64(n)*float64(b.N)/secs, "docs/s")
	b.ReportMetric(float64(heap)/float64(n), "link-peak-heap-B/doc")
}
