package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/verbatim-news/verbatim/internal/slug"
	"github.com/verbatim-news/verbatim/webpage"
)

// ErrExists is returned by Save when the file is already there.
var ErrExists = errors.New("file already exists")

// FileName returns the file an article is stored in: <date>-<slug>.md with
// the publication date in the publisher's time zone, or <slug>.md for an
// undated article. The slug comes from the title, else from the URL.
func FileName(a webpage.Article) string {
	s := Slug(a)
	if a.Date.IsZero() {
		return s + ".md"
	}
	return a.Date.Format(time.DateOnly) + "-" + s + ".md"
}

// Slug returns the article's slug, made as the site makes slugs.
func Slug(a webpage.Article) string {
	if strings.TrimSpace(a.Title) != "" {
		return slug.Make(a.Title)
	}
	if u, err := url.Parse(a.CanonicalURL); err == nil && u.Host != "" {
		if base := path.Base(strings.TrimSuffix(u.Path, "/")); base != "." && base != "/" && base != "" {
			return slug.Make(strings.TrimSuffix(base, path.Ext(base)))
		}
		return slug.Make(u.Host)
	}
	return slug.Make("article")
}

// Markdown returns the file Save writes: YAML front matter (title, date,
// lang, source_url, outlet, authors, fetched in RFC 3339 UTC, slug, and an
// id equal to the file name so that two articles with one title on two
// days stay two documents), then the text, one paragraph per line, lines
// separated by blank lines. A line that Markdown would read as syntax (a
// heading "#", a list "-" or "1.", a quote ">") gets a backslash so that it
// stays text; nothing else is escaped, and quotation marks are kept as
// they are.
func Markdown(a webpage.Article, fetched time.Time) []byte {
	name := FileName(a)
	fm := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		fm.Content = append(fm.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	stamp := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s} }

	add("title", str(a.Title))
	if !a.Date.IsZero() {
		add("date", stamp(formatDate(a.Date)))
	}
	if a.Lang != "" {
		add("lang", str(a.Lang))
	}
	add("source_url", str(a.CanonicalURL))
	if a.Outlet != "" {
		add("outlet", str(a.Outlet))
	}
	if len(a.Authors) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, name := range a.Authors {
			seq.Content = append(seq.Content, str(name))
		}
		add("authors", seq)
	}
	add("fetched", stamp(fetched.UTC().Format(time.RFC3339)))
	add("slug", str(Slug(a)))
	add("id", str(strings.TrimSuffix(name, ".md")))

	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	// Encoding a mapping of plain scalars cannot fail.
	_ = enc.Encode(fm)
	_ = enc.Close()
	b.WriteString("---\n")
	for _, line := range strings.Split(a.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("\n")
			b.WriteString(EscapeLine(line))
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// formatDate writes a date alone when it has no time of day in UTC, as
// publishers often give only the day.
func formatDate(t time.Time) string {
	if t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// EscapeLine puts a backslash before the character that would make a line
// of text a Markdown block: "#", ">", "-", "+", "*", "_", "`", "~", "|",
// "<", "[" or "\" at its start, or the "." or ")" of an ordered list
// number ("1990. That year…"). Inline syntax is left alone.
func EscapeLine(line string) string {
	if line == "" {
		return line
	}
	if strings.ContainsRune(`#>-+*_`+"`"+`~|<[\`, rune(line[0])) {
		return `\` + line
	}
	digits := 0
	for digits < len(line) && digits < 10 && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits <= 9 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		return line[:digits] + `\` + line[digits:]
	}
	return line
}

// Save writes the article into dir as FileName(a), creating dir if needed,
// and returns the file's path. The file is written to a temporary file in
// dir first and then moved into place, so a reader never sees half a file.
// An existing file is an ErrExists unless force is set, in which case it is
// replaced and replaced is true.
func Save(dir string, a webpage.Article, fetched time.Time, force bool) (path string, replaced bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, fmt.Errorf("create %s: %w", dir, err)
	}
	dst := filepath.Join(dir, FileName(a))
	// The temporary name starts with "." so that a build running meanwhile
	// (document.Walk skips hidden files) never reads it.
	tmp, err := os.CreateTemp(dir, ".fetch-*.md.tmp")
	if err != nil {
		return "", false, fmt.Errorf("write %s: %w", dst, err)
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(Markdown(a, fetched))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return "", false, fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", false, fmt.Errorf("write %s: %w", dst, err)
	}
	if force {
		_, serr := os.Lstat(dst)
		if err := os.Rename(tmp.Name(), dst); err != nil {
			return "", false, fmt.Errorf("write %s: %w", dst, err)
		}
		return dst, serr == nil, nil
	}
	// A hard link creates the name only if it is free, with no window in
	// which another writer could slip in between a check and the rename.
	err = os.Link(tmp.Name(), dst)
	switch {
	case err == nil:
		return dst, false, nil
	case errors.Is(err, fs.ErrExist):
		return dst, false, fmt.Errorf("%s: %w", dst, ErrExists)
	}
	// Some file systems have no hard links: check, then rename.
	if _, serr := os.Lstat(dst); serr == nil {
		return dst, false, fmt.Errorf("%s: %w", dst, ErrExists)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", false, fmt.Errorf("write %s: %w", dst, err)
	}
	return dst, false, nil
}
