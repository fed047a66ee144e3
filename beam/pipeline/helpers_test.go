package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/verbatim-news/verbatim/internal/cli"
)

// TestMain runs the pipelines on Prism, in process, with a temporary
// folder of their own: the SDK leaves an empty beamloopbackworker-* file
// in it per pipeline run, removed with the folder.
func TestMain(m *testing.M) { os.Exit(testMain(m)) }

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "verbatim-beam-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "temporary folder:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	if err := os.Setenv("TMPDIR", dir); err != nil {
		fmt.Fprintln(os.Stderr, "TMPDIR:", err)
		return 1
	}
	return ptest.MainRetWithDefault(m, "prism")
}

// evalCorpora lists ../shared/eval/*.jsonl beside the repository (the dev
// corpora CI provides), in name order. Absent data skips the test locally
// and fails it under CI=true, as internal/shared does for the main module
// (whose helper finds the nearest go.mod: this module's, not the root's).
func evalCorpora(tb testing.TB) []string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	// The repository root is the folder whose go.mod is the main module's.
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/verbatim-news/verbatim\n")) {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no repository root above the test's folder")
		}
		dir = parent
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "eval", "*.jsonl"))
	if len(paths) == 0 {
		msg := "../shared/eval has no corpora: CI must have ../shared beside the clone"
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	slices.Sort(paths)
	return paths
}

// runPipeline runs the pipeline on Prism over files and returns the counts.
func runPipeline(tb testing.TB, o Options) (docs, bad int64) {
	tb.Helper()
	c := runCounters(tb, o)
	return c["documents"], c["bad_lines"]
}

// runCounters runs the pipeline on Prism and returns its counters.
func runCounters(tb testing.TB, o Options) map[string]int64 {
	tb.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		tb.Fatal(err)
	}
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		tb.Fatalf("pipeline: %v", err)
	}
	return Counters(res)
}

// referenceLines runs `verbatim extract --jsonl` on files and returns its
// output lines and standard error.
func referenceLines(tb testing.TB, files []string, flags ...string) ([]string, string) {
	tb.Helper()
	out := filepath.Join(tb.TempDir(), "ref.jsonl")
	args := append([]string{"extract", "--jsonl", "-j", "2", "-o", out}, flags...)
	var stderr strings.Builder
	cli.Main(context.Background(), append(args, files...), cli.Stdio{In: strings.NewReader(""), Out: os.Stdout, Err: &stderr})
	return readLines(tb, out), stderr.String()
}

// shardLines reads every shard of a run.
func shardLines(tb testing.TB, prefix string, shards int) []string {
	tb.Helper()
	var lines []string
	for i := range shards {
		lines = append(lines, readLines(tb, ShardName(prefix, i, shards))...)
	}
	return lines
}

func readLines(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}
