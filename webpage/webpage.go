package webpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Article is the main text of a page and what its metadata says about it.
type Article struct {
	Title string
	// Text is one paragraph, heading or list item per line, lines separated
	// by a blank line; it holds no HTML and does not repeat the title.
	Text string
	// Date is the publication date; zero when the page gives none.
	Date    time.Time
	Authors []string
	// Outlet is the publisher's name (JSON-LD publisher, og:site_name).
	Outlet string
	// Lang is the primary language subtag, lower case ("fr" for fr-FR).
	Lang string
	// CanonicalURL is the page's own idea of its address, else the URL it
	// was read from; empty when neither is an absolute http(s) URL.
	CanonicalURL string
}

// DefaultMaxBytes bounds the size of a page: news pages are well under a
// megabyte of HTML, so anything past this is not an article.
const DefaultMaxBytes = 20 << 20

// maxDepth bounds element nesting: real pages stay under a hundred levels,
// and the tree walks of the readability library recurse once per level.
// golang.org/x/net/html, as go.mod requires it, stops at the same depth;
// both limits are reported as ErrTooDeep.
const maxDepth = 512

// htmlDepthError is how golang.org/x/net/html words its own depth limit.
// It exports no sentinel error, so the message is the only way to tell a
// page nested too deep from other parse failures.
const htmlDepthError = "open stack of elements exceeds"

// DefaultTimeout bounds the time spent on one page. Parsing is linear in
// the size of the page with current libraries and the limits above, and a
// 20 MB page takes a few seconds; the timeout is the last defence should a
// library bug make some input loop, so that one page cannot stall a whole
// build, fetch or server.
const DefaultTimeout = 30 * time.Second

// maxWork bounds the sum over all nodes of their depth. The readability
// library's cost grows with it (it measures the text of every ancestor of
// every candidate), so a page of many thousands of paragraphs inside
// hundreds of wrappers would take minutes. Real pages, even long ones, stay
// under a tenth of it.
const maxWork = 20_000_000

// Sentinel errors, to be tested with errors.Is.
var (
	ErrTooLarge   = errors.New("page too large")
	ErrNoText     = errors.New("no article text found")
	ErrTooDeep    = errors.New("HTML nested too deep")
	ErrTooComplex = errors.New("page too complex")
	ErrMalformed  = errors.New("page could not be read as an article")
	ErrTimeout    = errors.New("page took too long to read")
)

// Options tune ParseWith. The zero value is what Parse uses.
type Options struct {
	// MaxBytes is the largest page read; 0 means DefaultMaxBytes.
	MaxBytes int64
	// ContentType is the HTTP Content-Type header, whose charset parameter
	// wins over the page's <meta charset>.
	ContentType string
	// Timeout bounds the time spent parsing; 0 means DefaultTimeout.
	Timeout time.Duration
}

// Parse reads an HTML page and returns its article. pageURL, which may be
// empty, is where the page comes from: it resolves relative canonical URLs
// and is the CanonicalURL when the page declares none.
func Parse(r io.Reader, pageURL string) (Article, error) {
	return ParseWith(r, pageURL, Options{})
}

// ParseWith is Parse with options.
func ParseWith(r io.Reader, pageURL string, opts Options) (Article, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Article{}, fmt.Errorf("read page: %w", err)
	}
	if int64(len(data)) > limit {
		return Article{}, fmt.Errorf("%w: more than %s", ErrTooLarge, FormatBytes(limit))
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return parseWithin(data, pageURL, opts.ContentType, timeout)
}

// parseWithin parses in a goroutine and gives up after timeout. Go cannot
// stop a goroutine from outside: the parse reads its input through a
// reader that fails once the time is up, and checks the time between its
// stages, so a page given up on stops within a stage (the readability
// library, which cannot be interrupted, only runs on trees the work
// bounds admit); the caller gets an error and goes on with the other
// pages, which is what a build or a server needs.
func parseWithin(data []byte, pageURL, contentType string, timeout time.Duration) (Article, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if ctx.Err() != nil {
		return Article{}, fmt.Errorf("%w: more than %s", ErrTimeout, timeout)
	}
	type result struct {
		a   Article
		err error
	}
	// Buffered, so that a parse finishing after the timeout does not block.
	done := make(chan result, 1)
	go func() {
		a, err := parseBytes(ctx, data, pageURL, contentType)
		done <- result{a, err}
	}()
	select {
	case r := <-done:
		return r.a, r.err
	case <-ctx.Done():
		return Article{}, fmt.Errorf("%w: more than %s", ErrTimeout, timeout)
	}
}

// FormatBytes writes a byte count the way people read it in error messages.
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ctxReader reads from r until ctx is done, then fails, so that a parse
// reading from it stops at its next read.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func parseBytes(ctx context.Context, data []byte, pageURL, contentType string) (a Article, err error) {
	// The readability library is large and was not written for hostile
	// input; a panic in it is a page we cannot read, not a crash.
	defer func() {
		if p := recover(); p != nil {
			a, err = Article{}, fmt.Errorf("%w: %v", ErrMalformed, p)
		}
	}()
	src := decode(data, contentType)
	doc, err := html.Parse(ctxReader{ctx, strings.NewReader(src)})
	if ctx.Err() != nil {
		return Article{}, ctx.Err()
	}
	if err != nil {
		if strings.Contains(err.Error(), htmlDepthError) {
			return Article{}, fmt.Errorf("%w: more than %d levels of elements", ErrTooDeep, maxDepth)
		}
		return Article{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	switch d, nodes, work := measureTree(doc); {
	case d > maxDepth:
		return Article{}, fmt.Errorf("%w: more than %d levels of elements", ErrTooDeep, maxDepth)
	case work > maxWork:
		return Article{}, fmt.Errorf("%w: %d nodes nested %d levels deep on average", ErrTooComplex, nodes, work/max(nodes, 1))
	}
	// Only a web address can resolve relative links or stand for the page.
	base, _ := url.Parse(pageURL)
	if base != nil && ((base.Scheme != "http" && base.Scheme != "https") || base.Host == "") {
		base = nil
	}
	m := readMeta(doc, base)

	clean(doc)
	if ctx.Err() != nil {
		return Article{}, ctx.Err()
	}
	p := readability.NewParser()
	// The JSON-LD and meta tags were read above; the library's own reading
	// is only a fallback.
	ra, rerr := p.ParseAndMutate(doc, base)
	content := ra.Node
	if rerr != nil || content == nil {
		// Readability gives up on pages it cannot score (very short ones, or
		// ones with no paragraphs); what is left after cleaning is the best
		// guess then.
		content = fallbackContent(doc)
	}
	if rerr == nil {
		m.fallback(ra)
	}
	if m.Title == "" {
		m.Title = m.titleTag
	}
	if m.Title == "" {
		// A page with no title at all: its first heading is it.
		m.Title = firstHeading(content)
	}
	dropLinkLists(content)
	paras := paragraphs(content, m.Lang)
	if len(paras) > 0 && m.Title != "" && sameText(paras[0], m.Title) {
		paras = paras[1:]
	}
	if len(paras) == 0 {
		return Article{}, ErrNoText
	}
	a = Article{
		Title:        m.Title,
		Text:         strings.Join(paras, "\n\n") + "\n",
		Date:         m.Date,
		Authors:      m.Authors,
		Outlet:       m.Outlet,
		Lang:         m.Lang,
		CanonicalURL: m.Canonical,
	}
	if a.CanonicalURL == "" && base != nil {
		a.CanonicalURL = resolveURL(nil, base.String())
	}
	return a, nil
}

// decode returns the page as UTF-8. A Content-Type charset or a byte order
// mark is trusted; a <meta charset> or the windows-1252 default is not when
// the whole page is valid UTF-8, since pages saved from a browser often
// keep a stale declaration, and valid multi-byte UTF-8 almost never happens
// by chance in a legacy encoding.
func decode(data []byte, contentType string) string {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(data)) {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	if enc == nil {
		enc = encoding.Nop
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// measureTree measures nesting without recursion, so that a hostile page
// cannot exhaust the stack before it is rejected: the deepest level, the
// number of nodes and the sum of their depths. It stops counting once the
// depth is past maxDepth.
func measureTree(n *html.Node) (deepest, nodes, work int) {
	d := 0
	for c := n; c != nil; {
		nodes++
		work += d
		if c.FirstChild != nil {
			c = c.FirstChild
			d++
			deepest = max(deepest, d)
			if deepest > maxDepth {
				return deepest, nodes, work
			}
			continue
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
			d--
		}
		if c == n {
			break
		}
		c = c.NextSibling
	}
	return deepest, nodes, work
}

// fallbackContent picks the article's container when readability found
// none: the page's <article>, else <main>, else <body>.
func fallbackContent(doc *html.Node) *html.Node {
	for _, tag := range []string{"article", "main", "body"} {
		if n := findElement(doc, tag); n != nil {
			return n
		}
	}
	return doc
}

// findElement returns the first element named tag, in document order.
func findElement(n *html.Node, tag string) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.Data == tag {
			found = c
			return false
		}
		return true
	})
	return found
}

func firstHeading(content *html.Node) string {
	var title string
	walk(content, func(c *html.Node) bool {
		if title != "" {
			return false
		}
		if c.Type == html.ElementNode && (c.Data == "h1" || c.Data == "h2") {
			title = cleanLine(textContent(c))
			return false
		}
		return true
	})
	return title
}

// sameText compares a paragraph with the title, ignoring case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
