package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

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

// BenchmarkBuild is a full build: extraction of every article included.
func BenchmarkBuild(b *testing.B) {
	opts, _ := benchSite(b)
	var rep Report
	for b.Loop() {
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
