package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/internal/plural"
	"github.com/verbatim-news/verbatim/speakers"
)

const speakersUsage = `Usage: verbatim speakers [flags]

Lists the speakers quoted across the articles of a content folder, each
person or organisation linked into one speaker for the whole folder: its id,
quotes, articles and the other ways articles write its name; then the
merges the linker made and why, and the ones it considered but did not make
(for review before editing speakers.yaml).

Flags:
  --content DIR     folder of articles: .md, .txt, .html, .jsonl (default content)
                      verbatim speakers --content news/
  --speakers FILE   speakers.yaml to apply (default: speakers.yaml beside the
                    content folder, when there is one)
                      verbatim speakers --speakers site/speakers.yaml
  --config FILE     not for speakers: --config names the site configuration
                    (verbatim.yaml) in every command; speakers.yaml is --speakers
                      verbatim speakers --speakers speakers.yaml
  --json            print one JSON object: {"articles", "quotes", "speakers",
                    "warnings"}, every speaker with its merges
                      verbatim speakers --json > speakers.json
  --unnamed         also list the speakers articles only describe ("a witness");
                    each is one article's
                      verbatim speakers --unnamed
  -j N              articles extracted in parallel (default: number of CPUs, %d)
                      verbatim speakers -j 2
  --lang CODE       language of articles that give none, when detection is
                    unsure (fr, en, de)
                      verbatim speakers --lang fr
  --progress        print progress on stderr (on when stderr is a terminal)
                      verbatim speakers --progress

Example:
  verbatim speakers --content content --speakers speakers.yaml
`

type speakersFlags struct {
	content, config, lang   string
	json, unnamed, progress bool
	workers                 int
}

// analyzer is what the speakers command needs of *extract.Extractor;
// tests substitute their own.
type analyzer = corpus.Extractor

func runSpeakers(ctx context.Context, args []string, stdio Stdio) error {
	return speakersCommand(ctx, args, stdio, func(opts extract.Options) (analyzer, error) { return extract.New(opts) })
}

func speakersCommand(ctx context.Context, args []string, stdio Stdio, newAnalyzer func(extract.Options) (analyzer, error)) error {
	fs := newFlagSet("speakers", "", stdio)
	fs.Usage = func() { fmt.Fprintf(stdio.Err, speakersUsage, runtime.NumCPU()) }
	var f speakersFlags
	fs.StringVar(&f.content, "content", "content", "folder of articles")
	fs.StringVar(&f.config, "speakers", "", "speakers.yaml to apply")
	// --config names the site configuration in every command; here it
	// used to name speakers.yaml, so say where that went.
	var siteConfig string
	fs.StringVar(&siteConfig, "config", "", "site configuration (not read by speakers)")
	fs.BoolVar(&f.json, "json", false, "print JSON")
	fs.BoolVar(&f.unnamed, "unnamed", false, "also list described speakers")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "articles extracted in parallel")
	fs.StringVar(&f.lang, "lang", "", "language of articles that give none")
	fs.BoolVar(&f.progress, "progress", false, "print progress on stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stdio.Err, "verbatim speakers: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	if f.workers < 1 {
		fmt.Fprintln(stdio.Err, "verbatim speakers: -j must be at least 1")
		return errUsage
	}
	if siteConfig != "" {
		fmt.Fprintln(stdio.Err, "verbatim speakers: --config names the site configuration (verbatim.yaml), which speakers does not read; give speakers.yaml with --speakers")
		return errUsage
	}
	if err := checkContent(fs, f.content); err != nil {
		return err
	}
	cfgPath, explicit := f.config, f.config != ""
	if !explicit {
		cfgPath = filepath.Join(filepath.Dir(filepath.Clean(f.content)), "speakers.yaml")
	}
	if explicit {
		if _, err := os.Stat(cfgPath); err != nil {
			return fmt.Errorf("speakers: %w", err)
		}
	}
	cfg, err := speakers.LoadConfig(cfgPath)
	if err != nil {
		return err
	}
	// The site's corrections.yaml, beside the content folder, so that the
	// counts are the site's.
	fixes, err := corrections.Load(filepath.Join(filepath.Dir(filepath.Clean(f.content)), "corrections.yaml"))
	if err != nil {
		return err
	}
	if err := isFolder(f.content); err != nil {
		return err
	}
	docs, _, readWarnings, err := corpus.Read(ctx, f.content, false)
	if err != nil {
		return err
	}
	for _, w := range readWarnings {
		fmt.Fprintln(stdio.Err, "warning:", w)
	}
	ex, err := newAnalyzer(extract.Options{DefaultLang: f.lang})
	if err != nil {
		return err
	}
	opts := corpus.Options{Extractor: ex, Workers: f.workers, Speakers: cfg, Corrections: fixes}
	var prog *progress
	if f.progress || isTerminal(stdio.Err) {
		prog = startProgress(stdio.Err, isTerminal(stdio.Err), func(done, _ int64, _ time.Duration) string {
			return fmt.Sprintf("speakers: %d/%d articles extracted", done, len(docs))
		})
		opts.Extracted = func() { prog.add(0) }
	}
	c, err := corpus.Build(ctx, docs, opts)
	prog.stop()
	if err != nil {
		return err
	}
	quotes := 0 // as published: rejected quotes left out
	for _, recs := range c.Records {
		quotes += len(recs)
	}
	res := c.Speakers
	for _, w := range c.Warnings {
		fmt.Fprintln(stdio.Err, "warning:", w)
	}
	list := make([]speakers.Speaker, 0, len(res.Speakers))
	for _, s := range res.Speakers {
		if f.unnamed || !s.Unnamed {
			list = append(list, s)
		}
	}
	if f.json {
		return writeSpeakersJSON(stdio.Out, len(docs), quotes, list, c.Warnings)
	}
	return writeSpeakersTable(stdio.Out, len(docs), quotes, res.Speakers, list)
}

// isFolder checks that the content folder is one, for a clear error.
func isFolder(root string) error {
	info, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("content: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("content: %s is not a folder", root)
	}
	return nil
}

func writeSpeakersJSON(w io.Writer, articles, quotes int, list []speakers.Speaker, warnings []string) error {
	if warnings == nil {
		warnings = []string{}
	}
	out := struct {
		Articles int                `json:"articles"`
		Quotes   int                `json:"quotes"`
		Speakers []speakers.Speaker `json:"speakers"`
		Warnings []string           `json:"warnings"`
	}{articles, quotes, list, warnings}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeSpeakersTable(w io.Writer, articles, quotes int, all, list []speakers.Speaker) error {
	var people, orgs, unnamed int
	for _, s := range all {
		switch {
		case s.Unnamed:
			unnamed++
		case s.Org:
			orgs++
		default:
			people++
		}
	}
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%s from %s: %s, %s, %s\n\n", plural.Count(quotes, "quote", "quotes"), plural.Count(articles, "article", "articles"),
		plural.Count(people, "person", "people"), plural.Count(orgs, "organisation", "organisations"), plural.Count(unnamed, "described speaker", "described speakers"))
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SPEAKER\tID\tQUOTES\tARTICLES\tALSO WRITTEN")
	for _, s := range list {
		name := s.Name
		if s.Org {
			name += " (org)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", clip(name, 40), clip(s.ID, 40), s.Quotes, s.Docs, clip(strings.Join(s.Aliases, "; "), 70))
	}
	tw.Flush()
	index := map[string]int{}
	for i, s := range all {
		index[s.ID] = i
	}
	var made, suggested []string
	for _, s := range list {
		// One line per name left apart, whatever the number of candidates.
		type key struct{ from, reason string }
		var order []key
		into := map[key][]string{}
		docs := map[key]int{}
		for _, m := range s.Merges {
			if m.Made {
				made = append(made, fmt.Sprintf("  %s ← %s  (%s, %s)", oneLine(s.Name), oneLine(m.From), m.Rule, plural.Count(m.Docs, "article", "articles")))
				continue
			}
			k := key{m.From, m.Reason}
			if _, ok := into[k]; !ok {
				order = append(order, k)
			}
			n := ""
			if i, ok := index[m.IntoID]; ok {
				n = ", " + plural.Count(all[i].Docs, "article", "articles")
			}
			into[k] = append(into[k], fmt.Sprintf("%s [%s%s]", oneLine(m.Into), m.IntoID, n))
			docs[k] = max(docs[k], m.Docs)
		}
		for _, k := range order {
			suggested = append(suggested, fmt.Sprintf("  %s [%s, %s]: %s; could be %s", oneLine(k.from), s.ID, plural.Count(docs[k], "article", "articles"),
				k.reason, strings.Join(into[k], " or ")))
		}
	}
	if len(made) > 0 {
		fmt.Fprintf(ew, "\nMerges made (%d)\n%s\n", len(made), strings.Join(made, "\n"))
	}
	if len(suggested) > 0 {
		fmt.Fprintf(ew, "\nMerges suggested, not made (%d): add them to speakers.yaml (merge, aliases) if right\n%s\n", len(suggested), strings.Join(suggested, "\n"))
	}
	return ew.err
}

// clip keeps a long name from stretching the table.
func clip(s string, n int) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// oneLine keeps a name from breaking the table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
