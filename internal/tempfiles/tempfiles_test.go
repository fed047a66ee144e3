package tempfiles

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deadPID returns the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	require.NoError(t, cmd.Run())
	return cmd.Process.Pid
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	dead := strconv.Itoa(deadPID(t))
	live := strconv.Itoa(os.Getppid())
	self := strconv.Itoa(os.Getpid())
	old := time.Now().Add(-2 * StaleAfter)
	tests := []struct {
		name    string
		folder  bool
		mtime   time.Time
		removed bool
	}{
		{"verbatim-serve-" + dead + "-123", true, old, true},
		{"verbatim-serve-" + live + "-124", true, old, false}, // its process runs
		{"verbatim-serve-" + self + "-125", true, old, false},
		{"verbatim-serve-" + dead + "-126", true, time.Now(), false}, // too young to judge
		{"verbatim-serve-4242424242", true, old, true},               // named before the ids
		{"verbatim-serve-" + dead + "-127.jsonl", false, old, true},
		{"verbatim-served-" + dead + "-128", true, old, false}, // another prefix
		{"other-" + dead + "-129", true, old, false},
		{"verbatim-serve-", false, old, true},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if tt.folder {
			require.NoError(t, os.MkdirAll(filepath.Join(p, "public", "speakers"), 0o755))
		} else {
			require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
		}
		require.NoError(t, os.Chtimes(p, tt.mtime, tt.mtime))
	}
	// A link is never ours, and what it points to is never touched.
	target := filepath.Join(t.TempDir(), "keep")
	require.NoError(t, os.Mkdir(target, 0o755))
	link := filepath.Join(dir, "verbatim-serve-"+dead+"-130")
	require.NoError(t, os.Symlink(target, link))

	removed, err := Clean(dir, "verbatim-serve-", "", StaleAfter)
	require.NoError(t, err)
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		_, err := os.Lstat(p)
		assert.Equal(t, tt.removed, os.IsNotExist(err), tt.name)
		assert.Equal(t, tt.removed, slices.Contains(removed, p), tt.name)
	}
	assert.FileExists(t, link)
	assert.DirExists(t, target)

	removed, err = Clean(filepath.Join(dir, "missing"), "x", "", StaleAfter)
	require.NoError(t, err, "a missing folder has nothing stale")
	assert.Empty(t, removed)
}

func TestPattern(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), Pattern("verbatim-extract-", ".jsonl"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	name := filepath.Base(f.Name())
	pid, ok := ownerPID(name[len("verbatim-extract-") : len(name)-len(".jsonl")])
	require.True(t, ok, name)
	assert.Equal(t, os.Getpid(), pid)
}
