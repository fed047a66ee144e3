package render

import (
	"context"
	"path/filepath"
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

// TestQuotePageMatchesTemplates renders every quote page of the sample
// site with html/template and with quotePage, the fast path that stands
// for the built-in base.html and quote.html, once as the site is and once
// with hostile values in every field the page shows; the bytes must be
// the same.
func TestQuotePageMatchesTemplates(t *testing.T) {
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
			require.True(t, r.builtinQuote, "the sample site has the built-in templates")
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
				r.builtinQuote = false
				want := r.quotePages(nil)
				r.builtinQuote = true
				got := r.quotePages(nil)
				require.Len(t, got, len(want))
				require.NotEmpty(t, want)
				for i := range want {
					w, err := want[i].make()
					require.NoError(t, err)
					g, err := got[i].make()
					require.NoError(t, err)
					require.Equal(t, string(w), string(g), want[i].path)
				}
			}
		})
	}
}

// TestBuiltinQuotePage checks that overriding either file quotePage stands
// for sends quote pages back to html/template.
func TestBuiltinQuotePage(t *testing.T) {
	r := sampleRenderer(t, sampleOptions(t, filepath.Join(t.TempDir(), "public"), nil))
	require.True(t, builtinQuotePage(r.static))
	for _, name := range []string{"base.html", "quote.html"} {
		sources := map[string][]byte{}
		for k, v := range r.static {
			sources[k] = v
		}
		sources[name] = append([]byte("<!-- changed -->"), sources[name]...)
		require.False(t, builtinQuotePage(sources), name)
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
	return &renderer{site: site, tmpl: b.tmpl, static: b.sources, builtinQuote: builtinQuotePage(b.sources)}
}

// spoil puts hostile values in every field of the site that a quote page
// shows, each quote getting another mix, and gives every quote a
// correction, a verification and other sources. Each round shifts the
// values to other fields.
func spoil(s *Site, round int) {
	v := func(i int) string { return hostileValues[(i+round)%len(hostileValues)] }
	s.Config.Title, s.Config.Description = v(0), v(1)
	for i, a := range s.Articles {
		a.Doc.Title, a.Doc.Outlet, a.URL = v(i+2), v(i+3), v(i+4)
		if i%3 == 0 {
			a.Doc.Date = time.Time{}
		}
	}
	for i, sp := range s.Speakers {
		sp.Name, sp.URL = v(i+5), v(i+6)
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
