package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readSite reads every file of a built site by path.
func readSite(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	require.NoError(t, err)
	return out
}

// TestBuildFromQuotes: build --quotes renders the site from the records of
// a finished run, as extract --jsonl and verbatim-beam write them, and the
// site is the one a normal build makes, byte for byte, when the run lists
// its speakers (PREFIX-speakers.jsonl, here from `speakers --json
// --unnamed`).
func TestBuildFromQuotes(t *testing.T) {
	dir, files := sameIDsSite(t)
	t.Chdir(dir)
	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
		return stdout.String(), stderr.String(), code
	}
	mustRun := func(args ...string) string {
		out, errs, code := run(args...)
		require.Equal(t, 0, code, "%v: %s", args, errs)
		return out
	}

	mustRun("build", "--no-cache", "--content", "content", "--out", "normal")
	records := mustRun(append([]string{"extract", "--jsonl"}, files...)...)
	var listed struct {
		Speakers []json.RawMessage `json:"speakers"`
	}
	require.NoError(t, json.Unmarshal([]byte(mustRun("speakers", "--json", "--unnamed")), &listed))
	var spk strings.Builder
	for _, s := range listed.Speakers {
		var b bytes.Buffer
		require.NoError(t, json.Compact(&b, s))
		spk.Write(append(b.Bytes(), '\n'))
	}
	writeFile(t, filepath.Join(dir, "run", "out-00000-of-00001.jsonl"), records)
	writeFile(t, filepath.Join(dir, "run", "out-speakers.jsonl"), spk.String())
	writeFile(t, filepath.Join(dir, "run", "out-errors.jsonl"), `{"path":"x.jsonl","line":3,"error":"not JSON"}`+"\n")

	_, errs, code := run("build", "--no-cache", "--content", "content", "--out", "fromrun", "--quotes", "run/out-*.jsonl")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "(quotes from the run's records)")
	normal, fromRun := readSite(t, filepath.Join(dir, "normal")), readSite(t, filepath.Join(dir, "fromrun"))
	require.NotEmpty(t, normal["quotes.json"])
	assert.Equal(t, len(normal), len(fromRun))
	for p, want := range normal {
		assert.Equal(t, want, fromRun[p], p)
	}

	// Records alone (extract --jsonl, no speakers list): the same speaker
	// ids on every quote.
	require.NoError(t, os.Remove(filepath.Join(dir, "run", "out-speakers.jsonl")))
	mustRun("build", "--no-cache", "--content", "content", "--out", "bare", "--quotes", "run/out-*.jsonl")
	assert.Equal(t, normal["quotes.json"], readSite(t, filepath.Join(dir, "bare"))["quotes.json"])

	// A record of an article the content folder lacks is reported.
	writeFile(t, filepath.Join(dir, "run", "out-00001-of-00001.jsonl"), `{"id":"gone","quotes":[]}`+"\n")
	_, errs, code = run("build", "--no-cache", "--content", "content", "--out", "bare", "--quotes", "run/out-*.jsonl")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, `out-00001-of-00001.jsonl:1: record of document "gone", which the content folder does not have`)

	// A malformed record names its file and line, and fails the build.
	writeFile(t, filepath.Join(dir, "run", "out-00001-of-00001.jsonl"), `{"id":"gone","quotes":[]}`+"\n\n"+`{"id":`+"\n")
	_, errs, code = run("build", "--no-cache", "--content", "content", "--out", "bare", "--quotes", "run/out-*.jsonl")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, filepath.Join("run", "out-00001-of-00001.jsonl")+":3: ")

	_, errs, code = run("build", "--content", "content", "--quotes", "nothing-*.jsonl")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "--quotes nothing-*.jsonl matches no file")
}
