// Command sitegen writes a synthetic corpus of news articles for
// benchmarks, and optionally the same corpus as a Hugo site with a page per
// quote and a speakers taxonomy, so both tools build comparable sites.
//
//	go run ./render/internal/sitegen/cmd/sitegen -n 2500 -out /tmp/bench/content -hugo /tmp/bench/hugo
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/verbatim-news/verbatim/render/internal/sitegen"
)

func main() {
	n := flag.Int("n", 2500, "number of articles")
	out := flag.String("out", "content", "folder for the articles")
	hugo := flag.String("hugo", "", "also write a Hugo site here")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	arts, err := sitegen.Generate(*out, *n, *seed)
	if err == nil && *hugo != "" {
		err = writeHugo(*hugo, arts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sitegen:", err)
		os.Exit(1)
	}
}

// writeHugo writes a Hugo site: the same articles, one page per quote with
// its speaker as a taxonomy term, and minimal layouts.
func writeHugo(dir string, arts []sitegen.Article) error {
	files := map[string]string{
		"config.toml": "baseURL = 'https://example.org/'\ntitle = 'bench'\ndisableKinds = ['RSS']\n[taxonomies]\n  speaker = 'speakers'\n[markup.goldmark.extensions]\n  typographer = false\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>` +
			`<body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}` +
			`{{ with .Params.speakers }}<p>{{ range . }}<a href="{{ "speakers/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</p>{{ end }}</article>{{ end }}`,
		"layouts/_default/list.html":  `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ol>{{ end }}`,
		"layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ol>{{ end }}`,
		"layouts/index.html":          `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ol>{{ range first 30 (where .Site.RegularPages "Section" "quotes") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}`,
	}
	for _, a := range arts {
		files["content/articles/"+a.Name+".md"] = a.Markdown()
		for i, q := range a.Quotes {
			files[fmt.Sprintf("content/quotes/%s-%d.md", a.Name, i)] = fmt.Sprintf("---\ntitle: %q\ndate: %s\nspeakers: [%q]\n---\n\n> %s\n\n[%s](/articles/%s/)\n",
				strings.ToValidUTF8(q.Speaker, ""), a.Date.Format("2006-01-02T15:04:05Z"), q.Speaker, q.Text, a.Title, strings.ToLower(a.Name))
		}
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
