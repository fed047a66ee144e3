// Package cli wires the verbatim subcommands to the packages that do the work.
// Each subcommand lives in its own file and parses its own flags.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
)

// Stdio are the streams a command reads and writes.
type Stdio struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdio Stdio) error
}

func commands() []command {
	return []command{
		{"extract", "find quotes and speakers in articles, print JSON", runExtract},
		{"eval", "score the extractor against annotated gold files", runEval},
		{"build", "build the static site of quotes per speaker", runBuild},
		{"serve", "build, serve on localhost and rebuild on change", runServe},
		{"speakers", "list the speakers across articles, their aliases and merges", runSpeakers},
		{"fetch", "download articles into the content folder as Markdown", runFetch},
	}
}

// errUsage marks an error already explained by the flag package.
var errUsage = errors.New("usage")

// Main runs one subcommand and returns the process exit code.
func Main(ctx context.Context, args []string, stdio Stdio) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(stdio.Out, "verbatim", version(debug.ReadBuildInfo))
		return 0
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdio.Err)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdio)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stdio.Err, "verbatim %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stdio.Err, "verbatim: unknown command %q\n\n", args[0])
	usage(stdio.Err)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "verbatim finds every direct quotation in news articles and who said it,")
	fmt.Fprintln(w, "and publishes a static site of quotes per speaker.")
	fmt.Fprintln(w, "\nUsage: verbatim <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'verbatim <command> --help' for a command's flags and examples,")
	fmt.Fprintln(w, "'verbatim --version' for the version.")
	fmt.Fprintln(w, "\nExample:\n  verbatim build && verbatim serve")
}

// version is the module version verbatim was built as (go install
// …@v1.2.0), with the commit when the build recorded one; "devel" for a
// build from a work tree that has no version.
func version(read func() (*debug.BuildInfo, bool)) string {
	info, ok := read()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" && v == "devel" {
		v += " (" + rev[:min(12, len(rev))] + modified + ")"
	}
	return v
}

// checkContent fails when the content folder is missing, with a hint that
// fits the common mistake: running verbatim outside a site folder.
func checkContent(flags *flag.FlagSet, dir string) error {
	info, err := os.Stat(dir)
	if err == nil && info.IsDir() {
		return nil
	}
	if err == nil {
		return fmt.Errorf("content: %s is not a folder", dir)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("content: %w", err)
	}
	given := false
	flags.Visit(func(f *flag.Flag) { given = given || f.Name == "content" })
	if !given {
		return errors.New("no content/ folder here: run verbatim in a site folder or pass --content")
	}
	return fmt.Errorf("content: no folder %s", dir)
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints the command's help: every command's help has one shape (usage,
// what it does, flags each with an example, an example), written by hand
// rather than by PrintDefaults so that it can show examples.
func newFlagSet(name, usage string, stdio Stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() { fmt.Fprint(stdio.Err, usage) }
	if flagSetMade != nil {
		flagSetMade(fs)
	}
	return fs
}

// flagSetMade, when set by a test, sees every command's flag set, to check
// that the help text lists each flag.
var flagSetMade func(*flag.FlagSet)

// parseFlags parses args and maps flag errors to errUsage so Main does not
// print them twice.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
