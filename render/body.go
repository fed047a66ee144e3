package render

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	grenderer "github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// span is a quote to highlight in an article body, in byte offsets into the
// text the body is rendered from.
type span struct {
	start, end int
	id         string // the quote's id, set on its first highlighted piece
	href       string // where the highlight links (the speaker's page)
	title      string // tooltip (the speaker's name)
}

// markdown parses article bodies. goldmark's defaults are what verbatim
// wants: raw HTML is left out, dangerous link schemes are dropped, and
// without the Typographer extension quotation marks stay as published.
// The parser is safe for concurrent use; renderers are built per article
// since they carry that article's quote spans.
var markdown = goldmark.New()

// renderMarkdown renders a Markdown body with every quote span wrapped in a
// <mark> link. Spans are applied to text nodes through their source
// segments, so a highlight only ever wraps text: it cannot break the
// nesting of the HTML, whatever Markdown the quote straddles.
func renderMarkdown(src []byte, spans []span) (string, error) {
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	hr := &highlighter{spans: spans, writer: ghtml.DefaultWriter}
	r := grenderer.NewRenderer(grenderer.WithNodeRenderers(
		util.Prioritized(ghtml.NewRenderer(), 1000),
		util.Prioritized(hr, 100),
	))
	var buf bytes.Buffer
	if err := r.Render(&buf, src, doc); err != nil {
		return "", err
	}
	return buf.String(), nil
}

type highlighter struct {
	spans  []span
	writer ghtml.Writer
	opened map[int]bool // spans whose first piece has been written
}

func (h *highlighter) RegisterFuncs(reg grenderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, h.renderText)
}

func (h *highlighter) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	seg := n.Segment
	if n.IsRaw() {
		h.writer.RawWrite(w, seg.Value(source))
	} else if seg.Padding > 0 {
		h.writer.Write(w, seg.Value(source))
	} else {
		h.mark(w, source, seg.Start, seg.Stop, insideLink(n), func(b []byte) { h.writer.Write(w, b) })
	}
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// mark writes src[start:end] through write, wrapping the parts inside quote
// spans in <mark> elements. Inside an existing link the highlight carries no
// link of its own (nested links are invalid HTML).
func (h *highlighter) mark(w util.BufWriter, src []byte, start, end int, inLink bool, write func([]byte)) {
	pos := start
	for i := range h.spans {
		s := &h.spans[i]
		if s.end <= pos || s.start >= end {
			continue
		}
		a, b := max(s.start, pos), min(s.end, end)
		if a > pos {
			write(src[pos:a])
		}
		_, _ = w.WriteString(`<mark class="q"`)
		if h.opened == nil {
			h.opened = map[int]bool{}
		}
		if !h.opened[i] {
			h.opened[i] = true
			_, _ = w.WriteString(` id="` + html.EscapeString(s.id) + `"`)
		}
		_ = w.WriteByte('>')
		if !inLink && s.href != "" {
			_, _ = w.WriteString(`<a href="` + html.EscapeString(s.href) + `" title="` + html.EscapeString(s.title) + `">`)
		}
		write(src[a:b])
		if !inLink && s.href != "" {
			_, _ = w.WriteString("</a>")
		}
		_, _ = w.WriteString("</mark>")
		pos = b
	}
	if pos < end {
		write(src[pos:end])
	}
}

func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if k := p.Kind(); k == ast.KindLink || k == ast.KindAutoLink {
			return true
		}
	}
	return false
}

// renderPlain renders a plain-text body: paragraphs at blank lines, line
// breaks kept, every character escaped, quote spans highlighted. from is
// the byte offset where the body starts (after a title line).
func renderPlain(src []byte, from int, spans []span) string {
	var buf bytes.Buffer
	bw := bufWriter{&buf}
	h := &highlighter{spans: spans}
	escape := func(b []byte) { buf.WriteString(html.EscapeString(string(b))) }
	pos := from
	for pos < len(src) {
		// Skip blank lines, then take the paragraph up to the next one.
		for pos < len(src) {
			nl := bytes.IndexByte(src[pos:], '\n')
			line := src[pos:]
			if nl >= 0 {
				line = src[pos : pos+nl]
			}
			if len(bytes.TrimSpace(line)) > 0 {
				break
			}
			if nl < 0 {
				pos = len(src)
			} else {
				pos += nl + 1
			}
		}
		if pos >= len(src) {
			break
		}
		end := pos
		var lines [][2]int
		for end < len(src) {
			nl := bytes.IndexByte(src[end:], '\n')
			stop := len(src)
			if nl >= 0 {
				stop = end + nl
			}
			if len(bytes.TrimSpace(src[end:stop])) == 0 {
				break
			}
			lines = append(lines, [2]int{end, stop})
			end = stop
			if nl >= 0 {
				end++
			}
		}
		buf.WriteString("<p>")
		for i, l := range lines {
			if i > 0 {
				buf.WriteString("<br>\n")
			}
			a, b := l[0], l[1]
			for a < b && (src[a] == ' ' || src[a] == '\t') {
				a++
			}
			for b > a && (src[b-1] == ' ' || src[b-1] == '\t' || src[b-1] == '\r') {
				b--
			}
			h.mark(bw, src, a, b, false, escape)
		}
		buf.WriteString("</p>\n")
		pos = end
	}
	return buf.String()
}

// bufWriter adapts a bytes.Buffer to goldmark's util.BufWriter for mark.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Flush() error     { return nil }
func (b bufWriter) Available() int { return b.Buffer.Available() }
func (b bufWriter) Buffered() int  { return b.Buffer.Len() }

// bodyStart returns the byte offset where a plain-text body starts: after
// the first non-empty line when that line is the title, since the page
// shows the title as its heading.
func bodyStart(src, title string) int {
	pos := 0
	for pos < len(src) {
		nl := strings.IndexByte(src[pos:], '\n')
		line := src[pos:]
		if nl >= 0 {
			line = src[pos : pos+nl]
		}
		if t := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")); t != "" {
			if t == title && nl >= 0 {
				return pos + nl + 1
			}
			if t == title {
				return len(src)
			}
			return pos
		}
		if nl < 0 {
			return len(src)
		}
		pos += nl + 1
	}
	return pos
}

// runeIndex maps each code point offset of s (0…count) to its byte offset,
// so quote offsets convert in constant time.
func runeIndex(s string) []int {
	idx := make([]int, 0, len(s)+1)
	for b := range s {
		idx = append(idx, b)
	}
	return append(idx, len(s))
}
