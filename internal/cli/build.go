package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/verbatim-news/verbatim/internal/plural"
	"github.com/verbatim-news/verbatim/render"
)

// siteFlagsHelp is the help of the flags build and serve share.
const siteFlagsHelp = `  --content DIR       folder of articles: .md, .txt, .html, .jsonl (default content)
                        verbatim %[1]s --content ~/articles
  --config FILE       site configuration: title, description, base_url,
                      language, latest, feed_page_size (default verbatim.yaml
                      if present)
                        verbatim %[1]s --config staging.yaml
  --speakers FILE     what editors know about speakers: names, aliases,
                      descriptions, Wikidata items, merges (default
                      speakers.yaml if present)
                        verbatim %[1]s --speakers desk/speakers.yaml
  --corrections FILE  editors' corrections: reject, speaker, verify; listed on
                      the corrections page (default corrections.yaml if present)
                        verbatim %[1]s --corrections desk/corrections.yaml
  --cache DIR         cache folder of extractions and speaker links (default:
                      verbatim in the user cache folder)
                        verbatim %[1]s --cache .cache/verbatim
  --no-cache          extract and link every article again, without reading or
                      writing the cache
                        verbatim %[1]s --no-cache
  --keep-going        skip malformed articles or lines, listing them, instead
                      of failing
                        verbatim %[1]s --keep-going
`

const buildUsage = `Usage: verbatim build [flags]

Reads the articles of the content folder, finds their quotes and speakers,
and writes the static site into the output folder: a page per speaker,
article and quote, JSON Feeds, quotes.json, a sitemap, the corrections page
and the search. The site appears at once, whole: a failed or interrupted
build leaves the last site as it was, and unchanged pages are not rewritten.

Flags:
  --out DIR           output folder: one verbatim wrote, or a new one
                      (default public)
                        verbatim build --out /var/www/quotes
  --base-url URL      URL the site is published at, absolute for the sitemap,
                      feeds and JSON-LD (overrides base_url in the config)
                        verbatim build --base-url https://example.org/quotes/
  --quotes GLOB       records of a finished run (verbatim-beam's
                      'PREFIX-*.jsonl', or extract --jsonl output): the
                      quotes and speaker ids come from them, nothing is
                      extracted or linked again; articles still come from
                      --content
                        verbatim build --quotes 'out/quotes-*.jsonl'
` + siteFlagsHelp + `
Example:
  verbatim build --base-url https://example.org/quotes/ --keep-going
`

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
	fs.StringVar(&b.cache, "cache", "", "cache folder of extractions and speaker links (default: verbatim in the user cache folder)")
	fs.BoolVar(&b.noCache, "no-cache", false, "extract and link every article again, without reading or writing the cache")
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
	fs := newFlagSet("build", fmt.Sprintf(buildUsage, "build"), stdio)
	var b buildFlags
	b.register(fs, true)
	var quotes string
	fs.StringVar(&quotes, "quotes", "", "records of a finished run")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stdio.Err, "verbatim build: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	if err := checkContent(fs, b.content); err != nil {
		return err
	}
	opts := b.options(stdio)
	if quotes != "" {
		files, err := filepath.Glob(quotes)
		if err != nil {
			return fmt.Errorf("--quotes %s: %w", quotes, err)
		}
		if len(files) == 0 {
			return fmt.Errorf("--quotes %s matches no file", quotes)
		}
		opts.Quotes = files
	}
	start := time.Now()
	rep, err := render.Build(ctx, opts)
	if err != nil {
		return err
	}
	printReport(stdio, b.out, rep, time.Since(start), len(opts.Quotes) > 0)
	return nil
}

// printReport says what a build did; fromRecords: the quotes came from a
// run's records (--quotes), so nothing was extracted or read from cache.
func printReport(stdio Stdio, out string, rep render.Report, took time.Duration, fromRecords bool) {
	source := fmt.Sprintf("%s extracted, %d from cache", plural.Count(rep.Extracted, "article", "articles"), rep.Articles-rep.Extracted)
	if fromRecords {
		source = "quotes from the run's records"
	}
	fmt.Fprintf(stdio.Err, "%s, %s, %s (%s)\n",
		plural.Count(rep.Articles, "article", "articles"), plural.Count(rep.Quotes, "quote", "quotes"),
		plural.Count(rep.Speakers, "speaker", "speakers"), source)
	fmt.Fprintf(stdio.Err, "%d files in %s (%d unchanged) in %s (", rep.Pages, out, rep.Unchanged, took.Round(time.Millisecond))
	for i, p := range rep.Phases {
		if i > 0 {
			fmt.Fprint(stdio.Err, ", ")
		}
		fmt.Fprintf(stdio.Err, "%s %s", p.Name, p.Took.Round(time.Millisecond))
	}
	fmt.Fprintln(stdio.Err, ")")
	if n := len(rep.Skipped); n > 0 {
		fmt.Fprintf(stdio.Err, "%d malformed files or lines skipped (--keep-going)\n", n)
	}
	if n := len(rep.Warnings); n > 0 {
		fmt.Fprintf(stdio.Err, "%s about the content, speakers.yaml or corrections.yaml (listed above)\n", plural.Count(n, "warning", "warnings"))
	}
}
