package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/verbatim-news/verbatim/render"
)

const buildSynopsis = "[--content DIR] [--out DIR] [--base-url URL] [--config FILE] [--speakers FILE] [--corrections FILE] [--cache DIR] [--keep-going]"

// buildFlags are the flags build and serve share; serve has no --out or
// --base-url since it builds a private copy for its own address.
type buildFlags struct {
	content, out, baseURL, config, cache string
	speakers, corrections                string
	noCache, keepGoing                   bool
}

func (b *buildFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}, publish bool) {
	fs.StringVar(&b.content, "content", "content", "folder of articles (.md, .txt, .jsonl)")
	if publish {
		fs.StringVar(&b.out, "out", "public", "output folder (a folder verbatim wrote, or a new one)")
		fs.StringVar(&b.baseURL, "base-url", "", "URL the site is published at (overrides base_url in the config)")
	}
	fs.StringVar(&b.config, "config", "", "site configuration (default verbatim.yaml if present)")
	fs.StringVar(&b.speakers, "speakers", "", "what editors know about speakers: names, aliases, descriptions,\nWikidata items, merges (default speakers.yaml if present)")
	fs.StringVar(&b.corrections, "corrections", "", "editors' corrections: reject, speaker, verify; listed on the\ncorrections page (default corrections.yaml if present)")
	fs.StringVar(&b.cache, "cache", "", "extraction cache folder (default: verbatim in the user cache folder)")
	fs.BoolVar(&b.noCache, "no-cache", false, "extract every article again, without reading or writing the cache")
	fs.BoolVar(&b.keepGoing, "keep-going", false, "skip malformed articles, listing them, instead of failing")
}

func (b *buildFlags) options(stdio Stdio) render.Options {
	opts := render.Options{
		ContentDir: b.content, OutDir: b.out, BaseURL: b.baseURL, ConfigFile: b.config,
		SpeakersFile: b.speakers, CorrectionsFile: b.corrections,
		CacheDir: b.cache, KeepGoing: b.keepGoing, Progress: stdio.Err,
	}
	if opts.CacheDir == "" && !b.noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			opts.CacheDir = filepath.Join(dir, "verbatim")
		}
	}
	if b.noCache {
		opts.CacheDir = ""
	}
	return opts
}

func runBuild(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlagSet("build", buildSynopsis, stdio)
	var b buildFlags
	b.register(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stdio.Err, "verbatim build: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	rep, err := render.Build(ctx, b.options(stdio))
	if err != nil {
		return err
	}
	printReport(stdio, b.out, rep, time.Since(start))
	return nil
}

func printReport(stdio Stdio, out string, rep render.Report, took time.Duration) {
	fmt.Fprintf(stdio.Err, "%d articles, %d quotes, %d speakers (%d articles extracted, %d from cache)\n",
		rep.Articles, rep.Quotes, rep.Speakers, rep.Extracted, rep.Articles-rep.Extracted)
	fmt.Fprintf(stdio.Err, "%d files in %s (%d unchanged) in %s (", rep.Pages, out, rep.Unchanged, took.Round(time.Millisecond))
	for i, p := range rep.Phases {
		if i > 0 {
			fmt.Fprint(stdio.Err, ", ")
		}
		fmt.Fprintf(stdio.Err, "%s %s", p.Name, p.Took.Round(time.Millisecond))
	}
	fmt.Fprintln(stdio.Err, ")")
	if n := len(rep.Skipped); n > 0 {
		fmt.Fprintf(stdio.Err, "%d malformed files skipped (--keep-going)\n", n)
	}
	if n := len(rep.Warnings); n > 0 {
		fmt.Fprintf(stdio.Err, "%d warnings about speakers.yaml or corrections.yaml (listed above)\n", n)
	}
}
