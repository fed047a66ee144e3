package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneArticleSite writes a site folder whose content/ holds one French
// article with one quote.
func oneArticleSite(t *testing.T) (dir, content string) {
	dir = t.TempDir()
	content = filepath.Join(dir, "content")
	writeFile(t, filepath.Join(content, "a.md"), "---\ntitle: Un article\ndate: 2024-01-02\nlang: fr\n---\n\n« Nous partirons demain », a déclaré Jeanne Martin.\n")
	return dir, content
}

func TestBuildCommand(t *testing.T) {
	dir, content := oneArticleSite(t)
	out := filepath.Join(dir, "public")
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), append([]string{"build"}, args...), Stdio{Out: &stdout, Err: &stderr})
		return code, stderr.String()
	}
	args := []string{"--content", content, "--out", out, "--config", filepath.Join(dir, "none.yaml"), "--cache", filepath.Join(dir, "cache")}

	code, stderr := run(args...)
	assert.Equal(t, 1, code, "a missing --config file is an error")
	assert.Contains(t, stderr, "none.yaml")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "none.yaml"), []byte("title: Test\n"), 0o644))
	code, stderr = run(args...)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "1 article,")
	assert.FileExists(t, filepath.Join(out, "index.html"))
	assert.FileExists(t, filepath.Join(out, "feed.json"))

	require.NoError(t, os.WriteFile(filepath.Join(content, "bad.md"), []byte("---\ntitle: x\n"), 0o644))
	code, stderr = run(args...)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, filepath.Join(content, "bad.md")+":1")
	code, stderr = run(append(args, "--keep-going")...)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "skipped "+filepath.Join(content, "bad.md"))

	code, _ = run("--nope")
	assert.Equal(t, 2, code)
	code, _ = run("extra-arg")
	assert.Equal(t, 2, code)
}

func TestBuildEditorialFiles(t *testing.T) {
	dir, content := oneArticleSite(t)
	out := filepath.Join(dir, "public")
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		base := []string{"build", "--content", content, "--out", out, "--config", filepath.Join(dir, "none.yaml"), "--no-cache"}
		code := Main(context.Background(), append(base, args...), Stdio{Out: &stdout, Err: &stderr})
		return code, stderr.String()
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "none.yaml"), []byte("title: Test\n"), 0o644))
	code, stderr := run()
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(filepath.Join(out, "quotes.json"))
	require.NoError(t, err)
	var recs []struct{ ID, Text, SpeakerID string }
	require.NoError(t, json.Unmarshal(data, &recs))
	require.Len(t, recs, 1, "the real extractor finds the quote")

	speakers := filepath.Join(dir, "editorial", "speakers.yaml")
	fixes := filepath.Join(dir, "editorial", "corrections.yaml")
	require.NoError(t, os.MkdirAll(filepath.Dir(speakers), 0o755))
	require.NoError(t, os.WriteFile(speakers, []byte("- name: Jeanne Martin\n  description: Porte-parole\n  qid: Q42\n"), 0o644))
	require.NoError(t, os.WriteFile(fixes, []byte("- quote: "+recs[0].ID+"\n  action: verify\n  by: Joe Checker\n  date: 2024-05-04\n"+
		"- quote: q-0000000000000000\n  action: reject\n  by: Ann Editor\n  date: 2024-05-05\n"), 0o644))
	code, stderr = run("--speakers", speakers, "--corrections", fixes)
	require.Equal(t, 0, code, "a stale correction does not stop the build: %s", stderr)
	assert.Contains(t, stderr, "warning: "+fixes+":5: correction reject of quote q-0000000000000000 (by Ann Editor, 2024-05-05): no article has this quote any more; the entry is kept\n")
	assert.Contains(t, stderr, "1 warning about the content, speakers.yaml or corrections.yaml")
	page, err := os.ReadFile(filepath.Join(out, "speakers", "jeanne-martin", "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "Porte-parole")
	assert.Contains(t, string(page), "https://www.wikidata.org/wiki/Q42")
	assert.Contains(t, string(page), "Verified by Joe Checker on May 4, 2024")

	require.NoError(t, os.WriteFile(fixes, []byte("- quote: q-1\n  action: verify\n  by: Joe Checker\n  date: 4 May\n"), 0o644))
	code, stderr = run("--corrections", fixes)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, fixes+":1: date \"4 May\": want YYYY-MM-DD")
	code, stderr = run("--speakers", filepath.Join(dir, "nope.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "nope.yaml: no such file or directory")
}
