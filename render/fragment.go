package render

import (
	"net/url"
	"strings"
	"unicode"
)

// safeURL returns the source URL when it is an absolute http(s) URL, else
// "": a javascript: or data: URL, or one that does not parse, never becomes
// a link.
func safeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// fragmentWords is how many words start and end a text fragment for a long
// quote: enough to be unique in a page, short enough to survive small
// differences between the published page and the text verbatim read.
const fragmentWords = 4

// maxExactFragment is the longest quote matched whole by a text fragment.
const maxExactFragment = 80

// textFragment returns source with a #:~:text= directive that makes the
// browser scroll to and highlight the quote. Long quotes use the
// textStart,textEnd form. An empty source gives "".
func textFragment(source, quote string) string {
	if source == "" {
		return ""
	}
	if i := strings.IndexByte(source, '#'); i >= 0 {
		source = source[:i]
	}
	words := strings.Fields(quote)
	if len(words) == 0 {
		return source
	}
	var directive string
	if len([]rune(quote)) <= maxExactFragment || len(words) <= 2*fragmentWords {
		directive = encodeFragment(strings.Join(words, " "))
	} else {
		start := strings.Join(words[:fragmentWords], " ")
		end := strings.Join(words[len(words)-fragmentWords:], " ")
		directive = encodeFragment(start) + "," + encodeFragment(end)
	}
	return source + "#:~:text=" + directive
}

// encodeFragment percent-encodes a text directive term. The spec requires
// "-", "&" and "," to be encoded since they are the directive's own syntax;
// everything but ASCII letters, digits and a few marks that are safe in a
// fragment is encoded as UTF-8 bytes.
func encodeFragment(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || strings.IndexByte("._~!$'()*+;=:@/?", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
