//go:build unix

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary run as verbatim, so that a test can send
// it a real signal.
func TestMain(m *testing.M) {
	if os.Getenv("VERBATIM_TEST_RUN_MAIN") == "1" {
		os.Args = append(os.Args[:1], strings.Fields(os.Getenv("VERBATIM_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// TestStopSignals sends each stop signal to a running "verbatim serve":
// it must exit and leave no temporary folder behind.
func TestStopSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server: skipped in -short mode")
	}
	// How long the server may take to start and to stop; it takes well
	// under a second of each.
	const deadline = 60 * time.Second
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			site := t.TempDir()
			tmp := t.TempDir()
			require.NoError(t, os.MkdirAll(filepath.Join(site, "content"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(site, "content", "a.txt"),
				[]byte("Title\n\n\"We will go,\" said Ada Lovelace.\n"), 0o644))

			cmd := exec.Command(os.Args[0])
			cmd.Dir = site
			cmd.Env = append(os.Environ(), "VERBATIM_TEST_RUN_MAIN=1", "VERBATIM_TEST_ARGS=serve --port 0", "TMPDIR="+tmp)
			stderr, err := cmd.StderrPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			done := make(chan error, 1)
			ready := make(chan struct{})
			go func() {
				sc := bufio.NewScanner(stderr)
				started := false
				for sc.Scan() {
					if !started && strings.HasPrefix(sc.Text(), "Serving the site at") {
						started = true
						close(ready)
					}
				}
				done <- cmd.Wait()
			}()
			select {
			case <-ready:
			case <-time.After(deadline):
				_ = cmd.Process.Kill()
				t.Fatal("verbatim serve did not start")
			}
			entries, err := os.ReadDir(tmp)
			require.NoError(t, err)
			require.Len(t, entries, 1, "serve builds in a temporary folder")

			require.NoError(t, cmd.Process.Signal(sig))
			select {
			case err := <-done:
				require.NoError(t, err, "a stop signal is a clean exit")
			case <-time.After(deadline):
				_ = cmd.Process.Kill()
				t.Fatalf("verbatim serve did not stop on %v", sig)
			}
			entries, err = os.ReadDir(tmp)
			require.NoError(t, err)
			assert.Empty(t, entries, "temporaries left behind after %v", sig)
		})
	}
}
