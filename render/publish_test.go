package render

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Environment of the child process TestPublishKilled starts: the site
// folder to build and the publishing step to die at.
const (
	killSiteEnv = "VERBATIM_TEST_KILL_SITE"
	killStepEnv = "VERBATIM_TEST_KILL_STEP"
)

// killedStatus is the exit status of a child stopped at its step.
const killedStatus = 77

// TestPublishKilled stops a rebuild at every step of publishing, the way
// a kill would (os.Exit runs no deferred cleanup), and checks that the
// output folder then holds the old site or the new one, whole, and that
// the next build publishes the new site.
func TestPublishKilled(t *testing.T) {
	if dir := os.Getenv(killSiteEnv); dir != "" {
		killedBuild(t, dir, os.Getenv(killStepEnv))
		return
	}
	tests := []struct {
		step string
		want string // "old" or "new"
	}{
		{"page", "old"},     // while changed pages are written to the stage
		{"staged", "old"},   // every page staged, no manifest yet
		{"manifest", "old"}, // the stage is complete, not yet in place
		{"swapped", "new"},  // in place; the previous site not yet removed
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			dir, opts, _ := smallSite(t)
			_, err := Build(context.Background(), opts)
			require.NoError(t, err)
			old := readTree(t, opts.OutDir)
			writeTree(t, dir, map[string]string{
				"content/b.md": "---\ntitle: Second\ndate: 2024-01-03\nlang: en\n---\n\n“Two” she said, and “five”.\n",
				"content/d.md": "---\ntitle: Fourth\ndate: 2024-01-05\nlang: en\n---\n\n“Six” she said.\n",
			})
			require.NoError(t, os.Remove(filepath.Join(dir, "content", "c.txt")))
			fresh := opts
			fresh.OutDir = filepath.Join(t.TempDir(), "fresh")
			_, err = Build(context.Background(), fresh)
			require.NoError(t, err)
			want := map[string]map[string]string{"old": old, "new": readTree(t, fresh.OutDir)}
			require.NotEqual(t, want["old"], want["new"])

			child := exec.Command(os.Args[0], "-test.run=^TestPublishKilled$")
			child.Env = append(os.Environ(), killSiteEnv+"="+dir, killStepEnv+"="+tt.step)
			outb, err := child.CombinedOutput()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "the child reaches step %s: %v\n%s", tt.step, err, outb)
			require.Equal(t, killedStatus, exit.ExitCode(), "%s", outb)

			assert.Equal(t, want[tt.want], readTree(t, opts.OutDir), "killed at %s", tt.step)
			_, err = Build(context.Background(), opts)
			require.NoError(t, err)
			assert.Equal(t, want["new"], readTree(t, opts.OutDir), "the next build publishes the new site")
		})
	}
}

// killedBuild is the child of TestPublishKilled: it builds the site in dir
// and exits at step without any cleanup.
func killedBuild(t *testing.T, dir, step string) {
	publishStep = func(s string) {
		if s == step {
			os.Exit(killedStatus)
		}
	}
	calls := new(int)
	opts := Options{
		ContentDir: filepath.Join(dir, "content"), OutDir: filepath.Join(dir, "public"),
		ConfigFile: filepath.Join(dir, "none.yaml"), TemplatesDir: filepath.Join(dir, "templates"),
		CacheDir: filepath.Join(dir, "cache"), ExtractorVersion: "test", Extractor: counting{calls},
	}
	_, err := Build(context.Background(), opts)
	t.Fatalf("the build did not stop at step %q (err %v)", step, err)
}

// TestPublishKeepsForeignFiles checks that files put in the output folder
// by hand survive a rebuild, while the pages of a removed article go.
func TestPublishKeepsForeignFiles(t *testing.T) {
	dir, opts, _ := smallSite(t)
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	writeTree(t, opts.OutDir, map[string]string{"CNAME": "quotes.example.org\n", ".well-known/security.txt": "Contact: x\n"})
	require.NoError(t, os.Remove(filepath.Join(dir, "content", "c.txt")))
	_, err = Build(context.Background(), opts)
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(opts.OutDir, "CNAME"))
	assert.FileExists(t, filepath.Join(opts.OutDir, ".well-known", "security.txt"))
	assert.NoDirExists(t, filepath.Join(opts.OutDir, "articles", "third-title"))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".public.new-"), "left %s", e.Name())
	}
}

// TestPublishThroughLink checks that an output folder that is a symbolic
// link stays one, and that the folder it leads to gets the new site.
func TestPublishThroughLink(t *testing.T) {
	dir, opts, _ := smallSite(t)
	target := filepath.Join(t.TempDir(), "www")
	require.NoError(t, os.Symlink(target, opts.OutDir))
	for _, change := range []string{"“Two” she said.", "“Two” she said, and “five”."} {
		writeTree(t, dir, map[string]string{"content/b.md": "---\ntitle: Second\ndate: 2024-01-03\nlang: en\n---\n\n" + change + "\n"})
		_, err := Build(context.Background(), opts)
		require.NoError(t, err)
		fi, err := os.Lstat(opts.OutDir)
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the output is still a link")
	}
	assert.Contains(t, readFile(t, target, "articles/second/index.html"), "five")
}

// TestPublishWithoutExchange checks the fallback for systems that cannot
// exchange two folders: two renames, and nothing left beside the output.
func TestPublishWithoutExchange(t *testing.T) {
	exchangeDirs = func(a, b string) (bool, error) { return false, nil }
	defer func() { exchangeDirs = exchange }()
	dir, opts, _ := smallSite(t)
	_, err := Build(context.Background(), opts)
	require.NoError(t, err)
	writeTree(t, dir, map[string]string{"content/b.md": "---\ntitle: Second\ndate: 2024-01-03\nlang: en\n---\n\n“Two” she said, and “five”.\n"})
	_, err = Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Contains(t, readFile(t, opts.OutDir, "articles/second/index.html"), "five")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".public."), "left %s", e.Name())
	}
}
