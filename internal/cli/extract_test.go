package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/extract"
)

// markExtractor stands in for the real extractor so that the pipeline is
// tested on its own: every « », “ ” or " " pair is a quote, and two
// capitalised words right after it are the speaker.
type markExtractor struct {
	delay func(doc extract.Document) time.Duration
	calls atomic.Int64
}

var closing = map[rune]rune{'«': '»', '“': '”', '"': '"', '„': '“'}

func (m *markExtractor) Extract(doc extract.Document) []extract.Quote {
	m.calls.Add(1)
	if m.delay != nil {
		time.Sleep(m.delay(doc))
	}
	if strings.Contains(doc.Text, "PANIC") {
		panic("boom")
	}
	r := []rune(doc.Text)
	quotes := []extract.Quote{}
	for i := 0; i < len(r); i++ {
		end, ok := closing[r[i]]
		if !ok {
			continue
		}
		j := i + 1
		for j < len(r) && r[j] != end {
			j++
		}
		if j >= len(r) {
			break
		}
		s, e := i+1, j
		for s < e && unicode.IsSpace(r[s]) {
			s++
		}
		for e > s && unicode.IsSpace(r[e-1]) {
			e--
		}
		if s < e {
			q := extract.Quote{ID: extract.QuoteID(doc.ID, s, e), Text: string(r[s:e]), Start: s, End: e,
				Kind: extract.Direct, Attribution: extract.ByNone, Lang: doc.Lang}
			if name := nameAfter(r[j+1:]); name != "" {
				q.Speaker, q.Attribution = &name, extract.ByName
			}
			quotes = append(quotes, q)
		}
		i = j
	}
	return quotes
}

func nameAfter(r []rune) string {
	words := strings.Fields(string(r[:min(len(r), 80)]))
	for i := 0; i+1 < len(words); i++ {
		a, b := []rune(words[i]), []rune(strings.TrimRight(words[i+1], ".,;:"))
		if len(a) > 1 && len(b) > 1 && unicode.IsUpper(a[0]) && unicode.IsUpper(b[0]) {
			return words[i] + " " + string(b)
		}
	}
	return ""
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args  []string
		files []string
		j     int
		o     string
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, 1, ""},
		{[]string{"--jsonl", "in.jsonl", "-j", "4"}, []string{"in.jsonl"}, 4, ""},
		{[]string{"a", "-o", "out", "b", "-j=3"}, []string{"a", "b"}, 3, "out"},
		{[]string{"-", "-j", "2"}, []string{"-"}, 2, ""},
		{[]string{"a", "--", "-j", "b"}, []string{"a", "-j", "b"}, 1, ""},
		{nil, nil, 1, ""},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		j := fs.Int("j", 1, "")
		o := fs.String("o", "", "")
		fs.Bool("jsonl", false, "")
		files, err := parseInterspersed(fs, tt.args)
		require.NoError(t, err, tt.args)
		assert.Equal(t, tt.files, files, tt.args)
		assert.Equal(t, tt.j, *j, tt.args)
		assert.Equal(t, tt.o, *o, tt.args)
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	_, err := parseInterspersed(fs, []string{"a", "--nope"})
	assert.ErrorIs(t, err, errUsage)
}

func jsonlInput(n int, bad map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := bad[i]; ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, `{"id": "doc-%d", "lang": "fr", "text": "« Citation %d », a déclaré Claire Dubois."}`+"\n", i, i)
	}
	return b.String()
}

func outputIDs(t *testing.T, out string) []string {
	t.Helper()
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var rec struct {
			ID     string
			Quotes []extract.Quote
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		require.NotNil(t, rec.Quotes, "quotes is [] not null: %s", line)
		ids = append(ids, rec.ID)
	}
	return ids
}

func TestExtractJSONLKeepsInputOrder(t *testing.T) {
	// Later documents finish first, so the writer must reorder.
	ex := &markExtractor{delay: func(d extract.Document) time.Duration {
		var n int
		fmt.Sscanf(d.ID, "doc-%d", &n)
		return time.Duration((7-n%7)*200) * time.Microsecond
	}}
	in := jsonlInput(300, nil)
	var out, errs bytes.Buffer
	stdio := Stdio{In: strings.NewReader(in), Out: &out, Err: &errs}
	err := extractJSONL(context.Background(), ex, []string{"-"}, extractFlags{workers: 4}, stdio, &out, nil)
	require.NoError(t, err)
	var want []string
	for i := 1; i <= 300; i++ {
		want = append(want, fmt.Sprintf("doc-%d", i))
	}
	assert.Equal(t, want, outputIDs(t, out.String()))
	assert.Empty(t, errs.String())
	first := strings.SplitN(out.String(), "\n", 2)[0]
	assert.Equal(t, `{"id":"doc-1","quotes":[{"id":"`+extract.QuoteID("doc-1", 2, 12)+`","text":"Citation 1","start":2,"end":12,"kind":"direct","speaker":"Claire Dubois","attribution":"name","sentence":"","confidence":0,"lang":"fr","speaker_id":"claire-dubois"}]}`, first)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestExtractJSONLBadLines(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	writeFile(t, in, jsonlInput(40, map[int]string{7: `{"id": "x", "text": `, 20: `{"text": "no id"}`, 30: `{"id": "p", "text": "PANIC"}`}))
	out := filepath.Join(dir, "out.jsonl")

	t.Run("stop at the first bad line, leave no output file", func(t *testing.T) {
		writeFile(t, out, "previous run\n")
		var stdout, stderr bytes.Buffer
		code := mainWith(t, &markExtractor{}, []string{"extract", "--jsonl", in, "-o", out, "-j", "3"}, &stdout, &stderr)
		assert.Equal(t, 1, code)
		assert.Equal(t, "verbatim extract: "+in+":7:20: invalid JSON: unexpected end of JSON input\n", stderr.String())
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, "previous run\n", string(b), "the old output is untouched")
		assertNoTempFiles(t, dir)
	})
	t.Run("keep going", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := mainWith(t, &markExtractor{}, []string{"extract", "--jsonl", "--keep-going", in, "-o", out}, &stdout, &stderr)
		assert.Equal(t, 1, code)
		assert.Equal(t, in+":7:20: invalid JSON: unexpected end of JSON input\n"+
			in+`:20: missing "id"`+"\n"+
			in+`:30: document "p": extractor panic: boom`+"\n"+
			"verbatim extract: 3 of 40 documents failed\n", stderr.String())
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		ids := outputIDs(t, string(b))
		assert.Len(t, ids, 37)
		assert.Equal(t, "doc-8", ids[6])
		assertNoTempFiles(t, dir)
	})
	t.Run("streams to stdout up to the error", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := mainWith(t, &markExtractor{}, []string{"extract", in, "--jsonl", "-j", "1"}, &stdout, &stderr)
		assert.Equal(t, 1, code)
		assert.Equal(t, []string{"doc-1", "doc-2", "doc-3", "doc-4", "doc-5", "doc-6"}, outputIDs(t, stdout.String()))
	})
	t.Run("missing input file", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := mainWith(t, &markExtractor{}, []string{"extract", "--jsonl", filepath.Join(dir, "nope.jsonl")}, &stdout, &stderr)
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr.String(), "nope.jsonl: no such file or directory")
	})
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "temp file left: %s", e.Name())
	}
}

// mainWith runs a command line as Main does (same messages and exit
// codes) with the extractor replaced.
func mainWith(t *testing.T, ex quoteExtractor, args []string, stdout, stderr io.Writer) int {
	t.Helper()
	return runWith(context.Background(), ex, args, Stdio{In: strings.NewReader(""), Out: stdout, Err: stderr})
}

func runWith(ctx context.Context, ex quoteExtractor, args []string, stdio Stdio) int {
	newEx := func(extract.Options) (quoteExtractor, error) { return ex, nil }
	var err error
	switch args[0] {
	case "extract":
		err = extractCommand(ctx, args[1:], stdio, newEx)
	case "eval":
		err = evalCommand(ctx, args[1:], stdio, newEx)
	default:
		panic("no such command " + args[0])
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stdio.Err, "verbatim %s: %v\n", args[0], err)
	return 1
}

func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content", "2024", "a.md"), "---\ntitle: Visite\nlang: fr\n---\n\n« Nous restons prudents », a déclaré Claire Dubois.\n")
	writeFile(t, filepath.Join(dir, "content", "b.txt"), "Titre\n\n“Fine,” said John Smith.\n")
	writeFile(t, filepath.Join(dir, "content", "_index.md"), "---\ntitle: Section\n---\n")
	writeFile(t, filepath.Join(dir, "one.md"), "---\nid: seul\n---\nRien.")
	var stdout, stderr bytes.Buffer
	code := mainWith(t, &markExtractor{}, []string{"extract", filepath.Join(dir, "content"), filepath.Join(dir, "one.md"), "-j", "2"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	require.Len(t, lines, 3)
	var recs []fileRecord
	for _, l := range lines {
		var r fileRecord
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		recs = append(recs, r)
	}
	assert.Equal(t, "2024/a", recs[0].ID)
	assert.Equal(t, "Visite", recs[0].Title)
	assert.Equal(t, "fr", recs[0].Lang)
	require.Len(t, recs[0].Quotes, 1)
	assert.Equal(t, "Nous restons prudents", recs[0].Quotes[0].Text)
	assert.Equal(t, "b", recs[1].ID)
	assert.Equal(t, "Titre", recs[1].Title)
	assert.Equal(t, "Fine,", recs[1].Quotes[0].Text)
	assert.Equal(t, "seul", recs[2].ID)
	assert.Equal(t, []linkedQuote{}, recs[2].Quotes)

	stdout.Reset()
	stderr.Reset()
	writeFile(t, filepath.Join(dir, "x.jsonl"), "{}\n")
	code = mainWith(t, &markExtractor{}, []string{"extract", filepath.Join(dir, "x.jsonl")}, &stdout, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "x.jsonl: JSON Lines input needs --jsonl")
}

func TestExtractUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, Main(context.Background(), []string{"extract", "--help"}, Stdio{Out: &stdout, Err: &stderr}))
	for _, flag := range []string{"--jsonl", "-j N", "-o FILE", "--keep-going", "--lang CODE", "--progress"} {
		assert.Contains(t, stderr.String(), "\n  "+flag+" ", "flag %s is explained", flag)
	}
	assert.Contains(t, stderr.String(), "verbatim extract --jsonl corpus.jsonl -j 4")

	stderr.Reset()
	assert.Equal(t, 2, mainWith(t, &markExtractor{}, []string{"extract"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "no input files")
	assert.Equal(t, 2, mainWith(t, &markExtractor{}, []string{"extract", "a.md", "-j", "0"}, &stdout, &stderr))
}

func TestExtractProgress(t *testing.T) {
	var stdout, stderr bytes.Buffer
	stdio := Stdio{In: strings.NewReader(jsonlInput(5, map[int]string{3: "{"})), Out: &stdout, Err: &stderr}
	code := runWith(context.Background(), &markExtractor{}, []string{"extract", "--jsonl", "-", "--progress", "--keep-going"}, stdio)
	require.Equal(t, 1, code)
	assert.Regexp(t, `^stdin:3:1: invalid JSON: unexpected end of JSON input
extract: 5 documents, 0\.0 MB, [0-9.]+ MB/s, [0-9.]+ s
verbatim extract: 1 of 5 documents failed
$`, stderr.String())
}

func TestCreateOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.jsonl")
	o, err := createOutput(target, nil)
	require.NoError(t, err)
	o.w.WriteString("a\n")
	_, err = os.Stat(target)
	require.ErrorIs(t, err, os.ErrNotExist, "nothing at the target before commit")
	require.NoError(t, o.commit())
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "a\n", string(b))
	info, err := os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())

	o, err = createOutput(target, nil)
	require.NoError(t, err)
	o.w.WriteString("b\n")
	o.abort()
	b, err = os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "a\n", string(b))
	assertNoTempFiles(t, dir)

	o, err = createOutput(os.DevNull, nil)
	require.NoError(t, err)
	o.w.WriteString("c\n")
	require.NoError(t, o.commit())
	info, err = os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.False(t, info.Mode().IsRegular(), "/dev/null is still a device")
}

func TestExtractSpeakerIDs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", filepath.Join(dir, "tmp")) // where the lines wait for linking
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "tmp"), 0o755))
	in := filepath.Join(dir, "in.jsonl")
	writeFile(t, in, `{"id": "geneva", "lang": "en", "text": "“We made progress,” said Antony Blinken."}
{"id": "brexit", "lang": "en", "text": "“Get it done,” said Boris Johnson."}
{"id": "cairo", "lang": "en", "text": "“We are not there yet,” said Anthony Blinken. “Who knows?”"}
{"id": "golf", "lang": "en", "text": "“The greens were fast,” said Dustin Johnson."}
`)
	type line struct {
		ID     string
		Quotes []struct {
			Text      string
			Speaker   *string
			SpeakerID *string `json:"speaker_id"`
		}
	}
	decode := func(out string) map[string]*string {
		ids := map[string]*string{}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			var rec line
			require.NoError(t, json.Unmarshal([]byte(l), &rec), l)
			for _, q := range rec.Quotes {
				ids[q.Text] = q.SpeakerID
			}
		}
		return ids
	}
	for _, j := range []string{"1", "3"} {
		var stdout, stderr bytes.Buffer
		code := mainWith(t, &markExtractor{}, []string{"extract", "--jsonl", in, "-j", j}, &stdout, &stderr)
		require.Equal(t, 0, code, stderr.String())
		assert.Equal(t, []string{"geneva", "brexit", "cairo", "golf"}, outputIDs(t, stdout.String()))
		ids := decode(stdout.String())
		require.Len(t, ids, 5)
		require.NotNil(t, ids["We made progress,"])
		assert.Equal(t, "antony-blinken", *ids["We made progress,"])
		assert.Equal(t, ids["We made progress,"], ids["We are not there yet,"], "one person across two lines")
		assert.Equal(t, "boris-johnson", *ids["Get it done,"])
		assert.Equal(t, "dustin-johnson", *ids["The greens were fast,"], "a shared surname is not one person")
		assert.Nil(t, ids["Who knows?"], "no speaker, no id")
		assert.Contains(t, stdout.String(), `"speaker":null,"attribution":"none","sentence":"","confidence":0,"lang":"en","speaker_id":null}`)
	}

	// The files given to extract FILE... are one corpus as well.
	writeFile(t, filepath.Join(dir, "a.md"), "---\ntitle: Geneva\n---\n\n“We made progress,” said Antony Blinken.\n")
	writeFile(t, filepath.Join(dir, "b.txt"), "Cairo\n\n“We are not there yet,” said Anthony Blinken.\n")
	var stdout, stderr bytes.Buffer
	out := filepath.Join(dir, "out.jsonl")
	code := mainWith(t, &markExtractor{}, []string{"extract", filepath.Join(dir, "a.md"), filepath.Join(dir, "b.txt"), "-o", out}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	ids := decode(string(data))
	require.Len(t, ids, 2)
	assert.Equal(t, "antony-blinken", *ids["We made progress,"])
	assert.Equal(t, "antony-blinken", *ids["We are not there yet,"])

	left, err := os.ReadDir(filepath.Join(dir, "tmp"))
	require.NoError(t, err)
	assert.Empty(t, left, "the temporary file is removed")

	// --no-speaker-ids streams: same lines and order, no ids, no spool.
	stdout.Reset()
	stderr.Reset()
	code = mainWith(t, &markExtractor{}, []string{"extract", "--jsonl", in, "--no-speaker-ids", "-j", "2"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, []string{"geneva", "brexit", "cairo", "golf"}, outputIDs(t, stdout.String()))
	for text, id := range decode(stdout.String()) {
		assert.Nil(t, id, text)
	}
	left, err = os.ReadDir(filepath.Join(dir, "tmp"))
	require.NoError(t, err)
	assert.Empty(t, left)
}

// analyzing is markExtractor with Analyze, which describes the speakers:
// here it knows that "Harrow Port" is an organisation.
type analyzing struct {
	markExtractor
	analyzed atomic.Int64
}

func (a *analyzing) Analyze(d extract.Document) extract.Result {
	a.analyzed.Add(1)
	res := extract.Result{Quotes: a.Extract(d)}
	for _, q := range res.Quotes {
		if q.Speaker != nil {
			res.Speakers = append(res.Speakers, extract.Speaker{Name: *q.Speaker, Org: *q.Speaker == "Harrow Port", Quotes: 1})
		}
	}
	return res
}

func TestExtractUsesAnalyze(t *testing.T) {
	in := `{"id": "a", "lang": "en", "text": "“Works begin,” said Harrow Port Authority."}` + "\n" +
		`{"id": "b", "lang": "en", "text": "“Not yet,” said Harrow Port Authority."}` + "\n"
	var stdout, stderr bytes.Buffer
	ex := &analyzing{}
	code := runWith(context.Background(), ex, []string{"extract", "--jsonl", "-"}, Stdio{In: strings.NewReader(in), Out: &stdout, Err: &stderr})
	require.Equal(t, 0, code, stderr.String())
	assert.Equal(t, int64(2), ex.analyzed.Load(), "the command asks for the speakers too")
	assert.Equal(t, 2, strings.Count(stdout.String(), `"speaker":"Harrow Port","attribution":"name","sentence":"","confidence":0,"lang":"en","speaker_id":"harrow-port"}`))
}

// TestExtractFolderSkipsLinksOut checks that extract DIR, like build, does
// not read a link that leads out of the folder, and warns naming it.
func TestExtractFolderSkipsLinksOut(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	writeFile(t, filepath.Join(content, "b.txt"), "Titre\n\n“Fine,” said John Smith.\n")
	writeFile(t, filepath.Join(dir, "secret.txt"), "Secret\n\n“root:x:0:0,” said root.\n")
	link := filepath.Join(content, "shadow.txt")
	require.NoError(t, os.Symlink(filepath.Join(dir, "secret.txt"), link))
	var stdout, stderr bytes.Buffer
	code := mainWith(t, &markExtractor{}, []string{"extract", content}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.NotContains(t, stdout.String(), "root:x")
	assert.Equal(t, 1, strings.Count(stdout.String(), "\n"), "one article: %s", stdout.String())
	assert.Contains(t, stderr.String(), "warning: "+link+": symbolic link leads outside the content folder")
}

// TestExtractDuplicateIDs: a document id seen before in the run would give
// its quotes the ids of the first one's; it is refused, or skipped with
// --keep-going, whatever the linking mode.
func TestExtractDuplicateIDs(t *testing.T) {
	in := jsonlInput(3, map[int]string{3: `{"id": "doc-1", "lang": "fr", "text": "« Autre », a déclaré Paul Roche."}`})
	for _, mode := range [][]string{nil, {"--no-speaker-ids"}} {
		run := func(extra ...string) (int, string, string) {
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"extract", "--jsonl", "-"}, mode...), extra...)
			code := runWith(context.Background(), &markExtractor{}, args, Stdio{In: strings.NewReader(in), Out: &stdout, Err: &stderr})
			return code, stdout.String(), stderr.String()
		}
		code, out, stderr := run()
		assert.Equal(t, 1, code, mode)
		assert.Contains(t, stderr, `stdin:3: document id "doc-1" is already used by stdin:1`, mode)
		assert.Equal(t, []string{"doc-1", "doc-2"}, outputIDs(t, out), "the lines before are written; the duplicate never", mode)

		code, out, stderr = run("--keep-going")
		assert.Equal(t, 1, code, mode)
		assert.Contains(t, stderr, `stdin:3: document id "doc-1" is already used by stdin:1`, mode)
		assert.Contains(t, stderr, "1 of 3 documents failed", mode)
		assert.Equal(t, []string{"doc-1", "doc-2"}, outputIDs(t, out), mode)
	}
}

// TestSpliceSpeakerIDs: writing the ids into the spooled line gives the
// bytes of a decode, update and encode, whatever the text holds.
func TestSpliceSpeakerIDs(t *testing.T) {
	str := func(s string) *string { return &s }
	tricky := `he wrote ,"speaker_id":null} and \ "x" <b>&amp;</b> ` + "\u2028é"
	cases := []struct {
		name string
		rec  linkedJSONL
		ids  []string // per quote; "" for none
	}{
		{"no quotes", linkedJSONL{ID: "a"}, nil},
		{"all linked", linkedJSONL{ID: "b", Quotes: []linkedQuote{{Quote: extract.Quote{ID: "q1", Text: "x"}}, {Quote: extract.Quote{ID: "q2", Text: "y"}}}}, []string{"ann", "bob"}},
		{"some unlinked", linkedJSONL{ID: "c", Quotes: []linkedQuote{{Quote: extract.Quote{ID: "q1"}}, {Quote: extract.Quote{ID: "q2"}}, {Quote: extract.Quote{ID: "q3"}}}}, []string{"", "bob", ""}},
		{"the slot's bytes in the text", linkedJSONL{ID: tricky, Quotes: []linkedQuote{{Quote: extract.Quote{ID: "q1", Text: tricky, Sentence: tricky, Speaker: str(tricky)}}}}, []string{tricky}},
		{"escaped ids", linkedJSONL{ID: "e", Quotes: []linkedQuote{{Quote: extract.Quote{ID: "q1"}}, {Quote: extract.Quote{ID: "q2"}}}}, []string{`<a&b> "q"`, "é\u2029"}},
	}
	encoded := speakerIDs{}
	for _, c := range cases {
		line, err := corpus.EncodeLine(c.rec)
		require.NoError(t, err, c.name)
		want := c.rec
		want.Quotes = slices.Clone(c.rec.Quotes)
		for j, id := range c.ids {
			if id != "" {
				want.Quotes[j].SpeakerID = &id
			}
		}
		wantLine, err := corpus.EncodeLine(want)
		require.NoError(t, err, c.name)
		got, err := encoded.splice(nil, line, len(c.ids), func(j int) string { return c.ids[j] })
		require.NoError(t, err, c.name)
		assert.Equal(t, string(wantLine), string(got), c.name)
	}

	line, err := corpus.EncodeLine(cases[1].rec)
	require.NoError(t, err)
	none := func(int) string { return "" }
	_, err = encoded.splice(nil, line, 3, none)
	assert.ErrorContains(t, err, "2 speaker_id fields for 3 quotes")
	_, err = encoded.splice(nil, line, 1, none)
	assert.ErrorContains(t, err, "more speaker_id fields than quotes (1)")
}
