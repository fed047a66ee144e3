package document_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
	"github.com/verbatim-news/verbatim/webpage"
)

const savedPage = `<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8">
<title>Valbrune vote son budget | La Gazette</title>
<link rel="canonical" href="https://gazette.example/valbrune/budget">
<meta property="og:site_name" content="La Gazette de Valbrune">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Valbrune vote son budget",
 "datePublished": "2024-03-12T08:00:00+01:00", "author": [{"name": "Camille Ferrand"}]}</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="/politique">« Politique »</a></nav>
<article><h1>Valbrune vote son budget</h1>
<p>Le conseil municipal a adopté lundi soir le budget de la ville.</p>
<p>« Nous ne pouvons plus attendre », a lancé la maire, Hélène Marchetti-Roux.</p>
<div class="share"><a href="#">« Partager »</a></div>
</article>
<section class="comments"><p>« Bravo », écrit un lecteur.</p></section>
</body></html>`

func TestReadHTMLFile(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "2024", "budget.html")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(savedPage), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "old.HTM"), []byte(savedPage), 0o644))

	paths, err := document.Walk(root, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{path, filepath.Join(root, "old.HTM")}, paths, ".html and .htm are articles")

	docs, err := document.ReadFileIn(root, path)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	assert.Equal(t, "2024/budget", d.ID)
	assert.Equal(t, path, d.Path)
	assert.Equal(t, "html", d.Format)
	assert.Equal(t, "Valbrune vote son budget", d.Title)
	assert.Equal(t, "fr", d.Lang)
	assert.Equal(t, "https://gazette.example/valbrune/budget", d.SourceURL)
	assert.Equal(t, "La Gazette de Valbrune", d.Outlet)
	assert.Equal(t, []string{"Camille Ferrand"}, d.Authors)
	assert.True(t, d.Date.Equal(time.Date(2024, 3, 12, 7, 0, 0, 0, time.UTC)), d.Date)
	assert.Equal(t, "Le conseil municipal a adopté lundi soir le budget de la ville.\n\n"+
		"« Nous ne pouvons plus attendre », a lancé la maire, Hélène Marchetti-Roux.\n", d.Text)
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"binary file named .html", []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x01\x02\xff\xfe", 40)), "p.html:1:1: binary file (byte offset 0)", document.ErrBinary},
		{"NUL byte", []byte("<p>a\x00b</p>"), "p.html:1:5: binary file (byte offset 4)", document.ErrBinary},
		{"no article text", []byte("<nav><p>Menu</p></nav>"), "p.html: no article text found (is it an article page?)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := document.ParseHTML("p.html", tt.data)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			var pe *document.PosError
			assert.True(t, errors.As(err, &pe))
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
		})
	}
}

func TestParseHTMLEncodings(t *testing.T) {
	const text = "« Déjà vu », dit-elle, en réponse à la question du conseil municipal sur le budget."
	utf16 := []byte{0xfe, 0xff} // big endian
	for _, r := range "<html><body><p>" + text + "</p></body></html>" {
		utf16 = append(utf16, byte(r>>8), byte(r))
	}
	latin1 := []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xab D\xe9j\xe0 vu \xbb, dit-elle, en r\xe9ponse \xe0 la question du conseil municipal sur le budget.</p></body></html>")
	for name, data := range map[string][]byte{"UTF-16 with byte order mark": utf16, "Latin-1 declared": latin1} {
		t.Run(name, func(t *testing.T) {
			d, err := document.ParseHTML("p.html", data)
			require.NoError(t, err)
			assert.Equal(t, text+"\n", d.Text)
		})
	}
}

// TestHostileHTMLFiles reads, through ReadFileIn as build and serve do, the
// pages that made golang.org/x/net v0.41's parser loop forever or take most
// of a minute: each must come back with an error naming the file.
func TestHostileHTMLFiles(t *testing.T) {
	// Each page is read in well under a second; the deadline only keeps a
	// regression from stalling the test run.
	const deadline = 20 * time.Second
	tests := []struct {
		name, page, want string
		is               error
	}{
		{"svg and select in a table", `<table><tbody><svg><td><desc><select></select></tbody>`,
			"table.html: no article text found (is it an article page?)", webpage.ErrNoText},
		{"64k nested divs", strings.Repeat("<div>", 64<<10) + "<p>Deep words.</p>",
			"deep.html: HTML nested too deep: more than 512 levels of elements", webpage.ErrTooDeep},
	}
	root := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, _, _ := strings.Cut(tt.want, ":")
			path := filepath.Join(root, name)
			require.NoError(t, os.WriteFile(path, []byte(tt.page), 0o644))
			done := make(chan error, 1)
			go func() {
				_, err := document.ReadFileIn(root, path)
				done <- err
			}()
			select {
			case err := <-done:
				require.ErrorIs(t, err, tt.is)
				assert.Equal(t, filepath.Join(root, tt.want), err.Error())
			case <-time.After(deadline):
				t.Fatalf("reading %s did not return within %s: the HTML parser loops", path, deadline)
			}
		})
	}
}
