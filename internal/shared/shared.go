// Package shared finds, for tests and benchmarks, the project's shared data:
// the folder ../shared beside the repository (eval sets, seeds, score.py),
// which CI provides and a developer may not have.
//
// Absent data skips the test locally and fails it under CI=true, so a CI
// run can never pass by skipping what it must check.
package shared

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Dir returns ../shared/sub beside the repository holding the test.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	dir := filepath.Join(root, "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		missing(tb, dir+" is missing: CI must have ../shared beside the clone")
	}
	return dir
}

// EvalFile returns ../shared/eval/name.
func EvalFile(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(Dir(tb, "eval"), name)
	if _, err := os.Stat(path); err != nil {
		missing(tb, path+" is missing")
	}
	return path
}

// EvalCorpora lists ../shared/eval/*.jsonl.
func EvalCorpora(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(Dir(tb, "eval"), "*.jsonl"))
	if len(paths) == 0 {
		missing(tb, "../shared/eval has no corpora")
	}
	return paths
}

// Python returns the python3 that runs ../shared/eval/score.py.
func Python(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		missing(tb, "python3 is missing")
	}
	return p
}

// ScorePy runs ../shared/eval/score.py on gold and pred with flags and
// returns what it prints on stdout; a non-zero exit fails the test.
func ScorePy(tb testing.TB, gold, pred string, flags ...string) []byte {
	tb.Helper()
	args := append([]string{EvalFile(tb, "score.py"), gold, pred}, flags...)
	cmd := exec.Command(Python(tb), args...)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("score.py %v: %v: %s", flags, err, stderr.String())
	}
	return out
}

func missing(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

// repoRoot walks up from the working directory (the test's package) to
// the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
