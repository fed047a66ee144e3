package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// BenchmarkLinkStage measures the link stages as a distributed runner
// would run them: the dev corpora are extracted once and their results
// repeated under new ids up to VERBATIM_BEAM_DOCS documents (default
// 100000), then every stage groups its items by key and runs each group,
// in memory. It reports documents/s and, per stage, the largest group (in
// items, and in bytes as the pipeline encodes them): what one worker holds
// at once, which is what must not grow with the corpus.
//
//	VERBATIM_BEAM_DOCS=1000000 go test -run '^$' -bench LinkStage -benchtime 1x ./pipeline/
func BenchmarkLinkStage(b *testing.B) {
	// Past this many documents the bytes every stage shuffles are not
	// summed up: encoding them all would take longer than the stages.
	const totalUpTo = 100000
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
	type doc struct {
		id  string
		res extract.Result
	}
	var base []doc
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
			base = append(base, doc{d.ID, ex.Analyze(extract.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})})
		}
		fh.Close()
	}
	lk, err := speakers.New(nil, speakers.Options{})
	if err != nil {
		b.Fatal(err)
	}
	stages := lk.Stages()
	b.ResetTimer()
	var secs float64
	type top struct {
		items, bytes int
		key          string
		total        int // bytes of every item, up to totalUpTo documents
	}
	tops := make([]top, len(stages))
	for range b.N {
		var items []speakers.Item
		for i := range n {
			d := base[i%len(base)]
			id := d.id
			if r := i / len(base); r > 0 {
				id = fmt.Sprintf("%s~r%d", id, r+1)
			}
			for _, m := range lk.Mentions(int64(i), id, d.res) {
				items = append(items, speakers.Item{M: &m})
			}
		}
		start := time.Now()
		for si, st := range stages {
			groups := st.Groups(items)
			biggest := groups[0]
			for _, g := range groups {
				if len(g.Items) > len(biggest.Items) {
					biggest = g
				}
			}
			b.StopTimer()
			size := 0
			for _, it := range biggest.Items {
				enc, err := json.Marshal(it)
				if err != nil {
					b.Fatal(err)
				}
				size += len(enc)
			}
			tops[si] = top{items: len(biggest.Items), bytes: size, key: biggest.Key}
			if n <= totalUpTo {
				// What the stage shuffles: every item to each of its keys
				// (a combined mention's occurrences go to the join that
				// spreads its group's decision).
				for _, it := range items {
					enc, err := json.Marshal(it)
					if err != nil {
						b.Fatal(err)
					}
					tops[si].total += len(enc) * len(st.Keys(it))
				}
			}
			b.StartTimer()
			items = items[:0:0]
			for _, g := range groups {
				out, err := st.RunGroup(g)
				if err != nil {
					b.Fatal(err)
				}
				items = append(items, out...)
			}
		}
		secs += time.Since(start).Seconds()
	}
	maxBytes := 0
	for si, t := range tops {
		b.Logf("%-10s largest group %7d items, %9d bytes (%.40q); shuffled %.0f B/doc", stages[si].Name, t.items, t.bytes, t.key, float64(t.total)/float64(n))
		maxBytes = max(maxBytes, t.bytes)
	}
	b.ReportMetric(float64(n)*float64(b.N)/secs, "docs/s")
	b.ReportMetric(float64(maxBytes)/1e3, "largest-group-kB")
}
