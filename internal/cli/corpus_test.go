package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameIDsSite is a site whose articles are JSON Lines, the one input every
// command reads as it is: spelling variants, two people of one surname,
// an unnamed speaker in two articles, speakers.yaml and a draft.
func sameIDsSite(t *testing.T) (dir string, files []string) {
	dir = t.TempDir()
	docs := [][]string{
		{"a1", "en", `Marianne Kowalczyk said: "The budget is balanced." Boris Johnson said: "We will leave on time."`},
		{"a2", "en", `"The figures are clear," said Marianne Kowalczik. Later Kowalczyk added: "Nothing is hidden." A spokesperson for the police department said: "We are investigating."`},
		{"b1", "en", `Dustin Johnson said: "The course was hard." A spokesperson for the police department said: "No arrests yet." Tony Brellick said: "The port stays open."`},
		{"b2", "fr", `« Nous enquêtons », a déclaré un porte-parole de la police. Antony Brellick a ajouté : « Le port restera ouvert. »`},
	}
	var lines [2]strings.Builder
	for i, d := range docs {
		line, err := json.Marshal(map[string]string{"id": d[0], "lang": d[1], "text": d[2]})
		require.NoError(t, err)
		lines[i/2].Write(append(line, '\n'))
		if i == 0 {
			// A draft, which the site leaves out: extract writes it
			// but does not link it, so its speakers neither get an id
			// the site never shows nor weigh on the others'.
			lines[0].WriteString(`{"id": "draft", "lang": "en", "draft": true, "text": "Paul Kowalczyk said: \"Not yet.\""}` + "\n")
		}
	}
	for i, name := range []string{"a.jsonl", "b.jsonl"} {
		p := filepath.Join(dir, "content", name)
		writeFile(t, p, lines[i].String())
		files = append(files, p)
	}
	writeFile(t, filepath.Join(dir, "speakers.yaml"), "- name: Antony Brellick\n  aliases: [Tony Brellick]\n")
	return dir, files
}

func TestSameSpeakerIDsInEveryCommand(t *testing.T) {
	dir, files := sameIDsSite(t)
	t.Chdir(dir) // the site folder, where a user runs verbatim
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
		require.Equal(t, 0, code, "%v: %s", args, stderr.String())
		return stdout.String()
	}

	// build: quote id → speaker id, from quotes.json.
	run("build", "--content", "content", "--out", "public")
	var built []struct {
		ID        string  `json:"id"`
		SpeakerID *string `json:"speaker_id"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "public", "quotes.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &built))
	fromBuild := map[string]string{}
	counts := map[string]int{}
	for _, q := range built {
		if q.SpeakerID != nil {
			fromBuild[q.ID] = *q.SpeakerID
			counts[*q.SpeakerID]++
		}
	}
	require.NotEmpty(t, fromBuild)

	// extract --jsonl: the same, line by line.
	out := run(append([]string{"extract", "--jsonl"}, files...)...)
	fromExtract := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var line linkedJSONL
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line))
		for _, q := range line.Quotes {
			if q.SpeakerID != nil {
				fromExtract[q.ID] = *q.SpeakerID
			}
		}
	}
	assert.Equal(t, fromBuild, fromExtract, "build and extract --jsonl")

	// speakers: the same ids with the same numbers of quotes.
	var listed struct {
		Speakers []struct {
			ID     string `json:"id"`
			Quotes int    `json:"quotes"`
		} `json:"speakers"`
	}
	require.NoError(t, json.Unmarshal([]byte(run("speakers", "--json", "--unnamed")), &listed))
	fromSpeakers := map[string]int{}
	for _, s := range listed.Speakers {
		if s.Quotes > 0 {
			fromSpeakers[s.ID] = s.Quotes
		}
	}
	assert.Equal(t, counts, fromSpeakers, "build and speakers")

	// What the articles say, so that the comparison is not vacuous.
	assert.Equal(t, 2, counts["antony-brellick"], "speakers.yaml applies everywhere: %v", counts)
	assert.Equal(t, 3, counts["marianne-kowalczyk"], "Kowalczyk, Kowalczik and the surname alone are one: %v", counts)
	assert.Equal(t, 1, counts["boris-johnson"], counts)
	assert.Equal(t, 1, counts["dustin-johnson"], counts)
	spokespeople := 0
	for id := range counts {
		assert.NotEqual(t, "a-spokesperson-for-the-police-department", id, "a description is never one person across articles")
		if strings.HasPrefix(id, "a-spokesperson-for-the-police-department-") {
			spokespeople++
		}
	}
	assert.Equal(t, 2, spokespeople, "one per article: %v", counts)
}

// TestExtractSpeakersFile: extract applies speakers.yaml, the site's by
// default or the one --speakers names, which must exist.
func TestExtractSpeakersFile(t *testing.T) {
	dir, files := sameIDsSite(t)
	t.Chdir(dir)
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), append([]string{"extract", "--jsonl"}, args...), Stdio{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
		return code, stdout.String(), stderr.String()
	}
	code, out, stderr := run(files[1])
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"speaker_id":"antony-brellick"`)
	assert.NotContains(t, out, `"speaker_id":"tony-brellick"`)

	writeFile(t, filepath.Join(dir, "other.yaml"), "- name: Tony Brellick\n  id: tb\n")
	code, out, stderr = run(files[1], "--speakers", "other.yaml")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"speaker_id":"tb"`)

	code, _, stderr = run(files[1], "--speakers", "missing.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "missing.yaml")
}
