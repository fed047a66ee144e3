package render

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/corpus"
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
	// Quotes are the files of a finished run (verbatim-beam's
	// PREFIX-*.jsonl, or `verbatim extract --jsonl` output): when set, the
	// articles' quotes and speaker ids come from them (corpus.LoadRecords),
	// not extracted and linked again. Articles still come from ContentDir.
	Quotes []string
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

// Build reads the articles into a corpus (package corpus, the pipeline
// every command shares) and renders it. On error the output folder is left
// as the last successful build left it.
func Build(ctx context.Context, opts Options) (Report, error) {
	opts.defaults()
	b, err := prepare(opts)
	if err != nil {
		return b.rep, err
	}
	spk, fixes, err := loadEditorial(opts)
	if err != nil {
		return b.rep, err
	}
	ex := opts.Extractor
	if ex == nil {
		// No DefaultLang from the interface language: an article without
		// lang is read in the language detected from its text.
		e, err := extract.New(extract.Options{})
		if err != nil {
			return b.rep, fmt.Errorf("extractor: %w", err)
		}
		ex = e
	}
	cache := corpus.Cache{Dir: opts.CacheDir, Version: b.version}
	if b.version == "" {
		// Without a version, cached quotes and pages could be stale.
		cache.Dir = ""
	}
	co := corpus.Options{
		Extractor: ex, Cache: cache, KeepGoing: opts.KeepGoing, Speakers: spk, Corrections: fixes, Phase: b.phase,
	}
	var cor *corpus.Corpus
	if len(opts.Quotes) > 0 {
		cor, err = corpus.LoadRecords(ctx, opts.ContentDir, opts.Quotes, co)
	} else {
		cor, err = corpus.Load(ctx, opts.ContentDir, co)
	}
	if err != nil {
		return b.rep, err
	}
	return b.render(ctx, cor)
}

// Render writes the site of a corpus loaded already (corpus.Load, with the
// speakers.yaml and corrections.yaml the site should show); the content
// and editorial options are not read.
func Render(ctx context.Context, cor *corpus.Corpus, opts Options) (Report, error) {
	opts.defaults()
	b, err := prepare(opts)
	if err != nil {
		return b.rep, err
	}
	return b.render(ctx, cor)
}

// building is one build once its configuration and templates are read.
type building struct {
	opts    Options
	cfg     Config
	tmpl    map[string]*template.Template
	sources map[string][]byte
	version string // "" when unknown: no cache, no fingerprints
	rep     Report
	last    time.Time
}

// phase closes the stage called name, for Report.Phases.
func (b *building) phase(name string) {
	now := time.Now()
	b.rep.Phases = append(b.rep.Phases, Phase{name, now.Sub(b.last)})
	b.last = now
}

// prepare reads what a build needs besides the articles, so that a typo
// in the configuration or a template fails before the long work.
func prepare(opts Options) (*building, error) {
	b := &building{opts: opts, last: time.Now()}
	var err error
	if b.cfg, err = loadConfig(opts); err != nil {
		return b, err
	}
	if err := checkFolders(opts.ContentDir, opts.OutDir); err != nil {
		return b, err
	}
	if b.tmpl, b.sources, err = parseTemplates(overlay{dir: existingDir(opts.TemplatesDir), base: opts.Templates}); err != nil {
		return b, err
	}
	b.version = opts.ExtractorVersion
	if b.version == "" {
		if v, err := corpus.ExecutableVersion(); err == nil {
			b.version = v
		}
	}
	return b, nil
}

// render places the corpus in a site model and writes its pages.
func (b *building) render(ctx context.Context, cor *corpus.Corpus) (Report, error) {
	rep := &b.rep
	rep.Skipped = cor.Skipped
	rep.Extracted = cor.Extracted
	rep.Warnings = cor.Warnings
	if p := b.opts.Progress; p != nil {
		for _, e := range cor.Skipped {
			fmt.Fprintf(p, "skipped %v\n", e)
		}
		for _, w := range cor.Warnings {
			fmt.Fprintf(p, "warning: %s\n", w)
		}
	}
	rep.BaseURLWarning = relativeBaseWarning(b.cfg)
	if rep.BaseURLWarning != "" && b.opts.Progress != nil {
		fmt.Fprintf(b.opts.Progress, "warning: %s\n", rep.BaseURLWarning)
	}

	// The current site is read while the model is built, which keeps one
	// core for long stretches; not earlier, where reading its folders
	// slowed reading the articles more than it saved. A failed build
	// waits for it all the same, so that nothing outlives Build.
	scan := startScan(ctx, b.opts.OutDir)
	defer scan.wait()

	site := newSite(b.cfg, cor)
	rep.Articles, rep.Quotes, rep.Speakers = len(site.Articles), len(site.Quotes), len(site.Speakers)

	r := &renderer{site: site, tmpl: b.tmpl, static: b.sources, fast: builtin(b.sources)}
	if b.version != "" {
		var err error
		if r.digests, err = newDigests(ctx, site, envDigest(b.version, b.cfg, b.sources)); err != nil {
			return *rep, err
		}
	}
	var pages []page
	for _, o := range outputs {
		pages = append(pages, o.pages(r, pages)...)
	}
	rep.Pages = len(pages)
	b.phase("model")
	var err error
	rep.Unchanged, err = writeSite(ctx, scan.wait(), pages)
	b.phase("render and write")
	return *rep, err
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
