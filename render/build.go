package render

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/speakers"
	"github.com/verbatim-news/verbatim/templates"
)

// Options tell Build where things are. Relative paths are taken from the
// current directory, the site folder.
type Options struct {
	ContentDir string // default "content"
	OutDir     string // default "public"
	// ConfigFile is the site configuration; when empty, verbatim.yaml is
	// read if it exists.
	ConfigFile string
	// SpeakersFile is what editors know about speakers (package
	// speakers); when empty, speakers.yaml is read if it exists.
	SpeakersFile string
	// CorrectionsFile lists the editors' corrections (package
	// corrections); when empty, corrections.yaml is read if it exists.
	CorrectionsFile string
	// BaseURL overrides the configuration's base_url when set.
	BaseURL string
	// CacheDir holds extraction results between builds; "" disables it.
	CacheDir string
	// KeepGoing skips malformed articles (listed in Report.Skipped) instead
	// of failing the build.
	KeepGoing bool
	// Progress receives one line per skipped article and per warning; nil
	// discards.
	Progress io.Writer

	// Templates are the built-in templates; nil means the embedded ones.
	Templates fs.FS
	// TemplatesDir is the site's own template folder, whose files override
	// the built-in ones one by one; default "templates" if it exists.
	TemplatesDir string

	// Extractor finds quotes; nil means extract.New, which detects the
	// language of an article that gives none (never the site's interface
	// language).
	Extractor Extractor
	// ExtractorVersion keys the cache and the page fingerprints; empty
	// means a hash of the running executable, so that a new build of
	// verbatim re-extracts and re-renders everything.
	ExtractorVersion string
}

// Report tells what a build did.
type Report struct {
	Articles, Quotes, Speakers int
	// Extracted counts the articles read by the extractor, the others
	// coming from the cache.
	Extracted int
	// Pages counts the files of the site; Unchanged those identical to the
	// previous build, kept as they were.
	Pages, Unchanged int
	// Skipped lists the malformed articles left out under KeepGoing: whole
	// files, or single lines of JSON Lines files (path:line).
	Skipped []error
	// Warnings are for the editors, naming file and line: links in the
	// content folder that lead out of it (skipped), speakers.yaml
	// entries that matched nothing, corrections whose quote no article
	// has any more. The build goes on.
	Warnings []string
	// BaseURLWarning, when set, tells that base_url has no scheme and
	// host, so that the sitemap, feeds and JSON-LD, whose specs want
	// absolute URLs, got root-relative ones. It is given once per build.
	BaseURLWarning string
	// Phases times the stages of the build, for performance work.
	Phases []Phase
}

// Phase is the wall time of one stage of a build.
type Phase struct {
	Name string
	Took time.Duration
}

func (o *Options) defaults() {
	if o.ContentDir == "" {
		o.ContentDir = "content"
	}
	if o.OutDir == "" {
		o.OutDir = "public"
	}
	if o.Templates == nil {
		o.Templates = templates.FS()
	}
	if o.TemplatesDir == "" {
		o.TemplatesDir = "templates"
	}
}

// Default names of the site files, in the site folder.
const (
	defaultConfigFile      = "verbatim.yaml"
	defaultSpeakersFile    = "speakers.yaml"
	defaultCorrectionsFile = "corrections.yaml"
)

// Inputs lists the files and folders a build reads besides the cached
// extractions: the content and template folders and the site files,
// defaults included. A change to any of them calls for a rebuild.
func (o Options) Inputs() []string {
	o.defaults()
	return []string{o.ContentDir, o.TemplatesDir, cmp.Or(o.ConfigFile, defaultConfigFile),
		cmp.Or(o.SpeakersFile, defaultSpeakersFile), cmp.Or(o.CorrectionsFile, defaultCorrectionsFile)}
}

// Build reads the articles, extracts their quotes and writes the site. On
// error the output folder is left as the last successful build left it.
func Build(ctx context.Context, opts Options) (Report, error) {
	var rep Report
	opts.defaults()
	last := time.Now()
	phase := func(name string) {
		now := time.Now()
		rep.Phases = append(rep.Phases, Phase{name, now.Sub(last)})
		last = now
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return rep, err
	}
	spk, fixes, err := loadEditorial(opts)
	if err != nil {
		return rep, err
	}
	if err := checkFolders(opts.ContentDir, opts.OutDir); err != nil {
		return rep, err
	}
	tmpl, sources, err := parseTemplates(overlay{dir: existingDir(opts.TemplatesDir), base: opts.Templates})
	if err != nil {
		return rep, err
	}

	docs, skipped, readWarnings, err := readAll(ctx, opts.ContentDir, opts.KeepGoing)
	if err != nil {
		return rep, err
	}
	rep.Skipped = skipped
	phase("read")
	if opts.Progress != nil {
		for _, e := range skipped {
			fmt.Fprintf(opts.Progress, "skipped %v\n", e)
		}
		for _, w := range readWarnings {
			fmt.Fprintf(opts.Progress, "warning: %s\n", w)
		}
	}

	ex := opts.Extractor
	if ex == nil {
		// No DefaultLang from the interface language: an article without
		// lang is read in the language detected from its text.
		e, err := extract.New(extract.Options{})
		if err != nil {
			return rep, fmt.Errorf("extractor: %w", err)
		}
		ex = e
	}
	version := opts.ExtractorVersion
	if version == "" {
		version, err = executableVersion()
	}
	c := cache{dir: opts.CacheDir, version: version}
	if err != nil {
		// Without a version, cached quotes and pages could be stale.
		c.dir, version = "", ""
	}
	arts, fresh, err := extractAll(ctx, docs, ex, c)
	if err != nil {
		return rep, err
	}
	rep.Extracted = fresh
	phase("extract")

	linked, err := linkCorpus(arts, spk, fixes)
	if err != nil {
		return rep, err
	}
	rep.Warnings = append(readWarnings, linked.warnings...)
	if opts.Progress != nil {
		for _, w := range linked.warnings {
			fmt.Fprintf(opts.Progress, "warning: %s\n", w)
		}
	}
	phase("link")

	rep.BaseURLWarning = relativeBaseWarning(cfg)
	if rep.BaseURLWarning != "" && opts.Progress != nil {
		fmt.Fprintf(opts.Progress, "warning: %s\n", rep.BaseURLWarning)
	}

	site := newSite(cfg, arts, linked)
	rep.Articles, rep.Quotes, rep.Speakers = len(site.Articles), len(site.Quotes), len(site.Speakers)

	r := &renderer{site: site, tmpl: tmpl, static: sources}
	if version != "" {
		r.digests = newDigests(site, envDigest(version, cfg, sources))
	}
	var pages []page
	for _, o := range outputs {
		pages = append(pages, o.pages(r, pages)...)
	}
	rep.Pages = len(pages)
	phase("model")
	rep.Unchanged, err = writeSite(ctx, opts.OutDir, pages)
	phase("render and write")
	return rep, err
}

func loadConfig(opts Options) (Config, error) {
	path, optional := opts.ConfigFile, false
	if path == "" {
		path, optional = defaultConfigFile, true
	}
	cfg, err := LoadConfig(path, optional)
	if err != nil {
		return cfg, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if _, err := parseBase(cfg.BaseURL); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// loadEditorial reads speakers.yaml and corrections.yaml. A default file
// may be missing; a file named in the options must exist, since a
// mistyped name would otherwise drop every correction without a word.
func loadEditorial(opts Options) (*speakers.Config, *corrections.File, error) {
	if err := mustExist(opts.SpeakersFile, "speakers"); err != nil {
		return nil, nil, err
	}
	if err := mustExist(opts.CorrectionsFile, "corrections"); err != nil {
		return nil, nil, err
	}
	spk, err := speakers.LoadConfig(cmp.Or(opts.SpeakersFile, defaultSpeakersFile))
	if err != nil {
		return nil, nil, err
	}
	fixes, err := corrections.Load(cmp.Or(opts.CorrectionsFile, defaultCorrectionsFile))
	if err != nil {
		return nil, nil, err
	}
	return spk, fixes, nil
}

func mustExist(path, what string) error {
	if path == "" {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	return nil
}

// checkFolders refuses an output folder that holds, or sits inside, the
// content: swapping it would destroy articles, and pages written there
// would be read back as articles.
func checkFolders(content, out string) error {
	c, err1 := filepath.Abs(content)
	o, err2 := filepath.Abs(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if within(c, o) || within(o, c) {
		return fmt.Errorf("output folder %s and content folder %s overlap; choose another --out", out, content)
	}
	if o == filepath.Dir(o) {
		return fmt.Errorf("output folder %s is a file-system root", out)
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel)) && !strings.HasPrefix(rel, "..")
}
