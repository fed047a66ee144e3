package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/internal/shared"
)

var update = flag.Bool("update", false, "rewrite testdata/records.golden from the extractor's output")

// recordsGolden holds one line per dev corpus and mode: the SHA-256 of the
// records `verbatim extract --jsonl` prints for it.
const recordsGolden = "testdata/records.golden"

// TestRecordsGolden pins the records of every dev corpus, with and without
// speaker ids, so that work on the extractor's speed (or anything else
// meant to change no output) is checked byte for byte. A deliberate change
// of output refreshes it: go test ./internal/cli -run TestRecordsGolden -update
func TestRecordsGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the extractor over every dev corpus")
	}
	var got strings.Builder
	for _, path := range shared.EvalCorpora(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".jsonl")
		for _, mode := range []struct {
			name  string
			flags []string
		}{
			{"speaker-ids", nil},
			{"no-speaker-ids", []string{"--no-speaker-ids"}},
		} {
			var stdout, stderr bytes.Buffer
			args := append([]string{"extract", "--jsonl", "-j", "2", path}, mode.flags...)
			code := Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
			require.Equal(t, 0, code, "%v: %s", args, stderr.String())
			sum := sha256.Sum256(stdout.Bytes())
			fmt.Fprintf(&got, "%s %s %s\n", name, mode.name, hex.EncodeToString(sum[:]))
		}
	}
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(recordsGolden), 0o755))
		require.NoError(t, os.WriteFile(recordsGolden, []byte(got.String()), 0o644))
		return
	}
	want, err := os.ReadFile(recordsGolden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got.String(),
		"records changed; if meant, go test ./internal/cli -run TestRecordsGolden -update")
}
