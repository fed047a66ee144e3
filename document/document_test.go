package document_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/verbatim-news/verbatim/document"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in, title string
	}{
		{"title is first non-empty line", "\n\n  Le titre  \n\nCorps « cité ».\n", "Le titre"},
		{"empty file", "", ""},
		{"blank file", "\n \n", ""},
		{"crlf", "Titre\r\n\r\nCorps\r\n", "Titre"},
		{"byte order mark stays in text, not in title", "\ufeffTitre\nCorps", "Titre"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := document.ParseText("a.txt", []byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.title, d.Title)
			assert.Equal(t, tt.in, d.Text, "text is the whole file so offsets refer to it")
			assert.Equal(t, "txt", d.Format)
		})
	}
}

func TestParseMarkdown(t *testing.T) {
	in := "---\n" +
		"id: blinken-astana\n" +
		"Title: \"Blinken à Astana\"\n" +
		"date: 2024-03-01T10:30:00+01:00\n" +
		"lang: fr\n" +
		"source_url: https://example.org/a\n" +
		"outlet: Exemple\n" +
		"authors: [Marie Curie, Paul Dupont]\n" +
		"slug: blinken\n" +
		"draft: true\n" +
		"url: /2024/blinken/\n" +
		"tags: [diplomatie, kazakhstan]\n" +
		"---\n" +
		"\n" +
		"Premier paragraphe.\n"
	d, err := document.ParseMarkdown("content/a.md", []byte(in))
	require.NoError(t, err)
	assert.Equal(t, "blinken-astana", d.ID)
	assert.Equal(t, "Blinken à Astana", d.Title)
	assert.True(t, d.Date.Equal(time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)), d.Date)
	assert.Equal(t, "fr", d.Lang)
	assert.Equal(t, "https://example.org/a", d.SourceURL)
	assert.Equal(t, "Exemple", d.Outlet)
	assert.Equal(t, []string{"Marie Curie", "Paul Dupont"}, d.Authors)
	assert.Equal(t, "blinken", d.Slug)
	assert.True(t, d.Draft)
	assert.Equal(t, "Premier paragraphe.\n", d.Text)
	assert.Equal(t, 15, d.BodyOffset, "line of 'Premier paragraphe.'")
	assert.Equal(t, map[string]any{"url": "/2024/blinken/", "tags": []any{"diplomatie", "kazakhstan"}}, d.Params)
	assert.Equal(t, "md", d.Format)
}

func TestParseMarkdownVariants(t *testing.T) {
	tests := []struct {
		name, in string
		want     document.Document
	}{
		{"no front matter", "Texte « cité ».\n",
			document.Document{Text: "Texte « cité ».\n", BodyOffset: 1}},
		{"empty file", "", document.Document{BodyOffset: 1}},
		{"front matter only", "---\ntitle: T\n---\n", document.Document{Title: "T", BodyOffset: 4}},
		{"empty front matter", "---\n---\nCorps", document.Document{Text: "Corps", BodyOffset: 3}},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n---\r\n\r\nCorps\r\n",
			document.Document{Title: "T", Text: "Corps\r\n", BodyOffset: 5}},
		{"slug is the id", "---\nslug: mon-article\n---\nx", document.Document{ID: "mon-article", Slug: "mon-article", Text: "x", BodyOffset: 4}},
		{"numeric id", "---\nid: 42\n---\nx", document.Document{ID: "42", Text: "x", BodyOffset: 4}},
		{"single author", "---\nauthors: Marie Curie\n---\n", document.Document{Authors: []string{"Marie Curie"}, BodyOffset: 4}},
		{"null fields", "---\ntitle:\ndate:\nauthors:\ndraft:\n---\n", document.Document{BodyOffset: 7}},
		{"quoted date", "---\ndate: \"2024-03-01\"\n---\n", document.Document{Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), BodyOffset: 4}},
		{"yaml date", "---\ndate: 2024-03-01\n---\n", document.Document{Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), BodyOffset: 4}},
		{"alias", "---\nx: &n Nom\ntitle: *n\n---\n", document.Document{Title: "Nom", BodyOffset: 5, Params: map[string]any{"x": "Nom"}}},
		{"horizontal rule later is body", "Intro\n---\nSuite", document.Document{Text: "Intro\n---\nSuite", BodyOffset: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := document.ParseMarkdown("a.md", []byte(tt.in))
			require.NoError(t, err)
			tt.want.Path, tt.want.Format = "a.md", "md"
			assert.Equal(t, tt.want, d)
		})
	}
}

func TestBadInputs(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           string // error text
		is             error
	}{
		{"toml", "a.md", "+++\ntitle = 'x'\n+++\n", "a.md:1: TOML front matter is not supported; use YAML between --- lines", nil},
		{"unclosed front matter", "a.md", "---\ntitle: x\nbody\n", "a.md:1: front matter opened with --- is never closed by a --- line", nil},
		{"yaml syntax, scanner line", "a.md", "---\ntitle: a\n  bad: x\n---\n", "a.md:3: front matter: mapping values are not allowed in this context", nil},
		{"yaml syntax, parser line", "a.md", "---\ntitle: a\ndate: 2024-01-02\nfoo: [1,2\n---\n", "a.md:4: front matter: did not find expected ',' or ']'", nil},
		{"tab indentation", "a.md", "---\ntitle: a\n\t- x\n---\n", "a.md:3: front matter: found a tab character that violates indentation", nil},
		{"duplicate key", "a.md", "---\ntitle: a\nTitle: b\n---\n", `a.md:3: key "Title" is already set on line 2`, nil},
		{"title is a list", "a.md", "---\n\ntitle: [a, b]\n---\n", "a.md:3: title must be a single value, not a list", nil},
		{"bad date", "a.md", "---\ndate: 2024-13-45\n---\n", `a.md:2: invalid date "2024-13-45" (want 2006-01-02 or RFC 3339 such as 2006-01-02T15:04:05Z)`, nil},
		{"bad draft", "a.md", "---\ndraft: peut-être\n---\n", `a.md:2: draft must be true or false, not "peut-être"`, nil},
		{"authors mapping", "a.md", "---\nauthors: {a: b}\n---\n", "a.md:2: authors must be a name or a list of names, not a mapping", nil},
		{"front matter is a list", "a.md", "---\n- a\n---\n", "a.md:2: front matter must be a YAML mapping of key: value lines", nil},
		{"invalid utf-8 in txt", "a.txt", "Titre\nCafé \xe9t\xe9\n", "a.txt:2:6: invalid UTF-8: byte 0xe9 (the file looks like Latin-1 (ISO-8859-1 or Windows-1252): convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8) (byte offset 12)", document.ErrInvalidUTF8},
		{"invalid utf-8 in md body", "a.md", "---\ntitle: x\n---\nok\n\xff", "a.md:5:1: invalid UTF-8: byte 0xff (the file looks like Latin-1 (ISO-8859-1 or Windows-1252): convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8) (byte offset 20)", document.ErrInvalidUTF8},
		{"nul byte", "a.txt", "Titre\nab\x00cd", "a.txt:2:3: binary file (byte offset 8)", document.ErrBinary},
		{"short Latin-1 text", "a.txt", "\xc9t\xe9\n\n\xab\xa0\xc0 l'\xe9t\xe9\xa0! \xbb, a dit H\xe9l\xe8ne \xe0 S\xe8te.\n", "a.txt:1:1: invalid UTF-8: byte 0xc9 (the file looks like Latin-1 (ISO-8859-1 or Windows-1252): convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8) (byte offset 0)", document.ErrInvalidUTF8},
		{"binary content", "a.md", "\x89PNG\r\n\x1a\n" + strings.Repeat("\x01\x02\xff\xfe", 40), "a.md:1:1: binary file (byte offset 0)", document.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if strings.HasSuffix(tt.file, ".txt") {
				_, err = document.ParseText(tt.file, []byte(tt.in))
			} else {
				_, err = document.ParseMarkdown(tt.file, []byte(tt.in))
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			var pe *document.PosError
			assert.True(t, errors.As(err, &pe), "errors carry a position")
		})
	}
}

func TestReadFileAndWalk(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"2024/blinken.md":       "---\ntitle: Blinken\n---\nTexte",
		"2024/_index.md":        "---\ntitle: Section\n---\n",
		"2024/bundle/index.md":  "Texte",
		"notes.txt":             "Titre\n\nTexte",
		"feed.jsonl":            `{"id": 1, "text": "a"}` + "\n" + `{"id": "b", "text": "b", "lang": "de"}` + "\n",
		".hidden.md":            "x",
		".git/config.md":        "x",
		"image.png":             "x",
		"2024/slugged.markdown": "---\nslug: mon-slug\n---\n",
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	paths, err := document.Walk(root, nil)
	require.NoError(t, err)
	var rel []string
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		require.NoError(t, err)
		rel = append(rel, filepath.ToSlash(r))
	}
	assert.Equal(t, []string{"2024/blinken.md", "2024/bundle/index.md", "2024/slugged.markdown", "feed.jsonl", "notes.txt"}, rel)

	var ids []string
	for _, p := range paths {
		docs, err := document.ReadFileIn(root, p)
		require.NoError(t, err)
		for _, d := range docs {
			ids = append(ids, d.ID)
			assert.Equal(t, p, d.Path)
		}
	}
	assert.Equal(t, []string{"2024/blinken", "2024/bundle/index", "mon-slug", "1", "b", "notes"}, ids)

	docs, err := document.ReadFile(filepath.Join(root, "notes.txt"))
	require.NoError(t, err)
	require.Len(t, docs, 1)
	assert.Equal(t, strings.TrimSuffix(filepath.ToSlash(filepath.Join(root, "notes.txt")), ".txt"), docs[0].ID)
	assert.Equal(t, "Titre", docs[0].Title)

	_, err = document.ReadFile(filepath.Join(root, "image.png"))
	require.ErrorIs(t, err, document.ErrUnsupported)
	assert.Contains(t, err.Error(), "image.png")
	assert.Contains(t, err.Error(), ".md, .markdown, .txt, .jsonl")

	_, err = document.ReadFile(filepath.Join(root, "missing.md"))
	require.ErrorIs(t, err, os.ErrNotExist)

	_, err = document.Walk(filepath.Join(root, "missing"), nil)
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"", time.Time{}},
		{"2024-03-01", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"2024-03-01T10:30:00Z", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01T10:30:00.5+02:00", time.Date(2024, 3, 1, 8, 30, 0, 5e8, time.UTC)},
		{"2024-03-01T10:30:00", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01 10:30:00", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := document.ParseDate(tt.in)
		require.NoError(t, err, tt.in)
		assert.True(t, tt.want.Equal(got), "%s: %v", tt.in, got)
	}
	_, err := document.ParseDate("1er mars 2024")
	assert.Error(t, err)
}

// TestWalkSymlinks checks that a content folder never leads out of itself:
// a link to a file outside (a system file, say) is skipped with a warning
// naming it, and ReadFileIn refuses it too.
func TestWalkSymlinks(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	outside := filepath.Join(base, "secret.txt")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "sub"), 0o755))
	require.NoError(t, os.WriteFile(outside, []byte("Secret\n\nroot:x:0:0"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "real.txt"), []byte("Title\n\nText"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(base, "elsewhere"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(base, "elsewhere", "b.txt"), []byte("B\n\nText"), 0o644))

	links := []struct {
		name, target string
		listed       bool
	}{
		{"inside.txt", "real.txt", true},
		{"sub/up.txt", "../real.txt", true},
		{"absolute-inside.txt", filepath.Join(root, "real.txt"), true},
		{"shadow.txt", outside, false},
		{"relative-out.txt", "../secret.txt", false},
		{"sub/two-up.txt", "../../secret.txt", false},
		{"etc.txt", "/etc/passwd", false},
		{"broken.txt", "missing.txt", false},
		{"dir-out", filepath.Join(base, "elsewhere"), false}, // folders are not followed
	}
	for _, l := range links {
		require.NoError(t, os.Symlink(l.target, filepath.Join(root, filepath.FromSlash(l.name))))
	}
	var warnings []string
	paths, err := document.Walk(root, func(err error) { warnings = append(warnings, err.Error()) })
	require.NoError(t, err)
	want := []string{filepath.Join(root, "real.txt")}
	for _, l := range links {
		p := filepath.Join(root, filepath.FromSlash(l.name))
		if l.listed {
			want = append(want, p)
			continue
		}
		if l.name == "dir-out" {
			continue
		}
		assert.True(t, slices.ContainsFunc(warnings, func(w string) bool { return strings.HasPrefix(w, p+": ") }),
			"a warning names %s: %q", p, warnings)
	}
	slices.Sort(want)
	assert.Equal(t, want, paths)
	assert.Len(t, warnings, 5)

	for _, l := range links {
		if l.name == "dir-out" || l.name == "broken.txt" {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(l.name))
		docs, err := document.ReadFileIn(root, p)
		if l.listed {
			require.NoError(t, err, l.name)
			assert.Equal(t, "Title", docs[0].Title)
			continue
		}
		require.ErrorIs(t, err, document.ErrOutsideRoot, l.name)
		assert.True(t, strings.HasPrefix(err.Error(), p+": symbolic link leads outside the content folder"), err.Error())
	}

	t.Run("content folder that is itself a link", func(t *testing.T) {
		link := filepath.Join(base, "content-link")
		require.NoError(t, os.Symlink(root, link))
		paths, err := document.Walk(link, nil)
		require.NoError(t, err)
		assert.Len(t, paths, 4)
		_, err = document.ReadFileIn(link, filepath.Join(link, "shadow.txt"))
		require.ErrorIs(t, err, document.ErrOutsideRoot)
	})
}
