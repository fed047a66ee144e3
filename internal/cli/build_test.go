package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildCommand(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	require.NoError(t, os.MkdirAll(content, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(content, "a.md"),
		[]byte("---\ntitle: Un article\ndate: 2024-01-02\nlang: fr\n---\n\n« Nous partirons demain », a déclaré Jeanne Martin.\n"), 0o644))
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
	assert.Contains(t, stderr, "1 articles")
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
