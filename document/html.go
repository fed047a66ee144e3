package document

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/verbatim-news/verbatim/webpage"
)

// ParseHTML reads a saved web page: the main text found by package webpage
// becomes Text (one paragraph per line, the title not repeated), and the
// page's metadata fills Title, Date, Authors, Outlet, Lang and SourceURL
// (its canonical URL). Unlike .md and .txt files, a page may be in any
// charset its <meta charset> declares. ID is left empty for the caller.
func ParseHTML(path string, data []byte) (Document, error) {
	// UTF-16 pages are full of NUL bytes; their byte order mark tells them
	// from binary files.
	utf16 := bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})
	if !utf16 {
		sample := data[:min(len(data), 8000)]
		if i := bytes.IndexByte(sample, 0); i >= 0 || looksBinary(sample) {
			l, c := position(data, max(i, 0))
			return Document{}, &PosError{Path: path, Line: l, Column: c, Offset: int64(max(i, 0)), Err: ErrBinary}
		}
	}
	a, err := webpage.Parse(bytes.NewReader(data), "")
	if err != nil {
		if errors.Is(err, webpage.ErrNoText) {
			err = fmt.Errorf("%w (is it an article page?)", err)
		}
		return Document{}, &PosError{Path: path, Offset: -1, Err: err}
	}
	return Document{
		Path:      path,
		Format:    "html",
		Title:     a.Title,
		Lang:      a.Lang,
		SourceURL: a.CanonicalURL,
		Outlet:    a.Outlet,
		Date:      a.Date,
		Authors:   a.Authors,
		Text:      a.Text,
	}, nil
}
