package cli

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/tempfiles"
	"github.com/verbatim-news/verbatim/speakers"
)

const extractUsage = `Usage: verbatim extract [flags] FILE|DIR...
       verbatim extract --jsonl [flags] FILE|-...

Finds the direct quotations in articles and who said them, and prints JSON,
one object per line, in input order.

Without --jsonl each argument is an article (.md with YAML front matter, .txt,
.html) or a folder of them, and each article gives one line:
  {"id": ..., "path": ..., "title": ..., "lang": ..., "quotes": [...]}
With --jsonl each argument is a JSON Lines file ("-" is standard input) with
one {"id": ..., "text": ..., "lang": ...} document per line, and each document
gives one line {"id": ..., "quotes": [...]}. Flags may come after the files.

The documents of one run are one corpus: every quote carries a speaker_id,
the same for one person across all of them (null when the quote has no
speaker). Since linking needs the whole corpus, lines are written once every
document is read; meanwhile they wait in a temporary file, and memory holds
the linker's state: a few hundred bytes per speaker of each document. With
--no-speaker-ids each line is written as soon as its document is done
(speaker_id null), and memory is bounded by the largest document.

Flags:
  --jsonl        read JSON Lines documents, streaming with bounded memory
                   verbatim extract --jsonl corpus.jsonl -o quotes.jsonl
  -j N           documents processed in parallel (default: number of CPUs, %d)
                   verbatim extract --jsonl corpus.jsonl -j 4
  -o FILE        write to FILE instead of standard output; FILE is replaced
                 only when the run succeeds (or ends under --keep-going)
                   verbatim extract content/ -o quotes.jsonl
  --keep-going   report a bad document or line on stderr and go on (it gives
                 no output line); the exit status is still 1 if any failed
                   verbatim extract --jsonl scraped.jsonl --keep-going
  --lang CODE    language of documents that give none, when detection is
                 unsure (fr, en, de)
                   verbatim extract --lang fr notes.txt
  --progress     print documents, MB and MB/s on stderr every few seconds
                 (on by default when stderr is a terminal)
                   verbatim extract --jsonl big.jsonl --progress -o /dev/null
  --no-speaker-ids
                 do not link speakers across documents: stream each line as
                 soon as it is ready, memory bounded by the largest document
                   verbatim extract --jsonl huge.jsonl --no-speaker-ids
  --speakers FILE
                 speakers.yaml to apply when linking (default speakers.yaml
                 in the current folder, when there is one)
                   verbatim extract --jsonl news.jsonl --speakers site/speakers.yaml

Example:
  verbatim extract content/ -o quotes.jsonl
`

type extractFlags struct {
	jsonl, keepGoing, progress bool
	noSpeakerIDs               bool
	workers                    int
	out, lang                  string
	speakersFile               string
	// speakers is speakers.yaml, read from speakersFile.
	speakers *speakers.Config
}

func runExtract(ctx context.Context, args []string, stdio Stdio) error {
	return extractCommand(ctx, args, stdio, newExtractor)
}

// newExtractor builds the real extractor; tests pass their own constructor
// to extractCommand and evalCommand.
func newExtractor(opts extract.Options) (quoteExtractor, error) {
	return extract.New(opts)
}

func extractCommand(ctx context.Context, args []string, stdio Stdio, newEx func(extract.Options) (quoteExtractor, error)) error {
	fs := newFlagSet("extract", "", stdio)
	fs.Usage = func() { fmt.Fprintf(stdio.Err, extractUsage, runtime.NumCPU()) }
	var f extractFlags
	fs.BoolVar(&f.jsonl, "jsonl", false, "read JSON Lines documents")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "documents processed in parallel")
	fs.StringVar(&f.out, "o", "", "output file")
	fs.BoolVar(&f.keepGoing, "keep-going", false, "report bad documents and go on")
	fs.StringVar(&f.lang, "lang", "", "language of documents that give none")
	fs.BoolVar(&f.progress, "progress", false, "print progress on stderr")
	fs.BoolVar(&f.noSpeakerIDs, "no-speaker-ids", false, "stream lines without linking speakers across documents")
	fs.StringVar(&f.speakersFile, "speakers", "", "speakers.yaml to apply")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stdio.Err, "verbatim extract: no input files")
		fs.Usage()
		return errUsage
	}
	if f.workers < 1 {
		fmt.Fprintln(stdio.Err, "verbatim extract: -j must be at least 1")
		return errUsage
	}
	// The speakers.yaml of build and serve, so that a quote's speaker_id
	// is its speaker's page on the site; without linking, none is read.
	if !f.noSpeakerIDs {
		if f.speakers, err = loadSpeakers(f.speakersFile, "speakers.yaml"); err != nil {
			return err
		}
	}
	ex, err := newEx(extract.Options{DefaultLang: f.lang})
	if err != nil {
		return err
	}
	out, err := createOutput(f.out, stdio.Out)
	if err != nil {
		return err
	}
	var prog *progress
	if f.progress || isTerminal(stdio.Err) {
		prog = startProgress(stdio.Err, isTerminal(stdio.Err), func(docs, bytes int64, elapsed time.Duration) string {
			secs, mb := elapsed.Seconds(), float64(bytes)/1e6
			return fmt.Sprintf("extract: %d documents, %.1f MB, %.1f MB/s, %.1f s", docs, mb, mb/max(secs, 1e-9), secs)
		})
	}
	if f.jsonl {
		err = extractJSONL(ctx, ex, inputs, f, stdio, out.w, prog)
	} else {
		err = extractFiles(ctx, ex, inputs, f, stdio, out.w, prog)
	}
	prog.stop()
	var failed *failures
	if err != nil && !errors.As(err, &failed) {
		out.abort()
		return err
	}
	if cerr := out.commit(); cerr != nil {
		return cerr
	}
	return err
}

// failures is the error of a --keep-going run in which some documents failed.
type failures struct{ failed, total int }

func (e *failures) Error() string {
	return fmt.Sprintf("%d of %d documents failed", e.failed, e.total)
}

// extractJSONL streams JSON Lines: the reader hands raw lines to the
// workers, which parse, extract and encode; lines come out in input order,
// with speaker ids once the corpus is linked.
func extractJSONL(ctx context.Context, ex quoteExtractor, inputs []string, f extractFlags, stdio Stdio, w io.Writer, prog *progress) error {
	var r *document.JSONLReader
	var closer io.Closer
	closeInput := func() {
		if closer != nil {
			closer.Close()
			closer = nil
		}
	}
	next := func() (document.Line, int64, error) {
		for {
			if r == nil {
				if len(inputs) == 0 {
					return document.Line{}, 0, io.EOF
				}
				name := inputs[0]
				inputs = inputs[1:]
				if name == "-" {
					r = document.NewJSONLReader(stdio.In, "stdin")
				} else {
					file, err := os.Open(name)
					if err != nil {
						return document.Line{}, 0, err
					}
					closer = file
					r = document.NewJSONLReader(file, name)
				}
			}
			l, err := r.NextLine()
			if errors.Is(err, io.EOF) {
				r = nil
				closeInput()
				continue
			}
			return l, int64(len(l.Bytes)), err
		}
	}
	work := func(l document.Line) ([]extracted, error) {
		// The other fields (an annotated corpus's gold quotes) are not
		// read: decoding them was a tenth of the run.
		d, err := document.LineOptions{SkipParams: true}.Parse(l)
		if err != nil {
			return nil, err
		}
		res, err := corpus.Analyze(asAnalyzer(ex), d)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", l.Path, l.Number, err)
		}
		line, err := corpus.EncodeLine(linkedJSONL{ID: d.ID, Quotes: unlinked(res.Quotes)})
		return []extracted{{id: d.ID, where: fmt.Sprintf("%s:%d", l.Path, l.Number), draft: d.Draft, line: line, result: res}}, err
	}
	return linkAll(ctx, f, stdio, w, prog, corpus.Source[document.Line]{Next: next, Close: closeInput}, work)
}

// quoteExtractor is what the commands need of *extract.Extractor; tests
// substitute their own. An extractor that can also Analyze (describe the
// speakers of a document: aliases, roles, organisations) gives the speakers
// linker more to go on.
type quoteExtractor interface {
	Extract(extract.Document) []extract.Quote
}

// jsonlRecord is a document's quotes, unlinked (eval's predictions).
type jsonlRecord struct {
	ID     string          `json:"id"`
	Quotes []extract.Quote `json:"quotes"`
}

// linkedJSONL is an output line of extract --jsonl.
type linkedJSONL struct {
	ID     string        `json:"id"`
	Quotes []linkedQuote `json:"quotes"`
}

// fileRecord is an output line of extract FILE...
type fileRecord struct {
	ID     string        `json:"id"`
	Path   string        `json:"path"`
	Title  string        `json:"title"`
	Lang   string        `json:"lang"`
	Quotes []linkedQuote `json:"quotes"`
}

// linkedQuote is a quote with the corpus-wide id of its speaker; null
// when the quote has no speaker, like "speaker".
type linkedQuote struct {
	extract.Quote
	SpeakerID *string `json:"speaker_id"`
}

func unlinked(quotes []extract.Quote) []linkedQuote {
	out := make([]linkedQuote, len(quotes))
	for i, q := range quotes {
		out[i].Quote = q
	}
	return out
}

// extracted is one document's output line, not yet linked, and what the
// speakers linker needs of it.
type extracted struct {
	id     string
	where  string // path, or path:line
	draft  bool
	line   []byte
	result extract.Result
}

// input is one article file; root is the folder it was found in, for its ID.
type input struct {
	root, path string
	err        error
}

// extractFiles reads article files (folders are walked) in parallel and
// prints one line per article, in argument order.
func extractFiles(ctx context.Context, ex quoteExtractor, args []string, f extractFlags, stdio Stdio, w io.Writer, prog *progress) error {
	var inputs []input
	for _, a := range args {
		info, err := os.Stat(a)
		switch {
		case err != nil:
			inputs = append(inputs, input{path: a, err: err})
		case info.IsDir():
			paths, err := document.Walk(a, func(err error) { fmt.Fprintln(stdio.Err, "warning:", err) })
			if err != nil {
				inputs = append(inputs, input{path: a, err: err})
			}
			for _, p := range paths {
				inputs = append(inputs, input{root: a, path: p})
			}
		default:
			inputs = append(inputs, input{path: a})
		}
	}
	next := func() (input, int64, error) {
		if len(inputs) == 0 {
			return input{}, 0, io.EOF
		}
		in := inputs[0]
		inputs = inputs[1:]
		var size int64
		if info, err := os.Stat(in.path); err == nil {
			size = info.Size()
		}
		return in, size, nil
	}
	work := func(in input) ([]extracted, error) {
		if in.err != nil {
			return nil, in.err
		}
		if strings.EqualFold(filepath.Ext(in.path), ".jsonl") {
			return nil, fmt.Errorf("%s: JSON Lines input needs --jsonl", in.path)
		}
		var docs []document.Document
		var err error
		if in.root != "" {
			docs, err = document.ReadFileIn(in.root, in.path)
		} else {
			docs, err = document.ReadFile(in.path)
		}
		if err != nil {
			return nil, err
		}
		var out []extracted
		for _, d := range docs {
			res, err := corpus.Analyze(asAnalyzer(ex), d)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", in.path, err)
			}
			lang := d.Lang
			if lang == "" && len(res.Quotes) > 0 {
				lang = res.Quotes[0].Lang // what the extractor detected
			}
			line, err := corpus.EncodeLine(fileRecord{ID: d.ID, Path: d.Path, Title: d.Title, Lang: lang, Quotes: unlinked(res.Quotes)})
			if err != nil {
				return nil, err
			}
			out = append(out, extracted{id: d.ID, where: corpus.Location(d), draft: d.Draft, line: line, result: res})
		}
		return out, nil
	}
	return linkAll(ctx, f, stdio, w, prog, corpus.Source[input]{Next: next}, work)
}

// linkAll runs the two passes of a run. Pass 1 extracts the documents in
// parallel and, in input order, hands each document's speakers to the
// linker and spools its line to a temporary file. Then the linker links the
// corpus, and pass 2 reads the lines back and writes them with the speaker
// ids spliced in (see speakerSlots). Memory holds the linker's state (names
// and quote ids), not the documents.
//
// When pass 1 stops on an error, the lines before it are still written,
// linked within what was read, so that output streamed to a pipe ends where
// the error is.
func linkAll[T any](ctx context.Context, f extractFlags, stdio Stdio, w io.Writer, prog *progress,
	src corpus.Source[T], work func(T) ([]extracted, error)) error {
	ids := uniqueIDs{}
	if f.noSpeakerIDs {
		// One pass: each line as soon as its document is done.
		return emitAll(ctx, f, stdio, prog, src, work, func(docs []extracted) error {
			return ids.each(docs, func(d extracted) error {
				_, err := w.Write(d.line)
				return err
			})
		})
	}
	spool, err := newSpool()
	if err != nil {
		return err
	}
	defer spool.remove()
	lk, err := corpus.NewLinker(f.speakers)
	if err != nil {
		return err
	}
	// linked maps each spooled line to its document in the linker, -1 for
	// a draft: drafts are written but, as the site leaves them out, they
	// take no part in linking, so the ids are the site's.
	var linked []int
	var nQuotes []int // per spooled line, the quotes it holds
	n := 0
	err = emitAll(ctx, f, stdio, prog, src, work, func(docs []extracted) error {
		return ids.each(docs, func(d extracted) error {
			if d.draft {
				linked = append(linked, -1)
			} else {
				lk.Add(d.id, d.result)
				linked = append(linked, n)
				n++
			}
			nQuotes = append(nQuotes, len(d.result.Quotes))
			return spool.add(d.line)
		})
	})
	var failed *failures
	if err != nil && !errors.As(err, &failed) && ctx.Err() != nil {
		return err
	}
	res := lk.Link()
	encoded := speakerIDs{}
	var buf []byte
	rerr := spool.replay(func(doc int, line []byte) error {
		if linked[doc] < 0 { // a draft: no speaker ids
			_, err := w.Write(line)
			return err
		}
		var err error
		buf, err = encoded.splice(buf[:0], line, nQuotes[doc], func(j int) string { return res.SpeakerID(linked[doc], j) })
		if err != nil {
			return fmt.Errorf("read back the spooled line of document %d: %w", doc+1, err)
		}
		_, err = w.Write(buf)
		return err
	})
	return cmp.Or(err, rerr)
}

// speakerSlot ends every quote of a spooled line: speaker_id is the last
// field of linkedQuote, null until linked, and a JSON string escapes its
// quotation marks, so these bytes occur nowhere else in the line (there
// is no object of arbitrary keys in an output line). Writing the ids into
// these slots gives the bytes a decode, update and encode of the whole line
// would, at the cost of a search.
var speakerSlot = []byte(`,"speaker_id":null}`)

// speakerIDs holds the JSON encoding of each speaker id met, since one
// speaker has many quotes.
type speakerIDs map[string][]byte

// splice appends to dst the line with speaker id(j) written into the slot
// of quote j, of n; "" leaves it null.
func (s speakerIDs) splice(dst, line []byte, n int, id func(j int) string) ([]byte, error) {
	valueAt := len(`,"speaker_id":`)
	for j := range n {
		i := bytes.Index(line, speakerSlot)
		if i < 0 {
			return nil, fmt.Errorf("%d speaker_id fields for %d quotes", j, n)
		}
		dst = append(dst, line[:i+valueAt]...)
		line = line[i+valueAt:]
		sid := id(j)
		if sid == "" {
			continue // the null stays
		}
		enc, ok := s[sid]
		if !ok {
			b, err := corpus.EncodeLine(sid)
			if err != nil {
				return nil, err
			}
			enc = bytes.TrimSuffix(b, []byte{'\n'})
			s[sid] = enc
		}
		dst = append(dst, enc...)
		line = line[len("null"):]
	}
	if bytes.Contains(line, speakerSlot) {
		return nil, fmt.Errorf("more speaker_id fields than quotes (%d)", n)
	}
	return append(dst, line...), nil
}

// uniqueIDs refuses a document id seen before in the run: quote ids derive
// from it, so a second document with the same id would give quotes the ids
// of the first one's, silently.
type uniqueIDs map[string]string // id → where first seen

// each hands fn the documents whose id is new, in order; the others make a
// badItem error, after the rest are handed on.
func (u uniqueIDs) each(docs []extracted, fn func(extracted) error) error {
	var dups []error
	for _, d := range docs {
		if first, dup := u[d.id]; dup {
			dups = append(dups, fmt.Errorf("%s: document id %q is already used by %s", d.where, d.id, first))
			continue
		}
		u[d.id] = d.where
		if err := fn(d); err != nil {
			return err
		}
	}
	if len(dups) > 0 {
		return &badItem{errors.Join(dups...)}
	}
	return nil
}

// badItem is an emit error that fails one item, not the run: --keep-going
// reports it and goes on.
type badItem struct{ err error }

func (b *badItem) Error() string { return b.err.Error() }
func (b *badItem) Unwrap() error { return b.err }

// The spool's name in os.TempDir: spoolPrefix, process id, random part,
// spoolSuffix.
const (
	spoolPrefix = "verbatim-extract-"
	spoolSuffix = ".jsonl"
)

// spool holds the output lines of pass 1 in a temporary file.
type spool struct {
	f     *os.File
	w     *bufio.Writer
	lines int
}

func newSpool() (*spool, error) {
	// A run killed with SIGKILL leaves its spool behind; the next one
	// removes those of dead processes.
	_, _ = tempfiles.Clean(os.TempDir(), spoolPrefix, spoolSuffix, tempfiles.StaleAfter)
	f, err := os.CreateTemp("", tempfiles.Pattern(spoolPrefix, spoolSuffix))
	if err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// add appends one line (which ends in a newline, as encodeLine makes it).
func (s *spool) add(line []byte) error {
	s.lines++
	if _, err := s.w.Write(line); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	return nil
}

// replay hands every line back, in order, with its index.
func (s *spool) replay(fn func(i int, line []byte) error) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	r := bufio.NewReaderSize(s.f, 1<<16)
	for i := range s.lines {
		line, err := r.ReadBytes('\n')
		if err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		if err := fn(i, line); err != nil {
			return err
		}
	}
	return nil
}

func (s *spool) remove() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// emitAll runs the ordered pipeline and applies --keep-going: a failed
// item stops the run, or is reported on stderr and skipped.
func emitAll[T, R any](ctx context.Context, f extractFlags, stdio Stdio, prog *progress,
	src corpus.Source[T], work func(T) (R, error), emit func(R) error) error {
	failed, total := 0, 0
	err := corpus.Ordered(ctx, f.workers, src, work, func(_ T, size int64, out R, err error) error {
		total++
		prog.add(size)
		if err != nil {
			if !f.keepGoing {
				return err
			}
			failed++
			prog.report(stdio.Err, err)
			return nil
		}
		err = emit(out)
		if bad := (*badItem)(nil); errors.As(err, &bad) && f.keepGoing {
			failed++
			prog.report(stdio.Err, bad.err)
			return nil
		}
		return err
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return &failures{failed, total}
	}
	return nil
}

// loadSpeakers reads speakers.yaml: a file named by a flag must exist,
// since a mistyped name would otherwise drop every rule without a word;
// the default one may be missing.
func loadSpeakers(named, def string) (*speakers.Config, error) {
	if named != "" {
		if _, err := os.Stat(named); err != nil {
			return nil, fmt.Errorf("read speakers: %w", err)
		}
		def = named
	}
	return speakers.LoadConfig(def)
}

// asAnalyzer gives the corpus what it needs of an extractor: Analyze when
// it describes speakers (aliases, roles, organisations, which the linker
// goes on), else its quotes alone.
func asAnalyzer(ex quoteExtractor) corpus.Extractor {
	if a, ok := ex.(corpus.Extractor); ok {
		return a
	}
	return quotesOnly{ex}
}

type quotesOnly struct{ quoteExtractor }

func (q quotesOnly) Analyze(d extract.Document) extract.Result {
	return extract.Result{Quotes: q.Extract(d)}
}

// output is standard output, or a temporary file beside the target, renamed
// over it at the end so that a failed run leaves no partial file.
type output struct {
	w      *bufio.Writer
	file   *os.File
	target string
}

func createOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: bufio.NewWriterSize(stdout, 1<<16)}, nil
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		// /dev/null, a pipe: nothing to replace atomically.
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &output{w: bufio.NewWriterSize(f, 1<<16), file: f}, nil
	}
	prefix := "." + filepath.Base(path) + "."
	_, _ = tempfiles.Clean(filepath.Dir(path), prefix, ".tmp", tempfiles.StaleAfter)
	f, err := os.CreateTemp(filepath.Dir(path), tempfiles.Pattern(prefix, ".tmp"))
	if err != nil {
		return nil, fmt.Errorf("create output: %w", err)
	}
	return &output{w: bufio.NewWriterSize(f, 1<<16), file: f, target: path}, nil
}

func (o *output) commit() error {
	err := o.w.Flush()
	if o.file == nil {
		return err
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if o.target == "" {
		return err
	}
	if err == nil {
		err = os.Chmod(o.file.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(o.file.Name(), o.target)
	}
	if err != nil {
		os.Remove(o.file.Name())
		return fmt.Errorf("write %s: %w", o.target, err)
	}
	return nil
}

func (o *output) abort() {
	if o.file == nil {
		o.w.Flush() // what was streamed to stdout stays streamed
		return
	}
	o.file.Close()
	if o.target != "" {
		os.Remove(o.file.Name())
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// parseInterspersed parses flags that may come after the file names: the
// flag package stops at the first non-flag, so parsing resumes after each.
// Everything after "--" is a file name.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}
