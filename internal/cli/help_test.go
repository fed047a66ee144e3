package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelpStyle checks that every subcommand's --help has one shape:
// usage, what it does, its flags (every flag it accepts), and an example.
func TestHelpStyle(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			var made []*flag.FlagSet
			flagSetMade = func(fs *flag.FlagSet) { made = append(made, fs) }
			defer func() { flagSetMade = nil }()
			var out, errb bytes.Buffer
			code := Main(context.Background(), []string{c.name, "--help"}, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
			assert.Equal(t, 0, code)
			help := errb.String()
			assert.True(t, strings.HasPrefix(help, "Usage: verbatim "+c.name+" "), "starts with its usage line:\n%s", help)
			parts := strings.Split(help, "\n\n")
			require.GreaterOrEqual(t, len(parts), 4, "usage, description, flags, example:\n%s", help)
			assert.NotEmpty(t, strings.TrimSpace(parts[1]), "says what it does")
			assert.Contains(t, help, "\nFlags:\n")
			assert.Regexp(t, regexp.MustCompile(`\nExample:\n  verbatim `), help)
			require.Len(t, made, 1)
			made[0].VisitAll(func(f *flag.Flag) {
				dash := "--"
				if len(f.Name) == 1 {
					dash = "-"
				}
				assert.Regexp(t, regexp.MustCompile(`\n  `+regexp.QuoteMeta(dash+f.Name)+`\b`), help, "the help lists %s%s", dash, f.Name)
			})
		})
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	code := Main(context.Background(), []string{"--version"}, Stdio{Out: &out, Err: &out})
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^verbatim \S+`, out.String())
}

// TestSiteFolderHints checks what a command says outside a site folder,
// and that one flag name means one file everywhere.
func TestSiteFolderHints(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build"}, 1, "no content/ folder here: run verbatim in a site folder or pass --content"},
		{[]string{"serve", "--port", "0"}, 1, "no content/ folder here: run verbatim in a site folder or pass --content"},
		{[]string{"speakers"}, 1, "no content/ folder here: run verbatim in a site folder or pass --content"},
		{[]string{"build", "--content", "nope"}, 1, "content: no folder nope"},
		{[]string{"speakers", "--config", "speakers.yaml"}, 2, "--config names the site configuration (verbatim.yaml)"},
		{[]string{"serve", "--port", "70000"}, 2, "--port must be between 0 and 65535"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), tt.args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
			assert.Equal(t, tt.code, code)
			assert.Contains(t, errb.String(), tt.want)
		})
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "devel"},
		{"go install @version", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"work tree", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "devel (0123456789ab, modified)"},
		{"go run", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := version(func() (*debug.BuildInfo, bool) { return tt.info, tt.info != nil })
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestReadmeCommandFlags checks that README's table of commands gives build,
// serve and speakers the flags they accept, no more, no fewer.
func TestReadmeCommandFlags(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	for _, name := range []string{"build", "serve", "speakers"} {
		t.Run(name, func(t *testing.T) {
			m := regexp.MustCompile("(?m)^\\| `verbatim " + name + " ([^`]*)`").FindSubmatch(data)
			require.NotNil(t, m, "README lists verbatim %s", name)
			var documented []string
			for _, f := range regexp.MustCompile(`--?([a-z-]+)`).FindAllSubmatch(m[1], -1) {
				documented = append(documented, string(f[1]))
			}
			var made []*flag.FlagSet
			flagSetMade = func(fs *flag.FlagSet) { made = append(made, fs) }
			defer func() { flagSetMade = nil }()
			var out bytes.Buffer
			Main(context.Background(), []string{name, "--help"}, Stdio{In: strings.NewReader(""), Out: &out, Err: &out})
			require.Len(t, made, 1)
			var accepted []string
			made[0].VisitAll(func(f *flag.Flag) {
				// speakers' --config only says where speakers.yaml went.
				if name == "speakers" && f.Name == "config" {
					return
				}
				if name == "speakers" && (f.Name == "j" || f.Name == "lang" || f.Name == "progress") {
					return // tuning flags, left to --help
				}
				accepted = append(accepted, f.Name)
			})
			assert.ElementsMatch(t, accepted, documented)
		})
	}
}

// TestBuildNoCache checks that --no-cache neither reads nor writes the
// cache, even with --cache.
func TestBuildNoCache(t *testing.T) {
	dir, content := oneArticleSite(t)
	cache := filepath.Join(dir, "cache")
	writeFile(t, filepath.Join(dir, "none.yaml"), "title: Test\n")
	var out bytes.Buffer
	code := Main(context.Background(), []string{"build", "--content", content, "--out", filepath.Join(dir, "public"),
		"--config", filepath.Join(dir, "none.yaml"), "--cache", cache, "--no-cache"}, Stdio{Out: &out, Err: &out})
	require.Equal(t, 0, code, out.String())
	assert.Contains(t, out.String(), "1 article extracted, 0 from cache")
	assert.NoDirExists(t, cache)
}
