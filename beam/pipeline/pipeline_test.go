package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/verbatim-news/verbatim/speakers"
)

// TestEquivalence runs the pipeline on Prism over the dev corpora and checks
// that it writes what `verbatim extract --jsonl` writes for the same files:
// the same documents, the same records, byte for byte, with the same
// speaker ids (in any line order).
func TestEquivalence(t *testing.T) {
	files := evalCorpora(t)
	want, stderr := referenceLines(t, files)
	if len(want) == 0 {
		t.Fatalf("verbatim extract --jsonl wrote nothing: %s", stderr)
	}
	prefix := filepath.Join(t.TempDir(), "out")
	const shards = 3
	docs, bad := runPipeline(t, Options{Files: files, Output: prefix, Shards: shards})
	if bad != 0 || docs != int64(len(want)) {
		t.Errorf("counters: %d documents, %d bad lines; want %d, 0", docs, bad, len(want))
	}
	got := shardLines(t, prefix, shards)
	slices.Sort(got)
	slices.Sort(want)
	if len(got) != len(want) {
		t.Errorf("%d lines, want %d", len(got), len(want))
	}
	diffs := 0
	for i := 0; i < min(len(got), len(want)) && diffs < 5; i++ {
		if got[i] != want[i] {
			diffs++
			t.Errorf("line %d differs:\n got %.300s\nwant %.300s", i, got[i], want[i])
		}
	}

	// The speakers file lists every speaker id the records use, once, with
	// its quote count.
	counts := map[string]int{}
	linked := 0
	for _, l := range want {
		var rec struct {
			Quotes []struct {
				SpeakerID *string `json:"speaker_id"`
			} `json:"quotes"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		for _, q := range rec.Quotes {
			if q.SpeakerID != nil {
				counts[*q.SpeakerID]++
				linked++
			}
		}
	}
	if linked == 0 {
		t.Fatal("the reference has no speaker ids: nothing was checked")
	}
	spk := readLines(t, SpeakersFile(prefix))
	if len(spk) != len(counts) {
		t.Errorf("%d speakers, the records use %d ids", len(spk), len(counts))
	}
	for _, l := range spk {
		var sp speakers.Speaker
		if err := json.Unmarshal([]byte(l), &sp); err != nil {
			t.Fatalf("speakers line %q: %v", l, err)
		}
		if counts[sp.ID] != sp.Quotes {
			t.Errorf("speaker %s: %d quotes, the records give it %d", sp.ID, sp.Quotes, counts[sp.ID])
		}
	}
	t.Logf("%d documents, %d quotes with a speaker, %d speakers", len(want), linked, len(spk))
}

// TestBadInput: a malformed line is reported with its file and line and
// counted, and the rest goes on, giving what `verbatim extract --jsonl
// --keep-going` gives.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"a","lang":"en","text":"\"We will build the bridge,\" said Mayor Ann Lee on Monday."}`
	input := strings.Join([]string{
		good,
		`{"id":"b","text":`, // truncated
		``,                  // blank: skipped, as by extract --jsonl
		`{"id":"c","lang":"en","text":"\"It is too late,\" Lee said."}`,
		`["not", "an", "object"]`,
		`{"id":"d","lang":"fr","text":"« Nous irons jusqu'au bout », a déclaré Jean Dupont."}`,
	}, "\n") + "\n"
	file := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(file, []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, "out")
	docs, bad := runPipeline(t, Options{Files: []string{file}, Output: prefix, Shards: 2})
	if docs != 3 || bad != 2 {
		t.Errorf("counters: %d documents, %d bad lines; want 3, 2", docs, bad)
	}
	errs := readLines(t, ErrorsFile(prefix))
	slices.Sort(errs)
	if len(errs) != 2 {
		t.Fatalf("errors file: %q, want 2 lines", errs)
	}
	for i, n := range []int{2, 5} {
		var b badLine
		if err := json.Unmarshal([]byte(errs[i]), &b); err != nil {
			t.Fatal(err)
		}
		if b.Path != file || b.Line != n || !strings.Contains(b.Error, file) {
			t.Errorf("error %d: %+v, want %s line %d named in the message", i, b, file, n)
		}
	}
	want, _ := referenceLines(t, []string{file}, "--keep-going")
	got := shardLines(t, prefix, 2)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("output:\n%s\nwant (extract --jsonl --keep-going):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmptyInput: an empty file, or a glob matching nothing, gives empty
// shards and an empty speakers file, not a failure.
func TestEmptyInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, files := range map[string][]string{"empty file": {empty}, "no file": nil} {
		t.Run(name, func(t *testing.T) {
			prefix := filepath.Join(t.TempDir(), "out")
			docs, bad := runPipeline(t, Options{Files: files, Output: prefix, Shards: 2})
			if docs != 0 || bad != 0 {
				t.Errorf("counters: %d documents, %d bad lines", docs, bad)
			}
			for _, f := range []string{ShardName(prefix, 0, 2), ShardName(prefix, 1, 2), SpeakersFile(prefix), ErrorsFile(prefix)} {
				if info, err := os.Stat(f); err != nil || info.Size() != 0 {
					t.Errorf("%s: want an empty file (%v)", f, err)
				}
			}
		})
	}
}

// TestMatch: the corpus is in name order, whatever order the file system
// lists it in.
func TestMatch(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.jsonl", "a.jsonl", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Match(t.Context(), filepath.Join(dir, "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}
	if !slices.Equal(got, want) {
		t.Errorf("Match = %q, want %q", got, want)
	}
}

// TestSpeakersConfig: speakers.yaml reaches the link stage (in the DoFn,
// not from the workers' disks) and gives what the speakers package gives
// with it in one process.
func TestSpeakersConfig(t *testing.T) {
	dir := t.TempDir()
	input := strings.Join([]string{
		`{"id":"a","lang":"en","text":"\"We will build the bridge,\" said Mayor Ann Lee on Monday."}`,
		`{"id":"b","lang":"en","text":"\"The bridge is late,\" said Tom Brell, a local engineer."}`,
	}, "\n") + "\n"
	file := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(file, []byte(input), 0o644); err != nil {
		t.Fatal(err)
	}
	const yaml = "- name: Ann Lee\n  id: mayor-lee\n  description: Mayor\n- name: Tom Brell\n  not_a_person: true\n"
	prefix := filepath.Join(dir, "out")
	if docs, bad := runPipeline(t, Options{Files: []string{file}, Output: prefix, Shards: 1, SpeakersName: "speakers.yaml", Speakers: yaml}); docs != 2 || bad != 0 {
		t.Fatalf("counters: %d documents, %d bad lines", docs, bad)
	}
	ids := map[string][]*string{}
	for _, l := range readLines(t, ShardName(prefix, 0, 1)) {
		var rec outLine
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		for _, q := range rec.Quotes {
			ids[rec.ID] = append(ids[rec.ID], q.SpeakerID)
		}
	}
	if len(ids["a"]) != 1 || ids["a"][0] == nil || *ids["a"][0] != "mayor-lee" {
		t.Errorf("document a: speaker ids %v, want [mayor-lee]", deref(ids["a"]))
	}
	if len(ids["b"]) != 1 || ids["b"][0] != nil {
		t.Errorf("document b: speaker ids %v, want [null]: not_a_person", deref(ids["b"]))
	}
	spk := readLines(t, SpeakersFile(prefix))
	if len(spk) != 1 || !strings.Contains(spk[0], `"id":"mayor-lee"`) {
		t.Errorf("speakers file: %q", spk)
	}

	// A malformed speakers.yaml fails the job with the file named.
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Options{Files: []string{file}, Output: prefix, Shards: 1, SpeakersName: "speakers.yaml", Speakers: "- name: [\n"}); err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(t.Context(), p); err == nil || !strings.Contains(err.Error(), "speakers.yaml") {
		t.Errorf("malformed speakers.yaml: error %v, want one naming the file", err)
	}
}

func deref(ps []*string) []string {
	var out []string
	for _, p := range ps {
		if p == nil {
			out = append(out, "null")
		} else {
			out = append(out, *p)
		}
	}
	return out
}
