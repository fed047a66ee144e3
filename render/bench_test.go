package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/extract"
	"github.com/verbatim-news/verbatim/render/internal/sitegen"
)

// benchArticles is the corpus size of the build benchmarks; set
// VERBATIM_BENCH_ARTICLES=2500 for the size of scripts/hugo-bench.sh.
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("VERBATIM_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 250
}

func benchSite(b *testing.B) (Options, []sitegen.Article) {
	dir := b.TempDir()
	arts, err := sitegen.Generate(filepath.Join(dir, "content"), benchArticles(), 1)
	if err != nil {
		b.Fatal(err)
	}
	return Options{
		ContentDir: filepath.Join(dir, "content"), OutDir: filepath.Join(dir, "public"),
		TemplatesDir: filepath.Join(dir, "templates"), BaseURL: "https://example.org/",
	}, arts
}

// BenchmarkBuild is a full build: extraction of every article included,
// into a new output folder each time (the same one would make every build
// after the first a rebuild).
func BenchmarkBuild(b *testing.B) {
	opts, _ := benchSite(b)
	out := b.TempDir()
	i := 0
	var rep Report
	for b.Loop() {
		i++
		opts.OutDir = filepath.Join(out, strconv.Itoa(i))
		var err error
		if rep, err = Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Pages), "pages")
	b.ReportMetric(float64(rep.Quotes), "quotes")
}

// BenchmarkRebuild is a build after one article changed, with a warm
// cache and the previous site in place.
func BenchmarkRebuild(b *testing.B) {
	opts, arts := benchSite(b)
	opts.CacheDir, opts.ExtractorVersion = filepath.Join(b.TempDir(), "cache"), "bench"
	if _, err := Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(opts.ContentDir, arts[0].Name+".md")
	i := 0
	for b.Loop() {
		i++
		a := arts[0]
		a.Body += fmt.Sprintf("\n\n« Modification numéro %d », a déclaré Hélène Marchetti-Roux.\n", i)
		if err := os.WriteFile(path, []byte(a.Markdown()), 0o644); err != nil {
			b.Fatal(err)
		}
		rep, err := Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Extracted != 1 {
			b.Fatalf("%d articles extracted, want 1", rep.Extracted)
		}
	}
}

// BenchmarkRender is the render and write half of a full build: the corpus
// is loaded once, outside the loop, and every iteration writes a whole new
// site into an empty output folder, with fingerprints (as a build with a
// cache does).
func BenchmarkRender(b *testing.B) {
	opts, _ := benchSite(b)
	opts.ExtractorVersion = "bench"
	cor := benchCorpus(b, opts)
	out := b.TempDir()
	i := 0
	var rep Report
	for b.Loop() {
		i++
		opts.OutDir = filepath.Join(out, strconv.Itoa(i))
		var err error
		if rep, err = Render(context.Background(), cor, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Pages), "pages")
}

// BenchmarkRerender renders the same corpus again over its own output: no
// page changed, which is the floor of any rebuild.
func BenchmarkRerender(b *testing.B) {
	opts, _ := benchSite(b)
	opts.ExtractorVersion = "bench"
	cor := benchCorpus(b, opts)
	if _, err := Render(context.Background(), cor, opts); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Render(context.Background(), cor, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func benchCorpus(b *testing.B, opts Options) *corpus.Corpus {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cor, err := corpus.Load(context.Background(), opts.ContentDir, corpus.Options{Extractor: ex})
	if err != nil {
		b.Fatal(err)
	}
	return cor
}
