package document

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/webpage"
)

// Document is one article: its metadata and the text the extractor reads.
type Document struct {
	// ID is the front matter or JSON "id", else the slug, else the file path
	// relative to the content root without its extension.
	ID   string
	Path string
	// Line is the 1-based line of a JSON Lines document, 0 otherwise.
	Line int
	// Format is "md", "txt", "jsonl" or "html".
	Format string

	Title, Lang, SourceURL, Outlet, Slug string
	// Date is zero when the article has none.
	Date    time.Time
	Authors []string
	Draft   bool

	// Text is what the extractor reads; every quote offset is a code point
	// index into it.
	Text string
	// BodyOffset is, for Markdown, the 1-based line of the file where Text
	// starts, so positions in Text can be reported as file lines.
	BodyOffset int
	// Params holds every other front matter or JSON field, for templates.
	Params map[string]any
}

// Sentinel errors, to be tested with errors.Is.
var (
	ErrBinary      = errors.New("binary file")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrUnsupported = errors.New("unsupported file type")
	// ErrOutsideRoot is a symbolic link in a content folder that leads
	// out of it: following it could publish any file the user can read.
	ErrOutsideRoot = errors.New("symbolic link leads outside the content folder")
	// ErrTooLarge is a document larger than MaxBytes: a .md, .txt or
	// .html file, or one line of a JSON Lines file.
	ErrTooLarge = errors.New("document too large")
)

// MaxBytes bounds one document, whatever its format, as webpage bounds a
// saved page: a news article is well under a megabyte, and the
// extractor's memory grows with the document (tens of times its size), so
// anything past this is not an article and would only exhaust memory.
const MaxBytes = webpage.DefaultMaxBytes

// PosError locates a problem in an input file. Line and Column are 1-based
// (Column counts code points); zero means unknown. Offset is a byte offset
// into the file, or -1 when unknown.
type PosError struct {
	Path         string
	Line, Column int
	Offset       int64
	Err          error
}

func (e *PosError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.Offset >= 0 {
		fmt.Fprintf(&b, " (byte offset %d)", e.Offset)
	}
	return b.String()
}

func (e *PosError) Unwrap() error { return e.Err }

// extensions lists the file extensions ReadFile understands.
var extensions = []string{".md", ".markdown", ".txt", ".jsonl", ".html", ".htm"}

// ReadFile reads the articles of one file. The ID fallback is the path as
// given, without its extension.
func ReadFile(path string) ([]Document, error) {
	return readFile(path, strings.TrimSuffix(filepath.ToSlash(filepath.Clean(path)), filepath.Ext(path)), nil)
}

// ReadFileIn reads the articles of a file found under the content folder
// root (as Walk returns it): the ID fallback is the path relative to root,
// slash-separated, without its extension.
//
// A file under root that is, or goes through, a symbolic link leading out
// of root is not read (ErrOutsideRoot): Walk leaves such links out, and the
// check is made again here in case a link changed since.
func ReadFileIn(root, path string) ([]Document, error) {
	return ReadFileInSkipping(root, path, nil)
}

// ReadFileInSkipping is ReadFileIn for a build that goes on past bad input:
// a bad line of a JSON Lines file is given to skip, its error naming
// path:line, and the other lines are read, so that one bad line does not
// cost the whole file. Other errors (a bad .md file, a read error) are
// returned as by ReadFileIn. With skip nil, it is ReadFileIn.
func ReadFileInSkipping(root, path string, skip func(error)) ([]Document, error) {
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return readFile(path, strings.TrimSuffix(filepath.ToSlash(filepath.Clean(path)), filepath.Ext(path)), skip)
	}
	if err := checkInside(root, path); err != nil {
		return nil, err
	}
	return readFile(path, strings.TrimSuffix(filepath.ToSlash(rel), filepath.Ext(rel)), skip)
}

// checkInside fails with ErrOutsideRoot when path, once every symbolic
// link is resolved, is not under root (itself resolved).
func checkInside(root, path string) error {
	realRoot, err := realPath(root)
	if err != nil {
		return fmt.Errorf("content folder %s: %w", root, err)
	}
	return checkInsideReal(realRoot, path)
}

// checkInsideReal is checkInside for a root already resolved by realPath.
func checkInsideReal(realRoot, path string) error {
	target, err := realPath(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !within(realRoot, target) {
		return fmt.Errorf("%s: %w (to %s)", path, ErrOutsideRoot, target)
	}
	return nil
}

// realPath is the absolute path with every symbolic link resolved, so that
// two of them compare whatever links and relative paths led to them.
func realPath(path string) (string, error) {
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	return filepath.Abs(p)
}

// within tells whether path is root or below it; both come from realPath.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readFile reads the articles of one file. With skip nil, the first bad
// line of a JSON Lines file is the file's error; otherwise it goes to skip
// and reading goes on.
func readFile(path, fallbackID string, skip func(error)) ([]Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if !slices.Contains(extensions, ext) {
		return nil, fmt.Errorf("%s: %w %q (supported: %s)", path, ErrUnsupported, ext, strings.Join(extensions, ", "))
	}
	if ext == ".jsonl" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var docs []Document
		r := NewJSONLReader(f, path)
		for {
			l, err := r.NextLine()
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			if err != nil {
				return nil, err // a read error: the following lines are lost too
			}
			d, err := ParseJSONLine(l)
			if err != nil {
				if skip == nil {
					return nil, err
				}
				skip(err)
				continue
			}
			docs = append(docs, d)
		}
	}
	data, err := readCapped(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	var d Document
	switch ext {
	case ".txt":
		d, err = ParseText(path, data)
	case ".html", ".htm":
		d, err = ParseHTML(path, data)
	default:
		d, err = ParseMarkdown(path, data)
	}
	if err != nil {
		return nil, err
	}
	if d.ID == "" {
		d.ID = fallbackID
	}
	return []Document{d}, nil
}

// readCapped reads a file of at most limit bytes; a larger one is an
// ErrTooLarge naming its path, read no further than the limit.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from the file, as os.ReadFile does, so that an article is read
	// into one buffer rather than one that doubles from 512 bytes; one
	// byte more tells a file larger than limit.
	size := int64(bytes.MinRead)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = min(fi.Size(), limit) + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, &PosError{Path: path, Offset: -1, Err: fmt.Errorf("%w: more than %s", ErrTooLarge, webpage.FormatBytes(limit))}
	}
	return data, nil
}

// ParseText reads a plain-text article: the title is its first non-empty
// line and the text is the whole content, title included, so that offsets
// refer to the file. ID is left empty for the caller.
func ParseText(path string, data []byte) (Document, error) {
	if err := checkText(path, data, 1, 0); err != nil {
		return Document{}, err
	}
	d := Document{Path: path, Format: "txt", Text: string(data)}
	rest := bytes.TrimPrefix(data, bom)
	for len(rest) > 0 {
		line, tail, _ := bytes.Cut(rest, []byte{'\n'})
		if t := strings.TrimSpace(string(line)); t != "" {
			d.Title = t
			break
		}
		rest = tail
	}
	return d, nil
}

var bom = []byte("\xef\xbb\xbf")

// checkText rejects binary content and invalid UTF-8. line and offset are
// the file position of data[0], for JSON Lines where data is one line.
func checkText(path string, data []byte, line int, offset int64) error {
	if i := bytes.IndexByte(data, 0); i >= 0 || looksBinary(data) {
		if i < 0 {
			i = firstBad(data)
		}
		l, c := position(data, i)
		return &PosError{Path: path, Line: line + l - 1, Column: c, Offset: offset + int64(i), Err: ErrBinary}
	}
	if utf8.Valid(data) {
		return nil
	}
	i := firstBad(data)
	l, c := position(data, i)
	hint := "is the file in another encoding? convert it to UTF-8"
	if looksLatin1(data) {
		hint = "the file looks like Latin-1 (ISO-8859-1 or Windows-1252): convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8"
	}
	return &PosError{Path: path, Line: line + l - 1, Column: c, Offset: offset + int64(i),
		Err: fmt.Errorf("%w: byte 0x%02x (%s)", ErrInvalidUTF8, data[i], hint)}
}

// looksLatin1 tells whether text that is not UTF-8 reads as Windows-1252
// (a superset of Latin-1 in practice): every byte that does not decode is
// one of its letters or signs, not a control code it leaves undefined.
func looksLatin1(data []byte) bool {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if b := data[i]; b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d {
				return false // undefined in Windows-1252
			}
		}
		i += n
	}
	return true
}

// looksBinary tells a binary file from a text in a legacy encoding: both
// fail UTF-8 decoding, but a binary file is dense with control bytes from
// its start. Undecodable bytes alone say nothing: a short French text in
// Latin-1 is one in ten accented letters and guillemets, and is text.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), 8000)]
	if len(sample) < 32 || utf8.Valid(sample) {
		return false
	}
	bad := 0
	for _, b := range sample {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b) || b == 0x7f {
			bad++
		}
	}
	return bad*20 >= len(sample)
}

func firstBad(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// position turns a byte index into a 1-based line and code point column.
func position(data []byte, i int) (line, col int) {
	i = min(i, len(data))
	line = 1 + bytes.Count(data[:i], []byte{'\n'})
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:i])
}

// Walk lists the article files under root, sorted by path: files with a
// supported extension, leaving out hidden files and folders (names starting
// with ".") and Hugo section pages (_index.md).
//
// A symbolic link to a file inside root is listed; one that leads out of
// root, or nowhere, is left out and reported to warn (which may be nil), so
// that a link to /etc/shadow in a content folder is never published.
// Links to folders are not followed.
func Walk(root string, warn func(error)) ([]string, error) {
	realRoot, err := realPath(root)
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", root, err)
	}
	// WalkDir does not follow a root that is a link; with a trailing
	// separator the system resolves it, and the paths still start with
	// root, as ReadFileIn needs for the IDs.
	walkRoot := root
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		walkRoot = root + string(filepath.Separator)
	}
	var paths []string
	err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != walkRoot && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if !slices.Contains(extensions, ext) || strings.TrimSuffix(name, filepath.Ext(name)) == "_index" {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if err := checkInsideReal(realRoot, path); err != nil {
				if warn != nil {
					warn(fmt.Errorf("%w; skipped", err))
				}
				return nil
			}
		}
		paths = append(paths, path)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", root, err)
	}
	slices.Sort(paths)
	return paths, nil
}
