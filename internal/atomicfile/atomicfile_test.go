package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b.txt")
	require.NoError(t, WriteFile(path, []byte("old")))
	require.NoError(t, WriteFile(path, []byte("new")))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
	left, err := filepath.Glob(filepath.Join(dir, "a", ".tmp-*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file stays behind")
}

func TestWriteFileErrorNamesThePath(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(blocker, []byte("x"), 0o644))
	err := WriteFile(filepath.Join(blocker, "inside.txt"), []byte("y"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "inside.txt")
}
