package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
)

// lineAnalyzer stands in for the extractor: every line "Name|words" of an
// article is a quote of Name ("Name (org)" for an organisation).
type lineAnalyzer struct{}

func (lineAnalyzer) Analyze(d extract.Document) extract.Result {
	var r extract.Result
	seen := map[string]int{}
	pos := 0
	for _, line := range strings.Split(d.Text, "\n") {
		name, words, ok := strings.Cut(line, "|")
		if !ok {
			pos += len([]rune(line)) + 1
			continue
		}
		org := strings.HasSuffix(name, " (org)")
		name = strings.TrimSuffix(name, " (org)")
		start := pos + len([]rune(name)) + 1
		n := name
		r.Quotes = append(r.Quotes, extract.Quote{ID: extract.QuoteID(d.ID, start, start+len([]rune(words))), Text: words,
			Start: start, End: start + len([]rune(words)), Speaker: &n, Attribution: extract.ByName})
		if i, ok := seen[name]; ok {
			r.Speakers[i].Quotes++
		} else {
			seen[name] = len(r.Speakers)
			r.Speakers = append(r.Speakers, extract.Speaker{Name: name, Org: org, Quotes: 1})
		}
		pos += len([]rune(line)) + 1
	}
	return r
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

func runSpeakersWith(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	stdio := Stdio{In: strings.NewReader(""), Out: &o, Err: &e}
	err := speakersCommand(context.Background(), args, stdio, func(extract.Options) (analyzer, error) { return lineAnalyzer{}, nil })
	switch {
	case err == nil:
	case err == errUsage:
		code = 2
	case strings.Contains(err.Error(), "help requested"):
	default:
		code = 1
		e.WriteString(err.Error())
	}
	return code, o.String(), e.String()
}

var harbourSite = map[string]string{
	"content/2024/harbour-1.md":  "---\ntitle: Harbour plan\n---\nAntony Brellick|We will rebuild the harbour.\nAntony Brellick|Before winter.\n",
	"content/2024/harbour-2.md":  "---\ntitle: Harbour works\n---\nAnthony Brellick|The cranes arrive next week.\nHarrow Port Authority (org)|Works begin.\n",
	"content/2024/harbour-3.txt": "Harbour money\n\nBrellick|The budget is in the annex.\nHPA (org)|No comment.\na dock worker|Too early.\n",
	"content/2024/draft.md":      "---\ntitle: Draft\ndraft: true\n---\nBoris Halvorsen|Not published.\n",
}

func TestSpeakersTable(t *testing.T) {
	dir := writeSite(t, harbourSite)
	code, out, errOut := runSpeakersWith(t, "--content", filepath.Join(dir, "content"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "7 quotes from 3 articles: 1 person, 1 organisation, 1 described speaker")
	assert.Regexp(t, `Antony Brellick\s+antony-brellick\s+4\s+3\s+Anthony Brellick; Brellick`, out)
	assert.Regexp(t, `Harrow Port Authority \(org\)\s+harrow-port-authority\s+2\s+2\s+HPA`, out)
	assert.NotContains(t, out, "a dock worker", "described speakers only with --unnamed")
	assert.NotContains(t, out, "Halvorsen", "drafts are left out")
	assert.Contains(t, out, "Antony Brellick ← Anthony Brellick  (spelling, 1 article)")
	assert.Contains(t, out, "Antony Brellick ← Brellick  (surname: only one, 1 article)")
	assert.Contains(t, out, "Harrow Port Authority ← HPA  (acronym, 1 article)")

	_, out, _ = runSpeakersWith(t, "--content", filepath.Join(dir, "content"), "--unnamed")
	assert.Contains(t, out, "a dock worker")
}

func TestSpeakersJSONAndConfig(t *testing.T) {
	site := map[string]string{
		"speakers.yaml": "- name: Antony Brellick\n  id: brellick\n  description: Port minister\n  qid: Q4242\n",
	}
	for k, v := range harbourSite {
		site[k] = v
	}
	dir := writeSite(t, site)
	code, out, errOut := runSpeakersWith(t, "--content", filepath.Join(dir, "content"), "--json", "-j", "1")
	require.Equal(t, 0, code, errOut)
	var got struct {
		Articles, Quotes int
		Speakers         []speakers.Speaker
		Warnings         []string
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, 3, got.Articles)
	assert.Equal(t, 7, got.Quotes)
	assert.Empty(t, got.Warnings)
	require.NotEmpty(t, got.Speakers)
	assert.Equal(t, "brellick", got.Speakers[0].ID)
	assert.Equal(t, "Port minister", got.Speakers[0].Description)
	assert.Equal(t, "Q4242", got.Speakers[0].QID)

	// The same output whatever the number of workers.
	_, again, _ := runSpeakersWith(t, "--content", filepath.Join(dir, "content"), "--json", "-j", "8")
	assert.Equal(t, out, again)
}

func TestSpeakersErrors(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/a.md":  "---\ntitle: A\n---\nPia Lund|Yes.\n",
		"bad.yaml":      "- name: Pia Lund\n  qid: nope\n",
		"unused.yaml":   "- name: Nobody Here\n",
		"content/b.txt": "B\n\nPia Lund|No.\n",
	})
	content := filepath.Join(dir, "content")
	code, _, errOut := runSpeakersWith(t, "--content", content, "--speakers", filepath.Join(dir, "bad.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, filepath.Join(dir, "bad.yaml")+":1: qid")

	code, _, errOut = runSpeakersWith(t, "--content", content, "--speakers", filepath.Join(dir, "missing.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "missing.yaml")

	code, _, errOut = runSpeakersWith(t, "--content", content, "--speakers", filepath.Join(dir, "unused.yaml"))
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "warning: "+filepath.Join(dir, "unused.yaml")+":1: Nobody Here: no speaker")

	code, _, errOut = runSpeakersWith(t, "--content", filepath.Join(dir, "nope"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "content:")

	code, _, _ = runSpeakersWith(t, "--content", content, "extra")
	assert.Equal(t, 2, code)
	code, _, _ = runSpeakersWith(t, "-j", "0")
	assert.Equal(t, 2, code)
}

func TestSpeakersHelp(t *testing.T) {
	var o, e bytes.Buffer
	code := Main(context.Background(), []string{"speakers", "--help"}, Stdio{In: strings.NewReader(""), Out: &o, Err: &e})
	assert.Equal(t, 0, code)
	for _, flag := range []string{"--content DIR", "--speakers FILE", "--json", "--unnamed", "-j N", "speakers.yaml"} {
		assert.Contains(t, e.String(), flag)
	}
}

// TestSpeakersCorrections: the counts are the site's, corrections.yaml
// applied, and its warnings are printed.
func TestSpeakersCorrections(t *testing.T) {
	docs, err := document.ReadFile(filepath.Join(writeSite(t, harbourSite), "content", "2024", "harbour-1.md"))
	require.NoError(t, err)
	res := lineAnalyzer{}.Analyze(extract.Document{ID: "2024/harbour-1", Text: docs[0].Text})
	site := map[string]string{
		"corrections.yaml": "- {quote: " + res.Quotes[0].ID + ", action: reject, by: Ann, date: 2024-05-02}\n" +
			"- {quote: " + res.Quotes[1].ID + ", action: speaker, speaker: Nobody Known, by: Ann, date: 2024-05-02}\n",
	}
	for k, v := range harbourSite {
		site[k] = v
	}
	dir := writeSite(t, site)
	code, out, errOut := runSpeakersWith(t, "--content", filepath.Join(dir, "content"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "6 quotes from 3 articles")
	assert.Regexp(t, `Antony Brellick\s+antony-brellick\s+2\s+2\s`, out, "one quote rejected, one moved")
	assert.Regexp(t, `Nobody Known\s+nobody-known\s+1\s+1\s`, out)
	assert.Contains(t, errOut, "warning: "+filepath.Join(dir, "corrections.yaml")+`:2: correction speaker of quote `+res.Quotes[1].ID)
}
