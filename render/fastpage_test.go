package render

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/corpus"
	"github.com/verbatim-news/verbatim/corrections"
	"github.com/verbatim-news/verbatim/extract"
)

// hostileValues go into every field a quote page shows: markup, quotes of
// both kinds, the characters html/template escapes, NUL and other
// controls, invalid UTF-8, URLs with unsafe schemes, broken and valid
// percent escapes, and plain text in other scripts.
var hostileValues = []string{
	`<script>alert(1)</script>`,
	`" onmouseover="alert(1)`,
	`'&+<>= %41 %zz %4`,
	"nul\x00, controls \x01\x7f\u0085, separators \u2028\u2029",
	"invalid \xff\xfe UTF-8 \xc2",
	"javascript:alert(1)",
	" JaVaScRiPt:alert(1)",
	"data:text/html,<b>x</b>",
	"mailto:someone@example.org?subject=a b",
	"https://example.org/a b/c?d=e&f=g+h#i'j(k)",
	"/rel/path:with:colons?x=[y]",
	"{{.}} $ ! * , ; @ ~ _ - .",
	"élan à Zürich, 中文, 🙂",
	"",
}

// TestFastPagesMatchTemplates renders every quote, article and speaker
// page of the sample site with html/template and with fastPage, which
// stands for the built-in templates, as the site is and with hostile
// values in every field the pages show; the bytes must be the same.
func TestFastPagesMatchTemplates(t *testing.T) {
	for _, tc := range []struct {
		name    string
		base    string
		lang    string
		hostile bool
	}{
		{"sample", "", "", false},
		{"english", "https://example.org/", "en", false},
		{"relative-base", "/", "de", false},
		{"hostile", "", "", true},
		{"hostile-english", "https://example.org/a%20b/c'd/", "en", true},
		{"hostile-relative", "/x+y/", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := sampleOptions(t, filepath.Join(t.TempDir(), "public"), func(o *Options) { o.BaseURL = tc.base })
			r := sampleRenderer(t, opts)
			fast := r.fast
			require.Len(t, fast, len(fastPages), "the sample site has the built-in templates")
			if tc.lang != "" {
				r.site.Config.Language = tc.lang
			}
			rounds := 1
			if tc.hostile {
				// Every value in every field.
				rounds = len(hostileValues)
			}
			for round := range rounds {
				if tc.hostile {
					spoil(r.site, round)
				}
				// Pages decide how to render when made.
				render := func(f map[string]bool) map[string]string {
					r.fast = f
					out := map[string]string{}
					for _, p := range slices.Concat(r.quotePages(nil), r.articlePages(nil), r.speakerPages(nil), r.articleListPages(nil), r.speakerListPages(nil)) {
						data, err := p.make()
						require.NoError(t, err)
						out[p.path] = string(data)
					}
					return out
				}
				want := render(nil)
				got := render(fast)
				require.NotEmpty(t, want)
				require.Len(t, got, len(want))
				for path, w := range want {
					require.Equal(t, w, got[path], path)
				}
			}
		})
	}
}

// TestBuiltin checks that overriding base.html or a page's template sends
// its pages back to html/template.
func TestBuiltin(t *testing.T) {
	r := sampleRenderer(t, sampleOptions(t, filepath.Join(t.TempDir(), "public"), nil))
	all := builtin(r.static)
	require.Len(t, all, len(fastPages))
	for _, name := range append([]string{"base.html"}, slices.Sorted(maps.Keys(fastPages))...) {
		sources := maps.Clone(r.static)
		sources[name] = append([]byte("<!-- changed -->"), sources[name]...)
		got := builtin(sources)
		if name == "base.html" {
			require.Empty(t, got)
			continue
		}
		require.Len(t, got, len(fastPages)-1, name)
		require.False(t, got[name], name)
	}
}

// sampleRenderer loads the sample site into a renderer, as Build does.
func sampleRenderer(t *testing.T, opts Options) *renderer {
	t.Helper()
	opts.defaults()
	b, err := prepare(opts)
	require.NoError(t, err)
	spk, fixes, err := loadEditorial(opts)
	require.NoError(t, err)
	cor, err := corpus.Load(context.Background(), opts.ContentDir, corpus.Options{
		Extractor: opts.Extractor, Speakers: spk, Corrections: fixes,
	})
	require.NoError(t, err)
	site := newSite(b.cfg, cor)
	return &renderer{site: site, tmpl: b.tmpl, static: b.sources, fast: builtin(b.sources)}
}

// spoil puts hostile values in every field of the site that a quote,
// article or speaker page shows, each object getting another mix; it also
// gives quotes corrections, verifications and other sources, and leaves
// an article without quotes. Each round shifts the values to other fields.
func spoil(s *Site, round int) {
	v := func(i int) string { return hostileValues[(i+round)%len(hostileValues)] }
	s.Config.Title, s.Config.Description = v(0), v(1)
	for i, a := range s.Articles {
		a.Doc.Title, a.Doc.Outlet, a.URL = v(i+2), v(i+3), v(i+4)
		a.Lang, a.Source, a.Doc.Authors = v(i+5), v(i+6), []string{v(i + 7), v(i + 8)}[:i%3]
		if i%3 == 0 {
			a.Doc.Date = time.Time{}
		}
		if i%4 == 3 {
			a.Quotes = nil
		}
	}
	for i, sp := range s.Speakers {
		sp.Name, sp.URL = v(i+5), v(i+6)
		sp.Description, sp.QID, sp.Wikidata = v(i+7), v(i+8), v(i+9)
		sp.Aliases, sp.Articles = []string{v(i + 10), v(i + 11)}[:i%3], i%3
		sp.Unnamed, sp.Unattributed = i%4 == 1, i%5 == 2
	}
	for i, q := range s.Quotes {
		q.Text, q.Cue, q.URL, q.SourceLink = v(i), v(i+7), v(i+8), v(i+9)
		q.Lang, q.Kind = v(i+10), extract.Kind(v(i+11))
		if i%2 == 0 {
			q.Kind = extract.Partial
			// The quote inside its sentence, at its start or alone.
			q.Sentence = []string{v(i+12) + q.Text + v(i+13), q.Text + v(i+1), q.Text, v(i + 2)}[i/2%4]
		}
		q.Verified, q.VerifiedBy, q.VerifiedDate = i%3 == 0, v(i+3), time.Date(2024, 3, 1+i%28, 0, 0, 0, 0, time.UTC)
		q.Corrections = []*Correction{{
			Entry: corrections.Entry{Action: corrections.Action(v(i + 4)), By: v(i + 5), Note: v(i + 6)},
			Date:  time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		}}
	}
	for i, q := range s.Quotes {
		if i%4 == 1 {
			o := s.Quotes[(i+1)%len(s.Quotes)]
			q.Sources, q.Also, q.More = []*Quote{o, q}, []*Quote{o}, i%3
		}
	}
}
