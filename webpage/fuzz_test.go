package webpage_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/webpage"
)

func FuzzParse(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, "")
		}
	}
	for _, s := range []string{
		"", "<p>x</p>", "<html><head><meta charset=\"utf-16\"></head><body><p>x</p>",
		`<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "author": {"@id": "a"}}, {"@id": "a", "name": 1}]}</script><p>Text here.</p>`,
		`<script type="application/ld+json">[[[[[[[[[[{"@type": "Article"}]]]]]]]]]]</script><p>Text</p>`,
		"<table><tr><td><q><q><pre>a\nb</pre></q></q></td></tr></table>", "<p>&amp;amp;quot; &#0; &#x110000; &notin;</p>",
		"\xff\xfe<\x00p\x00>\x00", "<div class=\"comments\"><article><p>x</p></article></div>",
		"<svg><title>t</title></svg><math><mi>x</mi></math><p>text</p>", "<frameset><frame src=x></frameset>",
	} {
		f.Add([]byte(s), "https://example.org/a/b")
	}
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		a, err := webpage.ParseWith(bytes.NewReader(data), pageURL, webpage.Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !strings.HasSuffix(a.Text, "\n") {
			t.Fatalf("text is not valid UTF-8 ending in a newline: %q", a.Text)
		}
		for i, line := range strings.Split(strings.TrimSuffix(a.Text, "\n"), "\n") {
			if i%2 == 1 {
				if line != "" {
					t.Fatalf("line %d should separate paragraphs: %q", i+1, line)
				}
				continue
			}
			if line == "" || line != strings.TrimFunc(line, unicode.IsSpace) {
				t.Fatalf("line %d is empty or not trimmed: %q", i+1, line)
			}
			if strings.ContainsFunc(line, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("line %d holds control characters: %q", i+1, line)
			}
		}
		for _, s := range append([]string{a.Title, a.Outlet, a.Lang, a.CanonicalURL}, a.Authors...) {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") {
				t.Fatalf("metadata %q is not one line of UTF-8", s)
			}
		}
		if a.CanonicalURL != "" && !strings.HasPrefix(a.CanonicalURL, "http://") && !strings.HasPrefix(a.CanonicalURL, "https://") {
			t.Fatalf("canonical URL %q is not http(s)", a.CanonicalURL)
		}
	})
}
