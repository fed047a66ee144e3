package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkPipeline runs the pipeline on Prism, in process, over the dev
// corpora repeated under new ids up to VERBATIM_BEAM_DOCS documents (default
// 10000) in 8 files, and reports documents/s and the process's peak RSS.
// Run one size per process, since the peak is the process's:
//
//	VERBATIM_BEAM_DOCS=100000 go test -run '^$' -bench Pipeline -benchtime 1x ./pipeline/
func BenchmarkPipeline(b *testing.B) {
	n := 10000
	if s := os.Getenv("VERBATIM_BEAM_DOCS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("VERBATIM_BEAM_DOCS=%q: want a positive number", s)
		}
	}
	dir := b.TempDir()
	files, bytes := repeatCorpora(b, evalCorpora(b), dir, n, 8)
	b.ResetTimer()
	start := time.Now()
	var c map[string]int64
	for i := range b.N {
		prefix := filepath.Join(dir, fmt.Sprintf("out%d", i))
		c = runCounters(b, Options{Files: files, Output: prefix, Shards: 8})
		if c["documents"] != int64(n) || c["bad_lines"] != 0 {
			b.Fatalf("%d documents, %d bad lines; want %d, 0", c["documents"], c["bad_lines"], n)
		}
	}
	secs := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/secs, "docs/s")
	b.ReportMetric(float64(bytes)/1e6/secs, "MB/s")
	b.ReportMetric(float64(peakRSS())/1e6, "peak-RSS-MB")
	b.ReportMetric(float64(bytes)/float64(n), "input-B/doc")
	b.ReportMetric(float64(c["line_bytes"])/float64(n), "line-B/doc")
	b.ReportMetric(float64(c["summary_bytes"])/float64(n), "summary-B/doc")
	b.ReportMetric(float64(c["link_group_bytes_max"])/1e3, "largest-link-group-kB")
}

// repeatCorpora writes n documents, the corpora's in turn under new ids
// ("id~r2" for the second round), into the given number of files.
func repeatCorpora(tb testing.TB, corpora []string, dir string, n, files int) ([]string, int64) {
	tb.Helper()
	var docs []map[string]any
	for _, c := range corpora {
		for _, l := range readLines(tb, c) {
			var d map[string]any
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				continue
			}
			// Only what a document is: the gold annotations would only
			// weigh on the reading.
			keep := map[string]any{"id": d["id"], "text": d["text"]}
			if lang, ok := d["lang"]; ok {
				keep["lang"] = lang
			}
			docs = append(docs, keep)
		}
	}
	if len(docs) == 0 {
		tb.Fatal("no documents in the corpora")
	}
	var paths []string
	var ws []*bufio.Writer
	var fs []*os.File
	for i := range files {
		p := filepath.Join(dir, fmt.Sprintf("corpus-%02d.jsonl", i))
		f, err := os.Create(p)
		if err != nil {
			tb.Fatal(err)
		}
		paths, fs, ws = append(paths, p), append(fs, f), append(ws, bufio.NewWriterSize(f, 1<<20))
	}
	var total int64
	for i := range n {
		d := docs[i%len(docs)]
		if r := i / len(docs); r > 0 {
			d = map[string]any{"id": fmt.Sprint(d["id"], "~r", r+1), "text": d["text"], "lang": d["lang"]}
		}
		b, err := json.Marshal(d)
		if err != nil {
			tb.Fatal(err)
		}
		total += int64(len(b)) + 1
		w := ws[i*files/n]
		w.Write(b)
		w.WriteByte('\n')
	}
	for i := range fs {
		if err := ws[i].Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := fs[i].Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return paths, total
}

// peakRSS is the process's peak resident set (VmHWM), or 0 where /proc
// does not tell.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1000
		}
	}
	return 0
}
