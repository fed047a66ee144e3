package render

import (
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
		{"unstated", "old"}, // the state of the current site removed, not yet in place
		{"swapped", "new"},  // in place; the previous site not yet removed
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			// Two builds first, the second after a change, so that the
			// killed build starts from the spare (the site before the
			// last), which it must bring up to date.
			dir, opts, _ := smallSite(t)
			_, err := Build(context.Background(), opts)
			require.NoError(t, err)
			writeTree(t, dir, map[string]string{"content/a.md": "---\ntitle: First\ndate: 2024-01-02\nlang: en\n---\n\n“One” she said, “seven”.\n"})
			_, err = Build(context.Background(), opts)
			require.NoError(t, err)
			require.DirExists(t, filepath.Join(dir, ".public.previous"))
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
			_, err = Build(context.Background(), opts)
			require.NoError(t, err)
			assert.Equal(t, want["new"], readTree(t, opts.OutDir), "and the one after it too")
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
		// The state is no leftover: it tells the next build of the site.
		if e.Name() != ".public.state" {
			assert.False(t, strings.HasPrefix(e.Name(), ".public."), "left %s", e.Name())
		}
	}
}

// TestRebuildsMatchFreshBuilds runs a series of rebuilds, each starting from
// the site before the last, and checks after each that the site is the one
// a fresh build makes, plus the files put there by hand. Files put by hand
// are found from the state the last build left and the folders changed
// since (changeSlack); also with no slack, which leaves most folders
// unread, and with no state, where every folder is read.
func TestRebuildsMatchFreshBuilds(t *testing.T) {
	defer func(s time.Duration) { changeSlack = s }(changeSlack)
	for _, tt := range []struct {
		name    string
		slack   time.Duration
		noState bool
	}{{"slack", time.Second, false}, {"no slack", 0, false}, {"no state", 0, true}} {
		t.Run(tt.name, func(t *testing.T) {
			changeSlack = tt.slack
			testRebuildsMatchFreshBuilds(t, tt.noState)
		})
	}
}

func testRebuildsMatchFreshBuilds(t *testing.T, noState bool) {
	dir, opts, _ := smallSite(t)
	md := func(title, text string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-03\nlang: en\n---\n\n" + text + "\n"
	}
	steps := []struct {
		name   string
		write  map[string]string
		remove []string
		hand   map[string]string // files put in the output by hand
		unhand []string          // and removed by hand
	}{
		{name: "first"},
		{name: "change", write: map[string]string{"content/b.md": md("Second", "“Two” she said, and “five”.")}, hand: map[string]string{"CNAME": "q.example.org\n"}},
		{name: "add", write: map[string]string{"content/d.md": md("Fourth", "“Six” she said.")},
			hand: map[string]string{".well-known/security.txt": "Contact: x\n", "speakers/ada-lovelace/photo.jpg": "jpeg"}},
		{name: "remove", remove: []string{"content/c.txt"}, unhand: []string{"CNAME"}},
		{name: "change back", write: map[string]string{"content/b.md": md("Second", "“Two” she said, and “three”.")},
			hand: map[string]string{".well-known/deep/er.txt": "x"}},
		{name: "nothing", unhand: []string{"speakers/ada-lovelace/photo.jpg"}},
		{name: "nothing again", hand: map[string]string{"articles/first/note.txt": "n"}},
		{name: "still nothing"},
	}
	hand := map[string]string{}
	for _, st := range steps {
		writeTree(t, dir, st.write)
		for _, r := range st.remove {
			require.NoError(t, os.Remove(filepath.Join(dir, r)))
		}
		writeTree(t, opts.OutDir, st.hand)
		maps.Copy(hand, st.hand)
		for _, r := range st.unhand {
			require.NoError(t, os.Remove(filepath.Join(opts.OutDir, r)))
			delete(hand, r)
		}
		if noState {
			require.NoError(t, os.RemoveAll(filepath.Join(dir, ".public.state")))
		}
		_, err := Build(context.Background(), opts)
		require.NoError(t, err, st.name)
		fresh := opts
		fresh.OutDir = filepath.Join(t.TempDir(), "fresh")
		_, err = Build(context.Background(), fresh)
		require.NoError(t, err)
		want := readTree(t, fresh.OutDir)
		maps.Copy(want, hand)
		assert.Equal(t, want, readTree(t, opts.OutDir), st.name)
		if st.name != "first" {
			// The site just replaced waits beside it for the next build.
			assert.FileExists(t, filepath.Join(dir, ".public.previous", marker), st.name)
		}
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			assert.False(t, strings.HasPrefix(e.Name(), ".public.new-"), "%s: left %s", st.name, e.Name())
		}
	}
}
