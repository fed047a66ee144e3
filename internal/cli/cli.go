// Package cli wires the verbatim subcommands to the packages that do the work.
// Each subcommand lives in its own file and parses its own flags.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
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
	fmt.Fprintln(w, "\nRun 'verbatim <command> --help' for a command's flags.")
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints a usage line built from the command's synopsis.
func newFlagSet(name, synopsis string, stdio Stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() {
		fmt.Fprintf(stdio.Err, "Usage: verbatim %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

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
