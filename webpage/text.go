package webpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags are the elements that start and end a line of text.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "dd": true, "details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hgroup": true,
	"hr": true, "html": true, "legend": true, "li": true, "main": true, "menu": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"tfoot": true, "thead": true, "tr": true, "ul": true, "br": true,
}

// skipTags hold no readable text even when readability keeps them.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"button": true, "select": true, "textarea": true, "input": true, "iframe": true, "object": true,
	"head": true, "title": true,
}

// quoteMarks are the marks a browser draws around <q> elements, by
// language: outer pair, then inner pair.
var quoteMarks = map[string][4]string{
	"fr": {"«\u00a0", "\u00a0»", "“", "”"},
	"de": {"„", "“", "‚", "‘"},
	"":   {"“", "”", "‘", "’"},
}

// paragraphs writes the text of content as lines: every block element
// (paragraph, heading, list item, table row, <br>) ends a line, inline
// elements run on. Empty lines are dropped.
func paragraphs(content *html.Node, lang string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		// A line with no letter or digit (a rule of dashes, a lone
		// bullet, replacement characters) says nothing.
		if s := cleanLine(cur.String()); textLen(s) > 0 {
			out = append(out, s)
		}
		cur.Reset()
	}
	marks, ok := quoteMarks[lang]
	if !ok {
		marks = quoteMarks[""]
	}
	pre, q := 0, 0
	traverse(content, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			if pre == 0 {
				cur.WriteString(n.Data)
				return false
			}
			// Preformatted text keeps its line breaks as line ends.
			lines := strings.Split(n.Data, "\n")
			for i, l := range lines {
				if i > 0 {
					flush()
				}
				cur.WriteString(l)
			}
			return false
		case html.ElementNode:
		default:
			return n.Type == html.DocumentNode
		}
		if skipTags[n.Data] {
			return false
		}
		switch {
		case blockTags[n.Data]:
			flush()
		case n.Data == "td" || n.Data == "th":
			cur.WriteByte(' ')
		case n.Data == "q":
			// A browser draws the marks of <q>; the text needs them to be a
			// quote at all.
			if q%2 == 0 {
				cur.WriteString(marks[0])
			} else {
				cur.WriteString(marks[2])
			}
			q++
		case n.Data == "img" || n.Data == "wbr":
			return false
		}
		if n.Data == "pre" {
			pre++
		}
		return true
	}, func(n *html.Node) {
		if n.Type != html.ElementNode || skipTags[n.Data] {
			return
		}
		switch {
		case blockTags[n.Data]:
			flush()
		case n.Data == "td" || n.Data == "th":
			cur.WriteByte(' ')
		case n.Data == "q":
			q--
			if q%2 == 0 {
				cur.WriteString(marks[1])
			} else {
				cur.WriteString(marks[3])
			}
		}
		if n.Data == "pre" {
			pre--
		}
	})
	flush()
	return out
}

// textContent concatenates the text below n.
func textContent(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// cleanLine makes one line of text: entities left by double encoding
// decoded, invisible format characters and controls removed, runs of ASCII
// white space collapsed, the ends trimmed. No-break spaces inside the line
// stay, since French typography puts them inside « ».
func cleanLine(s string) string {
	s = decodeEntities(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029':
			space = true
			continue
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff' || r == '\u2060':
			// Soft hyphens and zero-width spaces split names for the
			// extractor and are invisible to readers.
			continue
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// decodeEntities decodes the entities that remain in text after parsing,
// which happens when a site encodes its text twice ("&amp;quot;"). Only
// complete entities, ended by ";", are decoded.
func decodeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		end := entityEnd(s)
		if end > 0 {
			// A whole entity gives one or two code points; more means
			// only a prefix was a legacy entity ("&not" in "&notice;").
			if u := html.UnescapeString(s[:end]); u != s[:end] && utf8.RuneCountInString(u) <= 2 {
				b.WriteString(u)
				s = s[end:]
				i = strings.IndexByte(s, '&')
				continue
			}
		}
		b.WriteByte('&')
		s = s[1:]
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// entityEnd returns the length of the entity at the start of s ("&name;",
// "&#123;", "&#x1F;"), or 0.
func entityEnd(s string) int {
	for j := 1; j < len(s) && j < 40; j++ {
		c := s[j]
		switch {
		case c == ';':
			if j > 1 {
				return j + 1
			}
			return 0
		case c == '#' && j == 1:
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}

// traverse visits n and its descendants in document order without
// recursion: enter is called on the way down (false skips the children),
// exit on the way up, for every node entered.
func traverse(root *html.Node, enter func(*html.Node) bool, exit func(*html.Node)) {
	c := root
	for {
		if enter(c) && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for {
			exit(c)
			if c == root {
				return
			}
			if c.NextSibling != nil {
				c = c.NextSibling
				break
			}
			c = c.Parent
		}
	}
}

// walk is traverse without the way up.
func walk(root *html.Node, visit func(*html.Node) bool) {
	traverse(root, visit, func(*html.Node) {})
}
